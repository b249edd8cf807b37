// The clinical state of one athlete (issue 10 item 1): one answer to "can this runner run, and how much?",
// computed in one place (state.ts) from a compact digest of the athlete's record (ClinicalInput) and read by
// every screen, the plan generator, the PDFs and the CLI.
//
// ClinicalInput is JSON-serialisable and small, so a per-athlete summary can carry it and the squad board can
// compute today's state without reading the athlete's whole file (issue 15).

import { z } from 'zod'
import { ReferralId, Urgency } from '../assessment/schema'
import { IsoDate, PainScore } from '../domain/common'
import type { PainFlagId } from '../load/pain-monitoring'
import { ClearanceFacts, ClearedByRole, type ClearanceOutcome } from './clearance'
import { ReadinessTest, type ReadinessResult } from './readiness'
import type { CrossTrainingPolicy, ReturnPathPolicy } from './referral-policy'

// ---------------------------------------------------------------------------------------------------------
// Input digest

export const CLINICAL_INPUT_VERSION = 1

export const RedFlagScreen = z.strictObject({
  complete: z.boolean(),
  /** Ids of the red-flag questions not answered. */
  unanswered: z.array(z.string()),
})
export type RedFlagScreen = z.infer<typeof RedFlagScreen>

/** One assessment, reduced to what the clinical state reads from its diagnosis. */
export const AssessmentDigest = z.strictObject({
  id: z.string().min(1),
  date: IsoDate,
  /** Breaks ties between assessments on the same date (the record's createdAt). */
  recordedAt: z.string().optional(),
  referrals: z.array(
    z.strictObject({ id: ReferralId, urgency: Urgency, because: z.array(z.string()).optional() }),
  ),
  /** Absent for diagnoses made before the red-flag screen existed: then the screen counts as incomplete. */
  redFlagScreen: RedFlagScreen.optional(),
})
export type AssessmentDigest = z.infer<typeof AssessmentDigest>

export const ClearanceDigest = ClearanceFacts.extend({
  id: z.string().optional(),
  clearedBy: z.strictObject({ role: ClearedByRole, name: z.string() }).optional(),
  migrated: z.boolean().optional(),
})
export type ClearanceDigest = z.infer<typeof ClearanceDigest>

export const RunDigest = z.strictObject({
  date: IsoDate,
  km: z.number().finite().min(0).max(400),
  painDuring: PainScore.nullable().optional(),
  painAfter: PainScore.nullable().optional(),
  painNextMorning: PainScore.nullable().optional(),
})
export type RunDigest = z.infer<typeof RunDigest>

export const ClinicalInput = z.strictObject({
  version: z.literal(CLINICAL_INPUT_VERSION),
  assessments: z.array(AssessmentDigest),
  clearances: z.array(ClearanceDigest),
  readinessTests: z.array(ReadinessTest),
  /** The recent run/pain log (the last 12 weeks are enough for every rule). */
  runs: z.array(RunDigest),
})
export type ClinicalInput = z.infer<typeof ClinicalInput>

// ---------------------------------------------------------------------------------------------------------
// Output state

export type ClinicalColour = 'red' | 'amber' | 'green'

/** none: no running at all; hold: run, but do not increase; progress: follow the plan. */
export type RunningAllowance = 'none' | 'hold' | 'progress'

export type ClinicalReasonCode =
  | 'referral-needs-clinician-today'
  | 'referral-stops-running'
  | 'referral-before-progressing'
  | 'referral-not-in-latest-assessment'
  | PainFlagId
  | 'run-beyond-30d-longest'
  | 'return-to-run-readiness'
  | 'return-to-run-ladder'
  | 'cleared-with-restrictions'
  | 'something-else-found'
  | 'no-assessment'
  | 'red-flag-screen-incomplete'
  | 'stopped-logging'
  | 'no-runs'

export interface ClinicalReason {
  code: ClinicalReasonCode
  /** 'info' reasons are shown but never change the colour. */
  level: 'red' | 'amber' | 'info'
  /** One plain sentence for the coach. */
  text: string
  referralId?: ReferralId
  /** The run, week (Monday) or clearance the reason is about. */
  date?: string
}

export type ClinicalActionCode =
  | 'see-clinician-today'
  | 'stop-running'
  | 'record-clearance'
  | 're-assess'
  | 'assess'
  | 'complete-red-flag-screen'
  | 'readiness-tests'
  | 'check-in'

export interface ClinicalAction {
  code: ClinicalActionCode
  text: string
}

export interface OpenReferral {
  referralId: ReferralId
  /** The most urgent urgency any assessment gave it since it was last cleared (never lowered). */
  urgency: Urgency
  /** Date of the assessment that raised it. */
  since: string
  raisedByAssessmentId: string
  stopsRunning: boolean
  /** The newest assessment did not find it: it stays open until a clearance is recorded. */
  notFoundInLatestAssessment: boolean
  because: string[]
}

export interface ClearanceRecord extends ClearanceDigest {
  /**
   * True when this clearance answered a referral that was raised: it closed it, or (recorded later for the
   * same referral) changed its outcome. False: recorded for a referral that was never raised before it.
   */
  closedReferral: boolean
}

export interface ReturnToRunGate {
  /** The stop-running referrals whose clearance started this return. */
  referralIds: ReferralId[]
  clearedOn: string
  restrictions: string[]
  path: ReturnPathPolicy
  /** readiness-tests: no running until a readiness test passes; walk-run-ladder: running restarts as walk-run. */
  status: 'readiness-tests' | 'walk-run-ladder'
  /** The newest readiness test since the clearance, judged against the path's pain limit. */
  latestTest: ReadinessResult | null
}

export interface ClinicalState {
  asOf: string
  colour: ClinicalColour
  /** Most serious first: red, amber, info. */
  reasons: ClinicalReason[]
  /** Most urgent first. */
  openReferrals: OpenReferral[]
  /** Every clearance recorded, oldest first. */
  clearances: ClearanceRecord[]
  runningAllowance: RunningAllowance
  actions: ClinicalAction[]
  nextReviewDate: string
  redFlagScreen: RedFlagScreen
  /** What may replace running while a stop-running referral is open; null when running is not stopped by one. */
  crossTraining: CrossTrainingPolicy | null
  returnToRun: ReturnToRunGate | null
  latestAssessmentId: string | null
}

export type { ClearanceOutcome }
