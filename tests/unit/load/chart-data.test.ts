import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays } from '../../../shared/dates'
import {
  downsample,
  estimatePainOnsetKm,
  MAX_WEEKLY_POINTS,
  painVsDistance,
  sparkline,
  weeklySeries,
  type ChartRun,
} from '../../../shared/load/chart-data'
import { dailyRuns } from './helpers'

const today = '2024-04-17' // Wednesday; its week starts 2024-04-15

describe('weeklySeries', () => {
  const runs: ChartRun[] = [
    { date: '2024-03-01', distanceKm: 10 }, // before the 12-week range? no: range starts 2024-01-29
    { date: '2024-04-08', distanceKm: 6, painDuring: 2, painAfter: 4 },
    { date: '2024-04-10', distanceKm: 5, painDuring: 4, painNextMorning: 1 },
    { date: '2024-04-14', distanceKm: 12, painDuring: 6 }, // Sunday: breaks 10 km → 1.2
    { date: '2024-04-15', distanceKm: 3 }, // Monday: no pain logged
    { date: '2024-04-20', distanceKm: 30 }, // after today: ignored
  ]

  it('weeks start on Sunday when the coach says so: the Sunday run joins this week', () => {
    const { points } = weeklySeries(runs, '12w', today, { startsOn: 'sunday' })
    expect(points).toHaveLength(12)
    expect(points[11]).toMatchObject({ start: '2024-04-14', end: '2024-04-20', km: 15, runs: 2, maxPain: 6 })
    expect(points[10]).toMatchObject({ start: '2024-04-07', end: '2024-04-13', km: 11, runs: 2 })
  })

  it('12w: twelve weeks ending with the week of today, zero weeks filled', () => {
    const { granularity, points } = weeklySeries(runs, '12w', today)
    expect(granularity).toBe('week')
    expect(points).toHaveLength(12)
    expect(points[0]?.start).toBe('2024-01-29')
    expect(points[11]).toMatchObject({ start: '2024-04-15', end: '2024-04-21', km: 3, runs: 1, avgPain: null, maxPain: null, breaches: 0 })
    const wk = points[10]
    expect(wk?.start).toBe('2024-04-08')
    // worst pain per run: max(2,4)=4, max(4,1)=4, 6 → avg 14/3 = 4.67, max 6.
    expect(wk).toMatchObject({ km: 23, runs: 3, avgPain: 4.67, maxPain: 6, breaches: 1 })
    expect(points.find((p) => p.start === '2024-02-26')?.km).toBe(10)
    expect(points.filter((p) => p.km === 0)).toHaveLength(9)
  })

  it('can use pain during only', () => {
    const wk = weeklySeries(runs, '12w', today, { pain: 'during' }).points[10]
    expect(wk).toMatchObject({ avgPain: 4, maxPain: 6 })
  })

  it('6m and 1y have 26 and 52 weeks', () => {
    expect(weeklySeries(runs, '6m', today).points).toHaveLength(26)
    expect(weeklySeries(runs, '1y', today).points).toHaveLength(52)
  })

  it('a breach at the start of the range is judged against runs before it', () => {
    const r = [
      { date: '2024-01-20', distanceKm: 10 }, // outside 12w range (starts 01-29)
      { date: '2024-01-30', distanceKm: 12 }, // 1.2 × → breach
    ]
    const pts = weeklySeries(r, '12w', today).points
    expect(pts[0]).toMatchObject({ start: '2024-01-29', km: 12, breaches: 1 })
  })

  it('all: from the first run; a single run or none still gives a series', () => {
    expect(weeklySeries([], 'all', today).points).toHaveLength(1)
    const one = weeklySeries([{ date: '2024-04-01', distanceKm: 5 }], 'all', today).points
    expect(one.map((p) => [p.start, p.km])).toEqual([
      ['2024-04-01', 5],
      ['2024-04-08', 0],
      ['2024-04-15', 0],
    ])
  })

  it('3 years of daily runs → at most 160 weekly points, same total distance', () => {
    const start = addDays(today, -(3 * 365 - 1))
    const log = dailyRuns(start, 3 * 365)
    const { granularity, points } = weeklySeries(log, 'all', today)
    expect(granularity).toBe('week')
    expect(points.length).toBeLessThanOrEqual(MAX_WEEKLY_POINTS)
    expect(points.length).toBe(157)
    const total = log.reduce((a, r) => a + r.distanceKm, 0)
    expect(points.reduce((a, p) => a + p.km, 0)).toBeCloseTo(total, 6)
    expect(points.reduce((a, p) => a + p.runs, 0)).toBe(log.length)
  })

  it('over 160 weeks → calendar months', () => {
    const log = dailyRuns('2020-01-01', 1600)
    const end = addDays('2020-01-01', 1599) // 2024-05-18
    const { granularity, points } = weeklySeries(log, 'all', end)
    expect(granularity).toBe('month')
    expect(points[0]).toMatchObject({ start: '2019-12-01', end: '2019-12-31', km: 0 }) // week of 2020-01-01 starts 2019-12-30
    expect(points[points.length - 1]?.start).toBe('2024-05-01')
    expect(points).toHaveLength(54)
    const feb2024 = points.find((p) => p.start === '2024-02-01')
    expect(feb2024).toMatchObject({ end: '2024-02-29', runs: 29 })
    expect(points.reduce((a, p) => a + p.km, 0)).toBeCloseTo(log.reduce((a, r) => a + r.distanceKm, 0), 6)
  })
})

