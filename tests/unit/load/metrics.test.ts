import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays } from '../../../shared/dates'
import {
  acwrEwma,
  acwrEwmaSeries,
  ACWR_NOTE,
  loadFlags,
  longestRun,
  maxDistanceUnderRule,
  runsVsLongest30d,
  weeklyChange,
  weeklyDistance,
  type LoadRun,
} from '../../../shared/load/metrics'

// Calendar: 2024-01-01 Monday. 2024-03-31 Sunday (EU clocks go forward). 2024-03-10 Sunday (US clocks
// go forward). 2024-10-27 Sunday (EU clocks go back).

describe('weeklyDistance', () => {
  it('no runs → no weeks', () => {
    expect(weeklyDistance([])).toEqual([])
  })

  it('a single run → one week starting on its Monday', () => {
    expect(weeklyDistance([{ date: '2024-03-31', distanceKm: 5 }])).toEqual([
      { weekStart: '2024-03-25', km: 5, runs: 1, longestKm: 5 },
    ])
  })

  it('splits Sunday and the following Monday into different weeks', () => {
    const weeks = weeklyDistance([
      { date: '2024-04-01', distanceKm: 6 },
      { date: '2024-03-31', distanceKm: 10 },
      { date: '2024-03-25', distanceKm: 4 },
    ])
    expect(weeks.map((w) => [w.weekStart, w.km, w.runs, w.longestKm])).toEqual([
      ['2024-03-25', 14, 2, 10],
      ['2024-04-01', 6, 1, 6],
    ])
  })

  it('fills gaps with zero weeks', () => {
    const weeks = weeklyDistance([
      { date: '2024-01-01', distanceKm: 5 },
      { date: '2024-01-24', distanceKm: 7 },
    ])
    expect(weeks.map((w) => [w.weekStart, w.km])).toEqual([
      ['2024-01-01', 5],
      ['2024-01-08', 0],
      ['2024-01-15', 0],
      ['2024-01-22', 7],
    ])
  })

  it('keeps runs on both DST weekends in the right week (integer days, no clock time)', () => {
    const weeks = weeklyDistance([
      { date: '2024-03-09', distanceKm: 3 }, // Sat before US change
      { date: '2024-03-10', distanceKm: 4 }, // Sun, US change
      { date: '2024-03-11', distanceKm: 5 }, // Mon
      { date: '2024-10-27', distanceKm: 6 }, // Sun, EU change back
      { date: '2024-10-28', distanceKm: 7 }, // Mon
    ])
    const km = Object.fromEntries(weeks.map((w) => [w.weekStart, w.km]))
    expect(km['2024-03-04']).toBe(7)
    expect(km['2024-03-11']).toBe(5)
    expect(km['2024-10-21']).toBe(6)
    expect(km['2024-10-28']).toBe(7)
    expect(weeks).toHaveLength(35) // 2024-03-04 … 2024-10-28 inclusive
  })

  it('pads to from/to and leaves runs outside them out', () => {
    const weeks = weeklyDistance(
      [
        { date: '2024-01-03', distanceKm: 5 },
        { date: '2024-02-20', distanceKm: 9 },
      ],
      { from: '2024-01-01', to: '2024-01-20' },
    )
    expect(weeks.map((w) => [w.weekStart, w.km])).toEqual([
      ['2024-01-01', 5],
      ['2024-01-08', 0],
      ['2024-01-15', 0],
    ])
  })

  it('ignores invalid runs', () => {
    expect(
      weeklyDistance([
        { date: '2024-02-30', distanceKm: 5 },
        { date: '2024-01-03', distanceKm: Number.NaN },
        { date: '2024-01-03', distanceKm: -2 },
      ]),
    ).toEqual([])
  })

  it('sums to 3 decimals (metres) without float noise', () => {
    const weeks = weeklyDistance([
      { date: '2024-01-01', distanceKm: 0.1 },
      { date: '2024-01-02', distanceKm: 0.2 },
    ])
    expect(weeks[0]?.km).toBe(0.3)
  })

  it('adding a run never lowers any week and never removes a week (property)', () => {
    const run = fc.record({
      date: fc.integer({ min: 0, max: 400 }).map((d) => addDays('2023-06-01', d)),
      distanceKm: fc.double({ min: 0.1, max: 60, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), run, (runs, extra) => {
        const before = weeklyDistance(runs)
        const after = new Map(weeklyDistance([...runs, extra]).map((w) => [w.weekStart, w.km]))
        for (const w of before) {
          const km = after.get(w.weekStart)
          expect(km).toBeDefined()
          expect(km as number).toBeGreaterThanOrEqual(w.km)
        }
        const total = (ws: { km: number }[]) => ws.reduce((a, w) => a + w.km, 0)
        expect(total([...after.entries()].map(([, km]) => ({ km })))).toBeGreaterThan(total(before))
      }),
    )
  })
})

describe('weeklyChange', () => {
  it('gives % change against the week before, null after a zero week', () => {
    const weeks = weeklyDistance([
      { date: '2024-01-01', distanceKm: 10 },
      { date: '2024-01-15', distanceKm: 5 },
      { date: '2024-01-22', distanceKm: 6 },
      { date: '2024-01-29', distanceKm: 3 },
    ])
    expect(weeklyChange(weeks).map((w) => w.changePercent)).toEqual([null, -100, null, 20, -50])
  })
  it('handles no weeks', () => {
    expect(weeklyChange([])).toEqual([])
  })
})

describe('longestRun', () => {
  it('returns the longest (earliest on a tie) or null', () => {
    expect(longestRun([])).toBeNull()
    const runs = [
      { date: '2024-02-01', distanceKm: 12 },
      { date: '2024-01-01', distanceKm: 12 },
      { date: '2024-01-05', distanceKm: 8 },
    ]
    expect(longestRun(runs)).toBe(runs[1])
  })
})

describe('runsVsLongest30d (Frandsen 2025 rule)', () => {
  it('a single run has no prior run: no ratio, no flag', () => {
    const [r] = runsVsLongest30d([{ date: '2024-03-01', distanceKm: 20 }])
    expect(r).toMatchObject({ previousLongestKm: null, ratio: null, breaksLongestRunRule: false, band: 'no-prior-run' })
  })

  it('exactly 10 % longer is allowed; more is flagged', () => {
    const res = runsVsLongest30d([
      { date: '2024-03-01', distanceKm: 10 },
      { date: '2024-03-20', distanceKm: 11 }, // 11/10 = 1.10
      { date: '2024-03-25', distanceKm: 12.2 }, // 12.2/11 = 1.109…
    ])
    expect(res[1]).toMatchObject({ previousLongestKm: 10, breaksLongestRunRule: false, band: 'within-10' })
    expect(res[1]?.ratio).toBeCloseTo(1.1, 12)
    expect(res[2]?.previousLongestKm).toBe(11)
    expect(res[2]?.ratio).toBeCloseTo(12.2 / 11, 12)
    expect(res[2]).toMatchObject({ breaksLongestRunRule: true, band: '10-30' })
  })

  it('the window is the 30 days before the run: day −30 counts, day −31 does not', () => {
    const in30 = runsVsLongest30d([
      { date: '2024-03-01', distanceKm: 10 },
      { date: '2024-03-31', distanceKm: 12 }, // 30 days later
    ])
    expect(in30[1]).toMatchObject({ previousLongestKm: 10, breaksLongestRunRule: true })
    const out31 = runsVsLongest30d([
      { date: '2024-03-01', distanceKm: 10 },
      { date: '2024-04-01', distanceKm: 12 }, // 31 days later
    ])
    expect(out31[1]).toMatchObject({ previousLongestKm: null, ratio: null, breaksLongestRunRule: false })
  })

  it('does not compare a run with other runs on the same day', () => {
    const res = runsVsLongest30d([
      { date: '2024-05-10', distanceKm: 5 },
      { date: '2024-05-10', distanceKm: 8 },
    ])
    expect(res.map((r) => r.previousLongestKm)).toEqual([null, null])
    const next = runsVsLongest30d([
      { date: '2024-05-10', distanceKm: 5 },
      { date: '2024-05-10', distanceKm: 8 },
      { date: '2024-05-11', distanceKm: 9 },
    ])
    expect(next[2]).toMatchObject({ previousLongestKm: 8, breaksLongestRunRule: true })
  })

  it('uses the longest in the window, not the most recent', () => {
    const res = runsVsLongest30d([
      { date: '2024-06-01', distanceKm: 16 },
      { date: '2024-06-10', distanceKm: 6 },
      { date: '2024-06-12', distanceKm: 17 },
    ])
    expect(res[2]).toMatchObject({ previousLongestKm: 16, breaksLongestRunRule: false })
  })

  it('is calendar-day based across the DST change (Sat 10 km → Sun 11.5 km)', () => {
    const res = runsVsLongest30d([
      { date: '2024-03-30', distanceKm: 10 },
      { date: '2024-03-31', distanceKm: 11.5 },
    ])
    expect(res[1]?.ratio).toBeCloseTo(1.15, 12)
    expect(res[1]?.breaksLongestRunRule).toBe(true)
  })

  it('puts runs in the Frandsen bands', () => {
    const res = runsVsLongest30d([
      { date: '2024-01-01', distanceKm: 10 },
      { date: '2024-01-02', distanceKm: 13 }, // 1.3 → 10-30
      { date: '2024-01-20', distanceKm: 26 }, // 26/13 = 2.0 → 30-100
      { date: '2024-01-21', distanceKm: 52.1 }, // 52.1/26 > 2 → over-100
    ])
    expect(res.map((r) => r.band)).toEqual(['no-prior-run', '10-30', '30-100', 'over-100'])
  })

  it('sorts by date and keeps the index into the input', () => {
    const input = [
      { date: '2024-01-10', distanceKm: 12 },
      { date: '2024-01-05', distanceKm: 10 },
    ]
    const res = runsVsLongest30d(input)
    expect(res.map((r) => r.index)).toEqual([1, 0])
    expect(res[1]?.run).toBe(input[0])
    expect(res[1]?.breaksLongestRunRule).toBe(true)
  })
})

describe('maxDistanceUnderRule', () => {
  it('is 110 % of the 30-day longest before the date, or null', () => {
    const runs = [
      { date: '2024-03-01', distanceKm: 10 },
      { date: '2024-03-15', distanceKm: 8 },
    ]
    expect(maxDistanceUnderRule(runs, '2024-03-20')).toBeCloseTo(11, 12)
    expect(maxDistanceUnderRule(runs, '2024-04-01')).toBeCloseTo(8.8, 12) // 03-01 is 31 days back
    expect(maxDistanceUnderRule(runs, '2024-03-01')).toBeNull()
  })
})

describe('ACWR EWMA 7/28 (a trend, not a verdict)', () => {
  const every = (start: string, days: number, km: (i: number) => number): LoadRun[] =>
    Array.from({ length: days }, (_, i) => ({ date: addDays(start, i), distanceKm: km(i) }))

  it('is null with fewer than 28 days of data', () => {
    const runs = every('2024-01-01', 27, () => 5)
    expect(acwrEwma(runs, '2024-01-27')).toBeNull()
    expect(acwrEwma([], '2024-01-27')).toBeNull()
    expect(acwrEwma(runs, '2024-01-28')).not.toBeNull()
  })

  it('a constant load gives acute = chronic and ratio 1', () => {
    const t = acwrEwma(every('2024-01-01', 28, () => 5), '2024-01-28')
    expect(t).toMatchObject({ kind: 'trend', daysOfData: 28, date: '2024-01-28' })
    expect(t?.acute).toBeCloseTo(5, 12)
    expect(t?.chronic).toBeCloseTo(5, 12)
    expect(t?.ratio).toBeCloseTo(1, 12)
    expect(t?.label).toMatch(/not a risk score/)
    expect(t?.note).toBe(ACWR_NOTE)
  })

  it('27 days of 4 km then 12 km: acute 6, chronic 132/29, ratio 174/132', () => {
    // acute = 0.25·12 + 0.75·4 = 6; chronic = (2/29)·12 + (27/29)·4 = 132/29.
    const t = acwrEwma(every('2024-02-01', 28, (i) => (i === 27 ? 12 : 4)), '2024-02-28')
    expect(t?.acute).toBeCloseTo(6, 12)
    expect(t?.chronic).toBeCloseTo(132 / 29, 12)
    expect(t?.ratio).toBeCloseTo(174 / 132, 12)
  })

  it('seeds with day 1 and decays over rest days (10 km then 27 rest days)', () => {
    const t = acwrEwma([{ date: '2024-01-01', distanceKm: 10 }], '2024-01-28')
    expect(t?.acute).toBeCloseTo(10 * 0.75 ** 27, 12)
    expect(t?.chronic).toBeCloseTo(10 * (27 / 29) ** 27, 12)
    expect(t?.ratio).toBeCloseTo((0.75 / (27 / 29)) ** 27, 12)
  })

  it('sums same-day runs, ignores runs after today, and holds ratio back for 27 days', () => {
    const series = acwrEwmaSeries(
      [
        { date: '2024-01-01', distanceKm: 3 },
        { date: '2024-01-01', distanceKm: 2 },
        { date: '2024-03-01', distanceKm: 50 },
      ],
      '2024-01-28',
    )
    expect(series).toHaveLength(28)
    expect(series[0]).toMatchObject({ date: '2024-01-01', dailyKm: 5, acute: 5, chronic: 5, ratio: null })
    expect(series.slice(0, 27).every((p) => p.ratio === null)).toBe(true)
    expect(series[27]?.ratio).not.toBeNull()
  })
})

describe('loadFlags', () => {
  const runs = [
    { date: '2024-04-01', distanceKm: 10 }, // Mon
    { date: '2024-04-08', distanceKm: 8 }, // Mon, last week
    { date: '2024-04-10', distanceKm: 6 },
    { date: '2024-04-16', distanceKm: 12.5 }, // Tue this week: 12.5/10 = 1.25 → breach
    { date: '2024-04-30', distanceKm: 99 }, // after today: ignored
  ]
  const today = '2024-04-17' // Wednesday

  it('summarises this week, last week and the recent breach', () => {
    const s = loadFlags(runs, today)
    expect(s.thisWeekKm).toBe(12.5)
    expect(s.lastWeekKm).toBe(14)
    expect(s.weeklyChangePercent).toBeCloseTo(((12.5 - 14) / 14) * 100, 12)
    expect(s.flags).toHaveLength(1)
    expect(s.flags[0]).toMatchObject({ id: 'run-beyond-30d-longest', date: '2024-04-16', previousLongestKm: 10 })
    expect(s.flags[0]?.ratio).toBeCloseTo(1.25, 12)
    expect(s.flags[0]?.detail).toContain('25 % longer')
    expect(s.longest30dKm).toBe(12.5)
    expect(s.nextRunLimitKm).toBeCloseTo(13.75, 12)
    expect(s.lastRunDate).toBe('2024-04-16')
    expect(s.daysSinceLastRun).toBe(1)
    expect(s.acwr).toBeNull() // 17 days of data
  })

  it('a breach older than recentDays is in allBreaches but not in flags', () => {
    const upTo16 = runs.slice(0, 4)
    const lastDay = loadFlags(upTo16, '2024-04-29') // 04-16 is day 14 counting today
    expect(lastDay.flags).toHaveLength(1)
    const s = loadFlags(upTo16, '2024-04-30')
    expect(s.flags).toHaveLength(0)
    expect(s.allBreaches.map((b) => b.run.date)).toEqual(['2024-04-16'])
    const wide = loadFlags(upTo16, '2024-04-30', { recentDays: 30 })
    expect(wide.flags).toHaveLength(1)
  })

  it('no runs', () => {
    const s = loadFlags([], today)
    expect(s).toMatchObject({ flags: [], thisWeekKm: 0, lastWeekKm: 0, weeklyChangePercent: null, longest30dKm: null, nextRunLimitKm: null, acwr: null, lastRunDate: null, daysSinceLastRun: null })
  })
})
