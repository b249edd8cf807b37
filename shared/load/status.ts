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

import { addDays, dayNumber, isIsoDate, weekStart } from '../dates'
import { LONGEST_RUN_RULE, runsVsLongest30d, type LoadRun } from './metrics'
import { PAIN_LIMITS, painFlagsForWeek, type PainFlagId, type PainLogEntry } from './pain-monitoring'

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

function round1(km: number): number {
  return Math.round(km * 10) / 10
}

function worstPain(run: PainLogEntry): number | null {
  const values = [run.painDuring, run.painAfter, run.painNextMorning].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  )
  return values.length ? Math.max(...values) : null
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

  // Only recent runs matter for the flags. ISO dates compare as text, so the window is cut with
  // string comparisons and only the runs inside it are validated (the squad board runs this for
  // every athlete on every open).
  const thisMonday = weekStart(today)
  const painFrom = addDays(thisMonday, -7 * STATUS_RULES.painWeeks) // one extra week for "rising"
  const loadFrom = addDays(today, -(STATUS_RULES.loadRecentDays - 1 + LONGEST_RUN_RULE.windowDays))
  const windowFrom = painFrom < loadFrom ? painFrom : loadFrom
  const recent: StatusRun[] = []
  let lastRunDate: string | null = null
  for (const r of input.runs) {
    if (typeof r.date !== 'string' || r.date > today) continue
    if (lastRunDate !== null && r.date <= lastRunDate && r.date < windowFrom) continue
    if (!isIsoDate(r.date) || !(r.distanceKm > 0)) continue
    if (lastRunDate === null || r.date > lastRunDate) lastRunDate = r.date
    if (r.date >= windowFrom) recent.push(r)
  }

  // Pain flags: current week first, then earlier weeks; one reason per flag id (the most recent week wins).
  const seen = new Set<PainFlagId>()
  for (let w = 0; w < STATUS_RULES.painWeeks; w++) {
    const monday = addDays(thisMonday, -7 * w)
    for (const flag of painFlagsForWeek(recent, monday)) {
      if (seen.has(flag.id)) continue
      seen.add(flag.id)
      const when = w === 0 ? 'This week' : w === 1 ? 'Last week' : `Week of ${monday}`
      reasons.push({ id: flag.id, level: PAIN_FLAG_LEVEL[flag.id], text: `${when}: ${flag.detail}`, date: flag.weekStart })
    }
  }

  // Runs in the last 14 days that went more than 10 % beyond the longest of the 30 days before them.
  const since = addDays(today, -(STATUS_RULES.loadRecentDays - 1))
  const breaches = runsVsLongest30d(recent).filter((c) => c.breaksLongestRunRule && c.run.date >= since)
  const latestBreach = breaches[breaches.length - 1]
  if (latestBreach) {
    const ratio = latestBreach.ratio ?? 0
    const more = breaches.length > 1 ? ` (${breaches.length} such runs in the last ${STATUS_RULES.loadRecentDays} days)` : ''
    reasons.push({
      id: 'run-beyond-30d-longest',
      level: 'amber',
      date: latestBreach.run.date,
      text:
        `The run on ${latestBreach.run.date} (${round1(latestBreach.run.distanceKm)} km) was ${Math.round((ratio - 1) * 100)} % longer ` +
        `than the longest run of the previous 30 days (${round1(latestBreach.previousLongestKm ?? 0)} km). Runs more than 10 % ` +
        `beyond it carried more injury risk (Frandsen et al. 2025).${more}`,
    })
  }

  if (lastRunDate === null) {
    reasons.push({ id: 'no-runs', level: 'info', text: 'No runs logged yet.' })
  } else {
    const daysSince = dayNumber(today) - dayNumber(lastRunDate)
    if (daysSince > STATUS_RULES.stoppedLoggingDays) {
      const last = lastRunDate
      const activeFrom = addDays(last, -(STATUS_RULES.activeWindowDays - 1))
      const active = input.runs.filter((r) => typeof r.date === 'string' && r.date >= activeFrom && r.date <= last && isIsoDate(r.date) && r.distanceKm > 0)
      if (active.length >= STATUS_RULES.activeMinRuns) {
        const lastPain = Math.max(-1, ...active.filter((r) => r.date === last).map((r) => worstPain(r) ?? -1))
        const painful = lastPain > PAIN_LIMITS.safeMax
        reasons.push({
          id: 'stopped-logging',
          level: painful ? 'amber' : 'info',
          date: last,
          text:
            `No run logged for ${daysSince} days (last on ${last}) after logging regularly.` +
            (painful ? ` The last run was painful (${lastPain}/10), so check in.` : ' Check in.'),
        })
      }
    }
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
