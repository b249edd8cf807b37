// Builders for the clinical-state tests (not a test file itself).

import type { ReferralId, Urgency } from '../../../shared/assessment/schema'
import {
  CLINICAL_INPUT_VERSION,
  type AssessmentDigest,
  type ClearanceDigest,
  type ClinicalInput,
  type ReadinessTest,
  type RunDigest,
} from '../../../shared/clinical'

export const COMPLETE_SCREEN = { complete: true, unanswered: [] as string[] }

export function assessment(
  id: string,
  date: string,
  referrals: Array<[ReferralId, Urgency]> = [],
  screen = COMPLETE_SCREEN,
): AssessmentDigest {
  return {
    id,
    date,
    referrals: referrals.map(([rid, urgency]) => ({ id: rid, urgency, because: [`${rid} finding`] })),
    redFlagScreen: screen,
  }
}

export function clearance(
  referralId: ReferralId,
  date: string,
  outcome: ClearanceDigest['outcome'] = 'cleared',
  restrictions?: string,
): ClearanceDigest {
  return { referralId, date, outcome, ...(restrictions !== undefined ? { restrictions } : {}) }
}

export function run(date: string, km: number, pain: Partial<Omit<RunDigest, 'date' | 'km'>> = {}): RunDigest {
  return { date, km, ...pain }
}

export function readiness(date: string, overrides: Partial<ReadinessTest> = {}): ReadinessTest {
  return {
    date,
    walk30MinPainFree: true,
    singleLegHops: 12,
    hopPain: 1,
    singleLegHeelRaises: { left: 27, right: 28 },
    ...overrides,
  }
}

export function input(parts: Partial<Omit<ClinicalInput, 'version'>> = {}): ClinicalInput {
  return {
    version: CLINICAL_INPUT_VERSION,
    assessments: parts.assessments ?? [],
    clearances: parts.clearances ?? [],
    readinessTests: parts.readinessTests ?? [],
    runs: parts.runs ?? [],
  }
}
