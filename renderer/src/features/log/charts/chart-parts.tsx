import { CartesianGrid, Legend, Line, ReferenceArea, YAxis } from 'recharts'
import { CHART_COLOURS, PAIN_ZONES } from './palette'

// Axis, grid, legend and pain-line pieces shared by the charts that draw distance with pain on a second
// 0–10 axis (weekly load, plan against actual) and the pain-against-distance scatter.

const GRID_STROKE = '#c8ced6'
const LABEL_FONT_SIZE = 12

/** Dashed grid lines behind the plot; `vertical={false}` keeps only the horizontal ones. */
export function ChartGrid({ vertical = true }: { vertical?: boolean }) {
  return <CartesianGrid strokeDasharray="3 3" stroke={GRID_STROKE} {...(vertical ? {} : { vertical: false })} />
}

/** The series legend, above the plot. */
export function TopLegend({ height }: { height: number }) {
  return <Legend verticalAlign="top" height={height} wrapperStyle={{ fontSize: LABEL_FONT_SIZE }} />
}

/**
 * The pain-monitoring zones (safe, acceptable, high risk) shaded behind the plot, on the pain axis
 * `yAxisId` when the chart has more than one y axis.
 */
export function PainZones({ yAxisId }: { yAxisId?: string }) {
  return PAIN_ZONES.map((z) => (
    <ReferenceArea key={z.label} {...(yAxisId === undefined ? {} : { yAxisId })} y1={z.from} y2={z.to} fill={z.fill} fillOpacity={z.opacity} stroke="none" ifOverflow="hidden" />
  ))
}

/**
 * Distance in the display unit on the left axis ("km"), pain 0–10 on the right one ("pain") with ticks
 * at the zone boundaries; series pick their axis with yAxisId="km" or yAxisId="pain".
 */
export function DistanceAndPainAxes({ unitLabel, tickFontSize }: { unitLabel: string; tickFontSize: number }) {
  return (
    <>
      <YAxis
        yAxisId="km"
        allowDecimals={false}
        tick={{ fontSize: tickFontSize }}
        width={56}
        label={{ value: `Distance (${unitLabel})`, angle: -90, position: 'insideLeft', offset: 6, fontSize: LABEL_FONT_SIZE, style: { textAnchor: 'middle' } }}
      />
      <YAxis
        yAxisId="pain"
        orientation="right"
        domain={[0, 10]}
        ticks={[0, 2, 5, 10]}
        allowDataOverflow
        tick={{ fontSize: tickFontSize }}
        width={48}
        label={{ value: 'Pain (0–10)', angle: 90, position: 'insideRight', offset: 6, fontSize: LABEL_FONT_SIZE, style: { textAnchor: 'middle' } }}
      />
    </>
  )
}

/**
 * The highest pain of each period: a dashed line with hollow markers on the "pain" axis. `dotRadius`
 * null draws no markers (too many points to tell apart).
 */
export function HighestPainLine({ dataKey, dotRadius, connectNulls }: { dataKey: string; dotRadius: number | null; connectNulls: boolean }) {
  return (
    <Line
      yAxisId="pain"
      dataKey={dataKey}
      name="Highest pain"
      type="linear"
      stroke={CHART_COLOURS.maxPain}
      strokeWidth={2}
      strokeDasharray="6 3"
      dot={dotRadius === null ? false : { r: dotRadius, fill: '#fff', stroke: CHART_COLOURS.maxPain }}
      connectNulls={connectNulls}
      isAnimationActive={false}
    />
  )
}
