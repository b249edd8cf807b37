import { describe, expect, it } from 'vitest'
import {
  ASSESSMENT_FORM,
  FORM_FIELDS,
  formField,
  getFieldValue,
  normFor,
  pathKey,
  setFieldValue,
} from '../../../shared/assessment/form'
import { AssessmentInput, contractFieldPaths, parseAssessment } from '../../../shared/assessment/schema'
import { CLEAN } from './fixtures'

function valueAt(field: (typeof FORM_FIELDS)[number], v: number): unknown {
  return field.kind.startsWith('per-side') ? { left: v } : v
}

describe('assessment form metadata', () => {
  it('has every contract field exactly once', () => {
    const formPaths = FORM_FIELDS.map((f) => pathKey(f.path))
    const contract = contractFieldPaths().map(pathKey)
    expect(new Set(formPaths).size).toBe(formPaths.length)
    expect([...formPaths].sort()).toEqual([...contract].sort())
  })

  it('runs the sections in coaching order', () => {
    expect(ASSESSMENT_FORM.map((s) => s.id)).toEqual([
      'athlete',
      'symptoms',
      'red-flags',
      'history',
      'screening',
      'lifestyle',
      'training',
    ])
  })

  it('every field has a label and help; enum fields have options that the schema accepts', () => {
    for (const field of FORM_FIELDS) {
      const where = pathKey(field.path)
      expect(field.label, where).not.toBe('')
      expect(field.help.length, where).toBeGreaterThan(5)
      if (field.kind === 'enum' || field.kind === 'multi' || field.kind === 'per-side-enum') {
        expect(field.options?.length, where).toBeGreaterThan(1)
        for (const option of field.options ?? []) {
          const value = field.kind === 'multi' ? [option.value] : field.kind === 'per-side-enum' ? { right: option.value } : option.value
          const input = setFieldValue({}, field.path, value)
          expect(parseAssessment(input).ok, `${where}=${option.value}`).toBe(true)
        }
        const bogus = setFieldValue({}, field.path, field.kind === 'multi' ? ['bogus'] : field.kind === 'per-side-enum' ? { left: 'bogus' } : 'bogus')
        expect(parseAssessment(bogus).ok, where).toBe(false)
      }
    }
  })

  it('numeric min/max match the schema limits', () => {
    for (const field of FORM_FIELDS) {
      if (!['number', 'per-side-number', 'nullable-number'].includes(field.kind)) continue
      const where = pathKey(field.path)
      expect(field.min, where).toBeDefined()
      expect(field.max, where).toBeDefined()
      const min = field.min ?? 0
      const max = field.max ?? 0
      expect(parseAssessment(setFieldValue({}, field.path, valueAt(field, min))).ok, `${where} min`).toBe(true)
      expect(parseAssessment(setFieldValue({}, field.path, valueAt(field, max))).ok, `${where} max`).toBe(true)
      expect(parseAssessment(setFieldValue({}, field.path, valueAt(field, min - 1))).ok, `${where} below min`).toBe(false)
      expect(parseAssessment(setFieldValue({}, field.path, valueAt(field, max + 1))).ok, `${where} above max`).toBe(false)
    }
  })

  it('kinds match the schema: booleans, nullables and per-side values', () => {
    for (const field of FORM_FIELDS) {
      const where = pathKey(field.path)
      const ok = (v: unknown) => parseAssessment(setFieldValue({}, field.path, v)).ok
      if (field.kind === 'boolean') expect(ok(true) && ok(false) && !ok(1), where).toBe(true)
      if (field.kind === 'nullable-number') expect(ok(null), where).toBe(true)
      if (field.kind === 'number') expect(ok(null), where).toBe(false)
      if (field.kind.startsWith('per-side')) expect(ok({}), where).toBe(true)
    }
  })

  it('every screening test shows a norm; the norm follows the athlete', () => {
    const screening = ASSESSMENT_FORM.find((s) => s.id === 'screening')
    for (const field of screening?.fields ?? []) expect(field.normKey, pathKey(field.path)).toBeDefined()
    const heel = formField(['screening', 'singleLegHeelRaiseReps'])
    expect(heel && normFor(heel, { sex: 'female', ageYears: 35 })).toMatch(/27 reps/)
    expect(heel && normFor(heel, { sex: 'male', ageYears: 25 })).toMatch(/37 reps/)
    const age = formField(['athlete', 'ageYears'])
    expect(age && normFor(age)).toBeUndefined()
  })

  it('red-flag fields are marked and include the discriminating questions', () => {
    const flagged = FORM_FIELDS.filter((f) => f.redFlag).map((f) => f.path[1])
    for (const key of ['numbnessOrTingling', 'footWeakness', 'coldOrPaleFoot', 'chestPainOrBreathlessness', 'swelling']) {
      expect(flagged).toContain(key)
    }
  })

  it('get/setFieldValue round-trip and drop empty sections', () => {
    const path = ['symptoms', 'swelling'] as const
    const a = setFieldValue({}, path, true)
    expect(a).toEqual({ symptoms: { swelling: true } })
    expect(getFieldValue(a, path)).toBe(true)
    expect(setFieldValue(a, path, undefined)).toEqual({})
    expect(getFieldValue(CLEAN, ['screening', 'kneeToWallCm'])).toEqual({ left: 12, right: 12 })
    expect(AssessmentInput.safeParse(setFieldValue(CLEAN, ['athlete', 'ageYears'], 50)).success).toBe(true)
  })
})
