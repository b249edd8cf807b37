// Words and dates for the plan screens and the print view.
import { dateRangeText, dateTimeText, dayMonth, weekdayName } from '../../dates'
import type { PlanPhase, PlanRunKind } from '../../../../shared/plan/schema'
import type { Urgency } from '../../../../shared/assessment/schema'

/** "Tue" for an ISO date, in the computer's language. */
export function weekday(iso: string): string {
  return weekdayName(iso)
}

/** "3 Mar" or, with the year, "3 Mar 2026" (in the computer's own order: "Mar 3" in the US). */
export function shortDate(iso: string, withYear = false): string {
  return dayMonth(iso, withYear)
}

export function dateRange(from: string, to: string): string {
  return dateRangeText(from, to)
}

export const PHASE_LABEL: Record<PlanPhase, string> = { settle: 'Settle', rebuild: 'Rebuild', return: 'Return' }

export const KIND_LABEL: Record<PlanRunKind, string> = { easy: 'Easy run', long: 'Long run', 'walk-run': 'Walk–run' }

export const URGENCY_TEXT: Record<Urgency, string> = {
  emergency: 'Emergency: call emergency services now',
  'same-day': 'See a doctor today, before any more running',
  'before-progressing': 'See a clinician before increasing running',
}

/** A timestamp shown as a local date and time. */
export function stampText(iso: string): string {
  return dateTimeText(iso)
}

/** The different instructions of a week's sessions, each once, in the order the sessions first give them. */
export function distinctDetails(runs: readonly { detail?: string | undefined }[]): string[] {
  return [...new Set(runs.flatMap((r) => (r.detail ? [r.detail] : [])))]
}
