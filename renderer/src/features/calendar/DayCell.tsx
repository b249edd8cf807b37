import type { CalendarDay, PainZone } from '../../../../shared/calendar/calendar'
import { PAIN_LIMITS } from '../../../../shared/load/pain-monitoring'
import { formatDistance, type DistanceUnit } from '../../../../shared/units'
import { KIND_LABEL } from '../plan/format'
import './calendar.css'

/** Words for each pain zone: the colour is never the only sign. */
export const ZONE_WORDS: Record<PainZone, string> = {
  none: 'no pain logged',
  safe: `pain ${PAIN_LIMITS.safeMax}/10 or less`,
  within: 'pain within the limits',
  over: 'pain outside the limits',
}

function painText(pain: number | null, zone: PainZone): string {
  if (pain === null) return ZONE_WORDS.none
  return zone === 'over' ? `pain ${pain}/10, outside the limits` : `pain ${pain}/10`
}

/** What one day holds: each logged run (coloured and worded by its pain zone), then each planned session. */
export function DayCellContent({ day, unit }: { day: CalendarDay; unit: DistanceUnit }) {
  if (day.runs.length === 0 && day.planned.length === 0) return null
  return (
    <ul className="cal-items">
      {day.runs.map((r, i) => (
        <li key={`r${i}`} className={`cal-run cal-zone-${r.zone}`} data-testid="cal-run">
          Ran {formatDistance(r.km, unit)} · {painText(r.worstPain, r.zone)}
        </li>
      ))}
      {day.planned.map((p, i) => (
        <li key={`p${i}`} className="cal-planned" data-testid="cal-planned">
          Planned: {KIND_LABEL[p.kind].toLowerCase()} {formatDistance(p.km, unit)}
        </li>
      ))}
    </ul>
  )
}

/** The key under a calendar: what each run colour means, with the model's limits. */
export function ZoneLegend() {
  return (
    <ul className="cal-legend" aria-label="What the colours mean">
      <li className="cal-run cal-zone-safe">{ZONE_WORDS.safe} (the safe zone)</li>
      <li className="cal-run cal-zone-within">
        up to {PAIN_LIMITS.during}/10 during or after, settled to {PAIN_LIMITS.settledMorning}/10 by the next morning
      </li>
      <li className="cal-run cal-zone-over">{ZONE_WORDS.over}</li>
      <li className="cal-run cal-zone-none">{ZONE_WORDS.none}</li>
      <li className="cal-planned">a planned session from the active plan</li>
    </ul>
  )
}
