// What the week loop needs from the request, worked out once: distances in tenths, the long-run shape,
// amber-triage status, exercises and re-tests, plus the notes that explain the choices.

import type { Referral } from '../assessment/schema'
import { returnPathFor } from '../clinical/referral-policy'
import { weekIndexOf } from './calendar'
import type { PlanClinical, PlanReturn } from './clinical'
import { exerciseSets, type ExerciseSets } from './exercises'
import { PLAN_RULES } from './rules'
import { isLowStart, longRunShape, type LongRunShape } from './runs'
import type { PlanRequest, PlanRetest } from './schema'
import { tenthsDown } from './tenths'
import { PAIN_LIMITS } from '../load/pain-monitoring'
import { runDayOffsets, type RunDayPattern } from './weekdays'
import {
  AMBER_HOLD_NOTE,
  amberClearedNote,
  LOW_START_NOTE,
  NO_ASSESSMENT_NOTE,
  PRE_START_PAIN_NOTE,
  returnToRunNote,
  SOMETHING_ELSE_FOUND_NOTE,
  targetBelowCurrentNote,
  WALK_RUN_GROWTH_NOTE,
} from './words'

export interface PlanSettings {
  planStart: string
  /** The day the plan is made for: the request's today, or its start date. */
  asOf: string
  runDays: number
  targetTenths: number
  currentTenths: number
  /** The weekly distance never drops below this. */
  minLevelTenths: number
  /** The settle phase's running level. */
  comfortTenths: number
  maxWeeks: number
  lighterEvery: number
  /** The first re-test is at the end of this week. */
  firstRetestIndex: number
  /** The calf-endurance factor is likely: the re-test rechecks heel raises. */
  calfFactor: boolean
  longRun: LongRunShape
  /** Walk–run sessions for a very low starting volume. */
  lowStart: boolean
  /**
   * A tiny base grows in walk–run blocks (PLAN_RULES.walkRunBlockMinutes) while under 10 km a week: a low
   * start that is not a return after a stop (a return keeps its path's 10 % limit).
   */
  walkRunGrowth: boolean
  /** A referral that holds running (without stopping it) was raised: hold until it is cleared. */
  amber: boolean
  /** When the holding referrals were cleared (undefined while one is open). */
  clearedOn: string | undefined
  amberReferrals: readonly Referral[]
  amberUncleared: boolean
  /** Return to running after a stop-running referral was cleared (readiness tests, then walk-run). */
  returnToRun: PlanReturn | null
  /**
   * Checks before each increase once the holding referrals are cleared: the return path of those referrals
   * (an Achilles tendinopathy checks hop and heel-raise pain, C5 Achilles protocol). Empty otherwise.
   */
  clearedHoldChecks: readonly ('hop-pain' | 'heel-raise-pain')[]
  /** Highest pain during runs the gates allow (5/10; 2/10 on a return to running, C1 bone tolerance). */
  duringLimit: number
  /** Weekday placement of the runs and the long run. */
  runDayPattern: RunDayPattern
  /** Pain went outside the limits in the two weeks before the start: week 1 holds below the current distance. */
  preStartPain: boolean
  exercises: ExerciseSets
  /** The recorded re-tests, oldest first. */
  retests: readonly PlanRetest[]
}

/** The ladder's first phase: about 1.6 km (one mile) of walk-run per session (C5, Trials 2023 table 1). */
const LADDER_START_TENTHS_PER_SESSION = 16

export function planSettings(
  request: PlanRequest,
  clinical: PlanClinical,
  preStartPain: boolean,
): { settings: PlanSettings; notes: string[] } {
  const planStart = request.startDate
  const diagnosis = request.diagnosis
  const runDays = request.runDaysPerWeek
  const targetTenths = tenthsDown(request.targetWeeklyKm)
  const back = clinical.returnToRun
  const requestedTenths = tenthsDown(request.currentWeeklyKm)
  const currentTenths = back ? Math.min(requestedTenths, LADDER_START_TENTHS_PER_SESSION * runDays) : requestedTenths
  const longRun = longRunShape(runDays, targetTenths, request.targetLongRunKm)
  const amber = clinical.holdReferrals.length > 0
  const clearedOn = amber ? clinical.holdClearedOn : undefined
  const clearedIndex = clearedOn !== undefined ? weekIndexOf(planStart, clearedOn) : 0
  const settings: PlanSettings = {
    planStart,
    asOf: request.today ?? planStart,
    runDays,
    targetTenths,
    currentTenths,
    minLevelTenths: Math.max(tenthsDown(PLAN_RULES.minWeeklyKm), tenthsDown(PLAN_RULES.minKmPerRunDay * runDays)),
    comfortTenths: Math.min(currentTenths, targetTenths),
    maxWeeks: request.maxWeeks ?? PLAN_RULES.maxWeeks,
    lighterEvery: request.lighterWeekEvery ?? PLAN_RULES.lighterWeekEvery,
    firstRetestIndex: Math.max(request.settleWeeks ?? PLAN_RULES.settleWeeks, clearedIndex),
    calfFactor: (diagnosis?.factors ?? []).some((f) => f.id === 'calf-endurance-deficit' && f.likelihood !== 'low'),
    longRun: longRun.shape,
    lowStart: back !== null || isLowStart(currentTenths, request.longestRunLast30DaysKm),
    walkRunGrowth: back === null && isLowStart(currentTenths, request.longestRunLast30DaysKm),
    amber,
    clearedOn,
    amberReferrals: clinical.holdReferrals,
    amberUncleared: amber && clearedOn === undefined,
    clearedHoldChecks: amber && clearedOn !== undefined ? returnPathFor(clinical.holdReferrals.map((r) => r.id)).checksBeforeIncrease : [],
    returnToRun: back,
    duringLimit: back ? back.path.painLimit : PAIN_LIMITS.during,
    runDayPattern: runDayOffsets(planStart, runDays, request.runDays, request.longRunDay),
    preStartPain,
    exercises: exerciseSets(diagnosis, clinical.holdReferrals),
    retests: [...(request.retests ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  }

  const notes: string[] = []
  if (longRun.note !== null) notes.push(longRun.note)
  if (targetTenths < currentTenths) notes.push(targetBelowCurrentNote(targetTenths, currentTenths))
  if (settings.amberUncleared) notes.push(AMBER_HOLD_NOTE)
  else if (amber && clearedOn !== undefined) notes.push(amberClearedNote(clearedOn))
  if (!diagnosis) notes.push(NO_ASSESSMENT_NOTE)
  if (back) notes.push(returnToRunNote(back))
  if (clinical.somethingElseFound) notes.push(SOMETHING_ELSE_FOUND_NOTE)
  if (preStartPain) notes.push(PRE_START_PAIN_NOTE)
  if (settings.lowStart) notes.push(LOW_START_NOTE)
  if (settings.walkRunGrowth) notes.push(WALK_RUN_GROWTH_NOTE)
  return { settings, notes }
}

/** Amber triage holds running in every week that ends before the referral is cleared. */
export function heldForReferral(settings: PlanSettings, weekEnd: string): boolean {
  return settings.amber && (settings.clearedOn === undefined || settings.clearedOn > weekEnd)
}
