// Reading single CSV cells as people write them in spreadsheets: numbers, dates and text that would run
// as a formula. Shared by the Strava and the mapped CSV parsers.
import { isIsoDate } from '../../../shared/dates'

/**
 * Reads a number as people write it in spreadsheets: "5.2", "5,2" (decimal comma), "1,234.5" and
 * "1.234,5" (thousands separators). Empty → null; anything else → NaN.
 */
export function parseCsvNumber(cell: string | undefined): number | null {
  const t = (cell ?? '').trim().replace(/\s+/g, '')
  if (t === '') return null
  if (/^[-+]?\d+(\.\d+)?$/.test(t) || /^[-+]?\.\d+$/.test(t)) return Number(t)
  if (/^[-+]?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'))
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''))
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'))
  return Number.NaN
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}

function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '')
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null
}

/** The ISO date y-m-d, or null when there is no such day. */
export function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(s) ? s : null
}

const TIME_TAIL = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?`

interface DateTimeParts {
  y: number
  m: number
  d: number
  h: number
  min: number
  s: number
  zone: string | null
  hasTime: boolean
}

function timeParts(match: RegExpExecArray, from: number): Pick<DateTimeParts, 'h' | 'min' | 's' | 'zone' | 'hasTime'> | null {
  if (match[from] === undefined) return { h: 0, min: 0, s: 0, zone: null, hasTime: false }
  let h = Number(match[from])
  const min = Number(match[from + 1])
  const s = Number(match[from + 2] ?? 0)
  const ampm = match[from + 3]?.toLowerCase()
  if (ampm) {
    if (h < 1 || h > 12) return null
    if (ampm === 'pm' && h !== 12) h += 12
    if (ampm === 'am' && h === 12) h = 0
  }
  if (h > 23 || min > 59 || s > 59) return null
  return { h, min, s, zone: match[from + 4] ?? null, hasTime: true }
}

/** Month-name and ISO forms, which are never ambiguous. */
export function parseUnambiguous(text: string): DateTimeParts | null {
  const t = text.trim()
  let m = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME_TAIL}$`).exec(t)
  if (m) {
    const tp = timeParts(m, 4)
    return tp ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), ...tp } : null
  }
  m = new RegExp(String.raw`^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})${TIME_TAIL}$`).exec(t)
  if (m) {
    const mo = monthNumber(m[1] ?? '')
    const tp = timeParts(m, 4)
    return mo && tp ? { y: Number(m[3]), m: mo, d: Number(m[2]), ...tp } : null
  }
  m = new RegExp(String.raw`^(\d{1,2})\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})${TIME_TAIL}$`).exec(t)
  if (m) {
    const mo = monthNumber(m[2] ?? '')
    const tp = timeParts(m, 4)
    return mo && tp ? { y: Number(m[3]), m: mo, d: Number(m[1]), ...tp } : null
  }
  return null
}

const NUMERIC_DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME_TAIL}$`)

export type DateOrder = 'dmy' | 'mdy'

/**
 * A calendar date as written in a generic CSV (no time-zone conversion: the date in the cell is the
 * date meant). Returns the ISO date, 'ambiguous' for d/m vs m/d without a decided order, or null.
 */
export function parseCsvDate(text: string, format: 'auto' | 'ymd' | 'dmy' | 'mdy', autoOrder: DateOrder | null): string | 'ambiguous' | null {
  const p = parseUnambiguous(text)
  if (p) return iso(p.y, p.m, p.d)
  if (format === 'ymd') return null
  const m = NUMERIC_DMY.exec(text.trim())
  if (!m) return null
  const a = Number(m[1])
  const b = Number(m[2])
  const y = Number(m[3])
  const order: DateOrder | null = format === 'dmy' || format === 'mdy' ? format : a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : autoOrder
  if (order === null) return 'ambiguous'
  return order === 'dmy' ? iso(y, b, a) : iso(y, a, b)
}

/** Decides d/m/y vs m/d/y from a whole column, or null when it cannot tell (or the column disagrees). */
export function detectDateOrder(values: readonly string[]): DateOrder | null {
  let dmy = false
  let mdy = false
  for (const v of values) {
    const m = NUMERIC_DMY.exec(v.trim())
    if (!m) continue
    if (Number(m[1]) > 12) dmy = true
    if (Number(m[2]) > 12) mdy = true
  }
  return dmy && !mdy ? 'dmy' : mdy && !dmy ? 'mdy' : null
}

/**
 * Text a spreadsheet may read as a formula: a formula character (ASCII = + - @, their full-width forms
 * ＝ ＋ － ＠ which some spreadsheets fold to ASCII, and the small forms ﹦ ﹢ ﹣), a tab or a carriage
 * return, at the start or after leading whitespace (spreadsheets trim it before deciding).
 */
export const FORMULA_LIKE = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\t\r]/

/** Text a spreadsheet would run as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@\t\r]/.test(text) || /^-[^\d.\s]/.test(text)
}
