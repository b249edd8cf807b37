// Independent check that a plan keeps every safety rule of issue 5. It does not call the generator: it
// recomputes each rule from the plan and the request, so it also catches hand-edited sessions and bugs in
// the generator. An empty list means the plan is safe.
//
// Weeks kept from an earlier plan (`plan.keptWeeks`) are history: rules that compare them with the current
// request (sessions per week, the single-run cap against today's log, week 1 against the current volume)
// are not re-checked for them, but every new week is checked against them.

import { addDays, dayNumber } from '../dates'
import { LONGEST_RUN_RULE } from '../load/metrics'
import type { PlanOutput, PlanRequest, PlanWeek } from './schema'
import { MAX_PLAN_WEEKS } from './schema'
import { planClinical } from './clinical'

export type SafetyRule =
  | 'refer-first'
  | 'stop-running'
  | 'return-to-run'
  | 'length'
  | 'week-shape'
  | 'runs-per-week'
  | 'run-kinds'
  | 'walk-run'
  | 'weekly-increase'
  | 'lighter-size'
  | 'lighter-cadence'
  | 'single-run'
  | 'target'
  | 'phases'
  | 'amber-hold'
  | 'daily-stretches'

export interface SafetyViolation {
  rule: SafetyRule
  /** 1-based week, or null for the plan as a whole. */
  weekIndex: number | null
  message: string
}

/** Thresholds the checker applies (kept separate from the generator's on purpose). */
export const SAFETY_LIMITS = {
  maxWeeklyRise: 0.1,
  maxRunRatio: LONGEST_RUN_RULE.maxRatio,
  windowDays: LONGEST_RUN_RULE.windowDays,
  lighterCutMin: 0.2,
  lighterCutMax: 0.3,
  defaultLighterEvery: 4,
  walkRunWeeklyKmBelow: 10,
  walkRunLongestKmBelow: 3,
  /**
   * A tiny base (a low start that is not a return after a stop) may add this much per session a week while
   * the week is under walkRunWeeklyKmBelow, and a walk–run session may be this much longer than the longest
   * run of the previous 30 days, where that beats 10 % (one 5-minute walk–run block, issue 10 item 7).
   */
  walkRunBlockKm: 0.5,
  /** ...but never above 150 % of the reference (the C5 walk–run ladder's biggest step, 1.0 → 1.5 mile). */
  walkRunMaxStepRatio: 1.5,
  /** Rounding slack for sums shown to one decimal. */
  sumTolerance: 0.051,
  /** Floating-point slack for ratio limits. */
  eps: 1e-6,
  dailyStretchIds: ['calf-stretch-straight-knee', 'calf-stretch-bent-knee', 'hip-flexor-stretch'],
} as const

interface DatedKm {
  day: number
  km: number
}

function longestBefore(day: number, runs: readonly DatedKm[]): number {
  let best = 0
  for (const r of runs) if (r.day >= day - SAFETY_LIMITS.windowDays && r.day < day && r.km > best) best = r.km
  return best
}

