// Words and dates for the plan screens and the print view.
import { dayNumber } from '../../../../shared/dates'
import type { PlanPhase, PlanRunKind } from '../../../../shared/plan/schema'
import type { Urgency } from '../../../../shared/assessment/schema'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** "Tue" for an ISO date (weeks start on Monday). */
export function weekday(iso: string): string {
  return WEEKDAYS[(((dayNumber(iso) + 3) % 7) + 7) % 7] ?? ''
}

/** "3 Mar" or, with the year, "3 Mar 2026". */
export function shortDate(iso: string, withYear = false): string {
  const d = Number(iso.slice(8, 10))
  const m = MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''
  return withYear ? `${d} ${m} ${iso.slice(0, 4)}` : `${d} ${m}`
}

export function dateRange(from: string, to: string): string {
  return `${shortDate(from)} – ${shortDate(to, from.slice(0, 4) !== to.slice(0, 4))}`
}

export const PHASE_LABEL: Record<PlanPhase, string> = { settle: 'Settle', rebuild: 'Rebuild', return: 'Return' }

export const KIND_LABEL: Record<PlanRunKind, string> = { easy: 'Easy run', long: 'Long run', 'walk-run': 'Walk–run' }

export const URGENCY_TEXT: Record<Urgency, string> = {
  emergency: 'Emergency: call emergency services now',
  'same-day': 'See a doctor today, before any more running',
  'before-progressing': 'See a clinician before increasing running',
}

export const TRIAGE_TEXT = {
  red: 'Red: refer first. No running until a doctor has seen the runner.',
  amber: 'Amber: keep to a comfortable level and see a clinician before increasing running.',
  green: 'Green: no red flags; the plan can progress as the pain allows.',
} as const

/** A timestamp shown as a local date and time. */
export function stampText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  return `${shortDate(date, true)}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}
