// One week of runs: which days, how the week's distance is shared between them (the long run last), the
// single-run cap on each, and walk–run sessions for runners who start from a very low volume (§C5).

import { addDays, dayNumber } from '../dates'
import type { RunReferences } from './limits'
import type { RunDayPattern } from './weekdays'
import { PLAN_RULES } from './rules'
import type { PlannedRun } from './schema'
import { EPS, kmOf, tenthsDown } from './tenths'
import { longRunCappedNote, longRunRaisedNote, singleRunIgnoresLongRunNote, walkRunDetail } from './words'

/** Share of the week in the long run, when no target long run is given. */
const LONG_RUN_SHARE: Readonly<Record<number, number>> = { 1: 1, 2: 0.55, 3: 0.4, 4: 0.33, 5: 0.3, 6: 0.28, 7: 0.25 }
/** Largest share of the week the long run may take when a target long run asks for more. */
function maxLongShare(days: number): number {
  return days === 1 ? 1 : days === 2 ? 0.7 : 0.5
}

// ---------------------------------------------------------------------------------------------------------
// The long run

export interface LongRunShape {
  /** Share of the week's distance the long run aims for. */
  share: number
  /** Longest the long run may be (tenths); infinite without a target long run. */
  limitTenths: number
}

/** The long run's share and limit for the request, with a note when the target long run cannot be met as asked. */
export function longRunShape(
  runDays: number,
  targetTenths: number,
  targetLongRunKm: number | undefined,
): { shape: LongRunShape; note: string | null } {
  const share = LONG_RUN_SHARE[runDays] ?? 0.25
  const free = { share, limitTenths: Number.POSITIVE_INFINITY }
  if (targetLongRunKm === undefined) return { shape: free, note: null }
  const targetLongTenths = tenthsDown(targetLongRunKm)
  if (runDays === 1) return { shape: free, note: singleRunIgnoresLongRunNote(targetLongTenths, targetTenths) }

  const minLong = Math.ceil(targetTenths / runDays)
  const wanted = targetLongTenths / targetTenths
  const maxShare = maxLongShare(runDays)
  const shape = {
    share: Math.min(maxShare, Math.max(1 / runDays, wanted)),
    limitTenths: Math.max(targetLongTenths, minLong),
  }
  let note: string | null = null
  if (wanted > maxShare + EPS) {
    const reachTenths = Math.round(targetTenths * shape.share)
    note = longRunCappedNote({ targetLongTenths, maxShare, targetTenths, runDays, reachTenths })
  } else if (targetLongTenths < minLong) {
    note = longRunRaisedNote({ targetTenths, runDays, minLongTenths: minLong, targetLongTenths })
  }
  return { shape, note }
}

// ---------------------------------------------------------------------------------------------------------
// Walk–run

/** Walk–run is for runners who start from a very low volume, until the volume has built past the thresholds. */
export function isLowStart(currentTenths: number, longestRunLast30DaysKm: number): boolean {
  return (
    currentTenths < tenthsDown(PLAN_RULES.walkRunWeeklyKmBelow) ||
    longestRunLast30DaysKm < PLAN_RULES.walkRunLongestKmBelow - EPS
  )
}

export interface WalkRunFacts {
  lowStart: boolean
  /**
   * Tendon return (C5 Achilles protocol): one new load at a time, so a week that adds distance keeps the
   * walk-run pattern of the week before instead of also switching to continuous running.
   */
  keepWalkRunOnIncrease?: { previousWasWalkRun: boolean; previousTenths: number } | undefined
  firstWeek: boolean
  /** For a lighter week, the non-lighter week it is cut from (that level sets the pattern); null otherwise. */
  lighterFromTenths: number | null
  /** Longest run of the 30 days before the week. */
  longestRecentKm: number
}

/**
 * Walk–run while a low starting volume is still low (always in week 1 of a low start). Returns the level that
 * sets the walk–run pattern, or null for continuous runs.
 */
