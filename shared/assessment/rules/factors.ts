// Contributing factors: what is most likely overloading the calf. Each finding adds points; the total maps to
// a likelihood through the rule's thresholds, capped where the evidence behind the mechanism is weak.
// Findings only fire on recorded values, so removing a finding can never create a factor.
//
// The rules live in themed files (calf and ankle, hip, foot/footwear/load); this module lists them in
// evaluation order. Shared finding factories are in findings.ts.

import type { FactorRule } from './types'
import { CALF_ANKLE_FACTOR_RULES } from './factors-calf-ankle'
import { FOOT_LOAD_FACTOR_RULES } from './factors-foot-load'
import { HIP_FACTOR_RULES } from './factors-hip'

export const FACTOR_RULES: readonly FactorRule[] = [...CALF_ANKLE_FACTOR_RULES, ...HIP_FACTOR_RULES, ...FOOT_LOAD_FACTOR_RULES]
