// Estimated distance at which pain starts, for the "pain starts around 6 km" marker on the pain-vs-distance
// chart. Re-exported from chart-data.ts.

import { isIsoDate } from '../dates'
import type { ChartRun } from './chart-data'
import { painScore } from './pain-score'

export interface PainOnsetEstimate {
  km: number
  method: 'reported-onset-median' | 'pain-threshold-distance'
  /** How many runs the estimate rests on. */
  basedOnRuns: number
  /** A sentence for the chart caption. */
  explanation: string
}

export const PAIN_ONSET = {
  /** Only the most recent runs count, so the estimate follows the athlete's current state. */
  recentRuns: 30,
  /** Median of reported onsets needs at least this many runs with painOnsetKm. */
  minReportedOnsets: 3,
  /** "Painful" run for the threshold method: pain during ≥ 3 (above the 0–2 safe zone). */
  painfulAtLeast: 3,
  /** The threshold method needs at least this many runs with pain during logged... */
  minRunsWithPain: 5,
  /** ...and at least this many painful runs at or beyond the threshold distance... */
  minPainfulBeyond: 3,
  /** ...which must be at least this share of all runs at or beyond it. */
  consistentShare: 0.8,
} as const

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/**
 * Estimated distance at which pain starts, for the "pain starts around 6 km" marker. Two methods,
 * tried in order, on the athlete's most recent PAIN_ONSET.recentRuns runs (by date):
 * 1. Reported onset: when at least 3 of those runs logged painOnsetKm, the median of those values.
 * 2. Pain threshold: otherwise, among runs that logged pain during (at least 5), the shortest
 *    distance D such that, of the runs at least D long, at least 3 had pain during ≥ 3 and they
 *    make up at least 80 % of them ("pain appears consistently from D km on").
 * Returns null when neither method has enough data. km is rounded to 0.1.
 */
export function estimatePainOnsetKm(runs: readonly ChartRun[]): PainOnsetEstimate | null {
  const recent = runs
    .filter((r) => isIsoDate(r.date) && r.distanceKm > 0 && Number.isFinite(r.distanceKm))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, PAIN_ONSET.recentRuns)

  const onsets = recent
    .map((r) => r.painOnsetKm)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0)
  if (onsets.length >= PAIN_ONSET.minReportedOnsets) {
    const km = Math.round(median(onsets) * 10) / 10
    return {
      km,
      method: 'reported-onset-median',
      basedOnRuns: onsets.length,
      explanation: `Median of the pain-onset distance logged on the last ${onsets.length} runs that recorded one.`,
    }
  }

  const withPain = recent
    .map((r) => ({ d: r.distanceKm, p: painScore(r, 'during') }))
    .filter((x): x is { d: number; p: number } => x.p !== null)
    .sort((a, b) => a.d - b.d)
  if (withPain.length < PAIN_ONSET.minRunsWithPain) return null
  for (let i = 0; i < withPain.length; i++) {
    const d = (withPain[i] as { d: number }).d
    if (i > 0 && (withPain[i - 1] as { d: number }).d === d) continue
    const beyond = withPain.slice(i)
    const painful = beyond.filter((x) => x.p >= PAIN_ONSET.painfulAtLeast).length
    if (painful >= PAIN_ONSET.minPainfulBeyond && painful / beyond.length >= PAIN_ONSET.consistentShare) {
      return {
        km: Math.round(d * 10) / 10,
        method: 'pain-threshold-distance',
        basedOnRuns: withPain.length,
        explanation:
          `Shortest distance from which most runs (${painful} of ${beyond.length}) had pain during of ` +
          `${PAIN_ONSET.painfulAtLeast}/10 or more, from the last ${withPain.length} runs with pain logged.`,
      }
    }
  }
  return null
}
