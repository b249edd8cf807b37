// Load metrics from a runner's log. All functions are pure and work on calendar dates (ISO
// YYYY-MM-DD) through the integer day arithmetic in shared/dates.ts, so daylight-saving changes and
// the machine's time zone cannot move a run to another day or week.
//
// Sources (shared/reference/clinical-and-peers.md):
// - §C4 / §C2 Frandsen et al. 2025 (Garmin-RUNSAFE): a single run more than 10 % longer than the
//   longest run of the previous 30 days carried a higher injury rate. This is our PRIMARY load flag.
// - §C2 Williams et al. 2017: EWMA acute:chronic ratio, λ = 2/(N+1), N = 7 and 28. Following the
//   Impellizzeri et al. 2020 critique, it is shown only as a descriptive TREND, never as a risk verdict,
//   and it never changes an athlete's status.

import { addDays, dayNumber, fromDayNumber, isIsoDate, weekStart, type WeekStartDay } from '../dates'

/** The minimum a metric needs from a run. `RunInput` and `Run` both satisfy it. */
export interface LoadRun {
  date: string
  distanceKm: number
}

/** The 30-day longest-run rule (Frandsen et al. 2025). */
export const LONGEST_RUN_RULE = {
  /** Look-back window: the 30 calendar days before the run's own day. */
  windowDays: 30,
  /** A run is flagged when distance / previous longest is above this. */
  maxRatio: 1.1,
} as const

/** Tolerance so that 5.5 / 5 (exactly 10 % longer) is never flagged by floating-point noise. */
const RATIO_EPSILON = 1e-9

/** Frandsen 2025 bands for how far a run went beyond the previous 30-day longest. */
export type LongestRunBand = 'no-prior-run' | 'within-10' | '10-30' | '30-100' | 'over-100'

export interface RunVsLongest<T extends LoadRun = LoadRun> {
  run: T
  /** Index of the run in the array passed in. */
  index: number
  /** Longest single run in the 30 days before this run's day (same-day runs excluded), or null. */
  previousLongestKm: number | null
  /** distance / previousLongestKm; null when there is no prior run in the window. */
  ratio: number | null
  /** True when ratio > 1.10. Never true without a prior run. */
  breaksLongestRunRule: boolean
  band: LongestRunBand
}

export interface WeeklyDistance {
  /** Monday of the week (ISO date). */
  weekStart: string
  km: number
  runs: number
  longestKm: number
}

export interface WeeklyChange extends WeeklyDistance {
  /** (km − previous week km) / previous week km × 100; null for the first week or when last week was 0 km. */
  changePercent: number | null
}

export interface AcwrPoint {
  date: string
  /** Total km that day. */
  dailyKm: number
  /** EWMA with N = 7 (λ = 0.25). */
  acute: number
  /** EWMA with N = 28 (λ = 2/29). */
  chronic: number
  /** acute / chronic; null before 28 days of data or when chronic is 0. */
  ratio: number | null
}

export interface AcwrTrend {
  /** Always 'trend': this is a description of recent load against longer-term load, not a risk score. */
  kind: 'trend'
  label: string
  date: string
  acute: number
  chronic: number
  ratio: number | null
  daysOfData: number
  note: string
}

export const ACWR_EWMA = { acuteDays: 7, chronicDays: 28, minDaysOfData: 28 } as const

export const ACWR_NOTE =
  'Acute:chronic ratio (EWMA 7/28 days) is shown as a trend only. It is not an injury-risk verdict: ' +
  'Impellizzeri et al. (2020) showed the ratio predicts no better than chance, and in runners ' +
  'Frandsen et al. (2025) found the single-run 30-day rule more informative.'

function validRuns<T extends LoadRun>(runs: readonly T[]): { run: T; index: number; day: number }[] {
  const out: { run: T; index: number; day: number }[] = []
  runs.forEach((run, index) => {
    if (isIsoDate(run.date) && Number.isFinite(run.distanceKm) && run.distanceKm > 0) {
      out.push({ run, index, day: dayNumber(run.date) })
    }
  })
  return out
}

