import { z } from 'zod'
import { AssessmentInput, Diagnosis } from '../../assessment/schema'
import { EntityId, IsoDate } from '../../domain/common'
import { AssessmentRecord } from '../../domain/documents'
import { defineChannel } from '../define'

// Calf-pain assessments per athlete (issue 3, "In the app"). Channel names are frozen once released.
//
// Live feedback while the coach types: the renderer calls the pure `diagnose()` from shared/assessment
// directly (debounced), not `diagnoseDraft` over IPC. It is the very same module main runs, so the answer is
// identical; it costs no IPC round trip per keystroke, cannot queue up behind a slow write, and keeps working
// in read-only mode. Main stays the authority for what is stored and listed: `saveAssessment` validates the
// input again with the same zod schema, and `listAssessments` / `compareLatest` recompute every diagnosis with
// the current rules. `diagnoseDraft` is the same computation offered through the contract for scripted checks
// and tools that have no copy of shared/ (it also applies the profile pre-fill when an athlete is named).

/** A saved assessment with its diagnosis recomputed by the current rules (never stored). */
export const SavedAssessment = AssessmentRecord.extend({ diagnosis: Diagnosis })
export type SavedAssessment = z.infer<typeof SavedAssessment>

/** One entry of compareAssessments() (shared/assessment/compare.ts). */
export const AssessmentChangeSchema = z.strictObject({
  field: z.string(),
  side: z.enum(['left', 'right']).optional(),
  before: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  after: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  change: z.number().nullable(),
  real: z.boolean(),
  direction: z.enum(['better', 'worse', 'same']),
  text: z.string(),
})
export type AssessmentChangeDto = z.infer<typeof AssessmentChangeSchema>

const AssessmentRef = z.strictObject({ id: EntityId, date: IsoDate })

export const AssessmentComparison = z.strictObject({
  previous: AssessmentRef,
  latest: AssessmentRef,
  /** Every comparable field recorded in both, in form order, with real = beyond measurement error. */
  changes: z.array(AssessmentChangeSchema),
})
export type AssessmentComparison = z.infer<typeof AssessmentComparison>

export const SaveAssessmentInput = z.strictObject({
  athleteId: EntityId,
  /** Present when an existing assessment is edited. */
  id: EntityId.optional(),
  date: IsoDate,
  input: AssessmentInput,
  note: AssessmentRecord.shape.note.default(''),
})
export type SaveAssessmentInput = z.input<typeof SaveAssessmentInput>

const AthleteRef = z.strictObject({ athleteId: EntityId })

export const assessmentChannels = {
  /** Newest first (date, then last change), each with its recomputed diagnosis. */
  listAssessments: defineChannel('calfcoach:assessment:list', AthleteRef, z.array(SavedAssessment), { writes: false }),
  saveAssessment: defineChannel('calfcoach:assessment:save', SaveAssessmentInput, SavedAssessment, { writes: true }),
  deleteAssessment: defineChannel(
    'calfcoach:assessment:delete',
    z.strictObject({ athleteId: EntityId, id: EntityId }),
    z.strictObject({ deletedId: z.string() }),
    { writes: true },
  ),
  diagnoseDraft: defineChannel(
    'calfcoach:assessment:diagnose-draft',
    z.strictObject({
      input: AssessmentInput,
      /** When given, the athlete's sex and age (on `date`, default today) fill in a missing input.athlete. */
      athleteId: EntityId.optional(),
      date: IsoDate.optional(),
    }),
    Diagnosis,
    { writes: false },
  ),
  /** What changed between the latest two assessments (by date), or null with fewer than two. */
  compareLatest: defineChannel('calfcoach:assessment:compare-latest', AthleteRef, AssessmentComparison.nullable(), {
    writes: false,
  }),
}
