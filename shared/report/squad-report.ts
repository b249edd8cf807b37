// The squad report (issue 13 point 8): the triage board on paper. Every figure here is read from the board's
// own entries (SquadTriageEntry: the clinical state, this week's distance and the 12-week sparkline), so the
// report can never disagree with the board or the athlete's header; nothing is worked out again from runs.

import type { SquadTriageEntry } from '../api/channels/runs'

export interface SquadReportRow {
  athleteId: string
  name: string
  colour: SquadTriageEntry['level']
  headline: string
  reasons: { text: string; level: SquadTriageEntry['reasons'][number]['level'] }[]
  seeClinicianToday: boolean
  /** Monday to today, in km (the board's figure). */
  weekKm: number
  /** The four whole weeks before this one, in km. */
  last4WeeksKm: number
  /** The worst pain score logged this week or in the four weeks before; null when none was logged. */
  highestPain: number | null
}

export interface SquadReportCounts {
  red: number
  amber: number
  green: number
  seeClinicianToday: number
}

/** Weeks before this one that the report adds up ("last 4 weeks"). */
export const REPORT_PAST_WEEKS = 4

/**
 * The report's rows for the athletes in `groupId` (every active athlete when null), in the board's order:
 * who needs attention first. The sparkline's last point is this week, the four before it the last 4 weeks.
 */
export function squadReportRows(entries: readonly SquadTriageEntry[], groupId: string | null): SquadReportRow[] {
  return entries
    .filter((e) => groupId === null || e.groupIds.includes(groupId))
    .map((e) => {
      const window = e.sparkline.slice(-(REPORT_PAST_WEEKS + 1))
      const past = window.slice(0, -1)
      const pains = window.map((w) => w.maxPain).filter((p): p is number => p !== null)
      return {
        athleteId: e.athleteId,
        name: e.name,
        colour: e.level,
        headline: e.headline,
        reasons: e.reasons.map((r) => ({ text: r.text, level: r.level })),
        seeClinicianToday: e.seeClinicianToday,
        weekKm: e.weekKm,
        last4WeeksKm: Math.round(past.reduce((sum, w) => sum + w.km, 0) * 10) / 10,
        highestPain: pains.length ? Math.max(...pains) : null,
      }
    })
}

export function squadReportCounts(rows: readonly SquadReportRow[]): SquadReportCounts {
  const counts: SquadReportCounts = { red: 0, amber: 0, green: 0, seeClinicianToday: 0 }
  for (const r of rows) {
    counts[r.colour]++
    if (r.seeClinicianToday) counts.seeClinicianToday++
  }
  return counts
}
