import { Bar, ComposedChart, Line, Scatter, Tooltip, XAxis } from 'recharts'
import type { SeriesPoint, WeeklySeries } from '../../../../../shared/load/chart-data'
import { formatDistance, toDisplayDistance, unitLabel, type DistanceUnit } from '../../../../../shared/units'
import { ChartGrid, DistanceAndPainAxes, HighestPainLine, PainZones, TopLegend } from './chart-parts'
import { CHART_COLOURS } from './palette'
import type { WeekStartDay } from '../../../../../shared/dates'
import { longDate } from '../../../dates'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "3 Mar" for a week, "Mar 2025" for a month. */
export function periodLabel(start: string, granularity: WeeklySeries['granularity']): string {
  const month = MONTHS[Number(start.slice(5, 7)) - 1] ?? ''
  return granularity === 'month' ? `${month} ${start.slice(0, 4)}` : `${Number(start.slice(8, 10))} ${month}`
}

export function periodName(p: Pick<SeriesPoint, 'start' | 'end'>, granularity: WeeklySeries['granularity']): string {
  return granularity === 'month' ? periodLabel(p.start, 'month') : `week of ${longDate(p.start)}`
}

interface Datum {
  label: string
  point: SeriesPoint
  distance: number
  avgPain: number | null
  maxPain: number | null
  /** Drawn at the top of the pain axis for periods with a run beyond the 30-day longest. */
  breach: number | null
  /** The highest pain again, only for periods with a pain score outside the pain-monitoring limits: a marked point. */
  outside: number | null
}

export interface WeeklyLoadChartProps {
  /** Aggregated series from shared/load/chart-data.ts weeklySeries(): never raw runs. */
  series: WeeklySeries
  unit: DistanceUnit
  width: number
  height: number
  /** Read by screen readers as the chart's title. */
  title?: string
  /** The coach's first day of the week, named under the axis (the series is already cut that way). */
  startsOn?: WeekStartDay
}

function TooltipBody({ active, payload, unit, granularity }: { active?: boolean; payload?: readonly { payload?: Datum }[]; unit: DistanceUnit; granularity: WeeklySeries['granularity'] }) {
  const d = payload?.[0]?.payload
  if (!active || !d) return null
  const p = d.point
  return (
    <div className="chart-tooltip">
      <strong>{periodName(p, granularity)}</strong>
      <div>
        {formatDistance(p.km, unit)} in {p.runs} {p.runs === 1 ? 'run' : 'runs'}
      </div>
      <div>Average pain {p.avgPain === null ? '–' : `${p.avgPain}/10`}</div>
      <div>Highest pain {p.maxPain === null ? '–' : `${p.maxPain}/10`}</div>
      {p.outsideLimits > 0 && (
        <div>
          ◆ {p.outsideLimits} {p.outsideLimits === 1 ? 'run' : 'runs'} with pain outside the limits
        </div>
      )}
      {p.breaches > 0 && (
        <div>
          ▲ {p.breaches} {p.breaches === 1 ? 'run' : 'runs'} more than 10 % beyond the 30-day longest
        </div>
      )}
    </div>
  )
}

/**
 * Weekly (or monthly) distance as bars with average and highest pain as lines on a second 0–10 axis,
 * the pain-monitoring zones shaded behind, and a triangle above periods with a run that broke the
 * 30-day longest-run rule. Fixed size, no animation: the same data always draws the same SVG, so
 * the plan PDF can embed it and tests can count its bars.
 */
export function WeeklyLoadChart({ series, unit, width, height, title, startsOn = 'monday' }: WeeklyLoadChartProps) {
  const u = unitLabel(unit)
  const data: Datum[] = series.points.map((p) => ({
    label: periodLabel(p.start, series.granularity),
    point: p,
    distance: Math.round(toDisplayDistance(p.km, unit) * 100) / 100,
    avgPain: p.avgPain,
    maxPain: p.maxPain,
    breach: p.breaches > 0 ? 9.7 : null,
    outside: p.outsideLimits > 0 ? p.maxPain : null,
  }))
  const many = data.length > 60
  return (
    <ComposedChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 12, right: 16, bottom: 8, left: 8 }}
      title={title ?? `Distance per ${series.granularity} with pain`}
      desc={`Bars: distance per ${series.granularity} in ${u}. Lines: average and highest pain, 0 to 10. Diamonds: a pain score outside the pain-monitoring limits. Triangles: a run more than 10 % beyond the longest of the previous 30 days.`}
    >
      <PainZones yAxisId="pain" />
      <ChartGrid vertical={false} />
      <XAxis
        dataKey="label"
        interval="preserveStartEnd"
        minTickGap={16}
        tick={{ fontSize: 12 }}
        height={40}
        label={{ value: series.granularity === 'month' ? 'Month' : `Week starting (${startsOn === 'sunday' ? 'Sunday' : 'Monday'})`, position: 'insideBottom', offset: 0, fontSize: 12 }}
      />
      <DistanceAndPainAxes unitLabel={u} tickFontSize={12} />
      <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: Datum }[]} unit={unit} granularity={series.granularity} />} />
      <TopLegend height={28} />
      <Bar yAxisId="km" dataKey="distance" name={`Distance (${u})`} fill={CHART_COLOURS.distance} stroke="#2b7fb0" strokeWidth={many ? 0 : 0.5} isAnimationActive={false} />
      <Line
        yAxisId="pain"
        dataKey="avgPain"
        name="Average pain"
        type="linear"
        stroke={CHART_COLOURS.avgPain}
        strokeWidth={2}
        dot={many ? false : { r: 2.5, fill: CHART_COLOURS.avgPain }}
        connectNulls
        isAnimationActive={false}
      />
      <HighestPainLine dataKey="maxPain" dotRadius={many ? null : 2.5} connectNulls />
      <Scatter yAxisId="pain" dataKey="outside" name="Pain outside the limits" fill={CHART_COLOURS.maxPain} shape="diamond" legendType="diamond" isAnimationActive={false} />
      <Scatter yAxisId="pain" dataKey="breach" name="Run >10 % beyond 30-day longest" fill={CHART_COLOURS.breach} shape="triangle" legendType="triangle" isAnimationActive={false} />
    </ComposedChart>
  )
}