/** Rounds to 3 decimals (metres) to keep sums of floats tidy in tables and tests. */
function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000
}

/** Total km per calendar day, keyed by day number. */
export function dailyTotals(runs: readonly LoadRun[]): Map<number, number> {
  const map = new Map<number, number>()
  for (const { run, day } of validRuns(runs)) map.set(day, (map.get(day) ?? 0) + run.distanceKm)
  return map
}

/**
 * Distance per Monday-start week, oldest first, with empty weeks filled with 0 km. The range runs
 * from the first run's week (or `from`'s week, if earlier) to the last run's week (or `to`'s week,
 * if later). When `from`/`to` are given, runs outside them are left out. No runs and no range → [].
 */
export function weeklyDistance(
  runs: readonly LoadRun[],
  options: { from?: string; to?: string; startsOn?: WeekStartDay } = {},
): WeeklyDistance[] {
  const startsOn = options.startsOn ?? 'monday'
  const valid = validRuns(runs).filter(
    ({ run }) => (options.from === undefined || run.date >= options.from) && (options.to === undefined || run.date <= options.to),
  )
  const byWeek = new Map<string, WeeklyDistance>()
  for (const { run } of valid) {
    const ws = weekStart(run.date, startsOn)
    const w = byWeek.get(ws) ?? { weekStart: ws, km: 0, runs: 0, longestKm: 0 }
    w.km += run.distanceKm
    w.runs += 1
    w.longestKm = Math.max(w.longestKm, run.distanceKm)
    byWeek.set(ws, w)
  }
  const starts = [...byWeek.keys()]
  if (options.from !== undefined && isIsoDate(options.from)) starts.push(weekStart(options.from, startsOn))
  if (options.to !== undefined && isIsoDate(options.to)) starts.push(weekStart(options.to, startsOn))
  if (starts.length === 0) return []
  starts.sort()
  const first = dayNumber(starts[0] as string)
  const last = dayNumber(starts[starts.length - 1] as string)
  const out: WeeklyDistance[] = []
  for (let d = first; d <= last; d += 7) {
    const ws = fromDayNumber(d)
    const w = byWeek.get(ws)
    out.push(w ? { ...w, km: roundKm(w.km) } : { weekStart: ws, km: 0, runs: 0, longestKm: 0 })
  }
  return out
}

/** Week-on-week change in distance. */
export function weeklyChange(weeks: readonly WeeklyDistance[]): WeeklyChange[] {
  return weeks.map((w, i) => {
    const prev = i > 0 ? weeks[i - 1] : undefined
    const changePercent = prev && prev.km > 0 ? ((w.km - prev.km) / prev.km) * 100 : null
    return { ...w, changePercent }
  })
}

/** The longest single run (earliest one on a tie), or null when there are no runs. */
export function longestRun<T extends LoadRun>(runs: readonly T[]): T | null {
  let best: { run: T; day: number } | null = null
  for (const v of validRuns(runs)) {
    if (!best || v.run.distanceKm > best.run.distanceKm || (v.run.distanceKm === best.run.distanceKm && v.day < best.day)) {
      best = v
    }
  }
  return best ? best.run : null
}

function bandFor(ratio: number | null): LongestRunBand {
  if (ratio === null) return 'no-prior-run'
  if (ratio <= LONGEST_RUN_RULE.maxRatio + RATIO_EPSILON) return 'within-10'
  if (ratio <= 1.3 + RATIO_EPSILON) return '10-30'
  if (ratio <= 2 + RATIO_EPSILON) return '30-100'
  return 'over-100'
}

/**
 * Each run compared with the longest run in the 30 days before it (days d−30 … d−1; other runs on
 * the same day do not count). Returned oldest first; `index` points back into the input array.
 * Invalid runs (bad date, non-positive distance) are left out.
 */
