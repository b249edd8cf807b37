import { describe, expect, it } from 'vitest'
import {
  HEEL_RAISE_TABLE,
  KNEE_TO_WALL,
  NORM_KEYS,
  REAL_CHANGE,
  describeNorm,
  footPostureCategory,
  heelRaiseFloor,
  heelRaiseNorm,
  hipAbductionFloor,
  hipAbductionNorm,
} from '../../../shared/assessment/norms'
import { FORM_FIELDS } from '../../../shared/assessment/form'

describe('heel-raise norms (Hébert-Losier table)', () => {
  it('looks up the age band and sex', () => {
    expect(heelRaiseNorm(35, 'female')).toMatchObject({ mean: 27, clearlyBelow: 21, band: '30–39', sex: 'female' })
    expect(heelRaiseNorm(25, 'male')).toMatchObject({ mean: 37, clearlyBelow: 31, band: '20–29' })
    expect(heelRaiseNorm(39.9, 'male')?.mean).toBe(32)
    expect(heelRaiseNorm(40, 'male')?.mean).toBe(28)
    expect(heelRaiseNorm(75, 'female')?.mean).toBe(16)
    expect(heelRaiseNorm(92, 'male')).toMatchObject({ mean: 10, band: '80+' })
  })

  it('uses the lower of the two sexes when sex is unknown, so knowing it can only make the judgement stricter', () => {
    for (const band of HEEL_RAISE_TABLE) {
      const age = band.fromAge + 1
      const unknown = heelRaiseNorm(age)?.mean ?? NaN
      expect(unknown).toBe(Math.min(band.male, band.female))
      expect(heelRaiseNorm(age, 'male')?.mean).toBeGreaterThanOrEqual(unknown)
      expect(heelRaiseNorm(age, 'female')?.mean).toBeGreaterThanOrEqual(unknown)
    }
  })

  it('has no norm without an age, and flags teenagers as extrapolated', () => {
    expect(heelRaiseNorm(undefined, 'female')).toBeUndefined()
    expect(heelRaiseNorm(16, 'female')).toMatchObject({ mean: 30, extrapolated: true })
    expect(heelRaiseNorm(26, 'female')?.extrapolated).toBe(false)
  })
})

describe('floors used when the age is unknown', () => {
  it('heel raises: the lowest average in the table, never above any age-matched norm', () => {
    expect(heelRaiseFloor()).toMatchObject({ mean: 10, clearlyBelow: 4, band: 'any age' })
    expect(heelRaiseFloor('female').mean).toBe(13)
    for (let age = 10; age <= 110; age += 3) {
      for (const sex of ['female', 'male', undefined] as const) {
        expect(heelRaiseFloor(sex).mean).toBeLessThanOrEqual(heelRaiseNorm(age, sex)?.mean ?? NaN)
      }
    }
  })

  it('hip abduction: the expectation at 65, the oldest age the equation covers (never extrapolated)', () => {
    const at65 = hipAbductionNorm(65, 'female')
    expect(hipAbductionFloor()).toEqual({ expected: at65?.expected, lowBelow: at65?.lowBelow })
    expect(hipAbductionFloor().expected).toBeCloseTo(1.6 - 0.005 * 65, 1)
    for (let age = 18; age <= 65; age += 1) expect(hipAbductionFloor('male').lowBelow).toBeLessThanOrEqual(hipAbductionNorm(age, 'male')?.lowBelow ?? NaN)
  })
})

describe('hip abduction norm (Ramskov equation)', () => {
  it('matches the reference worked examples (−1 SD ≈ 1.25 for a 30-year-old man, ≈ 1.04 for a woman)', () => {
    expect(hipAbductionNorm(30, 'male')).toEqual({ expected: 1.67, lowBelow: 1.31, sex: 'male' })
    expect(hipAbductionNorm(30, 'female')).toEqual({ expected: 1.45, lowBelow: 1.1, sex: 'female' })
  })

  it('declines 0.005 Nm/kg per year and uses the women’s equation when sex is unknown', () => {
    const a = hipAbductionNorm(20, 'female')?.expected ?? NaN
    const b = hipAbductionNorm(60, 'female')?.expected ?? NaN
    expect(a - b).toBeCloseTo(0.2, 5)
    expect(hipAbductionNorm(45)).toEqual({ expected: hipAbductionNorm(45, 'female')?.expected, lowBelow: hipAbductionNorm(45, 'female')?.lowBelow })
    expect(hipAbductionNorm(undefined, 'male')).toBeUndefined()
  })

  it('has no norm outside the ages the equation was built on (18-65)', () => {
    expect(hipAbductionNorm(17.9, 'female')).toBeUndefined()
    expect(hipAbductionNorm(18, 'female')).toBeDefined()
    expect(hipAbductionNorm(65.9, 'male')).toBeDefined()
    expect(hipAbductionNorm(66, 'male')).toBeUndefined()
  })
})

