import { describe, expect, it } from 'vitest'
import {
  AssessmentInput,
  Diagnosis,
  contractFieldPaths,
  describeIssues,
  parseAssessment,
} from '../../../shared/assessment/schema'
import { CLEAN } from './fixtures'

function errorsFor(data: unknown): string[] {
  const r = parseAssessment(data)
  if (r.ok) throw new Error('expected the input to be rejected')
  return r.errors
}

describe('AssessmentInput (contract v1)', () => {
  it('accepts an empty assessment and a fully filled one', () => {
    expect(parseAssessment({}).ok).toBe(true)
    const r = parseAssessment(CLEAN)
    expect(r.ok && r.value).toEqual(CLEAN)
  })

  it('accepts null for "does not settle" and either side missing', () => {
    expect(parseAssessment({ symptoms: { settlesAfterStoppingMinutes: null } }).ok).toBe(true)
    expect(parseAssessment({ screening: { kneeToWallCm: { right: 9 } } }).ok).toBe(true)
    expect(parseAssessment({ screening: { kneeToWallCm: {} } }).ok).toBe(true)
  })

  it('rejects an unknown top-level field, naming it', () => {
    expect(errorsFor({ notes: 'x' })).toEqual(['notes: unknown field "notes" (not part of assessment contract v1)'])
  })

  it('rejects unknown fields at every level, naming the full path', () => {
    expect(errorsFor({ symptoms: { numbness: true } })).toEqual([
      'symptoms.numbness: unknown field "numbness" (not part of assessment contract v1)',
    ])
    expect(errorsFor({ screening: { kneeToWallCm: { middle: 3 } } })).toEqual([
      'screening.kneeToWallCm.middle: unknown field "middle" (not part of assessment contract v1)',
    ])
    expect(errorsFor({ athlete: { name: 'Ann', sex: 'female' } })[0]).toMatch(/^athlete\.name: unknown field/)
  })

  it('rejects out-of-range values with the field path and the limit', () => {
    expect(errorsFor({ symptoms: { nextMorningPain: 11 } })).toEqual(['symptoms.nextMorningPain: must be at most 10'])
    expect(errorsFor({ screening: { footPostureIndex: { left: 13 } } })).toEqual([
      'screening.footPostureIndex.left: must be at most 12',
    ])
    expect(errorsFor({ screening: { kneeToWallCm: { right: -1 } } })).toEqual([
      'screening.kneeToWallCm.right: must be at least 0 cm',
    ])
    expect(errorsFor({ lifestyle: { highHeelsDaysPerWeek: 8 } })).toEqual([
      'lifestyle.highHeelsDaysPerWeek: must be at most 7 days',
    ])
    expect(errorsFor({ athlete: { ageYears: 200 } })).toEqual(['athlete.ageYears: must be at most 110 years'])
  })

  it('rejects wrong types with the field path', () => {
    expect(errorsFor({ symptoms: { swelling: 'yes' } })).toEqual(['symptoms.swelling: must be true or false'])
    expect(errorsFor({ athlete: { ageYears: '35' } })).toEqual(['athlete.ageYears: must be a number (years)'])
    expect(errorsFor({ symptoms: { side: 'middle' } })).toEqual([
      'symptoms.side: must be one of "left", "right", "both"',
    ])
    expect(errorsFor({ symptoms: { character: ['tight', 'stabbing'] } })[0]).toMatch(/^symptoms\.character\[1\]: must be one of/)
    expect(errorsFor({ screening: { singleLegHeelRaiseReps: { left: 12.5 } } })).toEqual([
      'screening.singleLegHeelRaiseReps.left: must be a whole number',
    ])
    expect(errorsFor({ screening: { kneeToWallCm: 9 } })).toEqual(['screening.kneeToWallCm: must be an object'])
    expect(errorsFor({ symptoms: [] })).toEqual(['symptoms: must be an object'])
    expect(errorsFor({ symptoms: { startsAfterMinutes: null } })[0]).toMatch(/^symptoms\.startsAfterMinutes: must be a number/)
  })

  it('rejects non-objects at the top level', () => {
    for (const bad of [null, [], 'x', 3]) {
      expect(errorsFor(bad)).toEqual(['(assessment): the assessment must be a JSON object'])
    }
  })

  it('reports every problem, not just the first', () => {
    expect(errorsFor({ extra: 1, symptoms: { swelling: 1, nextMorningPain: -1 } })).toHaveLength(3)
  })

  it('describeIssues works on raw zod errors too', () => {
    const r = AssessmentInput.safeParse({ training: { weeklyKm: 'lots' } })
    expect(r.success).toBe(false)
    if (!r.success) expect(describeIssues(r.error)).toEqual(['training.weeklyKm: must be a number (km)'])
  })

  it('lists every contract field (56 of them, 4 added by issue 10) from the schema shape', () => {
    const paths = contractFieldPaths().map((p) => p.join('.'))
    expect(paths).toHaveLength(2 + 28 + 10 + 9 + 3 + 4)
    expect(paths).toContain('symptoms.forcedToStop')
    expect(paths).toContain('history.vascularRiskFactors')
    expect(paths).toContain('symptoms.settlesAfterStoppingMinutes')
    expect(paths).toContain('screening.singleLegBridgeReps')
  })
})

describe('Diagnosis schema', () => {
  const ok = {
    triage: 'amber',
    referrals: [{ id: 'suspected-dvt', urgency: 'before-progressing', because: ['x'] }],
    pattern: { id: 'exertional-calf-overload', fit: 'partial' },
    factors: [{ id: 'footwear', likelihood: 'low', evidence: ['y'] }],
    recommendations: [{ id: 'footwear-advice', title: 't', dose: 'd' }],
    missing: [],
  }

  it('accepts a well-formed diagnosis', () => {
    expect(Diagnosis.safeParse(ok).success).toBe(true)
  })

  it('rejects renamed ids, empty reasons and extra fields', () => {
    expect(Diagnosis.safeParse({ ...ok, referrals: [{ id: 'dvt', urgency: 'same-day', because: ['x'] }] }).success).toBe(false)
    expect(Diagnosis.safeParse({ ...ok, factors: [{ id: 'footwear', likelihood: 'low', evidence: [] }] }).success).toBe(false)
    expect(Diagnosis.safeParse({ ...ok, confidence: 'low' }).success).toBe(false)
    expect(Diagnosis.safeParse({ ...ok, triage: 'yellow' }).success).toBe(false)
  })
})
