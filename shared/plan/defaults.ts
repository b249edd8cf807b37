// Suggested plan request from an athlete's log (issue 5, "defaults taken from the log and the latest
// assessment, all editable"). Pure and deterministic: "today" is an input. Used by the planDefaults channel
// and by the demo plans, so a demo plan is built exactly the way a coach's would be.
//
// - current comfortable weekly distance: the mean of the last four 7-day windows (ending today) whose pain
//   stayed inside the limits (pain during ≤ 5/10 and next-morning pain ≤ 2/10); weeks with no running do not
//   count. When every running week went over the limits, 80 % of the smallest of them.
// - longest run in the last 30 days: straight from the log (the 30 days ending today).
// - target weekly distance: the best 4-week average in the last 26 weeks (what the runner used to manage),
//   never below the current level.
// - target long run: the longest run of the last 26 weeks, when it is longer than the recent longest run and
//   fits inside the target week.
// - run days a week: the median number of run days in the recent running weeks.
// All distances are rounded DOWN to the half kilometre so a suggestion never overstates what was done.

import { addDays } from '../dates'
import type { Diagnosis } from '../assessment/schema'
import { PAIN_LIMITS } from '../load/pain-monitoring'
import { MIN_KM_PER_RUN_DAY, MIN_LONGEST_RUN_KM, MIN_WEEKLY_KM, PlanRequest, type PlanLoggedRun } from './schema'

export interface DefaultsRun {
  date: string
  distanceKm: number
  painDuring?: number | null | undefined
  painAfter?: number | null | undefined
  painNextMorning?: number | null | undefined
}

export interface SuggestedPlanRequest {
  /** A valid request (without runs; the caller adds the log). */
  request: PlanRequest
  /** Where each suggestion came from, in plain words, keyed by request field. */
  basis: {
    currentWeeklyKm: string
    longestRunLast30DaysKm: string
    targetWeeklyKm: string
    targetLongRunKm: string
    runDaysPerWeek: string
  }
  /** True when the log had runs in the last 4 weeks to base the suggestion on. */
  fromLog: boolean
}

export const PLAN_DEFAULTS = {
  recentWindows: 4,
  historyDays: 182,
  painfulWeekFactor: 0.8,
  fallbackWeeklyKm: 10,
  fallbackRunDays: 3,
} as const

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

function halfDown(km: number): number {
  return Math.floor(km * 2 + 1e-9) / 2
}

