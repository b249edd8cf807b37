// Public API of the return-to-distance plan generator.

export {
  PlanRequest,
  PlanOutput,
  PlanWeek,
  PlannedRun,
  PlanExercise,
  PlanAdaptation,
  PlanLoggedRun,
  PlanRetest,
  PlanPhase,
  PlanRunKind,
  AdaptationAction,
  MAX_PLAN_WEEKS,
  MIN_WEEKLY_KM,
  MIN_LONGEST_RUN_KM,
  MIN_KM_PER_RUN_DAY,
  describePlanIssues,
  parsePlanRequest,
} from './schema'
export type { PlanRequestInput, PlanRequestParse } from './schema'
export { generatePlan, regeneratePlan } from './generate'
export { PLAN_RULES } from './rules'
export { checkPlanSafety, SAFETY_LIMITS } from './safety'
export type { SafetyRule, SafetyViolation } from './safety'
export { PAIN_RULES, PAIN_RULES_SOURCE, painRulesText } from './pain-rules'
export type { PainRule } from './pain-rules'
