import type { AssessmentRecord, PlanRecord } from '../domain/documents'
import type { Run } from '../domain/run'
import type { Athlete } from '../domain/squad'
import type { DemoStory } from './demo-squad'

// Filled in once the rules core and plan generator exist: assessments for the clinical stories, plans in progress.
export function demoAssessments(_athlete: Athlete, _story: DemoStory, _age: number, _today: string, _stamp: string): AssessmentRecord[] {
  return []
}

export function demoPlans(_athlete: Athlete, _story: DemoStory, _runs: Run[], _today: string, _stamp: string): PlanRecord[] {
  return []
}
