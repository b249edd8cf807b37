import { type RefObject, useEffect, useMemo, useRef, useState } from 'react'
import type { Run } from '../../../../../shared/domain/run'
import { estimatePainOnsetKm, painVsDistance, rangeDays, weeklySeries, type ChartRange, type WeeklySeries } from '../../../../../shared/load/chart-data'
import type { WeekStartDay } from '../../../../../shared/dates'
import { formatDistance, type DistanceUnit } from '../../../../../shared/units'
import { TableHead } from '../../../components/Table'
import { longDate } from '../../../dates'
import { ChartRangeControl } from './ChartRangeControl'
import { PainDistanceChart, onsetSentence } from './PainDistanceChart'
import { WeeklyLoadChart, periodName } from './WeeklyLoadChart'

/** Width of an element, kept up to date; charts get a fixed number so they draw deterministically. */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setWidth(Math.max(280, Math.floor(el.getBoundingClientRect().width)))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

/** One-sentence summary of the weekly chart for everyone, and the full table for screen readers. */
export function weeklySummary(series: WeeklySeries, unit: DistanceUnit): string {
  const pts = series.points
  if (!pts.some((p) => p.runs > 0)) return 'No runs in this period.'
  const total = pts.reduce((a, p) => a + p.km, 0)
  const runs = pts.reduce((a, p) => a + p.runs, 0)
  const peak = pts.reduce((a, p) => (p.km > a.km ? p : a))
  const painful = pts.filter((p) => p.maxPain !== null).reduce<(typeof pts)[number] | null>((a, p) => (a === null || (p.maxPain ?? 0) > (a.maxPain ?? 0) ? p : a), null)
  const breachPeriods = pts.filter((p) => p.breaches > 0).length
  return (
    `${formatDistance(total, unit)} in ${runs} ${runs === 1 ? 'run' : 'runs'} over ${pts.length} ${series.granularity}s; ` +
    `most in the ${periodName(peak, series.granularity)} (${formatDistance(peak.km, unit)}). ` +
    (painful ? `Highest pain ${painful.maxPain}/10 in the ${periodName(painful, series.granularity)}. ` : 'No pain scores logged. ') +
    (breachPeriods
      ? `${breachPeriods} ${series.granularity === 'month' ? 'month' : 'week'}${breachPeriods === 1 ? '' : 's'} with a run more than 10 % beyond the longest of the previous 30 days.`
      : 'No run went more than 10 % beyond the longest of the previous 30 days.')
  )
}

export function AthleteCharts({ runs, unit, startsOn, today, athleteName }: { runs: readonly Run[]; unit: DistanceUnit; startsOn: WeekStartDay; today: string; athleteName: string }) {
  const [range, setRange] = useState<ChartRange>('12w')
  const [ref, width] = useElementWidth<HTMLDivElement>(900)
  const series = useMemo(() => weeklySeries(runs, range, today, { startsOn }), [runs, range, today, startsOn])
  // The scatter shows the same runs as the weekly chart: one range for every chart on the page.
  const days = useMemo(() => rangeDays(range, today, startsOn), [range, today, startsOn])
  const inRange = useMemo(() => runs.filter((r) => r.date <= days.to && (days.from === null || r.date >= days.from)), [runs, days])
  const scatter = useMemo(() => painVsDistance(inRange, 300), [inRange])
  const onset = useMemo(() => estimatePainOnsetKm(inRange), [inRange])
  const summary = weeklySummary(series, unit)
  return (
    <div className="athlete-charts" ref={ref}>
      <div className="toolbar chart-toolbar">
        <h2 id="load-chart-title">Distance and pain</h2>
        <div className="spacer" />
        <ChartRangeControl range={range} today={today} onChange={setRange} />
      </div>
      <figure className="chart-figure" aria-labelledby="load-chart-title" data-testid="weekly-chart" data-points={series.points.length} data-granularity={series.granularity}>
        <WeeklyLoadChart series={series} unit={unit} startsOn={startsOn} width={width} height={320} title={`${athleteName}: distance per ${series.granularity} with pain`} />
        <figcaption className="chart-caption">
          {summary} <span className="muted">Shading shows the pain zones: 0–2 safe, 3–5 acceptable, above 5 high risk.</span>
        </figcaption>
        {/* A table ignores height: 1px, so the clipping box is a div: the full table would add a blank tail to the page. */}
        <div className="sr-only">
        <table>
          <caption>Distance and pain per {series.granularity}</caption>
          <TableHead columns={[series.granularity === 'month' ? 'Month' : 'Week starting', 'Distance', 'Runs', 'Average pain', 'Highest pain', 'Runs beyond the 30-day longest']} />
          <tbody>
            {series.points.map((p) => (
              <tr key={p.start}>
                <th scope="row">{series.granularity === 'month' ? periodName(p, 'month') : longDate(p.start)}</th>
                <td>{formatDistance(p.km, unit)}</td>
                <td>{p.runs}</td>
                <td>{p.avgPain ?? '–'}</td>
                <td>{p.maxPain ?? '–'}</td>
                <td>{p.breaches}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </figure>

      <h2 id="scatter-chart-title">Pain against distance</h2>
      <figure className="chart-figure" aria-labelledby="scatter-chart-title" data-testid="scatter-chart">
        <PainDistanceChart points={scatter} onset={onset} unit={unit} asOf={days.to} width={width} height={300} title={`${athleteName}: pain during the run against distance`} />
        <figcaption className="chart-caption">
          <strong data-testid="onset-sentence">{onsetSentence(onset, unit)}</strong> {onset?.explanation ?? ''}
        </figcaption>
        {/* A table ignores height: 1px, so the clipping box is a div: the full table would add a blank tail to the page. */}
        <div className="sr-only">
        <table>
          <caption>Pain during the run by distance{scatter.some((p) => p.count > 1) ? ' (similar runs grouped)' : ''}</caption>
          <TableHead columns={['Distance', 'Pain during', 'Runs', 'Latest']} />
          <tbody>
            {scatter.map((p, i) => (
              <tr key={i}>
                <td>{formatDistance(p.distanceKm, unit)}</td>
                <td>{p.pain}</td>
                <td>{p.count}</td>
                <td>{longDate(p.latestDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </figure>
    </div>
  )
}
