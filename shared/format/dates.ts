// One way to show dates and numbers to a coach, in the computer's own language and region (Intl).
// Stored dates stay ISO (YYYY-MM-DD); these functions are only for what appears on screen or on paper.
// Calendar dates are formatted as UTC midnight in the UTC zone, so a date never shifts by a day on a
// machine east or west of Greenwich.

import { dayNumber, isIsoDate, weekStart, type WeekStartDay } from '../dates'

/** A BCP 47 language tag such as 'en-GB', or undefined for the runtime's default. */
export type Locale = string | undefined

export type { WeekStartDay }

const cache = new Map<string, Intl.DateTimeFormat>()

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    cache.set(key, format)
  }
  return format
}

function utcDate(iso: string): Date {
  return new Date(dayNumber(iso) * 86_400_000)
}

/**
 * For tables and lists: "Mon 7 Dec" (en-GB) or "Mon, Dec 7" (en-US). The year is added when it differs
 * from the reference date's year, so last December never reads as this one.
 */
export function tableDate(iso: string, locale: Locale, todayIso?: string): string {
  if (!isIsoDate(iso)) return iso
  const withYear = todayIso !== undefined && todayIso.slice(0, 4) !== iso.slice(0, 4)
  return dateFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(utcDate(iso))
}

/** Day and month only, for tight places such as chart axes: "7 Dec" / "Dec 7". */
export function dayMonth(iso: string, locale: Locale, withYear = false): string {
  if (!isIsoDate(iso)) return iso
  return dateFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(utcDate(iso))
}

/** For sentences and printed pages: "7 December 2026" (en-GB) or "December 7, 2026" (en-US). */
export function longDate(iso: string, locale: Locale): string {
  if (!isIsoDate(iso)) return iso
  return dateFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(utcDate(iso))
}

const ISO_DATE_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/g

/**
 * Rewrites the ISO dates inside an engine-written sentence or a stored label ("pain 6/10 on 2026-11-30") as
 * sentence dates in the locale; anything that is not a real calendar date is left as written.
 */
export function datesInText(text: string, locale: Locale): string {
  return text.replace(ISO_DATE_IN_TEXT, (iso) => longDate(iso, locale))
}

/** Short weekday name: "Tue". */
export function weekdayName(iso: string, locale: Locale, width: 'short' | 'long' = 'short'): string {
  if (!isIsoDate(iso)) return iso
  return dateFormat(locale, { timeZone: 'UTC', weekday: width }).format(utcDate(iso))
}

/** A month heading: "December 2026". */
export function monthTitle(iso: string, locale: Locale): string {
  if (!isIsoDate(iso)) return iso
  return dateFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(utcDate(iso))
}

/** Two dates as a range in the locale's own style: "7–13 Dec" / "Dec 7 – 13". */
export function dateRangeText(fromIso: string, toIso: string, locale: Locale, withYear = false): string {
  if (!isIsoDate(fromIso) || !isIsoDate(toIso)) return `${fromIso} – ${toIso}`
  const format = dateFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear || fromIso.slice(0, 4) !== toIso.slice(0, 4) ? { year: 'numeric' } : {}) })
  return format.formatRange(utcDate(fromIso), utcDate(toIso))
}

/**
 * A date relative to today where that reads better: "today", "yesterday", "3 days ago", "in 2 days",
 * "2 weeks ago". Beyond eight weeks a relative phrase is vaguer than the date, so the table date is given.
 */
export function relativeDay(iso: string, todayIso: string, locale: Locale): string {
  if (!isIsoDate(iso) || !isIsoDate(todayIso)) return iso
  const days = dayNumber(iso) - dayNumber(todayIso)
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (Math.abs(days) < 14) return relative.format(days, 'day')
  if (Math.abs(days) <= 56) return relative.format(Math.trunc(days / 7), 'week')
  return tableDate(iso, locale, todayIso)
}

/** A moment (ISO timestamp) in the computer's time zone: "Tue 1 Dec 2026, 21:36". */
export function dateTimeText(timestamp: string, locale: Locale): string {
  const d = new Date(timestamp)
  if (Number.isNaN(d.getTime())) return timestamp
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d)
}

/** A number with the locale's decimal mark and grouping, at most `digits` decimals. */
export function numberText(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
}

/** The first day of the week containing the date, for a week starting on Monday or Sunday (one rule: shared/dates.ts). */
export function startOfWeek(iso: string, start: WeekStartDay): string {
  return weekStart(iso, start)
}
