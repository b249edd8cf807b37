// Chart inputs for recharts. recharts slows down badly with many points (≈ 1 s at 1,000 points,
// 3.5 s at 5,000 — see build-machine-facts.md), so nothing here hands it raw multi-year daily data:
// - weeklySeries aggregates to weeks, and to calendar months when weeks would exceed MAX_WEEKLY_POINTS;
// - painVsDistance bins the scatter to at most maxPoints points (each with a count);
// - downsample (downsample.ts) keeps each bucket's minimum and maximum so that peaks survive.
// The pain-onset estimate lives in pain-onset.ts and the pain score choice in pain-score.ts; both are
// re-exported here so importers keep one entry point.
// Distances stay in km; convert with shared/units.ts at the axis (tickFormatter) or in the tooltip.

import { addDays, dayNumber, fromDayNumber, isIsoDate, weekStart, type WeekStartDay } from '../dates'
import { LONGEST_RUN_RULE, runsVsLongest30d, type LoadRun } from './metrics'
import { type PainLogEntry, painOutsideLimits } from './pain-monitoring'
import { painScore, type PainMeasure } from './pain-score'

export { downsample } from './downsample'
export { PAIN_ONSET, estimatePainOnsetKm, type PainOnsetEstimate } from './pain-onset'
export { painScore, type PainMeasure } from './pain-score'

export type ChartRun = LoadRun & PainLogEntry & { painOnsetKm?: number | null }

/** A fixed span ending this week, everything logged, or the coach's own from–to (ISO dates, both included). */
export type ChartRange = '12w' | '6m' | '1y' | 'all' | { from: string; to: string }

/** Weeks shown for each fixed range ('all' = from the first run). */
export const RANGE_WEEKS: Record<'12w' | '6m' | '1y', number> = { '12w': 12, '6m': 26, '1y': 52 }

/** Above this many weeks, weeklySeries switches to calendar months. */
export const MAX_WEEKLY_POINTS = 160

export interface SeriesPoint {
  /** First day of the period: the first day of the coach's week (Monday or Sunday), the 1st for months (ISO date). */
  start: string
  /** Last day of the period (ISO date). */
  end: string
  km: number
  runs: number
  /** Mean of the chosen pain score over runs that logged it; null when none did. */
  avgPain: number | null
  maxPain: number | null
  /** Runs in the period that went more than 10 % beyond the longest run of the previous 30 days. */
  breaches: number
  /** Runs in the period with a pain score outside the pain-monitoring limits (painOutsideLimits). */
  outsideLimits: number
}

export interface WeeklySeries {
  granularity: 'week' | 'month'
  points: SeriesPoint[]
}

interface Bucket {
  start: string
  end: string
  km: number
  runs: number
  painSum: number
  painCount: number
  maxPain: number | null
  breaches: number
  outsideLimits: number
}

function emptyBucket(start: string, end: string): Bucket {
  return { start, end, km: 0, runs: 0, painSum: 0, painCount: 0, maxPain: null, breaches: 0, outsideLimits: 0 }
}

function toPoint(b: Bucket): SeriesPoint {
  return {
    start: b.start,
    end: b.end,
    km: Math.round(b.km * 1000) / 1000,
    runs: b.runs,
    avgPain: b.painCount ? Math.round((b.painSum / b.painCount) * 100) / 100 : null,
    maxPain: b.maxPain,
    breaches: b.breaches,
    outsideLimits: b.outsideLimits,
  }
}

