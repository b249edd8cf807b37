// Public API of the calf-pain rules core (contract v1, issue 3).

export * from './schema'
export * from './norms'
export * from './exercises'
export * from './form'
export * from './compare'
export {
  diagnose,
  diagnoseUnknown,
  isValidDiagnosis,
  findReferrals,
  triageOf,
  referralsStopRunning,
  patternDetail,
  scoreFactors,
  chooseRecommendations,
  findMissing,
  URGENCY_RANK,
  TRIAGE_RANK,
  LIKELIHOOD_RANK,
  type PatternDetail,
  type ScoredFactor,
  type DiagnoseResult,
  type DiagnoseContext,
} from './diagnose'
export {
  RULES,
  REFERRAL_RULES,
  FACTOR_RULES,
  PATTERN_RULE,
  referralRule,
  factorRule,
  factsOf,
  type Rule,
  type ReferralRule,
  type ReferralTrigger,
  type FactorRule,
  type FactorFinding,
  type PatternRule,
  type PatternFeature,
  type EvidenceStrength,
  type Facts,
  type PreviousAssessment,
} from './rules/index'
