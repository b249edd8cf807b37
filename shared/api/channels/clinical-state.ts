import { z } from 'zod'
import { ReferralId, Urgency } from '../../assessment/schema'
import { ClearanceDigest, RedFlagScreen } from '../../clinical/types'
import { IsoDate } from '../../domain/common'

// The wire shape of shared/clinical's ClinicalState: what every screen reads about "can this runner run".
// It mirrors the TypeScript interface field by field (the dispatcher checks every answer against it).

const Level = z.enum(['red', 'amber', 'info'])

export const ClinicalReasonDto = z.strictObject({
  code: z.string(),
  level: Level,
  text: z.string(),
  referralId: ReferralId.optional(),
  date: z.string().optional(),
})
export type ClinicalReasonDto = z.infer<typeof ClinicalReasonDto>

export const OpenReferralDto = z.strictObject({
  referralId: ReferralId,
  urgency: Urgency,
  since: IsoDate,
  raisedByAssessmentId: z.string(),
  stopsRunning: z.boolean(),
  notFoundInLatestAssessment: z.boolean(),
  because: z.array(z.string()),
})
export type OpenReferralDto = z.infer<typeof OpenReferralDto>

/** A recorded clearance: the one Clearance schema of shared/clinical (as the state digests it), plus its flag. */
export const ClearanceRecordDto = ClearanceDigest.extend({ closedReferral: z.boolean() })

const CrossTrainingDto = z.strictObject({
  allowed: z.boolean(),
  kinds: z.array(z.enum(['cycling', 'pool-running'])).readonly(),
  painLimit: z.number().nullable(),
  note: z.string(),
})

const ReturnPathDto = z.strictObject({
  path: z.enum(['bone', 'tendon', 'muscle', 'vascular', 'general']),
  painLimit: z.number(),
  checksBeforeIncrease: z.array(z.enum(['hop-pain', 'heel-raise-pain'])).readonly(),
  maxWeeklyIncrease: z.number(),
  oneNewLoadPerWeek: z.boolean(),
  source: z.string(),
})

export const ReadinessResultDto = z.strictObject({
  date: IsoDate,
  passed: z.boolean(),
  checks: z.array(z.strictObject({ id: z.string(), passed: z.boolean(), text: z.string() })),
})

const ReturnToRunDto = z.strictObject({
  referralIds: z.array(ReferralId),
  clearedOn: IsoDate,
  restrictions: z.array(z.string()),
  path: ReturnPathDto,
  status: z.enum(['readiness-tests', 'walk-run-ladder']),
  latestTest: ReadinessResultDto.nullable(),
})

export const ClinicalStateDto = z.strictObject({
  asOf: IsoDate,
  colour: z.enum(['red', 'amber', 'green']),
  reasons: z.array(ClinicalReasonDto),
  openReferrals: z.array(OpenReferralDto),
  clearances: z.array(ClearanceRecordDto),
  runningAllowance: z.enum(['none', 'hold', 'progress']),
  actions: z.array(z.strictObject({ code: z.string(), text: z.string() })),
  nextReviewDate: IsoDate,
  redFlagScreen: RedFlagScreen,
  crossTraining: CrossTrainingDto.nullable(),
  returnToRun: ReturnToRunDto.nullable(),
  latestAssessmentId: z.string().nullable(),
  // ---- app-side additions (shared/domain/clinical-headline.ts) ----
  /** The one status line for this state, e.g. "Red: see a clinician today, no running". */
  headline: z.string(),
  /** An open referral needs a clinician today (emergency or same day). */
  seeClinicianToday: z.boolean(),
})
export type ClinicalStateDto = z.infer<typeof ClinicalStateDto>
