// Shared builders for the plan tests (not a test file itself).

import { expect } from 'vitest'
import type { Diagnosis } from '../../../shared/assessment/schema'
import {
  checkPlanSafety,
  PlanOutput as PlanOutputSchema,
  PlanRequest,
  type PlanOutput,
  type PlanRequestInput,
  type PlanWeek,
} from '../../../shared/plan'

export function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    triage: 'green',
    referrals: [],
    pattern: { id: 'exertional-calf-overload', fit: 'typical' },
    factors: [
      { id: 'restricted-ankle-dorsiflexion', likelihood: 'high', evidence: ['knee-to-wall 7 cm on the sore side'] },
      { id: 'hip-abductor-weakness', likelihood: 'moderate', evidence: ['positive Trendelenburg on the right'] },
    ],
    recommendations: [],
    missing: [],
    ...overrides,
  }
}

export const AMBER: Diagnosis = diagnosis({
  triage: 'amber',
  referrals: [
    {
      id: 'suspected-achilles-tendinopathy',
      urgency: 'before-progressing',
      because: ['morning stiffness of the Achilles that eases with walking'],
    },
  ],
})

export const RED: Diagnosis = diagnosis({
  triage: 'red',
  referrals: [{ id: 'suspected-dvt', urgency: 'same-day', because: ['swollen, warm calf after a long flight'] }],
})

/** A typical request: 20 km a week now, back to 30 km, three runs a week, plan starts on a Monday. */
export const TYPICAL: PlanRequestInput = {
  startDate: '2026-01-05',
  currentWeeklyKm: 20,
  longestRunLast30DaysKm: 8,
  targetWeeklyKm: 30,
  runDaysPerWeek: 3,
}

export function request(overrides: Partial<PlanRequestInput> = {}): PlanRequest {
  return PlanRequest.parse({ ...TYPICAL, ...overrides })
}

export function week(plan: PlanOutput, index: number): PlanWeek {
  const w = plan.weeks[index - 1]
  if (!w) throw new Error(`plan has no week ${index} (it has ${plan.weeks.length})`)
  return w
}

export function nonLighter(plan: PlanOutput): PlanWeek[] {
  return plan.weeks.filter((w) => !w.lighterWeek)
}

/** Deep copy, so a test can break a plan without touching the original. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** The plan keeps every safety rule (checked independently) and honours the output schema. */
export function expectSafe(plan: PlanOutput, req: PlanRequest): void {
  expect(checkPlanSafety(plan, req)).toEqual([])
  expect(() => PlanOutputSchema.parse(plan)).not.toThrow()
}
