// The calendar (issue 13 point 7): logged runs and planned sessions day by day, for one athlete's month and for
// the squad's week. Pure: the renderer draws these cells and main builds the squad week from them.
// Runs are judged against the pain-monitoring limits (shared/load/pain-monitoring.ts), never numbers of our own.

import { addDays, isIsoDate } from '../dates'
import { startOfWeek, type WeekStartDay } from '../format/dates'
import { PAIN_LIMITS, painOutsideLimits, type PainLogEntry } from '../load/pain-monitoring'
import { painScore } from '../load/pain-score'
import type { PlanRunKind } from '../plan/schema'

/**
 * Where a run's pain sits in the pain-monitoring model: none logged, the safe zone (every score at most
 * PAIN_LIMITS.safeMax), within the limits, or outside them (painOutsideLimits: the runs table's and the weekly
 * flags' own rule, so the calendar cannot disagree with them).
 */
export type PainZone = 'none' | 'safe' | 'within' | 'over'

export function painZone(run: PainLogEntry): PainZone {
  const worst = painScore(run, 'worst')
  if (worst === null) return 'none'
  if (Object.keys(painOutsideLimits(run)).length > 0) return 'over'
  return worst <= PAIN_LIMITS.safeMax ? 'safe' : 'within'
}

export interface CalendarRun {
  km: number
  worstPain: number | null
  zone: PainZone
}

export interface CalendarSession {
  kind: PlanRunKind
  km: number
}

export interface CalendarDay {
  date: string
  runs: CalendarRun[]
  planned: CalendarSession[]
}

/** What the cells are built from: logged runs and planned sessions (the active plan's), both dated. */
export interface CalendarSource {
  runs: readonly (PainLogEntry & { distanceKm: number })[]
  planned: readonly { date: string; kind: PlanRunKind; km: number }[]
}

/** One cell per date, in the order given: the runs logged and the sessions planned that day. */
export function calendarDays(dates: readonly string[], source: CalendarSource): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>(dates.map((date) => [date, { date, runs: [], planned: [] }]))
  for (const run of source.runs) {
    const day = byDate.get(run.date)
    if (day && run.distanceKm > 0) day.runs.push({ km: run.distanceKm, worstPain: painScore(run, 'worst'), zone: painZone(run) })
  }
  for (const session of source.planned) byDate.get(session.date)?.planned.push({ kind: session.kind, km: session.km })
  return dates.map((d) => byDate.get(d)!)
}

/** The seven dates of the week that starts on `first`. */
export function weekDates(first: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(first, i))
}

/** `month` ("2026-12") as whole weeks: from the week holding the 1st to the week holding the last day. */
export function monthWeeks(month: string, startsOn: WeekStartDay): string[][] {
  const first = `${month}-01`
  if (!isIsoDate(first)) throw new Error(`monthWeeks: not a month: ${month}`)
  const weeks: string[][] = []
  for (let start = startOfWeek(first, startsOn); start.slice(0, 7) <= month; start = addDays(start, 7)) weeks.push(weekDates(start))
  return weeks
}

export interface MonthTotals {
  loggedKm: number
  runs: number
  plannedKm: number
  sessions: number
  overLimits: number
}

/** What the month view shows under its grid: totals of the month's own days only. */
export function monthTotals(days: readonly CalendarDay[], month: string): MonthTotals {
  const t: MonthTotals = { loggedKm: 0, runs: 0, plannedKm: 0, sessions: 0, overLimits: 0 }
  for (const d of days) {
    if (d.date.slice(0, 7) !== month) continue
    for (const r of d.runs) {
      t.loggedKm += r.km
      t.runs++
      if (r.zone === 'over') t.overLimits++
    }
    for (const p of d.planned) {
      t.plannedKm += p.km
      t.sessions++
    }
  }
  return { ...t, loggedKm: Math.round(t.loggedKm * 10) / 10, plannedKm: Math.round(t.plannedKm * 10) / 10 }
}

/** The month before or after `month` ("2026-12" → "2027-01"). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