export function runsVsLongest30d<T extends LoadRun>(runs: readonly T[]): RunVsLongest<T>[] {
  const valid = validRuns(runs).sort((a, b) => a.day - b.day || a.index - b.index)
  // Longest run per day; each run then scans at most 30 days.
  const dayMax = new Map<number, number>()
  for (const { run, day } of valid) dayMax.set(day, Math.max(dayMax.get(day) ?? 0, run.distanceKm))
  return valid.map(({ run, index, day }) => {
    let prev: number | null = null
    for (let d = day - LONGEST_RUN_RULE.windowDays; d < day; d++) {
      const m = dayMax.get(d)
      if (m !== undefined && (prev === null || m > prev)) prev = m
    }
    const ratio = prev === null ? null : run.distanceKm / prev
    return {
      run,
      index,
      previousLongestKm: prev,
      ratio,
      breaksLongestRunRule: ratio !== null && ratio > LONGEST_RUN_RULE.maxRatio + RATIO_EPSILON,
      band: bandFor(ratio),
    }
  })
}

/**
 * How far a planned run may go: 110 % of the longest run in the 30 days before `date`, or null if
 * there was no run in that window.
 */
export function maxDistanceUnderRule(runs: readonly LoadRun[], date: string): number | null {
  if (!isIsoDate(date)) return null
  const day = dayNumber(date)
  let prev: number | null = null
  for (const { run, day: d } of validRuns(runs)) {
    if (d >= day - LONGEST_RUN_RULE.windowDays && d < day && (prev === null || run.distanceKm > prev)) prev = run.distanceKm
  }
  return prev === null ? null : prev * LONGEST_RUN_RULE.maxRatio
}

/**
 * Daily EWMA series (Williams et al. 2017): EWMA_t = λ·load_t + (1 − λ)·EWMA_{t−1}, λ = 2/(N+1), seeded with
 * the first day's load. Daily load is the total km that day (0 on rest days). The series runs from the
 * first run's day to `today` (or to the last run's day when `today` is not given). Runs after `today`
 * are ignored. `ratio` stays null for the first 27 days and whenever chronic is 0.
 */
export function acwrEwmaSeries(runs: readonly LoadRun[], today?: string): AcwrPoint[] {
  const end = today !== undefined && isIsoDate(today) ? dayNumber(today) : null
  const totals = dailyTotals(runs)
  const days = [...totals.keys()].filter((d) => end === null || d <= end)
  if (days.length === 0) return []
  const first = Math.min(...days)
  const last = end ?? Math.max(...days)
  const la = 2 / (ACWR_EWMA.acuteDays + 1)
  const lc = 2 / (ACWR_EWMA.chronicDays + 1)
  const out: AcwrPoint[] = []
  let acute = 0
  let chronic = 0
  for (let d = first; d <= last; d++) {
    const load = totals.get(d) ?? 0
    if (d === first) {
      acute = load
      chronic = load
    } else {
      acute = la * load + (1 - la) * acute
      chronic = lc * load + (1 - lc) * chronic
    }
    const daysOfData = d - first + 1
    const ratio = daysOfData >= ACWR_EWMA.minDaysOfData && chronic > 0 ? acute / chronic : null
    out.push({ date: fromDayNumber(d), dailyKm: load, acute, chronic, ratio })
  }
  return out
}

/**
 * The latest EWMA 7/28 value as a labelled trend, or null with fewer than 28 days of data (first run
 * to `today`, both included). `ratio` is null when chronic load is 0.
 */
export function acwrEwma(runs: readonly LoadRun[], today: string): AcwrTrend | null {
  const series = acwrEwmaSeries(runs, today)
  const last = series[series.length - 1]
  if (!last || series.length < ACWR_EWMA.minDaysOfData) return null
  return {
    kind: 'trend',
    label: 'Load trend (EWMA 7/28, not a risk score)',
    date: last.date,
    acute: last.acute,
    chronic: last.chronic,
    ratio: last.ratio,
    daysOfData: series.length,
    note: ACWR_NOTE,
  }
}