describe('sparkline', () => {
  it('has exactly `weeks` points ending with the current week', () => {
    const s = sparkline([{ date: '2024-04-16', distanceKm: 5, painAfter: 3 }, { date: '2024-04-08', distanceKm: 4 }, { date: '2023-01-01', distanceKm: 9 }], today)
    expect(s).toHaveLength(12)
    expect(s[11]).toEqual({ weekStart: '2024-04-15', km: 5, maxPain: 3 })
    expect(s[10]).toEqual({ weekStart: '2024-04-08', km: 4, maxPain: null })
    expect(s.slice(0, 10).every((p) => p.km === 0)).toBe(true)
    expect(sparkline([], today, 4)).toHaveLength(4)
  })
})

describe('painVsDistance', () => {
  it('returns one point per run with pain during when under the limit', () => {
    const pts = painVsDistance([
      { date: '2024-04-01', distanceKm: 8, painDuring: 4 },
      { date: '2024-04-02', distanceKm: 5, painDuring: 1 },
      { date: '2024-04-03', distanceKm: 6, painAfter: 3 }, // no pain during: not plotted
    ])
    expect(pts).toEqual([
      { distanceKm: 5, pain: 1, count: 1, latestDate: '2024-04-02' },
      { distanceKm: 8, pain: 4, count: 1, latestDate: '2024-04-01' },
    ])
  })

  it('bins 3 years of daily runs to at most maxPoints, keeping every run counted and the extremes', () => {
    const log = dailyRuns('2021-04-18', 3 * 365)
    log.push({ date: '2024-04-10', distanceKm: 1, painDuring: 0 }, { date: '2024-04-11', distanceKm: 42.2, painDuring: 9 })
    for (const max of [300, 100, 25]) {
      const pts = painVsDistance(log, max)
      expect(pts.length).toBeLessThanOrEqual(max)
      expect(pts.reduce((a, p) => a + p.count, 0)).toBe(log.length)
      expect(pts[0]?.distanceKm).toBe(1) // the 1 km run sits alone in its bin
      expect(pts[pts.length - 1]).toMatchObject({ distanceKm: 42.2, pain: 9 })
    }
  })

  it('never exceeds a tiny maxPoints', () => {
    const pts = painVsDistance(dailyRuns('2024-01-01', 200), 3)
    expect(pts.length).toBeLessThanOrEqual(3)
  })
})

