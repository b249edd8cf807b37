import type { SafetyViolationDto } from '../../../shared/api/channels/plans'
import { DomainError } from '../../../shared/api/result'
import type { SafetyRule, SafetyViolation } from '../../../shared/plan/index'

// The safety rules in the coach's words: for the violations a preview shows and for refusing an unsafe save.

/** Each safety rule in plain words, for refusal messages. */
export const SAFETY_RULE_NAMES: Readonly<Record<SafetyRule, string>> = {
  'refer-first': 'the refer-first rule (a red triage means no running until a doctor has seen the runner)',
  'stop-running': 'the stop-running rule (no running while a referral that stops running is open)',
  'return-to-run': 'the return-to-run rule (readiness tests before the first run, then walk–run)',
  length: 'the plan-length limit',
  'week-shape': 'the week layout rule (one run a day, inside its week)',
  'runs-per-week': 'the run-days rule (as many runs a week as the coach set)',
  'run-kinds': 'the long-run rule (one long run a week and no easy run longer than it; walk–run weeks are walk–run throughout)',
  'walk-run': 'the walk–run rule (very low weekly distances use walk–run sessions)',
  'weekly-increase': 'the 10 % weekly increase rule',
  'lighter-size': 'the lighter-week rule (a lighter week is 20–30 % below the week before it)',
  'lighter-cadence': 'the lighter-week rule (a lighter week at least every 4th week)',
  'single-run': 'the 30-day longest-run rule (no run more than 10 % longer than the longest run of the previous 30 days)',
  target: 'the target rule (no week above the target weekly distance)',
  phases: 'the phase rule (the settle phase holds the distance; return weeks are at the target)',
  'amber-hold': 'the amber hold (no progression until the referral is cleared)',
  'daily-stretches': 'the daily-stretches rule',
}

export function violationDto(v: SafetyViolation): SafetyViolationDto {
  return { rule: v.rule, ruleName: SAFETY_RULE_NAMES[v.rule] ?? v.rule, weekIndex: v.weekIndex, message: v.message }
}

/** Refuses to save `what` when it breaks any safety rule, naming the rules and the first problem. */
export function refuseUnsafe(violations: readonly SafetyViolation[], what: string): void {
  if (violations.length === 0) return
  const names = [...new Set(violations.map((v) => SAFETY_RULE_NAMES[v.rule] ?? v.rule))]
  const first = violations[0] as SafetyViolation
  throw new DomainError(
    'conflict',
    `${what} was not saved: it would break ${names.join(' and ')} — ${first.weekIndex ? `week ${first.weekIndex}: ` : ''}${first.message}.`,
    violations.map((v) => ({ path: v.weekIndex ? `weeks.${v.weekIndex}` : '', message: `${SAFETY_RULE_NAMES[v.rule] ?? v.rule}: ${v.message}` })),
  )
}
