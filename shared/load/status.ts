// An athlete's status for the squad triage board: the latest assessment's triage combined with the
// pain-monitoring flags (pain-monitoring.ts) and the 30-day longest-run rule (metrics.ts).
//
// How the level is set, most serious first:
// - 'red' when the latest assessment's triage is red (whatever the log says), or when pain during a
//   run went above 5/10 in the current or previous week. Above 5/10 is the high-risk zone of the
//   pain-monitoring model.
// - 'amber' when the latest triage is amber, when next-morning pain had not settled or morning pain
//   rose week on week (current or previous week), when a run in the last 14 days went more than
//   10 % beyond the longest run of the 30 days before it, or when the athlete stopped logging after
//   a painful run (see below).
// - 'green' otherwise.
//
// "Stopped logging": the last run is more than STATUS_RULES.stoppedLoggingDays (14) days ago, after at least
// STATUS_RULES.activeMinRuns (4) runs in the 28 days up to the last run. On its own this is an
// INFORMATIONAL reason: it does not change the colour, because a gap in the log is not evidence of
// injury (holidays, illness, a lost watch). It does sort the athlete above other greens, so the
// coach checks in. It becomes AMBER when the last logged run had pain above the safe zone (> 2/10
// during, after or next morning), because stopping straight after a painful run is a reason to ask.
//
// The EWMA acute:chronic ratio is never a reason: it is a descriptive trend only (Impellizzeri 2020).

import { isIsoDate } from '../dates'
import { breachText, logSignals, stoppedLoggingText } from './log-signals'
import type { LoadRun } from './metrics'
import type { PainFlagId, PainLogEntry } from './pain-monitoring'

export type Triage = 'red' | 'amber' | 'green'
export type StatusLevel = 'red' | 'amber' | 'green'
/** 'info' reasons are shown but never change the colour. */
export type ReasonLevel = 'red' | 'amber' | 'green' | 'info'

export type StatusReasonId =
  | 'triage-red'
  | 'triage-amber'
  | 'triage-green'
  | 'no-assessment'
  | PainFlagId
  | 'run-beyond-30d-longest'
  | 'stopped-logging'
  | 'no-runs'

export interface StatusReason {
  id: StatusReasonId
  text: string
  level: ReasonLevel
  /** Monday of the week a pain flag belongs to, or the date of the run a load flag is about. */
  date?: string
}

export interface AthleteStatus {
  level: StatusLevel
  /** Most serious first: red, amber, info, green. */
  reasons: StatusReason[]
}

export type StatusRun = LoadRun & PainLogEntry

export const STATUS_RULES = {
  /** Pain flags count from the current week and the one before it. */
  painWeeks: 2,
  /** A longest-run breach counts for this many days (today included). */
  loadRecentDays: 14,
  /** No run for more than this many days counts as "stopped logging"... */
  stoppedLoggingDays: 14,
  /** ...if the athlete had at least this many runs in the 28 days up to their last run. */
  activeMinRuns: 4,
  activeWindowDays: 28,
} as const

const PAIN_FLAG_LEVEL: Record<PainFlagId, 'red' | 'amber'> = {
  'pain-during-above-limit': 'red',
  'next-morning-not-settled': 'amber',
  'morning-pain-rising': 'amber',
}

const LEVEL_ORDER: Record<ReasonLevel, number> = { red: 0, amber: 1, info: 2, green: 3 }

export interface AthleteStatusInput {
  latestTriage: Triage | null
  runs: readonly StatusRun[]
  /** ISO date; runs after it are ignored. */
  today: string
}

export function athleteStatus(input: AthleteStatusInput): AthleteStatus {
  const { latestTriage, today } = input
  if (!isIsoDate(today)) throw new Error(`athleteStatus: today must be an ISO date, got ${today}`)
  const reasons: StatusReason[] = []

  if (latestTriage === 'red') {
    reasons.push({ id: 'triage-red', level: 'red', text: 'Latest assessment triage is red: follow the referral advice before running.' })
  } else if (latestTriage === 'amber') {
    reasons.push({ id: 'triage-amber', level: 'amber', text: 'Latest assessment triage is amber: modify training and monitor.' })
  } else if (latestTriage === 'green') {
    reasons.push({ id: 'triage-green', level: 'green', text: 'Latest assessment triage is green.' })
  } else {
    reasons.push({ id: 'no-assessment', level: 'info', text: 'No assessment recorded yet.' })
  }

  const signals = logSignals(input.runs, today)

  // Pain flags: current week first, then earlier weeks; one reason per flag id (the most recent week wins).
  const seen = new Set<PainFlagId>()
  for (const week of signals.painWeeks.slice(0, STATUS_RULES.painWeeks)) {
    const w = week.weeksAgo
    for (const flag of week.flags) {
      if (seen.has(flag.id)) continue
      seen.add(flag.id)
      const when = w === 0 ? 'This week' : w === 1 ? 'Last week' : `Week of ${week.monday}`
      reasons.push({ id: flag.id, level: PAIN_FLAG_LEVEL[flag.id], text: `${when}: ${flag.detail}`, date: flag.weekStart })
    }
  }

  // Runs in the last 14 days that went more than 10 % beyond the longest of the 30 days before them.
  const breaches = signals.breaches
  const latestBreach = breaches[breaches.length - 1]
  if (latestBreach) {
    reasons.push({ id: 'run-beyond-30d-longest', level: 'amber', date: latestBreach.run.date, text: breachText(latestBreach, breaches.length) })
  }

  if (signals.lastRunDate === null) {
    reasons.push({ id: 'no-runs', level: 'info', text: 'No runs logged yet.' })
  } else if (signals.stoppedLogging) {
    const stop = signals.stoppedLogging
    reasons.push({ id: 'stopped-logging', level: stop.painful ? 'amber' : 'info', date: stop.lastRunDate, text: stoppedLoggingText(stop) })
  }

  reasons.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
  const level: StatusLevel = reasons.some((r) => r.level === 'red')
    ? 'red'
    : reasons.some((r) => r.level === 'amber')
      ? 'amber'
      : 'green'
  return { level, reasons }
}

/**
 * Sort key for the squad triage board, ascending = needs attention first. Red before amber before
 * green. Within a level, more red reasons come first, then more amber ones, then more info reasons
 * ("stopped logging", "no assessment yet", "no runs yet"). Break remaining ties by name in the caller.
 */
export function statusSortKey(status: AthleteStatus): number {
  const count = (lvl: ReasonLevel) => Math.min(9, status.reasons.filter((r) => r.level === lvl).length)
  const levelRank = status.level === 'red' ? 0 : status.level === 'amber' ? 1 : 2
  return levelRank * 1000 + (9 - count('red')) * 100 + (9 - count('amber')) * 10 + (9 - count('info'))
}

/** Comparator for Array.prototype.sort using statusSortKey. */
export function compareStatus(a: AthleteStatus, b: AthleteStatus): number {
  return statusSortKey(a) - statusSortKey(b)
}
