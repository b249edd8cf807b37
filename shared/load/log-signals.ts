// What the run/pain log says about an athlete today, before any colour is chosen: the pain-monitoring flags
// of recent Monday-start weeks, the runs that broke the 30-day longest-run rule, and a stop in logging.
// The clinical state (shared/clinical/state.ts) turns these into its reasons and colour; nothing else
// interprets the log for status.
//
// Sources: pain-monitoring model (clinical-and-peers.md C1, pain-monitoring.ts) and the single-session rule
// "planned run <= 110 % of the longest run in the last 30 days" (C2, Frandsen et al. 2025, metrics.ts).

import { addDays, dayNumber, isIsoDate, weekStart } from '../dates'
import { LONGEST_RUN_RULE, runsVsLongest30d, type LoadRun, type RunVsLongest } from './metrics'
import { PAIN_LIMITS, painFlagsForWeek, type PainFlag, type PainLogEntry } from './pain-monitoring'

export type SignalRun = LoadRun & PainLogEntry

export const LOG_SIGNAL_RULES = {
  /** Pain flags are read for the current week and this many weeks before it. */
  painWeeksBack: 2,
  /** A longest-run breach counts for this many days (today included). */
  loadRecentDays: 14,
  /** No run for more than this many days counts as "stopped logging"... */
  stoppedLoggingDays: 14,
  /** ...if the athlete had at least this many runs in the 28 days up to their last run. */
  activeMinRuns: 4,
  activeWindowDays: 28,
} as const

export interface PainWeek {
  /** 0 = the current week, 1 = last week, ... */
  weeksAgo: number
  monday: string
  flags: PainFlag[]
}

export interface StoppedLogging {
  lastRunDate: string
  daysSince: number
  /** Worst pain logged on the last run day (null when none was logged). */
  lastPain: number | null
  /** The last run had pain above the safe zone (> 2/10). */
  painful: boolean
}

export interface LogSignals {
  /** Current week first. */
  painWeeks: PainWeek[]
  /** Runs in the last 14 days more than 10 % beyond the longest run of the 30 days before them, oldest first. */
  breaches: RunVsLongest<SignalRun>[]
  lastRunDate: string | null
  stoppedLogging: StoppedLogging | null
}

function worstPain(run: PainLogEntry): number | null {
  const values = [run.painDuring, run.painAfter, run.painNextMorning].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  )
  return values.length ? Math.max(...values) : null
}

/** The first day of the log the signals can depend on (callers may drop older runs before calling). */
export function logSignalsWindowStart(today: string): string {
  const painFrom = addDays(weekStart(today), -7 * (LOG_SIGNAL_RULES.painWeeksBack + 1))
  const loadFrom = addDays(today, -(LOG_SIGNAL_RULES.loadRecentDays - 1 + LONGEST_RUN_RULE.windowDays))
  return painFrom < loadFrom ? painFrom : loadFrom
}

export function logSignals(runs: readonly SignalRun[], today: string): LogSignals {
  if (!isIsoDate(today)) throw new Error(`logSignals: today must be an ISO date, got ${today}`)
  // ISO dates compare as text, so the window is cut with string comparisons and only the runs inside it
  // are validated (the squad board runs this for every athlete).
  const windowFrom = logSignalsWindowStart(today)
  const recent: SignalRun[] = []
  let lastRunDate: string | null = null
  for (const r of runs) {
    if (typeof r.date !== 'string' || r.date > today) continue
    if (lastRunDate !== null && r.date <= lastRunDate && r.date < windowFrom) continue
    if (!isIsoDate(r.date) || !(r.distanceKm > 0)) continue
    if (lastRunDate === null || r.date > lastRunDate) lastRunDate = r.date
    if (r.date >= windowFrom) recent.push(r)
  }

  const thisMonday = weekStart(today)
  const painWeeks: PainWeek[] = []
  for (let w = 0; w <= LOG_SIGNAL_RULES.painWeeksBack; w++) {
    const monday = addDays(thisMonday, -7 * w)
    painWeeks.push({ weeksAgo: w, monday, flags: painFlagsForWeek(recent, monday) })
  }

  const since = addDays(today, -(LOG_SIGNAL_RULES.loadRecentDays - 1))
  const breaches = runsVsLongest30d(recent).filter((c) => c.breaksLongestRunRule && c.run.date >= since)

  let stoppedLogging: StoppedLogging | null = null
  if (lastRunDate !== null) {
    const daysSince = dayNumber(today) - dayNumber(lastRunDate)
    if (daysSince > LOG_SIGNAL_RULES.stoppedLoggingDays) {
      const last = lastRunDate
      const activeFrom = addDays(last, -(LOG_SIGNAL_RULES.activeWindowDays - 1))
      const active = runs.filter(
        (r) => typeof r.date === 'string' && r.date >= activeFrom && r.date <= last && isIsoDate(r.date) && r.distanceKm > 0,
      )
      if (active.length >= LOG_SIGNAL_RULES.activeMinRuns) {
        const pains = active.filter((r) => r.date === last).map((r) => worstPain(r)).filter((p): p is number => p !== null)
        const lastPain = pains.length ? Math.max(...pains) : null
        stoppedLogging = { lastRunDate: last, daysSince, lastPain, painful: lastPain !== null && lastPain > PAIN_LIMITS.safeMax }
      }
    }
  }
  return { painWeeks, breaches, lastRunDate, stoppedLogging }
}

function round1(km: number): number {
  return Math.round(km * 10) / 10
}

/** Coach-facing sentence for the latest run beyond the 30-day longest-run rule. */
export function breachText(latest: RunVsLongest<LoadRun>, count: number): string {
  const ratio = latest.ratio ?? 0
  const more = count > 1 ? ` (${count} such runs in the last ${LOG_SIGNAL_RULES.loadRecentDays} days)` : ''
  return (
    `The run on ${latest.run.date} (${round1(latest.run.distanceKm)} km) was ${Math.round((ratio - 1) * 100)} % longer ` +
    `than the longest run of the previous 30 days (${round1(latest.previousLongestKm ?? 0)} km). Runs more than 10 % ` +
    `beyond it carried more injury risk (Frandsen et al. 2025).${more}`
  )
}

/** Coach-facing sentence for a stop in logging. */
export function stoppedLoggingText(stop: StoppedLogging): string {
  return (
    `No run logged for ${stop.daysSince} days (last on ${stop.lastRunDate}) after logging regularly.` +
    (stop.painful ? ` The last run was painful (${stop.lastPain}/10), so check in.` : ' Check in.')
  )
}
