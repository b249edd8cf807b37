import { diagnose } from '../assessment/diagnose'
import { addDays } from '../dates'
import type { AssessmentRecord, PlanRecord } from '../domain/documents'
import type { Run } from '../domain/run'
import type { Athlete } from '../domain/squad'
import { loggedRunsForPlan, suggestPlanRequest } from '../plan/defaults'
import { generatePlan, regeneratePlan } from '../plan/generate'
import { checkPlanSafety } from '../plan/safety'
import { PlanRequest } from '../plan/schema'
import type { DemoStory } from './demo-squad'

/** Stories whose runner has a plan in progress, and how many weeks ago it started. */
const PLAN_STARTED_WEEKS_AGO: Partial<Record<DemoStory, number>> = {
  improving: 6,
  'amber-referral': 3,
  'flare-after-spike': 3,
  building: 8,
}

/** A demo target a little above what the log suggests, so the plan shows a rebuild. */
const DEMO_TARGET_FACTOR = 1.6

function latestOf(assessments: readonly AssessmentRecord[]): AssessmentRecord | null {
  let latest: AssessmentRecord | null = null
  for (const a of assessments) {
    if (!latest || a.date > latest.date || (a.date === latest.date && a.updatedAt > latest.updatedAt)) latest = a
  }
  return latest
}

function kmLabel(km: number): string {
  return Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)
}

/**
 * Plans in progress for demo athletes with a green or amber picture: the plan the coach made when it started
 * (some weeks ago, from the log up to then) and, as the active version, the same plan regenerated today with
 * the runs logged since, which keeps the weeks already begun. Red triage (or a story without a plan) gives
 * none. Pure and deterministic for a given athlete, log, assessments and date.
 */
export function demoPlans(athlete: Athlete, story: DemoStory, runs: Run[], assessments: AssessmentRecord[], today: string, stamp: string): PlanRecord[] {
  const weeksAgo = PLAN_STARTED_WEEKS_AGO[story]
  if (weeksAgo === undefined) return []
  const latest = latestOf(assessments)
  const diagnosis = latest ? diagnose(latest.input) : undefined
  if (diagnosis?.triage === 'red') return []

  const startDate = addDays(today, -7 * weeksAgo)
  const dayBefore = addDays(startDate, -1)
  const suggestion = suggestPlanRequest(runs, dayBefore, { diagnosis, startDate })
  const target = Math.max(suggestion.request.targetWeeklyKm, Math.floor(suggestion.request.currentWeeklyKm * DEMO_TARGET_FACTOR * 2) / 2)
  const first = PlanRequest.safeParse({
    ...suggestion.request,
    targetWeeklyKm: Math.min(300, target),
    today: startDate,
    runs: loggedRunsForPlan(runs, startDate, dayBefore),
  })
  if (!first.success) return []
  const firstOutput = generatePlan(first.data)
  const second = PlanRequest.safeParse({ ...first.data, today, runs: loggedRunsForPlan(runs, startDate, today) })
  if (!second.success) return []
  const secondOutput = regeneratePlan(firstOutput, second.data)
  if (checkPlanSafety(firstOutput, first.data).length > 0 || checkPlanSafety(secondOutput, second.data).length > 0) return []

  const key = athlete.id.replace(/^ath-/, '')
  const label = `${kmLabel(first.data.targetWeeklyKm)} km a week from ${startDate}`
  return [
    {
      id: `plan-${key}-1`,
      createdAt: `${startDate}T08:00:00.000Z`,
      label,
      request: first.data,
      output: firstOutput,
      active: false,
      editedAt: null,
    },
    {
      id: `plan-${key}-2`,
      createdAt: stamp,
      label: `${label} (regenerated ${today})`,
      request: second.data,
      output: secondOutput,
      active: true,
      editedAt: null,
    },
  ]
}
