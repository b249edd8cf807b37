// Public API of the clinical core (issue 10): referral policy, clearances, readiness tests, the clinical
// digest and the one clinical state every screen reads.

export {
  REFERRAL_POLICY,
  SAFE_PAIN_MAX,
  referralPolicy,
  referralStopsRunning,
  crossTrainingFor,
  returnPathFor,
  isUrgent,
} from './referral-policy'
export type {
  ReferralPolicy,
  StopRule,
  CrossTrainingKind,
  CrossTrainingPolicy,
  ReturnPath,
  ReturnPathPolicy,
} from './referral-policy'
export {
  Clearance,
  ClearanceFacts,
  ClearanceOutcome,
  ClearedByRole,
  CLEARED_BY_ROLES,
  CLEARANCE_OUTCOMES,
  clearsForRunning,
  clearancesFromClearedOn,
  sortClearances,
} from './clearance'
export { ReadinessTest, READINESS_RULES, judgeReadiness } from './readiness'
export type { ReadinessCheck, ReadinessCheckId, ReadinessResult } from './readiness'
export {
  ClinicalInput,
  AssessmentDigest,
  ClearanceDigest,
  RunDigest,
  RedFlagScreen,
  CLINICAL_INPUT_VERSION,
} from './types'
export type {
  ClinicalState,
  ClinicalColour,
  ClinicalReason,
  ClinicalReasonCode,
  ClinicalAction,
  ClinicalActionCode,
  OpenReferral,
  ClearanceRecord,
  ReturnToRunGate,
  RunningAllowance,
} from './types'
export { computeClinicalState, compareClinicalState, painCallsForReassessment, CLINICAL_RULES } from './state'
export {
  clinicalInputFromAthlete,
  assessmentDigest,
  legacyClearances,
  redFlagScreenOf,
  chronologicalAssessments,
  diagnoseContextAfter,
  CLINICAL_LOG_DAYS,
} from './input'
export type { ClinicalSource, DiagnoseFn } from './input'
export { referralWords } from './words'
