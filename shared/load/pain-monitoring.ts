// Pain-monitoring flags after the Silbernagel pain-monitoring model (Silbernagel et al. 2007, AJSM,
// adapted from Thomeé 1997; see shared/reference/clinical-and-peers.md §C1).
//
// The model, in our own words: on a 0–10 scale, 0–2 is the "safe" zone, up to 5 is acceptable and
// above 5 is the high-risk zone. Pain during running may reach 5/10. Pain after running may also
// reach 5/10, but it should have settled by the next morning. Morning pain or stiffness should not
// creep up from one week to the next. The 24-hour response counts for more than pain during the run.
//
// What each flag means here:
//
// - 'pain-during-above-limit': at least one run in the week was logged with pain during the run
//   above PAIN_LIMITS.during (5/10), which is the model's high-risk zone.
//
// - 'next-morning-not-settled': at least one run in the week was followed by next-morning pain
//   that had not settled. "Settled" means back in the safe zone, at or below
//   PAIN_LIMITS.settledMorning (2/10), and no worse than straight after the run. So the run is
//   flagged when next-morning pain is above 2/10, or when it is higher than the pain logged
//   straight after that run (pain that grows overnight is the worse 24-hour response the model
//   warns about).
//
// - 'morning-pain-rising': the mean next-morning pain of this week's runs is at least
//   PAIN_LIMITS.morningRiseMin (1 point) above the mean of the previous calendar week's runs. Both
//   weeks need at least one next-morning score; otherwise there is nothing to compare and the
//   flag is not raised. We use one point because scores are logged as whole numbers, and smaller
//   differences between weekly means are mostly noise from one or two entries.
//
// Weeks start on Monday (shared/dates.ts). A missing, null or non-finite score means "not logged".
// It is never read as 0.

import { isIsoDate, weekStart as mondayOf, addDays } from '../dates'

export interface PainLogEntry {
  date: string
  painDuring?: number | null
  painAfter?: number | null
  painNextMorning?: number | null
}

export type PainFlagId = 'pain-during-above-limit' | 'next-morning-not-settled' | 'morning-pain-rising'

export interface PainFlag {
  id: PainFlagId
  weekStart: string
  detail: string
}

/**
 * Limits of the pain-monitoring model (Silbernagel et al. 2007, clinical-and-peers.md §C1).
 * - during: pain during running may reach 5/10; above it is the high-risk zone.
 * - after: pain after running may reach 5/10 (it must then settle by the next morning).
 * - safeMax: 0–2 is the "safe" zone (some reproductions say ≤ 3; we use the stricter 2).
 * - settledMorning: next-morning pain counts as settled at or below this (the safe zone).
 * - morningRiseMin: the smallest rise in mean weekly next-morning pain that counts as "rising".
 *   This is our choice (scores are whole numbers), not a figure from the paper.
 */
export const PAIN_LIMITS: {
  readonly during: 5
  readonly after: 5
  readonly safeMax: 2
  readonly settledMorning: 2
  readonly morningRiseMin: 1
} = {
  during: 5,
  after: 5,
  safeMax: 2,
  settledMorning: 2,
  morningRiseMin: 1,
} as const

function score(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}

