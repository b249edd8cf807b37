// What the plan carries from one week to the next, and the settle-phase gate at the end of a re-test week.

import { addDays, dayNumber } from '../dates'
import type { PainFlag } from '../load/pain-monitoring'
import { isRecoveryWeek } from './limits'
import { PLAN_RULES } from './rules'
import type { PlanPhase, PlanRetest, PlanWeek } from './schema'
import { retestMissingWhy, retestNotImprovedWhy, retestPainWhy } from './words'

export interface Progress {
  /** The settle-phase gate has been passed: the runner is rebuilding or back at the target. */
  gatePassed: boolean
  lastNonLighterTenths: number
  /** 0 before the plan. */
  lastNonLighterIndex: number
  /** Non-lighter weeks since the last lighter (or recovery) week. */
  nonLighterStreak: number
  settleLevelTenths: number | null
  /** Weeks held at the target. */
  consolidation: number
  nextRetestIndex: number
  prevWeekTenths: number | null
  prevPhase: PlanPhase | null
  /** Consecutive weeks (ending with the previous one) that had pain flags. */
  flaggedStreak: number
  /** Last day a recorded re-test could count for the previous re-test slot. */
  lastRetestWindowEnd: string | null
}

export function startingProgress(currentTenths: number, firstRetestIndex: number): Progress {
  return {
    gatePassed: false,
    lastNonLighterTenths: currentTenths,
    lastNonLighterIndex: 0,
    nonLighterStreak: 0,
    settleLevelTenths: null,
    consolidation: 0,
    nextRetestIndex: firstRetestIndex,
    prevWeekTenths: null,
    prevPhase: null,
    flaggedStreak: 0,
    lastRetestWindowEnd: null,
  }
}

/** A new amber finding part-way through: back to the settle phase, held where the runner is. */
export function backToSettle(progress: Progress): Progress {
  return { ...progress, gatePassed: false, settleLevelTenths: progress.lastNonLighterTenths }
}

/** Progress after a week (kept or new), given whether it and the week before had pain flags. */
export function afterWeek(
  progress: Progress,
  week: PlanWeek,
  targetTenths: number,
  flagged: { previous: boolean; current: boolean },
): Progress {
  const next = { ...progress }
  const weekTenths = Math.round(week.plannedKm * 10)
  if (week.lighterWeek) {
    next.nonLighterStreak = 0
  } else {
    next.nonLighterStreak = isRecoveryWeek(weekTenths, progress.lastNonLighterTenths) ? 0 : progress.nonLighterStreak + 1
    next.lastNonLighterTenths = weekTenths
    next.lastNonLighterIndex = week.index
    const atTarget = week.phase === 'return' && weekTenths >= targetTenths
    next.consolidation = !atTarget ? 0 : flagged.previous ? 1 : progress.consolidation + 1
  }
  if (week.phase === 'settle') {
    next.gatePassed = false
    if (!week.lighterWeek) next.settleLevelTenths = weekTenths
  } else {
    next.gatePassed = true
  }
  next.prevWeekTenths = weekTenths
  next.prevPhase = week.phase
  next.flaggedStreak = flagged.current ? progress.flaggedStreak + 1 : 0
  return next
}

// ---------------------------------------------------------------------------------------------------------
// The settle-phase gate

export interface RetestOutcome {
  passed: boolean
  /** Why it did not pass ('' when it did). */
  why: string
  /** Passed only because the re-test is still to come: the plan assumes it passes. */
  assumed: boolean
  /** Last day a recorded re-test could count for this slot. */
  windowEnd: string
}

export function judgeRetest(args: {
  weekIndex: number
  retestDate: string
  weekFlags: readonly PainFlag[]
  /** Oldest first. */
  retests: readonly PlanRetest[]
  previousWindowEnd: string | null
  planStart: string
  asOf: string
}): RetestOutcome {
  // A recorded re-test counts for this slot when it falls after the previous slot's window and no later
  // than the grace day after this one; an old result never decides a later re-test.
  const windowEnd = addDays(args.retestDate, PLAN_RULES.retestGraceDays)
  const windowStart = args.previousWindowEnd ?? addDays(args.planStart, -1)
  const record = [...args.retests].reverse().find((r) => r.date > windowStart && r.date <= windowEnd)
  if (args.weekFlags.length > 0) {
    return { passed: false, why: retestPainWhy(args.weekIndex, args.weekFlags), assumed: false, windowEnd }
  }
  if (record) {
    const passed = record.ankleRangeImproved && record.hipStrengthImproved
    return { passed, why: retestNotImprovedWhy(record), assumed: false, windowEnd }
  }
  if (dayNumber(windowEnd) < dayNumber(args.asOf)) {
    return { passed: false, why: retestMissingWhy(args.retestDate), assumed: false, windowEnd }
  }
  return { passed: true, why: '', assumed: true, windowEnd }
}

/** Progress after a re-test: through the gate, or another settle week and a re-test a week later. */
export function afterRetest(progress: Progress, outcome: RetestOutcome, weekIndex: number): Progress {
  const next = { ...progress, lastRetestWindowEnd: outcome.windowEnd }
  if (outcome.passed) next.gatePassed = true
  else next.nextRetestIndex = weekIndex + 1
  return next
}