export type LoadFlagId = 'run-beyond-30d-longest'

export interface LoadFlag<T extends LoadRun = LoadRun> {
  id: LoadFlagId
  date: string
  detail: string
  ratio: number
  previousLongestKm: number
  run: T
}

export interface LoadSummary<T extends LoadRun = LoadRun> {
  /** Runs in the last `recentDays` days (today included) that broke the 30-day longest-run rule, oldest first. */
  flags: LoadFlag<T>[]
  /** Every run in the log that broke the rule (for chart markers). */
  allBreaches: RunVsLongest<T>[]
  /** This week (Monday-start, containing today) and last week. */
  thisWeekKm: number
  lastWeekKm: number
  /** This week against last week; null when last week was 0. Week-to-week change is informational. */
  weeklyChangePercent: number | null
  /** Longest run in the 30 days up to and including today. */
  longest30dKm: number | null
  /** How far the next run may go under the rule (110 % of the 30-day longest before tomorrow). */
  nextRunLimitKm: number | null
  acwr: AcwrTrend | null
  lastRunDate: string | null
  daysSinceLastRun: number | null
}

/** Everything the athlete page and the status need about load, as of `today`. Runs after today are ignored. */
export function loadFlags<T extends LoadRun>(
  runs: readonly T[],
  today: string,
  options: { recentDays?: number; startsOn?: WeekStartDay } = {},
): LoadSummary<T> {
  const recentDays = options.recentDays ?? 14
  const upToToday = runs.filter((r) => isIsoDate(r.date) && r.date <= today)
  const compared = runsVsLongest30d(upToToday)
  const allBreaches = compared.filter((c) => c.breaksLongestRunRule)
  const since = addDays(today, -(recentDays - 1))
  const flags: LoadFlag<T>[] = allBreaches
    .filter((c) => c.run.date >= since)
    .map((c) => {
      const ratio = c.ratio ?? 0
      const prev = c.previousLongestKm ?? 0
      return {
        id: 'run-beyond-30d-longest',
        date: c.run.date,
        ratio,
        previousLongestKm: prev,
        run: c.run,
        detail:
          `The run on ${c.run.date} (${roundKm(c.run.distanceKm)} km) was ${Math.round((ratio - 1) * 100)} % longer than ` +
          `the longest run of the previous 30 days (${roundKm(prev)} km). Runs more than 10 % beyond it ` +
          `carried more injury risk (Frandsen et al. 2025).`,
      }
    })
  // This week and last week start on the coach's first day of the week.
  const thisMonday = weekStart(today, options.startsOn)
  const weeks = weeklyDistance(upToToday, { from: addDays(thisMonday, -7), to: today, startsOn: options.startsOn ?? 'monday' })
  const thisWeekKm = weeks.find((w) => w.weekStart === thisMonday)?.km ?? 0
  const lastWeekKm = weeks.find((w) => w.weekStart === addDays(thisMonday, -7))?.km ?? 0
  let longest30d: number | null = null
  const from30 = addDays(today, -(LONGEST_RUN_RULE.windowDays - 1))
  let lastRunDate: string | null = null
  for (const { run } of validRuns(upToToday)) {
    if (run.date >= from30 && (longest30d === null || run.distanceKm > longest30d)) longest30d = run.distanceKm
    if (lastRunDate === null || run.date > lastRunDate) lastRunDate = run.date
  }
  return {
    flags,
    allBreaches,
    thisWeekKm,
    lastWeekKm,
    weeklyChangePercent: lastWeekKm > 0 ? ((thisWeekKm - lastWeekKm) / lastWeekKm) * 100 : null,
    longest30dKm: longest30d,
    nextRunLimitKm: maxDistanceUnderRule(upToToday, addDays(today, 1)),
    acwr: acwrEwma(upToToday, today),
    lastRunDate,
    daysSinceLastRun: lastRunDate === null ? null : dayNumber(today) - dayNumber(lastRunDate),
  }
}
