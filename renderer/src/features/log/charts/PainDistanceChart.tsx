import { ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts'
import type { PainOnsetEstimate, ScatterPoint } from '../../../../../shared/load/chart-data'
import { formatDistance, toDisplayDistance, unitLabel, type DistanceUnit } from '../../../../../shared/units'
import { ChartGrid, PainZones, TopLegend } from './chart-parts'
import { daysBetween } from '../../../../../shared/dates'
import { AGE_SHADES, CHART_COLOURS } from './palette'
import { longDate } from '../../../dates'

interface Datum {
  distance: number
  pain: number
  count: number
  point: ScatterPoint
}

export interface PainDistanceChartProps {
  /** From shared/load/chart-data.ts painVsDistance(): at most a few hundred (binned) points. */
  points: readonly ScatterPoint[]
  /** From estimatePainOnsetKm(); drawn as a vertical line when known. */
  onset: PainOnsetEstimate | null
  unit: DistanceUnit
  width: number
  height: number
  title?: string
  /** The day ages are counted from (the end of the chart's range): recent runs are drawn darker. */
  asOf: string
}

function niceCeiling(v: number): number {
  if (!(v > 0)) return 1
  const step = v <= 10 ? 1 : v <= 30 ? 2 : v <= 60 ? 5 : 10
  return Math.ceil(v / step) * step
}

/** The sentence under the chart: "Pain tends to start around 6.0 km." */
export function onsetSentence(onset: PainOnsetEstimate | null, unit: DistanceUnit): string {
  if (!onset) return 'There are not enough runs with pain scores yet to estimate where pain starts.'
  return `Pain tends to start around ${formatDistance(onset.km, unit)}.`
}

function TooltipBody({ active, payload, unit }: { active?: boolean; payload?: readonly { payload?: Datum }[]; unit: DistanceUnit }) {
  const d = payload?.[0]?.payload
  if (!active || !d) return null
  return (
    <div className="chart-tooltip">
      <strong>{formatDistance(d.point.distanceKm, unit)}</strong>
      <div>Pain during {d.point.pain}/10</div>
      <div>{d.point.count === 1 ? `Run on ${longDate(d.point.latestDate)}` : `${d.point.count} runs (average), latest ${longDate(d.point.latestDate)}`}</div>
    </div>
  )
}

/** Pain during each run against its distance, with the estimated pain-onset distance as a reference line. */
export function PainDistanceChart({ points, onset, unit, width, height, title, asOf }: PainDistanceChartProps) {
  const u = unitLabel(unit)
  const data: Datum[] = points.map((p) => ({ distance: Math.round(toDisplayDistance(p.distanceKm, unit) * 100) / 100, pain: p.pain, count: p.count, point: p }))
  const onsetX = onset ? Math.round(toDisplayDistance(onset.km, unit) * 10) / 10 : null
  const binned = points.some((p) => p.count > 1)
  if (data.length === 0) {
    return (
      <div className="chart-empty" style={{ width, height: Math.min(height, 120) }}>
        No runs with a pain-during score yet: log pain during runs to see how it moves with distance.
      </div>
    )
  }
  return (
    <ScatterChart
      width={width}
      height={height}
      margin={{ top: 12, right: 20, bottom: 8, left: 8 }}
      title={title ?? 'Pain during the run against run distance'}
      desc={`Each point is a run (or a group of similar runs): distance in ${u} across, pain during the run from 0 to 10 up.${onset ? ` ${onsetSentence(onset, unit)}` : ''}`}
    >
      <PainZones />
      <ChartGrid />
      <XAxis
        type="number"
        dataKey="distance"
        name="Distance"
        domain={[0, (max: number) => niceCeiling(max * 1.08)]}
        allowDecimals={false}
        tick={{ fontSize: 12 }}
        height={40}
        label={{ value: `Run distance (${u})`, position: 'insideBottom', offset: 0, fontSize: 12 }}
      />
      <YAxis
        type="number"
        dataKey="pain"
        name="Pain during"
        domain={[0, 10]}
        ticks={[0, 2, 5, 10]}
        tick={{ fontSize: 12 }}
        width={48}
        label={{ value: 'Pain during (0–10)', angle: -90, position: 'insideLeft', offset: 6, fontSize: 12, style: { textAnchor: 'middle' } }}
      />
      <ZAxis type="number" dataKey="count" range={binned ? [30, 260] : [50, 50]} name="Runs" />
      <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: Datum }[]} unit={unit} />} />
      <TopLegend height={28} />
      {AGE_SHADES.map((shade, i) => {
        const younger = i === 0 ? -1 : AGE_SHADES[i - 1]!.maxDays
        const group = data.filter((d) => {
          const age = daysBetween(d.point.latestDate, asOf)
          return age > younger && age <= shade.maxDays
        })
        return group.length ? (
          <Scatter key={shade.label} data={group} name={`${shade.label}${binned ? ' (larger = more runs)' : ''}`} fill={shade.fill} fillOpacity={0.85} shape="circle" isAnimationActive={false} />
        ) : null
      })}
      {onsetX !== null && (
        <ReferenceLine
          x={onsetX}
          stroke={CHART_COLOURS.onset}
          strokeWidth={2}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{ value: `Pain starts ≈ ${onsetX} ${u}`, position: 'insideTopRight', fontSize: 12, fill: '#000' }}
        />
      )}
    </ScatterChart>
  )
}
