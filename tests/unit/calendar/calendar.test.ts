import { describe, expect, it } from 'vitest'
import { calendarDays, monthTotals, monthWeeks, painZone, shiftMonth, weekDates } from '../../../shared/calendar/calendar'
import { PAIN_LIMITS } from '../../../shared/load/pain-monitoring'

const L = PAIN_LIMITS

describe('painZone: a run against the pain-monitoring limits', () => {
  it('reads the limits, not numbers of its own', () => {
    expect(painZone({ date: '2026-12-01' })).toBe('none')
    expect(painZone({ date: '2026-12-01', painDuring: L.safeMax, painAfter: L.safeMax, painNextMorning: L.settledMorning })).toBe('safe')
    expect(painZone({ date: '2026-12-01', painDuring: L.during })).toBe('within')
    expect(painZone({ date: '2026-12-01', painAfter: L.after })).toBe('within')
    expect(painZone({ date: '2026-12-01', painDuring: L.during + 1 })).toBe('over')
    expect(painZone({ date: '2026-12-01', painAfter: L.after + 1 })).toBe('over')
    // Morning pain above the settled level is outside the limits even when it is low on the scale.
    expect(painZone({ date: '2026-12-01', painDuring: 1, painNextMorning: L.settledMorning + 1 })).toBe('over')
    // Next-morning pain worse than straight after the run has not settled either (the runs table's rule).
    expect(painZone({ date: '2026-12-01', painAfter: 1, painNextMorning: 2 })).toBe('over')
    expect(painZone({ date: '2026-12-01', painDuring: null, painAfter: Number.NaN })).toBe('none')
  })
})

describe('month grid', () => {
  it('covers the month in whole weeks from the chosen first weekday', () => {
    // 1 Dec 2026 is a Tuesday, 31 Dec a Thursday.
    const monday = monthWeeks('2026-12', 'monday')
    expect([monday.length, monday[0]![0], monday.at(-1)![6]]).toEqual([5, '2026-11-30', '2027-01-03'])
    const sunday = monthWeeks('2026-12', 'sunday')
    expect([sunday.length, sunday[0]![0], sunday.at(-1)![6]]).toEqual([5, '2026-11-29', '2027-01-02'])
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthWeeks('2027-02', 'monday').map((w) => w[0])).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22'])
    expect(() => monthWeeks('2026-13', 'monday')).toThrow()
  })

  it('steps months across the year end', () => {
    expect([shiftMonth('2026-12', 1), shiftMonth('2027-01', -1), shiftMonth('2026-05', -17)]).toEqual(['2027-01', '2026-12', '2024-12'])
  })
})

describe('calendar cells', () => {
  const source = {
    runs: [
      { date: '2026-12-01', distanceKm: 8, painDuring: 6 },
      { date: '2026-12-01', distanceKm: 3, painDuring: 1 },
      { date: '2026-12-02', distanceKm: 0 },
      { date: '2026-11-30', distanceKm: 5, painDuring: 2 },
      { date: '2027-01-05', distanceKm: 10 },
    ],
    planned: [
      { date: '2026-12-02', kind: 'easy' as const, km: 4 },
      { date: '2026-11-29', kind: 'long' as const, km: 12 },
    ],
  }

  it('puts each run and session on its own day and ignores days not shown and 0 km entries', () => {
    const days = calendarDays(weekDates('2026-11-30'), source)
    expect(days.map((d) => d.date)).toEqual(weekDates('2026-11-30'))
    expect(days[1]!.runs).toEqual([
      { km: 8, worstPain: 6, zone: 'over' },
      { km: 3, worstPain: 1, zone: 'safe' },
    ])
    expect(days[2]).toEqual({ date: '2026-12-02', runs: [], planned: [{ kind: 'easy', km: 4 }] })
    expect(days.flatMap((d) => d.runs).length).toBe(3)
  })

  it('totals only the month’s own days', () => {
    const days = monthWeeks('2026-12', 'monday').flatMap((w) => calendarDays(w, source))
    expect(monthTotals(days, '2026-12')).toEqual({ loggedKm: 11, runs: 2, plannedKm: 4, sessions: 1, overLimits: 1 })
  })
})
