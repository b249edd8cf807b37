// Plan weeks on the calendar: week 1 starts on the plan's start date, whatever weekday that is.

import { addDays, daysBetween } from '../dates'

export function weekStartFor(planStart: string, index: number): string {
  return addDays(planStart, 7 * (index - 1))
}

/** 1-based plan week containing the date (1 for dates before the plan). */
export function weekIndexOf(planStart: string, date: string): number {
  const d = daysBetween(planStart, date)
  return d < 0 ? 1 : Math.floor(d / 7) + 1
}
