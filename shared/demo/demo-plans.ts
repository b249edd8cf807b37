import type { AssessmentRecord, PlanRecord } from '../domain/documents'
import type { Run } from '../domain/run'
import type { Athlete } from '../domain/squad'
import type { DemoStory } from './demo-squad'

/** Plans in progress for demo athletes with a green or amber picture (filled in by the plan feature). */
export function demoPlans(_athlete: Athlete, _story: DemoStory, _runs: Run[], _assessments: AssessmentRecord[], _today: string, _stamp: string): PlanRecord[] {
  return []
}
