import { addDays } from '../../../shared/dates'
import { seededRandom } from '../../../shared/demo/random'
import type { ChartRun } from '../../../shared/load/chart-data'

/** Deterministic pseudo-random numbers so generated logs are the same on every run. */
export const rng = seededRandom

/** One run a day from `start` for `days` days, 3–15 km, with pain scores. */
export function dailyRuns(start: string, days: number, seed = 1): ChartRun[] {
  const r = rng(seed)
  const runs: ChartRun[] = []
  for (let i = 0; i < days; i++) {
    const km = Math.round((3 + r() * 12) * 100) / 100
    runs.push({
      date: addDays(start, i),
      distanceKm: km,
      painDuring: Math.floor(r() * 8),
      painAfter: Math.floor(r() * 8),
      painNextMorning: Math.floor(r() * 5),
    })
  }
  return runs
}
