// Calendar dates are plain ISO strings (YYYY-MM-DD) everywhere: they survive JSON and IPC unchanged and
// carry no time zone, so "the run on Tuesday" never drifts to Monday on a machine west of UTC.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// The board reads dates thousands of times per request (every athlete's runs, every sparkline week, the output
// check of every entry), so the three functions below work on character codes and day arithmetic instead of a
// regular expression and a Date object each; the Date-based forms stay as the fallback for unusual input.

const ZERO = 48
const DASH = 45

/** The number written by `len` digits at `at`, or -1 when one of them is not a digit. */
function digits(s: string, at: number, len: number): number {
  let n = 0
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - ZERO
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; y ≥ 0). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}

/** Year, month and day of a real calendar date written YYYY-MM-DD (any year 0000–9999), or null. */
function calendarDate(value: string): { y: number; m: number; d: number } | null {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null
  const y = digits(value, 0, 4)
  const m = digits(value, 5, 2)
  const d = digits(value, 8, 2)
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return { y, m, d }
}

export function isIsoDate(value: string): boolean {
  const date = calendarDate(value)
  return date !== null && date.y >= 1900 && date.y <= 2200
}

/** Days since 1970-01-01 for an ISO date; integer arithmetic on days avoids DST surprises. */
export function dayNumber(isoDate: string): number {
  const date = calendarDate(isoDate)
  if (date) return daysFromCivil(date.y, date.m, date.d)
  // Not a real date (2026-02-30): what Date.UTC makes of it, as before.
  const m = ISO_DATE.exec(isoDate)
  if (!m) throw new Error(`not an ISO date: ${isoDate}`)
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000)
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** The ISO date of a day number (Hinnant's civil_from_days for years 0000–9999, Date beyond). */
export function fromDayNumber(day: number): string {
  if (!Number.isInteger(day) || day < -719_528 || day > 2_932_896) return new Date(day * 86_400_000).toISOString().slice(0, 10)
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days)
}

export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso)
}

/** The day a coach's weeks start on (a setting; Monday unless they chose Sunday). */
export type WeekStartDay = 'monday' | 'sunday'

/** The first day of the week containing the date: its Monday, or its Sunday when weeks start on Sunday. */
export function weekStart(isoDate: string, startsOn: WeekStartDay = 'monday'): string {
  const day = dayNumber(isoDate)
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays, (day + 4) mod 7 on Sundays.
  const shift = startsOn === 'sunday' ? 4 : 3
  const offset = (((day + shift) % 7) + 7) % 7
  return fromDayNumber(day - offset)
}

/** Whole years between a date of birth and a reference date. */
export function ageOn(dateOfBirth: string, onIso: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number]
  let age = y - by
  if (m < bm || (m === bm && d < bd)) age -= 1
  return age
}
