// The load limits in tenths of a kilometre: the 10 % weekly rise, the size of a lighter week, and the
// single-run rule (no run longer than 110 % of the longest run of the previous 30 days).

import { dayNumber } from '../dates'
import { PLAN_RULES } from './rules'
import { EPS } from './tenths'
import type { PlannedRun, PlanRequest } from './schema'

/** One walk–run block (walk 2 min + run 3 min) in tenths of a kilometre: 5 min at 10 min/km = 0.5 km. */
export const WALK_RUN_BLOCK_TENTHS = Math.round((PLAN_RULES.walkRunBlockMinutes / PLAN_RULES.walkRunMinutesPerKm) * 10)

/** The reference plus a walk–run step, never above 150 % of the reference (C5 ladder P1→P2). */
function blockStep(referenceTenths: number, stepTenths: number): number {
  return Math.min(referenceTenths + stepTenths, Math.floor(referenceTenths * PLAN_RULES.walkRunMaxStepRatio + EPS))
}

/** True when a week built on this reference may grow in walk–run blocks (the reference is under 10 km). */
export function growsInWalkRunBlocks(walkRunGrowth: boolean, referenceTenths: number): boolean {
  return walkRunGrowth && referenceTenths < Math.round(PLAN_RULES.walkRunWeeklyKmBelow * 10)
}

/**
 * The weekly limit in tenths: never above 110 % of the reference, except that a tiny walk–run base may add one
 * walk–run block per session (PLAN_RULES.walkRunBlockMinutes).
 */
export function maxNextWeek(referenceTenths: number, walkRun?: { growth: boolean; runDays: number }): number {
  const tenPercent = Math.floor(referenceTenths * (1 + PLAN_RULES.maxWeeklyIncrease) + EPS)
  if (!walkRun || !growsInWalkRunBlocks(walkRun.growth, referenceTenths)) return tenPercent
  return Math.max(tenPercent, blockStep(referenceTenths, WALK_RUN_BLOCK_TENTHS * walkRun.runDays))
}

/** The smallest lighter week still inside the band: 30 % below the reference. */
export function lighterWeekFloor(referenceTenths: number): number {
  return Math.ceil(referenceTenths * (1 - PLAN_RULES.lighterCutMax) - EPS)
}

/** Lighter week: 25 % below the reference, kept inside the 20–30 % band. */
export function lighterWeekTenths(referenceTenths: number): number {
  const lo = lighterWeekFloor(referenceTenths)
  const hi = Math.floor(referenceTenths * (1 - PLAN_RULES.lighterCutMin) + EPS)
  const aim = Math.round(referenceTenths * (1 - PLAN_RULES.lighterCutPlanned))
  return Math.max(1, Math.min(hi, Math.max(lo, aim)))
}

/**
 * A week at least 20 % below the reference is a recovery week in its own right (a step back or a drop to a
 * lowered target), so the count towards the next lighter week starts again.
 */
export function isRecoveryWeek(weekTenths: number, referenceTenths: number): boolean {
  return weekTenths <= referenceTenths * (1 - PLAN_RULES.lighterCutMin) + EPS
}

// ---------------------------------------------------------------------------------------------------------
// Single-run references (planned + logged + the given longest run)

interface RefRun {
  day: number
  km: number
}

export class RunReferences {
  private readonly runs: RefRun[] = []

  /** The request's references: its longest recent run (as a run the day before the plan) and its logged runs. */
  static forRequest(request: PlanRequest, returnSessionKm?: number): RunReferences {
    const refs = new RunReferences()
    // A return to running after a stop starts from the ladder's first session, whatever was run before the stop.
    if (returnSessionKm !== undefined) {
      refs.add(dayNumber(request.startDate) - 1, Math.min(request.longestRunLast30DaysKm, returnSessionKm))
      return refs
    }
    refs.add(dayNumber(request.startDate) - 1, request.longestRunLast30DaysKm)
    for (const r of request.runs ?? []) refs.add(dayNumber(r.date), r.km)
    return refs
  }

  add(day: number, km: number): void {
    if (km > 0 && Number.isFinite(km)) this.runs.push({ day, km })
  }

  addRuns(runs: readonly PlannedRun[]): void {
    for (const r of runs) this.add(dayNumber(r.date), r.km)
  }

  /** Longest run in [day − window, day − 1], or 0. */
  longestBefore(day: number): number {
    let best = 0
    const from = day - PLAN_RULES.longestRunWindowDays
    for (const r of this.runs) if (r.day >= from && r.day < day && r.km > best) best = r.km
    return best
  }

  /**
   * Longest distance (tenths) allowed for a run on this day: 110 % of the longest run of the previous 30 days,
   * or for a walk–run session of a tiny base, that longest run plus one walk–run block if that is more.
   */
  capTenths(day: number, walkRunBlock = false): number {
    const longest = this.longestBefore(day)
    const cap = Math.floor(longest * 10 * PLAN_RULES.maxRunRatio + EPS)
    return walkRunBlock && longest > 0 ? Math.max(cap, blockStep(Math.floor(longest * 10 + EPS), WALK_RUN_BLOCK_TENTHS)) : cap
  }
}
