import { useEffect, useLayoutEffect, useState } from 'react'
import { painScore, weeklySeries, type ChartRun, type WeeklySeries } from '../../../../../shared/load/chart-data'
import { WeeklyLoadChart } from './WeeklyLoadChart'

/**
 * Measurement page for `npm run bench` (bench/chart-render.bench.ts), opened as index.html?bench=chart.
 * The bench puts runs in window.__benchData and fires a "calfcoach-bench" event; this page times from
 * receiving the data to the chart's SVG being drawn (all bars and both pain lines in the DOM, then one
 * frame), either aggregated the way the app does it or with every daily run as its own point.
 * It only ever draws the data it is handed: no API calls, nothing stored.
 */
export interface BenchJob {
  id: number
  mode: 'aggregated' | 'raw'
  runs: ChartRun[]
  today: string
  width: number
  height: number
}

declare global {
  interface Window {
    __benchData?: BenchJob
  }
}

/** Every run as its own point: what drawing without aggregation would mean. */
function rawSeries(runs: readonly ChartRun[]): WeeklySeries {
  const sorted = [...runs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return {
    granularity: 'week',
    points: sorted.map((r) => {
      const pain = painScore(r, 'worst')
      return { start: r.date, end: r.date, km: r.distanceKm, runs: 1, avgPain: pain, maxPain: pain, breaches: 0, outsideLimits: 0 }
    }),
  }
}

interface Active {
  job: BenchJob
  series: WeeklySeries
  t0: number
  bars: number
}

export function ChartBench() {
  const [active, setActive] = useState<Active | null>(null)

  useEffect(() => {
    const onJob = () => {
      const job = window.__benchData
      if (!job) return
      const t0 = performance.now()
      const series = job.mode === 'aggregated' ? weeklySeries(job.runs, 'all', job.today) : rawSeries(job.runs)
      setActive({ job, series, t0, bars: series.points.filter((p) => p.km > 0).length })
    }
    window.addEventListener('calfcoach-bench', onJob)
    document.body.setAttribute('data-bench-ready', 'true')
    return () => window.removeEventListener('calfcoach-bench', onJob)
  }, [])

  useLayoutEffect(() => {
    if (!active) return
    let frame = 0
    const root = document.getElementById('bench-chart')
    const check = () => {
      const bars = root?.querySelectorAll('.recharts-bar-rectangle').length ?? 0
      const lines = root?.querySelectorAll('.recharts-line-curve').length ?? 0
      if (bars >= active.bars && lines >= 2) {
        const ms = performance.now() - active.t0
        document.body.setAttribute('data-bench-points', String(active.series.points.length))
        document.body.setAttribute('data-bench-ms', ms.toFixed(1))
        document.body.setAttribute('data-bench-done', String(active.job.id))
        return
      }
      frame = requestAnimationFrame(check)
    }
    frame = requestAnimationFrame(check)
    return () => cancelAnimationFrame(frame)
  }, [active])

  return (
    <section aria-label="Chart benchmark">
      <h1>Chart benchmark</h1>
      <div id="bench-chart" key={active?.job.id ?? 0}>
        {active && <WeeklyLoadChart series={active.series} unit="km" width={active.job.width} height={active.job.height} />}
      </div>
    </section>
  )
}