describe('estimatePainOnsetKm', () => {
  it('uses the median of reported onsets when at least 3 runs have one', () => {
    const est = estimatePainOnsetKm([
      { date: '2024-04-01', distanceKm: 8, painOnsetKm: 5 },
      { date: '2024-04-03', distanceKm: 9, painOnsetKm: 7 },
      { date: '2024-04-05', distanceKm: 8, painOnsetKm: 6 },
      { date: '2024-04-07', distanceKm: 10, painOnsetKm: 6.5 },
      { date: '2024-04-08', distanceKm: 4 },
    ])
    // median of 5, 6, 6.5, 7 = 6.25 → 6.3
    expect(est).toMatchObject({ km: 6.3, method: 'reported-onset-median', basedOnRuns: 4 })
  })

  it('otherwise finds the shortest distance from which pain ≥ 3 is consistent', () => {
    const est = estimatePainOnsetKm([
      { date: '2024-04-01', distanceKm: 3, painDuring: 0 },
      { date: '2024-04-02', distanceKm: 4, painDuring: 1 },
      { date: '2024-04-03', distanceKm: 5, painDuring: 1 },
      { date: '2024-04-04', distanceKm: 6, painDuring: 4 },
      { date: '2024-04-05', distanceKm: 7, painDuring: 5 },
      { date: '2024-04-06', distanceKm: 8, painDuring: 6 },
    ])
    // From 5 km: 3 of 4 painful = 75 % < 80 %; from 6 km: 3 of 3 → 6 km.
    expect(est).toMatchObject({ km: 6, method: 'pain-threshold-distance', basedOnRuns: 6 })
  })

  it('returns null without enough data or without consistent pain', () => {
    expect(estimatePainOnsetKm([])).toBeNull()
    expect(estimatePainOnsetKm([{ date: '2024-04-01', distanceKm: 8, painDuring: 6, painOnsetKm: 5 }])).toBeNull()
    const painFree = Array.from({ length: 10 }, (_, i) => ({ date: addDays('2024-04-01', i), distanceKm: 3 + i, painDuring: 1 }))
    expect(estimatePainOnsetKm(painFree)).toBeNull()
  })

  it('only looks at the 30 most recent runs', () => {
    const old = Array.from({ length: 5 }, (_, i) => ({ date: addDays('2023-01-01', i), distanceKm: 10, painOnsetKm: 2 }))
    const recent = Array.from({ length: 30 }, (_, i) => ({ date: addDays('2024-01-01', i), distanceKm: 5, painDuring: 0 }))
    expect(estimatePainOnsetKm([...old, ...recent])).toBeNull()
  })
})

describe('downsample', () => {
  const series = (values: number[]) => values.map((v, i) => ({ i, v }))

  it('returns the input unchanged when it is small enough', () => {
    const s = series([1, 2, 3])
    expect(downsample(s, 3, (p) => p.v)).toEqual(s)
  })

  it('keeps the spikes that plain decimation would lose', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 377 ? 99 : i === 612 ? -50 : Math.sin(i / 20)))
    const out = downsample(series(values), 50, (p) => p.v)
    expect(out.length).toBeLessThanOrEqual(50)
    expect(out.map((p) => p.i)).toContain(377)
    expect(out.map((p) => p.i)).toContain(612)
    expect(out[0]?.i).toBe(0)
    expect(out[out.length - 1]?.i).toBe(999)
  })

  it('always keeps the global min and max, respects the limit and the order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }),
        fc.integer({ min: 2, max: 120 }),
        (values, max) => {
          const out = downsample(series(values), max, (p) => p.v)
          expect(out.length).toBeLessThanOrEqual(Math.max(max, 0))
          const vs = out.map((p) => p.v)
          expect(Math.max(...vs)).toBe(Math.max(...values))
          expect(Math.min(...vs)).toBe(Math.min(...values))
          for (let k = 1; k < out.length; k++) expect((out[k] as { i: number }).i).toBeGreaterThan((out[k - 1] as { i: number }).i)
        },
      ),
    )
  })

  it('handles limits of 0 and 1', () => {
    const s = series([3, -7, 5])
    expect(downsample(s, 0, (p) => p.v)).toEqual([])
    expect(downsample(s, 1, (p) => p.v)).toEqual([{ i: 1, v: -7 }])
  })
})
