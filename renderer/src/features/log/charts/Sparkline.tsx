import type { SparkPoint } from '../../../../../shared/load/chart-data'
import { formatDistance, type DistanceUnit } from '../../../../../shared/units'
import { CHART_COLOURS } from './palette'

/**
 * A tiny weekly distance/pain chart for the triage board: bars for distance (scaled to the athlete's
 * own highest week), a dashed line for the week's highest pain on a fixed 0–10 scale. Plain SVG: the
 * board draws one per athlete, and a full chart library per row would be wasted work.
 */
export function Sparkline({ points, unit, width = 132, height = 34 }: { points: readonly SparkPoint[]; unit: DistanceUnit; width?: number; height?: number }) {
  const n = points.length
  if (n === 0) return null
  const maxKm = Math.max(0, ...points.map((p) => p.km))
  const slot = width / n
  const barW = Math.max(1, slot - 2)
  const plotH = height - 2
  const painY = (p: number) => 1 + plotH - (p / 10) * plotH
  const pain = points
    .map((p, i) => (p.maxPain === null ? null : `${(i * slot + slot / 2).toFixed(1)},${painY(p.maxPain).toFixed(1)}`))
    .filter((s): s is string => s !== null)
  const totalKm = points.reduce((a, p) => a + p.km, 0)
  const painValues = points.map((p) => p.maxPain).filter((v): v is number => v !== null)
  const last = points[n - 1]
  const label =
    `Last ${n} weeks: ${formatDistance(totalKm, unit)} in total` +
    (last ? `, ${formatDistance(last.km, unit)} this week` : '') +
    (painValues.length ? `; highest pain ${Math.max(...painValues)}/10${last?.maxPain != null ? `, ${last.maxPain}/10 this week` : ''}` : '; no pain scores')
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={0} x2={width} y1={painY(5)} y2={painY(5)} stroke="#d0d5dc" strokeDasharray="2 2" />
      {points.map((p, i) => {
        const h = maxKm > 0 ? (p.km / maxKm) * plotH : 0
        return h > 0 ? <rect key={p.weekStart} x={i * slot + 1} y={1 + plotH - h} width={barW} height={h} fill={CHART_COLOURS.distance} /> : null
      })}
      {pain.length > 1 && <polyline points={pain.join(' ')} fill="none" stroke={CHART_COLOURS.maxPain} strokeWidth={2} strokeLinejoin="round" />}
      {pain.length === 1 && <circle cx={Number(pain[0]!.split(',')[0])} cy={Number(pain[0]!.split(',')[1])} r={2} fill={CHART_COLOURS.maxPain} />}
    </svg>
  )
}