function fmt(km: number): string {
  return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)} km`
}

interface Window {
  from: string
  to: string
  km: number
  days: number
  painful: boolean
}

/** 7-day windows ending on `lastDay`, oldest first. */
function windows(runs: readonly DefaultsRun[], lastDay: string, count: number): Window[] {
  const out: Window[] = []
  for (let i = count - 1; i >= 0; i--) {
    const to = addDays(lastDay, -7 * i)
    const from = addDays(to, -6)
    const inWindow = runs.filter((r) => r.date >= from && r.date <= to)
    out.push({
      from,
      to,
      km: inWindow.reduce((a, r) => a + r.distanceKm, 0),
      days: new Set(inWindow.map((r) => r.date)).size,
      painful: inWindow.some(
        (r) => (ok(r.painDuring) && r.painDuring > PAIN_LIMITS.during) || (ok(r.painNextMorning) && r.painNextMorning > PAIN_LIMITS.settledMorning),
      ),
    })
  }
  return out
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/**
 * A suggested, valid plan request for an athlete, from the log up to `today` and the latest diagnosis.
 * Runs after today and runs with a non-positive or non-finite distance are ignored.
 */
export function suggestPlanRequest(
  allRuns: readonly DefaultsRun[],
  today: string,
  options: { diagnosis?: Diagnosis | undefined; startDate?: string } = {},
): SuggestedPlanRequest {
  const runs = allRuns.filter((r) => typeof r.date === 'string' && r.date <= today && ok(r.distanceKm) && r.distanceKm > 0)
  const recent = windows(runs, today, PLAN_DEFAULTS.recentWindows)
  const running = recent.filter((w) => w.km > 0)
  const comfortable = running.filter((w) => !w.painful)

  let current: number
  let currentBasis: string
  if (comfortable.length > 0) {
    current = comfortable.reduce((a, w) => a + w.km, 0) / comfortable.length
    currentBasis =
      `Average of the ${comfortable.length} week${comfortable.length === 1 ? '' : 's'} in the last 4 with pain inside the limits` +
      (comfortable.length < running.length ? ` (${running.length - comfortable.length} painful week${running.length - comfortable.length === 1 ? '' : 's'} left out)` : '') +
      '.'
  } else if (running.length > 0) {
    current = Math.min(...running.map((w) => w.km)) * PLAN_DEFAULTS.painfulWeekFactor
    currentBasis = 'Every recent week went over the pain limits: 80 % of the smallest of them.'
  } else {
    current = PLAN_DEFAULTS.fallbackWeeklyKm
    currentBasis = 'No runs in the last 4 weeks: enter what the runner can do comfortably now.'
  }

  const runDaysRaw = running.length > 0 ? Math.round(median(running.map((w) => w.days))) : PLAN_DEFAULTS.fallbackRunDays
  let runDays = Math.max(1, Math.min(7, runDaysRaw))
  current = Math.max(MIN_WEEKLY_KM, halfDown(current))
  // Every session must be at least MIN_KM_PER_RUN_DAY long at the comfortable level.
  while (runDays > 1 && current < MIN_KM_PER_RUN_DAY * runDays) runDays -= 1
  const runDaysBasis = running.length > 0 ? `Median number of run days in the ${running.length} recent running week${running.length === 1 ? '' : 's'}.` : 'No recent runs: 3 run days is a common start.'

  const from30 = addDays(today, -29)
  const last30 = runs.filter((r) => r.date >= from30)
  const longest30 = last30.reduce((a, r) => Math.max(a, r.distanceKm), 0)
  let longest: number
  let longestBasis: string
  if (longest30 > 0) {
    longest = Math.max(MIN_LONGEST_RUN_KM, halfDown(longest30))
    longestBasis = `Longest run logged from ${from30} to ${today}.`
  } else {
    longest = Math.max(MIN_LONGEST_RUN_KM, halfDown(current / runDays))
    longestBasis = 'No run in the last 30 days: one session of the comfortable week.'
  }

  // Target: the best 4-week average of the last 26 weeks.
  const historyStart = addDays(today, -PLAN_DEFAULTS.historyDays + 1)
  const history = runs.filter((r) => r.date >= historyStart)
  let best4 = 0
  let bestTo = ''
  for (let end = 0; end <= PLAN_DEFAULTS.historyDays - 28; end += 7) {
    const to = addDays(today, -end)
    const from = addDays(to, -27)
    const km = history.filter((r) => r.date >= from && r.date <= to).reduce((a, r) => a + r.distanceKm, 0) / 4
    if (km > best4 + 1e-9) {
      best4 = km
      bestTo = to
    }
  }
  let target = halfDown(Math.max(best4, current))
  target = Math.max(target, MIN_KM_PER_RUN_DAY * runDays, MIN_WEEKLY_KM)
  const targetBasis =
    best4 > current
      ? `Best 4-week average in the last 26 weeks (the 4 weeks to ${bestTo}).`
      : history.length > 0
        ? 'The runner has not run more than now in the last 26 weeks: the target is the current level. Raise it if they are aiming higher.'
        : 'No log to go on: set the weekly distance the runner is aiming for.'

  const longestHistory = history.reduce((a, r) => Math.max(a, r.distanceKm), 0)
  const longTarget = halfDown(longestHistory)
  const useLong = runDays >= 2 && longTarget > longest && longTarget >= MIN_LONGEST_RUN_KM && longTarget <= target
  const longBasis = useLong
    ? 'Longest run of the last 26 weeks.'
    : 'Optional: leave empty to let the plan size the long run from the weekly distance.'

  const draft = {
    startDate: options.startDate ?? today,
    today,
    currentWeeklyKm: current,
    longestRunLast30DaysKm: longest,
    targetWeeklyKm: target,
    ...(useLong ? { targetLongRunKm: longTarget } : {}),
    runDaysPerWeek: runDays,
    ...(options.diagnosis ? { diagnosis: options.diagnosis } : {}),
  }
  const parsed = PlanRequest.safeParse(draft)
  // The rules above always give a valid request; this guards against a future rule change.
  const request: PlanRequest = parsed.success
    ? parsed.data
    : PlanRequest.parse({ startDate: draft.startDate, today, currentWeeklyKm: 10, longestRunLast30DaysKm: 3, targetWeeklyKm: 10, runDaysPerWeek: 3, ...(options.diagnosis ? { diagnosis: options.diagnosis } : {}) })
  return {
    request,
    basis: {
      currentWeeklyKm: `${currentBasis} Suggested ${fmt(request.currentWeeklyKm)}.`,
      longestRunLast30DaysKm: longestBasis,
      targetWeeklyKm: targetBasis,
      targetLongRunKm: longBasis,
      runDaysPerWeek: runDaysBasis,
    },
    fromLog: running.length > 0,
  }
}

/**
 * The log as the generator reads it: runs from 30 days before the plan start (for the single-run rule) up to
 * `today`, oldest first, at most 5000 (the newest are kept). Pain scores that were not logged stay null.
 */
export function loggedRunsForPlan(allRuns: readonly DefaultsRun[], startDate: string, today: string): PlanLoggedRun[] {
  const from = addDays(startDate, -30)
  const picked = allRuns
    .filter((r) => typeof r.date === 'string' && r.date >= from && r.date <= today && ok(r.distanceKm) && r.distanceKm > 0 && r.distanceKm <= 400)
    .map((r) => ({
      date: r.date,
      km: r.distanceKm,
      painDuring: ok(r.painDuring) ? r.painDuring : null,
      painAfter: ok(r.painAfter) ? r.painAfter : null,
      painNextMorning: ok(r.painNextMorning) ? r.painNextMorning : null,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return picked.length > 5000 ? picked.slice(picked.length - 5000) : picked
}
