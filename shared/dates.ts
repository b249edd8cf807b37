// Calendar dates are plain ISO strings (YYYY-MM-DD) everywhere: they survive JSON and IPC unchanged and
// carry no time zone, so "the run on Tuesday" never drifts to Monday on a machine west of UTC.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2200) return false
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** Days since 1970-01-01 for an ISO date; integer arithmetic on days avoids DST surprises. */
export function dayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate)
  if (!m) throw new Error(`not an ISO date: ${isoDate}`)
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000)
}

export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
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