export function checkPlanSafety(plan: PlanOutput, request: PlanRequest): SafetyViolation[] {
  const out: SafetyViolation[] = []
  const add = (rule: SafetyRule, weekIndex: number | null, message: string) => out.push({ rule, weekIndex, message })
  const weeks = plan.weeks
  const kept = Math.max(0, Math.min(plan.keptWeeks ?? 0, weeks.length))
  const isKept = (i: number) => i < kept
  const d = request.runDaysPerWeek
  const eps = SAFETY_LIMITS.eps

  // ---- open stop-running referrals: no running at all (issue 10 item 3) ----
  const clinical = planClinical(request)
  if (clinical.referFirst && plan.status !== 'refer-first') {
    add('refer-first', null, 'an open referral that stops running (or a red diagnosis without referrals) must give status "refer-first"')
  }
  if (clinical.stopping.length > 0 && weeks.some((w) => w.runs.length > 0)) {
    const ids = clinical.stopping.map((r) => r.id).join(', ')
    add('stop-running', null, `the plan contains running while a referral that stops running is open (${ids})`)
  }
  if (plan.status === 'refer-first') {
    if (weeks.some((w) => w.runs.length > 0)) add('refer-first', null, 'a refer-first plan must not contain any running')
    if (!plan.referrals) add('refer-first', null, 'a refer-first plan must list the referrals')
    return out
  }

  // ---- length ----
  const maxWeeks = Math.max(request.maxWeeks ?? MAX_PLAN_WEEKS, kept)
  if (weeks.length > Math.min(MAX_PLAN_WEEKS, maxWeeks) && weeks.length > kept) {
    add('length', null, `the plan has ${weeks.length} weeks; the limit is ${Math.min(MAX_PLAN_WEEKS, maxWeeks)}`)
  }
  const first = weeks[0]
  if (!first) return out
  const planStart = first.startDate
  if (kept === 0 && planStart !== request.startDate) {
    add('week-shape', 1, `week 1 starts on ${planStart}, not on the requested start date ${request.startDate}`)
  }

  // ---- per-week shape ----
  weeks.forEach((w, i) => {
    const start = addDays(planStart, 7 * i)
    if (w.index !== i + 1) add('week-shape', i + 1, `week ${i + 1} is numbered ${w.index}`)
    if (w.startDate !== start) add('week-shape', i + 1, `week ${i + 1} starts on ${w.startDate}, expected ${start}`)
    const end = addDays(start, 6)
    let prevDate = ''
    for (const r of w.runs) {
      if (!(r.km > 0) || !Number.isFinite(r.km)) add('week-shape', i + 1, `the run on ${r.date} has no distance (${r.km} km)`)
      if (r.date < start || r.date > end) add('week-shape', i + 1, `the run on ${r.date} is outside the week ${start}–${end}`)
      if (r.date <= prevDate) add('week-shape', i + 1, `runs are not one per day in date order (${r.date})`)
      prevDate = r.date
    }
    const sum = w.runs.reduce((a, r) => a + r.km, 0)
    if (Math.abs(sum - w.plannedKm) > SAFETY_LIMITS.sumTolerance) {
      add('week-shape', i + 1, `plannedKm ${w.plannedKm} does not match the runs (${sum.toFixed(2)} km)`)
    }
    const longest = w.runs.reduce((a, r) => Math.max(a, r.km), 0)
    if (Math.abs(longest - w.longRunKm) > SAFETY_LIMITS.sumTolerance) {
      add('week-shape', i + 1, `longRunKm ${w.longRunKm} is not the longest run (${longest} km)`)
    }
  })

  // ---- sessions per week and kinds ----
  weeks.forEach((w, i) => {
    if (isKept(i)) return
    if (w.runs.length !== d) add('runs-per-week', i + 1, `${w.runs.length} runs planned; the coach set ${d} a week`)
    const walkRuns = w.runs.filter((r) => r.kind === 'walk-run').length
    if (walkRuns > 0 && walkRuns !== w.runs.length) {
      add('run-kinds', i + 1, 'a week mixes walk–run sessions with continuous runs')
    }
    if (walkRuns === 0) {
      const longs = w.runs.filter((r) => r.kind === 'long')
      if (d >= 2 && longs.length !== 1) add('run-kinds', i + 1, `${longs.length} long runs; expected exactly one`)
      if (d === 1 && longs.length !== 0) add('run-kinds', i + 1, 'with one run a week the run is not a long run')
      const long = longs[0]
      if (long && w.runs.some((r) => r.km > long.km + eps)) add('run-kinds', i + 1, 'an easy run is longer than the long run')
    }
  })

  // ---- weekly rise, lighter weeks, walk–run, settle hold, target ----
  let refKm = request.currentWeeklyKm
  let refIndex = 0
  let streak = 0
  const every = request.lighterWeekEvery ?? SAFETY_LIMITS.defaultLighterEvery
  const target = request.targetWeeklyKm
  const lowStart =
    request.currentWeeklyKm < SAFETY_LIMITS.walkRunWeeklyKmBelow || request.longestRunLast30DaysKm < SAFETY_LIMITS.walkRunLongestKmBelow
  const blockGrowth = lowStart && clinical.returnToRun === null
  const blockStep = (ref: number, step: number) => Math.min(ref + step, ref * SAFETY_LIMITS.walkRunMaxStepRatio)
  const weeklyLimit = (ref: number) =>
    blockGrowth && ref < SAFETY_LIMITS.walkRunWeeklyKmBelow - eps
      ? Math.max(ref * (1 + SAFETY_LIMITS.maxWeeklyRise), blockStep(ref, SAFETY_LIMITS.walkRunBlockKm * d))
      : ref * (1 + SAFETY_LIMITS.maxWeeklyRise)
  weeks.forEach((w, i) => {
    const checkAgainstRef = !(isKept(i) && refIndex === 0)
    const walkRef = w.lighterWeek ? refKm : w.plannedKm
    if (!isKept(i)) {
      if (lowStart && walkRef < SAFETY_LIMITS.walkRunWeeklyKmBelow - eps && w.runs.some((r) => r.kind !== 'walk-run')) {
        add('walk-run', i + 1, `weekly distance ${walkRef} km is under ${SAFETY_LIMITS.walkRunWeeklyKmBelow} km: sessions must be walk–run`)
      }
      if (i === 0 && lowStart && w.runs.some((r) => r.kind !== 'walk-run')) {
        add('walk-run', 1, 'a very low starting volume must start with walk–run sessions')
      }
      if (w.plannedKm > target + eps) add('target', i + 1, `${w.plannedKm} km is above the target of ${target} km a week`)
    }
    if (w.lighterWeek) {
      if (checkAgainstRef) {
        const lo = refKm * (1 - SAFETY_LIMITS.lighterCutMax) - eps
        const hi = refKm * (1 - SAFETY_LIMITS.lighterCutMin) + eps
        if (w.plannedKm < lo || w.plannedKm > hi) {
          add('lighter-size', i + 1, `lighter week of ${w.plannedKm} km is not 20–30 % below ${refKm} km (week ${refIndex || 'before the plan'})`)
        }
      }
      streak = 0
    } else {
      if (checkAgainstRef && w.plannedKm > weeklyLimit(refKm) + eps) {
        const allowed = weeklyLimit(refKm) > refKm * (1 + SAFETY_LIMITS.maxWeeklyRise) + eps ? 'one walk–run block a session' : '10 %'
        add('weekly-increase', i + 1, `${w.plannedKm} km is more than ${allowed} above ${refKm} km (week ${refIndex || 'before the plan'})`)
      }
      if (w.phase === 'settle' && checkAgainstRef && w.plannedKm > refKm + eps) {
        add('phases', i + 1, `the settle phase holds the distance, but week ${i + 1} rises from ${refKm} to ${w.plannedKm} km`)
      }
      // A non-lighter week at least 20 % below the previous one is a recovery week too (step back, lowered target).
      const recovery = w.plannedKm <= refKm * (1 - SAFETY_LIMITS.lighterCutMin) + eps
      streak = recovery ? 0 : streak + 1
      if (streak >= every && !(isKept(i) && isKept(i - every + 1))) {
        add('lighter-cadence', i + 1, `${streak} weeks in a row without a lighter week (one is needed at least every ${every}th week)`)
      }
      refKm = w.plannedKm
      refIndex = i + 1
    }
  })

  // ---- single-run rule: ≤ 110 % of the longest run (planned or logged) in the previous 30 days ----
  const known: DatedKm[] = [{ day: dayNumber(planStart) - 1, km: request.longestRunLast30DaysKm }]
  for (const r of request.runs ?? []) if (r.km > 0) known.push({ day: dayNumber(r.date), km: r.km })
  for (const w of weeks) for (const r of w.runs) known.push({ day: dayNumber(r.date), km: r.km })
  weeks.forEach((w, i) => {
    if (isKept(i)) return
    for (const r of w.runs) {
      const ref = longestBefore(dayNumber(r.date), known)
      const cap =
        blockGrowth && r.kind === 'walk-run'
          ? Math.max(ref * SAFETY_LIMITS.maxRunRatio, blockStep(ref, SAFETY_LIMITS.walkRunBlockKm))
          : ref * SAFETY_LIMITS.maxRunRatio
      if (ref <= 0) add('single-run', i + 1, `the run on ${r.date} has no run in the previous 30 days to build on`)
      else if (r.km > cap + eps) {
        add('single-run', i + 1, `the ${r.km} km run on ${r.date} is more than 110 % of the longest run of the previous 30 days (${ref} km)`)
      }
    }
  })

  // ---- phases and gates ----
  const settleWeeks = request.settleWeeks ?? 2
  weeks.forEach((w, i) => {
    if (isKept(i)) return
    const prev: PlanWeek | undefined = weeks[i - 1]
    if (i === 0 && w.phase !== 'settle') add('phases', 1, 'the plan must start in the settle phase')
    if (w.phase !== 'settle' && prev?.phase === 'settle') {
      if (prev.retestDate === null || prev.gate === null) {
        add('phases', i + 1, 'the move out of the settle phase must follow a re-test week with its gate stated')
      }
      const settleRun = weeks.slice(0, i).filter((x) => x.phase === 'settle').length
      if (settleRun < settleWeeks) add('phases', i + 1, `only ${settleRun} settle weeks before the rebuild; at least ${settleWeeks} are needed`)
    }
    if (w.retestDate !== null && (w.gate === null || w.gate.length === 0)) add('phases', i + 1, 'a re-test week must state its gate')
    if (w.phase === 'return' && !w.lighterWeek && w.plannedKm < target - 0.1 - eps) {
      add('phases', i + 1, `a return week must be at the target (${target} km), not ${w.plannedKm} km`)
    }
  })

  // ---- return to running after a stop: readiness tests before the first run, then walk-run (C5) ----
  if (clinical.returnToRun && kept === 0) {
    if (!/readiness/i.test(first.gate ?? '')) add('return-to-run', 1, 'week 1 of a return to running must state the readiness tests')
    if (first.runs.some((r) => r.kind !== 'walk-run')) add('return-to-run', 1, 'a return to running must start with walk-run sessions')
  }

  // ---- a referral that holds running: hold in settle until it is cleared ----
  if (clinical.holdReferrals.length > 0) {
    const cleared = clinical.holdClearedOn
    weeks.forEach((w, i) => {
      if (isKept(i)) return
      const end = addDays(w.startDate, 6)
      const mustHold = cleared === undefined || cleared > end
      if (mustHold && w.phase !== 'settle') add('amber-hold', i + 1, 'amber triage: the plan must hold in settle until the referral is cleared')
      if (mustHold && w.gate === null) add('amber-hold', i + 1, 'amber hold weeks must state what releases the hold')
    })
    if (cleared === undefined && !plan.awaitingReferralClearance) {
      add('amber-hold', null, 'amber triage without clearance must be marked as awaiting the referral')
    }
  }

  // ---- daily calf and hip-flexor stretching for everyone ----
  weeks.forEach((w, i) => {
    if (isKept(i)) return
    const ids = new Set(w.exercises.map((e) => e.id))
    const missing = SAFETY_LIMITS.dailyStretchIds.filter((id) => !ids.has(id))
    if (missing.length > 0) add('daily-stretches', i + 1, `missing the daily stretches: ${missing.join(', ')}`)
  })

  return out
}