function entriesInWeek(entries: readonly PainLogEntry[], monday: string): PainLogEntry[] {
  const sunday = addDays(monday, 6)
  // ISO date strings compare correctly as text; only the entries inside the week are validated (the board
  // runs this three times per athlete).
  return entries
    .filter((e) => e.date >= monday && e.date <= sunday && isIsoDate(e.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function meanMorning(entries: readonly PainLogEntry[]): { mean: number; count: number } | null {
  const values = entries.map((e) => score(e.painNextMorning)).filter((v): v is number => v !== null)
  if (values.length === 0) return null
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, count: values.length }
}

/** One of a run's three pain scores. */
export type PainReading = 'during' | 'after' | 'nextMorning'

/**
 * Which of one run's pain scores are outside the model's limits, each with why in a short sentence (for a
 * highlighted cell's title or a chart's tooltip). The same limits as the weekly flags above: during or after
 * above PAIN_LIMITS.during/after; next morning not settled (above PAIN_LIMITS.settledMorning, or higher than
 * straight after the run).
 */
export function painOutsideLimits(entry: PainLogEntry): Partial<Record<PainReading, string>> {
  const out: Partial<Record<PainReading, string>> = {}
  const during = score(entry.painDuring)
  const after = score(entry.painAfter)
  const morning = score(entry.painNextMorning)
  if (during !== null && during > PAIN_LIMITS.during) out.during = `Pain during the run above ${PAIN_LIMITS.during}/10: the high-risk zone`
  if (after !== null && after > PAIN_LIMITS.after) out.after = `Pain after the run above ${PAIN_LIMITS.after}/10: the high-risk zone`
  if (morning !== null && morning > PAIN_LIMITS.settledMorning) out.nextMorning = `Not settled by the next morning: above ${PAIN_LIMITS.settledMorning}/10`
  else if (morning !== null && after !== null && morning > after) out.nextMorning = 'Not settled by the next morning: worse than straight after the run'
  return out
}

/**
 * Pain flags for the Monday-start week that contains `weekStartIso` (the date is moved back to its
 * Monday if needed). The previous week is used only for 'morning-pain-rising'. Returns at most one
 * flag per id, in a fixed order: during, next morning, rising.
 */
export function painFlagsForWeek(entries: readonly PainLogEntry[], weekStartIso: string): PainFlag[] {
  if (!isIsoDate(weekStartIso)) return []
  const monday = mondayOf(weekStartIso)
  const week = entriesInWeek(entries, monday)
  const flags: PainFlag[] = []

  const highDuring = week.filter((e) => {
    const p = score(e.painDuring)
    return p !== null && p > PAIN_LIMITS.during
  })
  if (highDuring.length > 0) {
    const list = highDuring.map((e) => `${fmt(score(e.painDuring) ?? 0)}/10 on ${e.date}`).join(', ')
    flags.push({
      id: 'pain-during-above-limit',
      weekStart: monday,
      detail:
        `Pain during running went above ${PAIN_LIMITS.during}/10 (${list}). ` +
        `Above ${PAIN_LIMITS.during}/10 is the high-risk zone of the pain-monitoring model, so reduce the load.`,
    })
  }

  const unsettled: string[] = []
  for (const e of week) {
    const morning = score(e.painNextMorning)
    if (morning === null) continue
    const after = score(e.painAfter)
    if (morning > PAIN_LIMITS.settledMorning) {
      unsettled.push(`${fmt(morning)}/10 the morning after ${e.date}`)
    } else if (after !== null && morning > after) {
      unsettled.push(`${fmt(morning)}/10 the morning after ${e.date}, up from ${fmt(after)}/10 just after the run`)
    }
  }
  if (unsettled.length > 0) {
    flags.push({
      id: 'next-morning-not-settled',
      weekStart: monday,
      detail:
        `Pain had not settled by the next morning (${unsettled.join('; ')}). ` +
        `We count it as settled when next-morning pain is back to ${PAIN_LIMITS.settledMorning}/10 or less ` +
        `and no higher than straight after the run.`,
    })
  }

  const thisWeek = meanMorning(week)
  const prevMonday = addDays(monday, -7)
  const prevWeek = meanMorning(entriesInWeek(entries, prevMonday))
  if (thisWeek && prevWeek && thisWeek.mean - prevWeek.mean >= PAIN_LIMITS.morningRiseMin - 1e-9) {
    flags.push({
      id: 'morning-pain-rising',
      weekStart: monday,
      detail:
        `Morning pain is rising week on week: it averaged ${thisWeek.mean.toFixed(1)}/10 this week ` +
        `(${thisWeek.count} ${thisWeek.count === 1 ? 'morning' : 'mornings'}) against ` +
        `${prevWeek.mean.toFixed(1)}/10 in the week of ${prevMonday} ` +
        `(${prevWeek.count} ${prevWeek.count === 1 ? 'morning' : 'mornings'}). ` +
        `We count a rise of ${PAIN_LIMITS.morningRiseMin} point or more in the weekly average; ` +
        `the model says morning pain should not go up from week to week.`,
    })
  }
  return flags
}

/**
 * Flags for every Monday-start week that has at least one entry, keyed by the week's Monday in
 * ascending order. Weeks with entries but no flags map to an empty array.
 */
export function painFlagsByWeek(entries: readonly PainLogEntry[]): Map<string, PainFlag[]> {
  const mondays = new Set<string>()
  for (const e of entries) if (isIsoDate(e.date)) mondays.add(mondayOf(e.date))
  const result = new Map<string, PainFlag[]>()
  for (const monday of [...mondays].sort()) result.set(monday, painFlagsForWeek(entries, monday))
  return result
}
