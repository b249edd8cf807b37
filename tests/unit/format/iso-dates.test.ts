import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayNumber, fromDayNumber, isIsoDate, weekStart } from '../../../shared/dates'

// shared/dates.ts reads dates by character codes and day arithmetic (the board calls it thousands of times per
// request). These properties hold it to what the Date object says, the form it replaced.
const byDate = {
  isIsoDate(value: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (!m) return false
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (y < 1900 || y > 2200) return false
    const t = new Date(Date.UTC(y, mo - 1, d))
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
  },
  dayNumber: (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000),
  fromDayNumber: (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10),
}

const FIRST = -719_528 // 0000-01-01
const LAST = 2_932_896 // 9999-12-31
const pad = (n: number, width: number) => String(n).padStart(width, '0')

describe('ISO calendar dates', () => {
  it('turns every day number of years 0000–9999 into the date the Date object gives, and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (day) => {
        const iso = fromDayNumber(day)
        expect(iso).toBe(byDate.fromDayNumber(day))
        expect(dayNumber(iso)).toBe(day)
        expect(dayNumber(iso)).toBe(byDate.dayNumber(iso))
      }),
      { numRuns: 5000 },
    )
    // The ends and the leap-day corners.
    for (const iso of ['0000-01-01', '1900-02-28', '1900-03-01', '2000-02-29', '2100-02-28', '2100-03-01', '9999-12-31']) {
      expect(fromDayNumber(byDate.dayNumber(iso))).toBe(iso)
    }
    expect(fromDayNumber(FIRST)).toBe('0000-01-01')
    expect(fromDayNumber(LAST)).toBe('9999-12-31')
    expect(fromDayNumber(LAST + 1)).toBe(byDate.fromDayNumber(LAST + 1))
  })

  it('accepts exactly the strings the Date object reads as that calendar day, years 1900–2200', () => {
    const digitsLike = fc.oneof(
      fc.tuple(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2026-1-01', '2026-01-1', ' 2026-01-01', '2026-01-01\n', '2026/01/01', '２０２６-01-01', '2026-0a-01', '+02026-01-01'),
    )
    fc.assert(fc.property(digitsLike, (s) => {
        expect(isIsoDate(s)).toBe(byDate.isIsoDate(s))
      }), { numRuns: 5000 })
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2100-02-29')).toBe(false)
    expect(isIsoDate('1899-12-31')).toBe(false)
    expect(isIsoDate('2201-01-01')).toBe(false)
  })

  it('adds days and finds week starts across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(weekStart('2026-12-02')).toBe('2026-11-30')
    expect(weekStart('2026-12-02', 'sunday')).toBe('2026-11-29')
    // A date that is not a real day still counts as before (what Date.UTC makes of it).
    expect(dayNumber('2026-02-30')).toBe(dayNumber('2026-03-02'))
    expect(() => dayNumber('yesterday')).toThrow('not an ISO date')
  })
})
