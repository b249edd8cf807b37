// The facts behind an athlete's Overview tab (issue 13, point 1), picked from the record in one place so the
// tab only lays them out: this plan week's planned against logged distance, the sessions still to come, the
// last eight weeks of distance and pain, and the latest notes. Pure: no metric of its own, it reuses
// weeklySeries (the runs tab's chart) and planVsActual (the plan tab's chart).

import type { Run } from '../domain/run'
import type { WeekStartDay } from '../dates'
import { weeklySeries, type SeriesPoint } from '../load/chart-data'
import { planVsActual, type PlanVsActualWeek } from '../plan/plan-vs-actual'
import type { PlannedRun, PlanOutput } from '../plan/schema'

/** Weeks of distance and pain the overview shows. */
export const OVERVIEW_WEEKS = 8
/** Upcoming planned sessions and recent notes the overview lists. */
export const OVERVIEW_LIST_LENGTH = 5

export interface OverviewPlan {
  label: string
  output: Pick<PlanOutput, 'status' | 'weeks'>
}

export interface OverviewNoteSource {
  id: string
  date: string
  note?: string | null | undefined
}

export interface OverviewNote {
  id: string
  date: string
  kind: 'run' | 'assessment'
  text: string
}

export interface AthleteOverviewFacts {
  /** Weeks starting on the coach's first day of the week, oldest first, the current week last (the same points as the runs tab's chart). */
  weeks: SeriesPoint[]
  /** The active plan's week containing today; null without an active plan or outside its dates. */
  thisPlanWeek: (PlanVsActualWeek & { plannedRuns: number }) | null
  /** The active plan's next sessions, from today on, soonest first. */
  upcoming: PlannedRun[]
  /** Run and assessment notes, newest first. */
  notes: OverviewNote[]
}

export function athleteOverviewFacts(input: {
  runs: readonly Run[]
  assessments: readonly OverviewNoteSource[]
  activePlan: OverviewPlan | null
  today: string
  /** The coach's first day of the week (a setting); Monday when not given. */
  startsOn?: WeekStartDay
}): AthleteOverviewFacts {
  const { runs, assessments, activePlan, today } = input
  const weeks = weeklySeries(runs, '12w', today, { startsOn: input.startsOn ?? 'monday' }).points.slice(-OVERVIEW_WEEKS)
  const planWeeks = activePlan?.output.status === 'ok' ? activePlan.output.weeks : []
  const current = planVsActual(planWeeks, runs, today).find((w) => w.when === 'current') ?? null
  const currentWeek = current ? planWeeks.find((w) => w.index === current.index) : undefined
  const upcoming = planWeeks
    .flatMap((w) => w.runs)
    .filter((r) => r.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, OVERVIEW_LIST_LENGTH)
  const notes: OverviewNote[] = [
    ...runs.map((r) => ({ id: r.id, date: r.date, kind: 'run' as const, text: (r.notes ?? '').trim() })),
    ...assessments.map((a) => ({ id: a.id, date: a.date, kind: 'assessment' as const, text: (a.note ?? '').trim() })),
  ]
    .filter((n) => n.text !== '' && n.date <= today)
    .sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind))
    .slice(0, OVERVIEW_LIST_LENGTH)
  return {
    weeks,
    thisPlanWeek: current && currentWeek ? { ...current, plannedRuns: currentWeek.runs.length } : null,
    upcoming,
    notes,
  }
}