function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`
}

function nextMonth(monthStartIso: string): string {
  const y = Number(monthStartIso.slice(0, 4))
  const m = Number(monthStartIso.slice(5, 7))
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/**
 * Distance and pain per week for the athlete chart. The period runs from the start of the range to
 * the week containing `today`, with empty weeks as 0 km and null pain. Breaches are worked out on
 * the whole log, so the first run in the range is still compared with the runs before it.
 * For 'all', when there would be more than MAX_WEEKLY_POINTS weeks, the series uses calendar months.
 */
export function weeklySeries(
  runs: readonly ChartRun[],
  range: ChartRange,
  today: string,
  options: { pain?: PainMeasure; startsOn?: WeekStartDay } = {},
): WeeklySeries {
  if (!isIsoDate(today)) throw new Error(`weeklySeries: today must be an ISO date, got ${today}`)
  const measure = options.pain ?? 'worst'
  // "Monday" below means the first day of the coach's week (Monday unless they chose Sunday).
  const startsOn = options.startsOn ?? 'monday'
  const custom = typeof range === 'object' && isIsoDate(range.from) && isIsoDate(range.to) ? range : null
  // A custom range ends on its last day (never after today); the others end today.
  const end = custom && custom.to < today ? custom.to : today
  const lastMonday = weekStart(end, startsOn)
  const fixedFirst = custom ? weekStart(custom.from < end ? custom.from : end, startsOn) : typeof range === 'object' || range === 'all' ? null : addDays(lastMonday, -7 * (RANGE_WEEKS[range] - 1))
  // Runs that can matter: those in the range plus the 30 days before it (for the breach rule).
  // ISO dates compare as text, so the cut is a cheap string comparison before validation.
  const lowerBound = fixedFirst === null ? '' : addDays(fixedFirst, -LONGEST_RUN_RULE.windowDays)
  const valid = runs.filter(
    (r) =>
      typeof r.date === 'string' &&
      r.date <= end &&
      r.date >= lowerBound &&
      Number.isFinite(r.distanceKm) &&
      r.distanceKm > 0 &&
      isIsoDate(r.date),
  )
  let firstMonday: string
  if (fixedFirst === null) {
    let earliest = end
    for (const r of valid) if (r.date < earliest) earliest = r.date
    firstMonday = weekStart(earliest, startsOn)
  } else {
    firstMonday = fixedFirst
  }
  const firstDay = dayNumber(firstMonday)
  const weekCount = (dayNumber(lastMonday) - firstDay) / 7 + 1
  const granularity: 'week' | 'month' = weekCount > MAX_WEEKLY_POINTS ? 'month' : 'week'

  const weekBuckets: Bucket[] = []
  const monthBuckets = new Map<string, Bucket>()
  if (granularity === 'week') {
    for (let i = 0; i < weekCount; i++) {
      const d = firstDay + 7 * i
      weekBuckets.push(emptyBucket(fromDayNumber(d), fromDayNumber(d + 6)))
    }
  } else {
    for (let m = monthStart(firstMonday); m <= end; m = nextMonth(m)) {
      monthBuckets.set(m, emptyBucket(m, addDays(nextMonth(m), -1)))
    }
  }
  const breachSet = new Set<number>()
  for (const c of runsVsLongest30d(valid)) if (c.breaksLongestRunRule) breachSet.add(c.index)

  valid.forEach((r, i) => {
    const b =
      granularity === 'week' ? weekBuckets[Math.floor((dayNumber(r.date) - firstDay) / 7)] : monthBuckets.get(monthStart(r.date))
    if (!b) return
    b.km += r.distanceKm
    b.runs += 1
    const p = painScore(r, measure)
    if (p !== null) {
      b.painSum += p
      b.painCount += 1
      b.maxPain = b.maxPain === null ? p : Math.max(b.maxPain, p)
    }
    if (breachSet.has(i)) b.breaches += 1
    if (Object.keys(painOutsideLimits(r)).length > 0) b.outsideLimits += 1
  })
  const buckets = granularity === 'week' ? weekBuckets : [...monthBuckets.values()]
  return { granularity, points: buckets.map(toPoint) }
}

/**
 * The days a range covers, as weeklySeries cuts them (from the first day of its first week; null = from the
 * first run), so every chart on a page can show the same runs.
 */
export function rangeDays(range: ChartRange, today: string, startsOn: WeekStartDay = 'monday'): { from: string | null; to: string } {
  if (typeof range === 'object') {
    const to = range.to < today ? range.to : today
    return { from: weekStart(range.from < to ? range.from : to, startsOn), to }
  }
  if (range === 'all') return { from: null, to: today }
  return { from: addDays(weekStart(today, startsOn), -7 * (RANGE_WEEKS[range] - 1)), to: today }
}

export interface SparkPoint {
  weekStart: string
  km: number
  /** Highest pain logged that week ('worst' measure), null when none. */
  maxPain: number | null
}

/** A fixed-length series of `weeks` weeks ending with the week containing `today`, for the triage board. */
export function sparkline(runs: readonly ChartRun[], today: string, weeks = 12, startsOn: WeekStartDay = 'monday'): SparkPoint[] {
  if (!isIsoDate(today)) throw new Error(`sparkline: today must be an ISO date, got ${today}`)
  const n = Math.max(1, Math.trunc(weeks))
  const lastMonday = weekStart(today, startsOn)
  const firstMonday = addDays(lastMonday, -7 * (n - 1))
  const firstDay = dayNumber(firstMonday)
  const out: SparkPoint[] = []
  for (let i = 0; i < n; i++) out.push({ weekStart: fromDayNumber(firstDay + 7 * i), km: 0, maxPain: null })
  for (const r of runs) {
    // Cheap text comparison first: only runs inside the window are validated.
    if (typeof r.date !== 'string' || r.date > today || r.date < firstMonday) continue
    if (!(r.distanceKm > 0) || !Number.isFinite(r.distanceKm) || !isIsoDate(r.date)) continue
    const p = out[Math.floor((dayNumber(r.date) - firstDay) / 7)]
    if (!p) continue
    p.km += r.distanceKm
    const pain = painScore(r, 'worst')
    if (pain !== null) p.maxPain = p.maxPain === null ? pain : Math.max(p.maxPain, pain)
  }
  return out.map((p) => ({ ...p, km: Math.round(p.km * 1000) / 1000 }))
}

export interface ScatterPoint {
  distanceKm: number
  pain: number
  /** How many runs this point stands for (1 when not binned). */
  count: number
  /** Date of the most recent run in the point. */
  latestDate: string
}

/**
 * Pain during the run against run distance, one point per run that logged pain during. With more
 * than `maxPoints` runs, runs are binned on a grid (pain to the nearest 0.5, distance into equal-width
 * bins) and each point is the bin's mean distance and pain with a `count`. The shortest and the longest
 * run are always kept as points of their own. The result never has more than `maxPoints` points.
 */
export function painVsDistance(runs: readonly ChartRun[], maxPoints = 300): ScatterPoint[] {
  const limit = Math.max(1, Math.trunc(maxPoints))
  const raw: ScatterPoint[] = []
  for (const r of runs) {
    const pain = painScore(r, 'during')
    if (pain === null || !isIsoDate(r.date) || !(r.distanceKm > 0) || !Number.isFinite(r.distanceKm)) continue
    raw.push({ distanceKm: r.distanceKm, pain, count: 1, latestDate: r.date })
  }
  raw.sort((a, b) => a.distanceKm - b.distanceKm || a.pain - b.pain || (a.latestDate < b.latestDate ? -1 : 1))
  if (raw.length <= limit) return raw
  if (limit < 3) return binScatter(raw, limit)
  // The shortest and the longest run stay as points of their own; the rest is binned.
  const first = raw[0] as ScatterPoint
  const last = raw[raw.length - 1] as ScatterPoint
  return [first, ...binScatter(raw.slice(1, -1), limit - 2), last]
}

function binScatter(raw: readonly ScatterPoint[], limit: number): ScatterPoint[] {
  if (raw.length <= limit) return [...raw]
  const minD = raw[0]?.distanceKm ?? 0
  const maxD = raw[raw.length - 1]?.distanceKm ?? 0
  const painLevels = new Set(raw.map((p) => Math.round(p.pain * 2) / 2)).size
  let bins = Math.max(1, Math.floor(limit / painLevels))
  for (;;) {
    const width = (maxD - minD) / bins || 1
    const grid = new Map<string, { d: number; p: number; n: number; latest: string }>()
    for (const pt of raw) {
      const bin = Math.min(bins - 1, Math.floor((pt.distanceKm - minD) / width))
      const key = `${bin}|${Math.round(pt.pain * 2) / 2}`
      const g = grid.get(key) ?? { d: 0, p: 0, n: 0, latest: pt.latestDate }
      g.d += pt.distanceKm * pt.count
      g.p += pt.pain * pt.count
      g.n += pt.count
      if (pt.latestDate > g.latest) g.latest = pt.latestDate
      grid.set(key, g)
    }
    if (grid.size <= limit || bins === 1) {
      const points = [...grid.values()].map((g) => ({
        distanceKm: Math.round((g.d / g.n) * 1000) / 1000,
        pain: Math.round((g.p / g.n) * 100) / 100,
        count: g.n,
        latestDate: g.latest,
      }))
      points.sort((a, b) => a.distanceKm - b.distanceKm || a.pain - b.pain)
      if (points.length <= limit) return points
      // More pain levels than points allowed (a tiny limit): merge pain too, into equal-count groups.
      const merged: ScatterPoint[] = []
      const size = Math.ceil(points.length / Math.max(1, limit))
      for (let i = 0; i < points.length; i += size) {
        const group = points.slice(i, i + size)
        const n = group.reduce((a, p) => a + p.count, 0)
        merged.push({
          distanceKm: Math.round((group.reduce((a, p) => a + p.distanceKm * p.count, 0) / n) * 1000) / 1000,
          pain: Math.round((group.reduce((a, p) => a + p.pain * p.count, 0) / n) * 100) / 100,
          count: n,
          latestDate: group.reduce((a, p) => (p.latestDate > a ? p.latestDate : a), ''),
        })
      }
      return merged
    }
    bins = Math.max(1, Math.floor(bins / 2))
  }
}
