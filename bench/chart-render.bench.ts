// Time from data to drawn SVG for the athlete's weekly distance/pain chart, in Chromium, on the built
// renderer (CALFCOACH_OUT_DIR or out/; build first). Three years of daily runs are drawn two ways in the
// same browser: aggregated the way the app does it (shared/load/chart-data.ts weeklySeries, ≈160 points)
// and raw (one bar and pain point per daily run, ≈1,100 points). The page side is
// renderer/src/features/log/charts/ChartBench.tsx (index.html?bench=chart): it starts the clock when it
// receives the runs, so the aggregated figure includes the aggregation itself, and stops it once every
// bar and both pain lines are in the DOM. The lead's `npm run bench` calls benchChartRender().
import { pathToFileURL } from 'node:url'
import { addDays } from '../shared/dates'
import type { ChartRun } from '../shared/load/chart-data'
import { openApp, RENDERER_INDEX } from '../tests/support/harness'
import { median } from './timing'

const TODAY = '2026-11-26'
const DAYS = 3 * 365
const REPEATS = 5
const WIDTH = 1100
const HEIGHT = 320

function threeYearsOfDailyRuns(): ChartRun[] {
  let seed = 7
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  return Array.from({ length: DAYS }, (_, i) => ({
    date: addDays(TODAY, i - DAYS + 1),
    distanceKm: Math.round((3 + rand() * 14) * 100) / 100,
    painDuring: Math.floor(rand() * 7),
    painAfter: Math.floor(rand() * 7),
    painNextMorning: Math.floor(rand() * 5),
  }))
}

export async function benchChartRender(): Promise<{ name: string; value: number; unit: string }[]> {
  const runs = threeYearsOfDailyRuns()
  const app = await openApp({ viewport: { width: 1280, height: 800 } })
  try {
    const { page } = app
    await page.goto(`${pathToFileURL(RENDERER_INDEX).toString()}?bench=chart`)
    await page.waitForSelector('body[data-bench-ready]', { timeout: 30_000 })
    let nextId = 1
    const drawOnce = async (mode: 'aggregated' | 'raw'): Promise<{ ms: number; points: number }> => {
      const id = nextId++
      await page.evaluate(
        (job) => {
          ;(window as unknown as { __benchData: unknown }).__benchData = job
          window.dispatchEvent(new Event('calfcoach-bench'))
        },
        { id, mode, runs, today: TODAY, width: WIDTH, height: HEIGHT },
      )
      await page.waitForSelector(`body[data-bench-done="${id}"]`, { timeout: 120_000 })
      const [ms, points] = await Promise.all([page.getAttribute('body', 'data-bench-ms'), page.getAttribute('body', 'data-bench-points')])
      return { ms: Number(ms), points: Number(points) }
    }
    // One warm-up draw of each (module JIT, fonts), then alternate so both see the same conditions.
    await drawOnce('aggregated')
    await drawOnce('raw')
    const samples = { aggregated: [] as number[], raw: [] as number[] }
    const points = { aggregated: 0, raw: 0 }
    for (let i = 0; i < REPEATS; i++) {
      for (const mode of ['aggregated', 'raw'] as const) {
        const r = await drawOnce(mode)
        samples[mode].push(r.ms)
        points[mode] = r.points
      }
    }
    if (app.consoleErrors.length) throw new Error(`chart bench page reported errors: ${app.consoleErrors.join('; ')}`)
    const agg = median(samples.aggregated)
    const raw = median(samples.raw)
    return [
      { name: 'chart-render: input runs (3 years daily)', value: runs.length, unit: 'runs' },
      { name: 'chart-render: weekly chart points, aggregated', value: points.aggregated, unit: 'points' },
      { name: 'chart-render: weekly chart points, raw daily', value: points.raw, unit: 'points' },
      { name: `chart-render: data→SVG, aggregated (median of ${REPEATS})`, value: Math.round(agg * 10) / 10, unit: 'ms' },
      { name: `chart-render: data→SVG, raw daily points (median of ${REPEATS})`, value: Math.round(raw * 10) / 10, unit: 'ms' },
      { name: 'chart-render: raw / aggregated', value: Math.round((raw / agg) * 10) / 10, unit: 'x' },
    ]
  } finally {
    await app.close()
  }
}