function walkRunLevel(facts: WalkRunFacts, totalTenths: number): number | null {
  const level = facts.lighterFromTenths ?? totalTenths
  const keep = facts.keepWalkRunOnIncrease
  if (facts.lowStart && keep && keep.previousWasWalkRun && totalTenths > keep.previousTenths) return level
  const low =
    facts.firstWeek ||
    level < tenthsDown(PLAN_RULES.walkRunWeeklyKmBelow) ||
    facts.longestRecentKm < PLAN_RULES.walkRunLongestKmBelow - EPS
  return facts.lowStart && low ? level : null
}

// ---------------------------------------------------------------------------------------------------------
// Building one week of runs

export interface BuiltRuns {
  runs: PlannedRun[]
  totalTenths: number
  longestTenths: number
}

function distribute(
  desiredTenths: number,
  caps: readonly number[],
  longIndex: number,
  share: number,
  longLimitTenths: number,
): number[] {
  const n = caps.length
  if (n === 1) return [Math.max(1, Math.min(desiredTenths, caps[0] ?? 0))]
  const li = n - 1
  let long = Math.max(Math.ceil(desiredTenths / n), Math.round(desiredTenths * share))
  long = Math.min(long, caps[longIndex] ?? 0, longLimitTenths)
  long = Math.max(1, long)
  // The easy days in date order (every day but the long run's).
  const easyDays = caps.map((_, i) => i).filter((i) => i !== longIndex)
  const easyCap = easyDays.map((i) => Math.max(1, Math.min(caps[i] ?? 0, long)))
  const easy = new Array<number>(li).fill(0)
  let remaining = Math.max(0, desiredTenths - long)
  for (let pass = 0; pass <= li && remaining > 0; pass++) {
    const open: number[] = []
    for (let j = 0; j < li; j++) if ((easy[j] ?? 0) < (easyCap[j] ?? 0)) open.push(j)
    if (open.length === 0) break
    const each = Math.floor(remaining / open.length)
    const extra = remaining % open.length
    open.forEach((j, k) => {
      const want = each + (k < extra ? 1 : 0)
      const add = Math.min(want, (easyCap[j] ?? 0) - (easy[j] ?? 0))
      easy[j] = (easy[j] ?? 0) + add
      remaining -= add
    })
  }
  // Every session exists: at least 0.1 km (only reachable in degenerate cases; the schema's minimums prevent it).
  const out = new Array<number>(n).fill(1)
  out[longIndex] = long
  easyDays.forEach((day, j) => (out[day] = Math.max(1, easy[j] ?? 0)))
  return out
}

export function buildRuns(args: {
  weekStart: string
  runDays: number
  desiredTenths: number
  refs: RunReferences
  longRun: LongRunShape
  pattern: RunDayPattern
  walkRun: Omit<WalkRunFacts, 'longestRecentKm'>
  /** A tiny walk–run base: each walk–run session may be one block longer than the longest recent run. */
  walkRunBlocks?: boolean
}): BuiltRuns {
  const { offsets, longIndex } = args.pattern
  const dates = offsets.map((o) => addDays(args.weekStart, o))
  const longestRecentKm = args.refs.longestBefore(dayNumber(args.weekStart))
  const share = (blocks: boolean) => {
    // Caps ignore this week's own earlier runs: that can only make them stricter than the rule.
    const caps = dates.map((d) => args.refs.capTenths(dayNumber(d), blocks))
    const tenths = distribute(args.desiredTenths, caps, longIndex, args.longRun.share, args.longRun.limitTenths)
    const totalTenths = tenths.reduce((a, b) => a + b, 0)
    return { tenths, totalTenths, walkLevel: walkRunLevel({ ...args.walkRun, longestRecentKm }, totalTenths) }
  }
  // The walk–run block allowance is for walk–run sessions only: a week that turns continuous keeps the 110 % rule.
  let built = share(args.walkRunBlocks === true)
  if (built.walkLevel === null && args.walkRunBlocks === true) built = share(false)
  const { tenths, totalTenths, walkLevel } = built
  const runs: PlannedRun[] = dates.map((date, i) => {
    const t = tenths[i] ?? 1
    if (walkLevel !== null) return { date, km: kmOf(t), kind: 'walk-run', detail: walkRunDetail(walkLevel, t) }
    const kind = args.runDays >= 2 && i === longIndex ? 'long' : 'easy'
    return { date, km: kmOf(t), kind }
  })
  return { runs, totalTenths, longestTenths: Math.max(...tenths) }
}
