// Plan against what was actually logged, one point per plan week (plan weeks start on the plan's start
// date, which need not be a Monday). Pure: used by the plan tab's chart and by the print view's data.

import { painScore, type ChartRun } from '../load/chart-data'
import type { PlanWeek } from './schema'

export interface PlanVsActualWeek {
  index: number
  startDate: string
  endDate: string
  phase: PlanWeek['phase']
  lighterWeek: boolean
  plannedKm: number
  /** Logged distance in the week; null for weeks that have not started yet. */
  loggedKm: number | null
  loggedRuns: number
  /** Mean and highest of the worst pain score (during, after or next morning) of the week's runs. */
  avgPain: number | null
  maxPain: number | null
  when: 'past' | 'current' | 'future'
}

/** Planned against logged distance and pain per plan week, as of `today`. */
export function planVsActual(weeks: readonly PlanWeek[], runs: readonly ChartRun[], today: string): PlanVsActualWeek[] {
  // The plan's window only, cut once: a 10-year log is 3,650 runs, and each of 52 weeks would scan them all.
  const first = weeks.reduce((min, w) => (w.startDate < min ? w.startDate : min), weeks[0]?.startDate ?? today)
  const last = weeks.reduce((max, w) => (w.endDate > max ? w.endDate : max), '')
  const inWindow = runs.filter((r) => r.date >= first && r.date <= last && r.date <= today && r.distanceKm > 0 && Number.isFinite(r.distanceKm))
  return weeks.map((w) => {
    const started = w.startDate <= today
    const inWeek = started ? inWindow.filter((r) => r.date >= w.startDate && r.date <= w.endDate) : []
    const pains = inWeek.map((r) => painScore(r, 'worst')).filter((p): p is number => p !== null)
    const km = inWeek.reduce((a, r) => a + r.distanceKm, 0)
    return {
      index: w.index,
      startDate: w.startDate,
      endDate: w.endDate,
      phase: w.phase,
      lighterWeek: w.lighterWeek,
      plannedKm: w.plannedKm,
      loggedKm: started ? Math.round(km * 100) / 100 : null,
      loggedRuns: inWeek.length,
      avgPain: pains.length ? Math.round((pains.reduce((a, p) => a + p, 0) / pains.length) * 10) / 10 : null,
      maxPain: pains.length ? Math.max(...pains) : null,
      when: !started ? 'future' : w.endDate < today ? 'past' : 'current',
    }
  })
}
