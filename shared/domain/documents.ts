import { z } from 'zod'
import { AssessmentInput } from '../assessment/schema'
import { PlanOutput, PlanRequest } from '../plan/schema'
import { Clearance } from '../clinical/clearance'
import { ReadinessTest } from '../clinical/readiness'
import { boundedText, EntityId, IsoDate } from './common'
import { Run } from './run'
import { Athlete, Group, Settings } from './squad'

/** Bump with a migration in electron/services/store/kinds.ts whenever a stored shape changes. */
export const SQUAD_SCHEMA_VERSION = 1
/**
 * 2: clearances per referral and readiness tests (issue 10); version-1 files get their clearances from the
 * plans' "referral cleared on" date (athlete-migrations.ts).
 */
export const ATHLETE_SCHEMA_VERSION = 2

export const SquadDocument = z.strictObject({
  schemaVersion: z.literal(SQUAD_SCHEMA_VERSION),
  athletes: z.array(Athlete),
  groups: z.array(Group),
  settings: Settings,
})
export type SquadDocument = z.infer<typeof SquadDocument>

export const AssessmentRecord = z.strictObject({
  id: EntityId,
  date: IsoDate,
  input: AssessmentInput,
  note: boundedText('note', 4000),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AssessmentRecord = z.infer<typeof AssessmentRecord>

/** Why a plan needed the coach's acknowledgement (issue 10 item 5). Stable ids: add, never rename. */
export const PlanAcknowledgementReason = z.enum(['no-assessment', 'red-flag-screen-incomplete'])
export type PlanAcknowledgementReason = z.infer<typeof PlanAcknowledgementReason>

/**
 * The coach's acknowledgement that a plan was built without an assessment, or on one whose red-flag screen was
 * incomplete: what they ticked, when, and which questions were not asked. Printed on the plan's PDF.
 */
export const PlanAcknowledgement = z.strictObject({
  reason: PlanAcknowledgementReason,
  /** The words the coach ticked, as shown. */
  text: z.string().min(1).max(1000),
  /** The latest assessment at the time (null: none). */
  assessmentId: z.string().nullable(),
  /** Red-flag question ids not asked in that assessment ("symptoms.swelling"). */
  unanswered: z.array(z.string()).max(100),
  at: z.string(),
})
export type PlanAcknowledgement = z.infer<typeof PlanAcknowledgement>

export const PlanRecord = z.strictObject({
  id: EntityId,
  createdAt: z.string(),
  label: boundedText('label', 120),
  request: PlanRequest,
  output: PlanOutput,
  /** Only one plan is active; older ones stay as history. */
  active: z.boolean(),
  /** Set when the coach hand-edited a session after generation. */
  editedAt: z.string().nullable(),
  /** Present when the plan was built without an assessment or on an incomplete red-flag screen (issue 10). */
  acknowledgement: PlanAcknowledgement.optional(),
})
export type PlanRecord = z.infer<typeof PlanRecord>

export const AthleteDocument = z.strictObject({
  schemaVersion: z.literal(ATHLETE_SCHEMA_VERSION),
  athleteId: EntityId,
  /** A copy of the name so a record can be recognised even if the squad index is lost. */
  athleteName: z.string().max(120),
  runs: z.array(Run),
  assessments: z.array(AssessmentRecord),
  plans: z.array(PlanRecord),
  /** Every clearance recorded for a referral, in the order recorded: the history the athlete screens show. */
  clearances: z.array(Clearance),
  /** Readiness tests before the first run after a stop-running referral was cleared (oldest first). */
  readinessTests: z.array(ReadinessTest),
})
export type AthleteDocument = z.infer<typeof AthleteDocument>
