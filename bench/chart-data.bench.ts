// Time to turn three years of daily runs into chart inputs (pure aggregation, no drawing).
// The lead's `npm run bench` harness calls benchChartData() and prints/writes the results.
import { addDays } from '../shared/dates'
import { estimatePainOnsetKm, painVsDistance, sparkline, weeklySeries, type ChartRun } from '../shared/load/chart-data'
import { loadFlags, runsVsLongest30d } from '../shared/load/metrics'
import { clinicalInputFromAthlete, computeClinicalState } from '../shared/clinical'
import { medianMs } from './timing'

function threeYearsOfDailyRuns(today: string): ChartRun[] {
  let seed = 42
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  const days = 3 * 365
  return Array.from({ length: days }, (_, i) => ({
    date: addDays(today, i - days + 1),
    distanceKm: Math.round((3 + rand() * 14) * 100) / 100,
    painDuring: Math.floor(rand() * 7),
    painAfter: Math.floor(rand() * 7),
    painNextMorning: Math.floor(rand() * 5),
    painOnsetKm: rand() < 0.2 ? Math.round(rand() * 80) / 10 : null,
  }))
}

const time = (fn: () => unknown, repeats: number) => medianMs(fn, repeats, 1)

export async function benchChartData(): Promise<{ name: string; value: number; unit: string }[]> {
  const today = '2026-11-26'
  const runs = threeYearsOfDailyRuns(today)
  const series = weeklySeries(runs, 'all', today)
  const scatter = painVsDistance(runs, 300)
  const repeats = 15
  return [
    { name: 'chart-data: input runs (3 years daily)', value: runs.length, unit: 'runs' },
    { name: "chart-data: weeklySeries('all') points", value: series.points.length, unit: 'points' },
    { name: 'chart-data: painVsDistance points (max 300)', value: scatter.length, unit: 'points' },
    { name: "chart-data: weeklySeries('all') time", value: time(() => weeklySeries(runs, 'all', today), repeats), unit: 'ms' },
    { name: "chart-data: weeklySeries('12w') time", value: time(() => weeklySeries(runs, '12w', today), repeats), unit: 'ms' },
    { name: 'chart-data: painVsDistance time', value: time(() => painVsDistance(runs, 300), repeats), unit: 'ms' },
    { name: 'chart-data: estimatePainOnsetKm time', value: time(() => estimatePainOnsetKm(runs), repeats), unit: 'ms' },
    { name: 'chart-data: sparkline (12 weeks) time', value: time(() => sparkline(runs, today), repeats), unit: 'ms' },
    { name: 'load: runsVsLongest30d time', value: time(() => runsVsLongest30d(runs), repeats), unit: 'ms' },
    { name: 'load: loadFlags (incl. EWMA) time', value: time(() => loadFlags(runs, today), repeats), unit: 'ms' },
    {
      name: 'clinical: state from the whole log time',
      value: time(() => computeClinicalState(clinicalInputFromAthlete({ runs, assessments: [] }, today), today), repeats),
      unit: 'ms',
    },
    {
      name: 'chart-data: all athlete-page inputs together',
      value: time(() => {
        weeklySeries(runs, 'all', today)
        painVsDistance(runs, 300)
        estimatePainOnsetKm(runs)
        loadFlags(runs, today)
      }, repeats),
      unit: 'ms',
    },
  ]
}
