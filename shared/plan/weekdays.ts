// Which days of a plan week carry the runs, and which of them the long run (issue 10 item 7: the coach picks
// the run days and the long-run day, default the weekend). Plan weeks start on the plan's start date, so a
// weekday becomes an offset of 0-6 days from the start of the week.

import { dayNumber } from '../dates'
import type { Weekday } from './schema'

/** Day offsets within the week for each number of run days when the coach names none; the last is the long run. */
const DEFAULT_OFFSETS: Readonly<Record<number, readonly number[]>> = {
  1: [6],
  2: [2, 6],
  3: [1, 3, 6],
  4: [0, 2, 4, 6],
  5: [0, 1, 3, 4, 6],
  6: [0, 1, 2, 3, 5, 6],
  7: [0, 1, 2, 3, 4, 5, 6],
}

const ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

export interface RunDayPattern {
  /** Offsets from the start of the plan week, ascending. */
  offsets: number[]
  /** Index in `offsets` of the long run's day. */
  longIndex: number
}

function weekdayOf(isoDate: string): number {
  // 1970-01-01 was a Thursday; 0 = Monday.
  return (((dayNumber(isoDate) + 3) % 7) + 7) % 7
}

/** The default long-run day among the given days: Sunday, else Saturday, else the last day of the week. */
export function defaultLongRunDay(days: readonly Weekday[]): Weekday {
  if (days.includes('sun')) return 'sun'
  if (days.includes('sat')) return 'sat'
  return [...days].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[days.length - 1] ?? 'sun'
}

export function runDayOffsets(
  planStart: string,
  runDays: number,
  days: readonly Weekday[] | undefined,
  longRunDay: Weekday | undefined,
): RunDayPattern {
  const startWeekday = weekdayOf(planStart)
  const offsetOf = (d: Weekday) => (ORDER.indexOf(d) - startWeekday + 7) % 7
  if (days === undefined || days.length !== runDays) {
    const base = [...(DEFAULT_OFFSETS[runDays] ?? DEFAULT_OFFSETS[7] ?? [])]
    // No long-run day given: the weekend (Sunday), whatever weekday the plan starts on (issue 10 item 7).
    const long = longRunDay ?? 'sun'
    // Shift the default spread so that its last day (the long run) falls on the chosen day.
    const shift = offsetOf(long) - (base[base.length - 1] ?? 6)
    const moved = base.map((o) => (((o + shift) % 7) + 7) % 7)
    const longOffset = offsetOf(long)
    const offsets = [...moved].sort((a, b) => a - b)
    return { offsets, longIndex: offsets.indexOf(longOffset) }
  }
  const long = longRunDay !== undefined && days.includes(longRunDay) ? longRunDay : defaultLongRunDay(days)
  const offsets = days.map(offsetOf).sort((a, b) => a - b)
  return { offsets, longIndex: offsets.indexOf(offsetOf(long)) }
}
