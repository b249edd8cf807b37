import type { AssessmentRecord } from '../domain/documents'
import type { Athlete } from '../domain/squad'
import type { DemoStory } from './demo-squad'

/** Assessments for the demo stories (filled in by the assessment feature). */
export function demoAssessments(_athlete: Athlete, _story: DemoStory, _age: number, _today: string, _stamp: string): AssessmentRecord[] {
  return []
}
