import { describe, expect, it } from 'vitest'
import { compareAssessments, realChanges } from '../../../shared/assessment/compare'
import type { AssessmentInput } from '../../../shared/assessment/schema'
import { CLEAN, withPatch } from './fixtures'

function find(changes: ReturnType<typeof compareAssessments>, field: string, side?: string) {
  return changes.find((c) => c.field === field && c.side === side)
}

describe('compareAssessments', () => {
  it('knee-to-wall: 1.0 cm per leg is real, 0.9 cm is not', () => {
    const before: AssessmentInput = { screening: { kneeToWallCm: { left: 8, right: 9 } } }
    const after: AssessmentInput = { screening: { kneeToWallCm: { left: 9, right: 9.9 } } }
    const changes = compareAssessments(before, after)
    expect(find(changes, 'screening.kneeToWallCm', 'left')).toMatchObject({
      before: 8,
      after: 9,
      change: 1,
      real: true,
      direction: 'better',
    })
    expect(find(changes, 'screening.kneeToWallCm', 'right')).toMatchObject({
      change: 0.9,
      real: false,
      direction: 'better',
    })
    expect(find(changes, 'screening.kneeToWallCm', 'right')?.text).toMatch(/within measurement error/)
    expect(find(changes, 'screening.kneeToWallCm', 'left')?.text).toMatch(/Knee-to-wall, left: 8 cm → 9 cm \(\+1 cm\): real improvement/)
  })

  it('heel raises: ±6 reps is the real-change threshold, both ways', () => {
    const changes = compareAssessments(
      { screening: { singleLegHeelRaiseReps: { left: 20, right: 30 } } },
      { screening: { singleLegHeelRaiseReps: { left: 25, right: 24 } } },
    )
    expect(find(changes, 'screening.singleLegHeelRaiseReps', 'left')).toMatchObject({ change: 5, real: false, direction: 'better' })
    expect(find(changes, 'screening.singleLegHeelRaiseReps', 'right')).toMatchObject({ change: -6, real: true, direction: 'worse' })
  })

  it('judges FPI-6 by distance from the normal band, not by sign', () => {
    const changes = compareAssessments(
      { screening: { footPostureIndex: { left: 9, right: 5 } } },
      { screening: { footPostureIndex: { left: 6, right: 3 } } },
    )
    expect(find(changes, 'screening.footPostureIndex', 'left')).toMatchObject({ change: -3, real: true, direction: 'better' })
    expect(find(changes, 'screening.footPostureIndex', 'right')).toMatchObject({ change: -2, real: true, direction: 'same' })
  })

  it('lower is better for next-morning pain and settling time; "does not settle" is the worst', () => {
    const changes = compareAssessments(
      { symptoms: { nextMorningPain: 5, settlesAfterStoppingMinutes: null } },
      { symptoms: { nextMorningPain: 2, settlesAfterStoppingMinutes: 10 } },
    )
    expect(find(changes, 'symptoms.nextMorningPain')).toMatchObject({ change: -3, real: true, direction: 'better' })
    expect(find(changes, 'symptoms.settlesAfterStoppingMinutes')).toMatchObject({
      before: null,
      after: 10,
      change: null,
      real: true,
      direction: 'better',
    })
    const worse = compareAssessments({ symptoms: { settlesAfterStoppingMinutes: 5 } }, { symptoms: { settlesAfterStoppingMinutes: null } })
    expect(worse[0]).toMatchObject({ direction: 'worse', real: true })
  })

  it('categorical tests count when the category changes', () => {
    const changes = compareAssessments(
      { screening: { singleLegSquat: { left: 'poor', right: 'good' }, thomasTest: { left: 'positive' } } },
      { screening: { singleLegSquat: { left: 'fair', right: 'good' }, thomasTest: { left: 'negative' } } },
    )
    expect(find(changes, 'screening.singleLegSquat', 'left')).toMatchObject({ real: true, direction: 'better', change: null })
    expect(find(changes, 'screening.singleLegSquat', 'right')).toMatchObject({ real: false, direction: 'same' })
    expect(find(changes, 'screening.thomasTest', 'left')).toMatchObject({ real: true, direction: 'better' })
  })

  it('a new red-flag symptom is a real change for the worse', () => {
    const changes = compareAssessments(CLEAN, withPatch(CLEAN, { symptoms: { numbnessOrTingling: true } }))
    expect(find(changes, 'symptoms.numbnessOrTingling')).toMatchObject({ before: false, after: true, real: true, direction: 'worse' })
    expect(find(changes, 'symptoms.numbnessOrTingling')?.text).toMatch(/now yes/)
  })

  it('skips fields recorded in only one of the two assessments', () => {
    const changes = compareAssessments(
      { screening: { kneeToWallCm: { left: 8 } } },
      { screening: { kneeToWallCm: { right: 8 }, singleLegHeelRaiseReps: { left: 20 } } },
    )
    expect(changes).toEqual([])
  })

  it('identical assessments: everything the same, nothing real', () => {
    const changes = compareAssessments(CLEAN, structuredClone(CLEAN))
    expect(changes.length).toBeGreaterThan(20)
    expect(changes.every((c) => !c.real && c.direction === 'same')).toBe(true)
    expect(realChanges(CLEAN, CLEAN)).toEqual([])
  })

  it('realChanges lists only real changes, worse first', () => {
    const before = withPatch(CLEAN, { screening: { kneeToWallCm: { left: 8 } } })
    const after = withPatch(CLEAN, { screening: { kneeToWallCm: { left: 10 }, singleLegHeelRaiseReps: { right: 20 } } })
    const real = realChanges(before, after)
    expect(real.map((c) => [c.field, c.side, c.direction])).toEqual([
      ['screening.singleLegHeelRaiseReps', 'right', 'worse'],
      ['screening.kneeToWallCm', 'left', 'better'],
    ])
  })
})
