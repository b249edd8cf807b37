// The rule registry: every rule the engine runs, in evaluation order (red flags first).

import type { FactorId, ReferralId } from '../schema'
import { FACTOR_RULES } from './factors'
import { PATTERN_RULE } from './pattern'
import { REFERRAL_RULES } from './referrals'
import type { FactorRule, ReferralRule, Rule } from './types'

export { FACTOR_RULES } from './factors'
export { PATTERN_RULE } from './pattern'
export { REFERRAL_RULES } from './referrals'
export * from './types'

export const RULES: readonly Rule[] = [...REFERRAL_RULES, PATTERN_RULE, ...FACTOR_RULES]

const REFERRALS_BY_ID = new Map<ReferralId, ReferralRule>(REFERRAL_RULES.map((r) => [r.id, r]))
const FACTORS_BY_ID = new Map<FactorId, FactorRule>(FACTOR_RULES.map((r) => [r.id, r]))

/** The rule behind a referral id (title, explanation, source) for the result panel. */
export function referralRule(id: ReferralId): ReferralRule | undefined {
  return REFERRALS_BY_ID.get(id)
}

/** The rule behind a factor id (title, explanation, evidence strength, source) for the result panel. */
export function factorRule(id: FactorId): FactorRule | undefined {
  return FACTORS_BY_ID.get(id)
}