describe('cut-offs and real change', () => {
  it('FPI-6 categories follow the published bands', () => {
    expect([-12, -5, -4, -1, 0, 5, 6, 9, 10, 12].map(footPostureCategory)).toEqual([
      'highly supinated',
      'highly supinated',
      'highly supinated',
      'supinated',
      'normal',
      'normal',
      'pronated',
      'pronated',
      'highly pronated',
      'highly pronated',
    ])
  })

  it('carries the thresholds named in the issue', () => {
    expect(REAL_CHANGE.kneeToWallCm).toBe(1)
    expect(REAL_CHANGE.singleLegHeelRaiseReps).toBe(6)
    expect(KNEE_TO_WALL.restrictedBelowCm).toBe(10)
    expect(KNEE_TO_WALL.asymmetryCm).toBe(1.5)
  })
})

describe('describeNorm', () => {
  it('describes the heel-raise norm for this athlete', () => {
    expect(describeNorm('singleLegHeelRaiseReps', { sex: 'female', ageYears: 35 })).toBe(
      'average for a 35-year-old woman: 27 reps per leg; fewer than 21 is clearly low',
    )
    expect(describeNorm(['screening', 'singleLegHeelRaiseReps'], { sex: 'male', ageYears: 52 })).toMatch(
      /52-year-old man: 23 reps/,
    )
    expect(describeNorm('singleLegHeelRaiseReps', { ageYears: 52 })).toMatch(/adult: 21 reps.*sex not recorded/)
    expect(describeNorm('singleLegHeelRaiseReps')).toMatch(/add the age/)
  })

  it('describes the hip-abduction norm with the expected value', () => {
    expect(describeNorm('hipAbductionNmPerKg', { sex: 'male', ageYears: 30 })).toBe(
      'expected for a 30-year-old man: 1.67 Nm/kg; below 1.31 is more than 1 SD low',
    )
    expect(describeNorm('hipAbductionNmPerKg', { sex: 'female' })).toMatch(/add the age/)
  })

  it('describes the fixed cut-offs', () => {
    expect(describeNorm('kneeToWallCm')).toMatch(/under 10 cm is restricted/)
    expect(describeNorm('footPostureIndex')).toMatch(/\+6 to \+9 pronated/)
    expect(describeNorm('ageYears')).toBeUndefined()
  })

  it('has a sentence for every norm key, and every form normKey is a norm key', () => {
    for (const key of NORM_KEYS) expect(describeNorm(key, { sex: 'female', ageYears: 40 }), key).toBeTruthy()
    for (const field of FORM_FIELDS) {
      if (field.normKey) expect(NORM_KEYS).toContain(field.normKey)
    }
  })
})

describe('ages outside a norm table (issue 10)', () => {
  it('hip abduction at 70 or 16: says there is no published norm and never prints an expected value', () => {
    for (const ageYears of [16, 70]) {
      const text = describeNorm('hipAbductionNmPerKg', { sex: 'male', ageYears }) ?? ''
      expect(text).toMatch(/no published norm for this age/)
      expect(text).toMatch(/18–65/)
      expect(text).not.toMatch(/expected|\b1\.\d\d\b/)
    }
    expect(describeNorm('hipAbductionNmPerKg', { sex: 'male', ageYears: 40 })).toMatch(/expected for a 40-year-old man: 1\.62/)
  })

  it('heel raise under 20: says there is no published norm and never prints an extrapolated average', () => {
    const text = describeNorm('singleLegHeelRaiseReps', { sex: 'female', ageYears: 16 }) ?? ''
    expect(text).toMatch(/no published norm for this age/)
    expect(text).not.toMatch(/average/)
    expect(text).not.toMatch(/\b30\b/)
  })
})
