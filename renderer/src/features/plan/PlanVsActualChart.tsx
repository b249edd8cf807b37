import { Bar, ComposedChart, Tooltip, XAxis } from 'recharts'
import type { PlanVsActualWeek } from '../../../../shared/plan/plan-vs-actual'
import { formatDistance, toDisplayDistance, unitLabel, type DistanceUnit } from '../../../../shared/units'
import { TableHead } from '../../components/Table'
import { ChartGrid, DistanceAndPainAxes, HighestPainLine, TopLegend } from '../log/charts/chart-parts'
import { OKABE_ITO } from '../log/charts/palette'
import { dateRange, PHASE_LABEL } from './format'

// Okabe–Ito colours, and every series also differs by form: planned = pale bar with a solid outline,
// logged = solid bar, pain = dashed line with round markers on its own 0–10 axis (HighestPainLine,
// vermillion as in the weekly chart).
export const PLAN_CHART_COLOURS = {
  planned: OKABE_ITO.orange,
  logged: OKABE_ITO.blue,
} as const

interface Datum {
  label: string
  week: PlanVsActualWeek
  planned: number
  logged: number | null
  pain: number | null
}

function TooltipBody({ active, payload, unit }: { active?: boolean; payload?: readonly { payload?: Datum }[]; unit: DistanceUnit }) {
  const d = payload?.[0]?.payload
  if (!active || !d) return null
  const w = d.week
  return (
    <div className="chart-tooltip">
      <strong>
        Week {w.index} ({dateRange(w.startDate, w.endDate)})
      </strong>
      <div>
        {PHASE_LABEL[w.phase]}
        {w.lighterWeek ? ', lighter week' : ''}
      </div>
      <div>Planned {formatDistance(w.plannedKm, unit)}</div>
      <div>Logged {w.loggedKm === null ? 'not yet' : `${formatDistance(w.loggedKm, unit)} in ${w.loggedRuns} ${w.loggedRuns === 1 ? 'run' : 'runs'}`}</div>
      <div>Highest pain {w.maxPain === null ? '–' : `${w.maxPain}/10`}</div>
    </div>
  )
}

/** One sentence for everyone: how much of the plan so far was run, and the pain. */
export function planVsActualSummary(points: readonly PlanVsActualWeek[], unit: DistanceUnit): string {
  const started = points.filter((p) => p.when !== 'future')
  if (started.length === 0) return `The plan has ${points.length} weeks and has not started yet; logged runs will appear here week by week.`
  const planned = started.reduce((a, p) => a + p.plannedKm, 0)
  const logged = started.reduce((a, p) => a + (p.loggedKm ?? 0), 0)
  const pains = started.map((p) => p.maxPain).filter((p): p is number => p !== null)
  const highest = pains.length ? Math.max(...pains) : null
  return (
    `${started.length === 1 ? 'Week 1' : `Weeks 1–${started.length}`} of ${points.length}: ${formatDistance(logged, unit)} logged against ${formatDistance(planned, unit)} planned. ` +
    (highest === null ? 'No pain scores logged in those weeks.' : `Highest pain ${highest}/10.`)
  )
}

export interface PlanVsActualChartProps {
  points: readonly PlanVsActualWeek[]
  unit: DistanceUnit
  width: number
  height: number
  title?: string
  /** The print view has no pointer: leave the tooltip out. */
  interactive?: boolean
}

/** Planned weekly distance against logged distance per plan week, with the week's highest pain. Fixed size, no animation. */
export function PlanVsActualChart({ points, unit, width, height, title, interactive = true }: PlanVsActualChartProps) {
  const u = unitLabel(unit)
  const data: Datum[] = points.map((w) => ({
    label: `W${w.index}`,
    week: w,
    planned: Math.round(toDisplayDistance(w.plannedKm, unit) * 10) / 10,
    logged: w.loggedKm === null ? null : Math.round(toDisplayDistance(w.loggedKm, unit) * 10) / 10,
    pain: w.maxPain,
  }))
  return (
    <ComposedChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 8, right: 12, bottom: 8, left: 8 }}
      barGap={1}
      title={title ?? 'Planned and logged distance per plan week, with pain'}
      desc={`Pale outlined bars: planned distance per plan week in ${u}. Solid bars: distance logged. Dashed line: highest pain that week, 0 to 10.`}
    >
      <ChartGrid vertical={false} />
      <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={4} tick={{ fontSize: 11 }} height={38} label={{ value: 'Plan week', position: 'insideBottom', offset: 0, fontSize: 12 }} />
      <DistanceAndPainAxes unitLabel={u} tickFontSize={11} />
      {interactive && <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: Datum }[]} unit={unit} />} />}
      <TopLegend height={26} />
      <Bar yAxisId="km" dataKey="planned" name={`Planned (${u})`} fill={PLAN_CHART_COLOURS.planned} fillOpacity={0.3} stroke={PLAN_CHART_COLOURS.planned} strokeWidth={1.5} isAnimationActive={false} />
      <Bar yAxisId="km" dataKey="logged" name={`Logged (${u})`} fill={PLAN_CHART_COLOURS.logged} isAnimationActive={false} />
      <HighestPainLine dataKey="pain" dotRadius={3} connectNulls={false} />
    </ComposedChart>
  )
}

/** The same numbers as a table, for screen readers (and as the text alternative in print). */
export function PlanVsActualTable({ points, unit, className }: { points: readonly PlanVsActualWeek[]; unit: DistanceUnit; className?: string }) {
  return (
    <table className={className}>
      <caption>Planned and logged distance per plan week</caption>
      <TableHead columns={['Plan week', 'Planned', 'Logged', 'Highest pain']} />
      <tbody>
        {points.map((w) => (
          <tr key={w.index}>
            <th scope="row">
              Week {w.index} ({dateRange(w.startDate, w.endDate)})
            </th>
            <td>{formatDistance(w.plannedKm, unit)}</td>
            <td>{w.loggedKm === null ? 'not yet' : formatDistance(w.loggedKm, unit)}</td>
            <td>{w.maxPain === null ? '–' : `${w.maxPain}/10`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
