// What the week loop needs from the request, worked out once: distances in tenths, the long-run shape,
// amber-triage status, exercises and re-tests, plus the notes that explain the choices.

import type { Referral } from '../assessment/schema'
import { weekIndexOf } from './calendar'
import { exerciseSets, type ExerciseSets } from './exercises'
import { PLAN_RULES } from './rules'
import { isLowStart, longRunShape, type LongRunShape } from './runs'
import type { PlanRequest, PlanRetest } from './schema'
import { tenthsDown } from './tenths'
import { AMBER_HOLD_NOTE, amberClearedNote, LOW_START_NOTE, NO_ASSESSMENT_NOTE, targetBelowCurrentNote } from './words'

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
  amber: boolean
  /** When the amber referral was cleared (amber triage only). */
  clearedOn: string | undefined
  amberReferrals: readonly Referral[]
  amberUncleared: boolean
  exercises: ExerciseSets
  /** The recorded re-tests, oldest first. */
  retests: readonly PlanRetest[]
}

export function planSettings(request: PlanRequest): { settings: PlanSettings; notes: string[] } {
  const planStart = request.startDate
  const diagnosis = request.diagnosis
  const runDays = request.runDaysPerWeek
  const targetTenths = tenthsDown(request.targetWeeklyKm)
  const currentTenths = tenthsDown(request.currentWeeklyKm)
  const longRun = longRunShape(runDays, targetTenths, request.targetLongRunKm)
  const amber = diagnosis?.triage === 'amber'
  const clearedOn = amber ? request.referralClearedOn : undefined
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
    lowStart: isLowStart(currentTenths, request.longestRunLast30DaysKm),
    amber,
    clearedOn,
    amberReferrals: amber && diagnosis ? diagnosis.referrals : [],
    amberUncleared: amber && clearedOn === undefined,
    exercises: exerciseSets(diagnosis),
    retests: [...(request.retests ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  }

  const notes: string[] = []
  if (longRun.note !== null) notes.push(longRun.note)
  if (targetTenths < currentTenths) notes.push(targetBelowCurrentNote(targetTenths, currentTenths))
  if (settings.amberUncleared) notes.push(AMBER_HOLD_NOTE)
  else if (amber && clearedOn !== undefined) notes.push(amberClearedNote(clearedOn))
  if (!diagnosis) notes.push(NO_ASSESSMENT_NOTE)
  if (settings.lowStart) notes.push(LOW_START_NOTE)
  return { settings, notes }
}

/** Amber triage holds running in every week that ends before the referral is cleared. */
export function heldForReferral(settings: PlanSettings, weekEnd: string): boolean {
  return settings.amber && (settings.clearedOn === undefined || settings.clearedOn > weekEnd)
}
