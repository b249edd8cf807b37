// The renderer's date words: shared/format/dates bound to this computer's language and region.
import * as format from '../../shared/format/dates'

/** The computer's language and region (navigator.language follows the operating system in Electron). */
export const LOCALE: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language

/** Today on this computer as YYYY-MM-DD (not UTC: a run logged at 00:30 belongs to the local day). */
export function todayIso(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** "Mon 7 Dec" (with the year when it is not this year). */
export const tableDate = (iso: string): string => format.tableDate(iso, LOCALE, todayIso())
/** "7 December 2026". */
export const longDate = (iso: string): string => format.longDate(iso, LOCALE)

export const datesInText = (text: string): string => format.datesInText(text, LOCALE)
/** "7 Dec". */
export const dayMonth = (iso: string, withYear = false): string => format.dayMonth(iso, LOCALE, withYear)
/** "3 days ago". */
export const relativeDay = (iso: string): string => format.relativeDay(iso, todayIso(), LOCALE)
/** "Tue 1 Dec 2026, 21:36". */
export const dateTimeText = (timestamp: string): string => format.dateTimeText(timestamp, LOCALE)
export const weekdayName = (iso: string): string => format.weekdayName(iso, LOCALE)
export const monthTitle = (iso: string): string => format.monthTitle(iso, LOCALE)
export const dateRangeText = (from: string, to: string, withYear = false): string => format.dateRangeText(from, to, LOCALE, withYear)
