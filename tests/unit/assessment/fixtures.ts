// Shared test fixtures for the assessment rules core: a "clean" assessment (every question answered, nothing
// wrong), a deep-merge helper, fast-check arbitraries for valid assessments, and leaf-level subsetting.

import fc from 'fast-check'
import type { AssessmentInput, VascularRiskFactor } from '../../../shared/assessment/schema'

/** Every question answered, the story typical of calf overload, all tests normal for a 35-year-old woman. */
export const CLEAN: AssessmentInput = {
  athlete: { sex: 'female', ageYears: 35 },
  symptoms: {
    location: 'calf',
    side: 'left',
    onset: 'gradual',
    popOrKickSensation: false,
    character: ['tight', 'cramping'],
    startsAfterMinutes: 15,
    worsensAsRunContinues: true,
    settlesAfterStoppingMinutes: 5,
    painAtRest: false,
    nightPain: false,
    nextMorningPain: 1,
    unableToHeelRaise: false,
    swelling: false,
    warmthOrRedness: false,
    bruising: false,
    calfCircumferenceDifferenceCm: 0.5,
    numbnessOrTingling: false,
    footWeakness: false,
    coldOrPaleFoot: false,
    focalBoneTenderness: false,
    painfulHop: false,
    backPainOrRadiatingPain: false,
    chestPainOrBreathlessness: false,
    morningStiffness: false,
    weeksSinceOnset: 3,
    forcedToStop: false,
    muscleHernia: false,
    saddleNumbnessOrBladderBowelChange: false,
  },
  history: {
    recentSurgeryOrImmobilisation: false,
    recentLongHaulTravel: false,
    previousDvt: false,
    activeCancer: false,
    hormonalContraceptiveOrHrt: false,
    previousCalfInjury: false,
    previousBoneStressInjury: false,
    irregularOrAbsentPeriods: false,
    monthsRunning: 24,
  },
  screening: {
    kneeToWallCm: { left: 12, right: 12 },
    singleLegHeelRaiseReps: { left: 28, right: 28 },
    thomasTest: { left: 'negative', right: 'negative' },
    singleLegSquat: { left: 'good', right: 'good' },
    trendelenburg: { left: 'negative', right: 'negative' },
    hipAbductionNmPerKg: { left: 1.5, right: 1.5 },
    footPostureIndex: { left: 3, right: 3 },
    navicularDropMm: { left: 7, right: 7 },
    singleLegBridgeReps: { left: 25, right: 25 },
  },
  lifestyle: { sittingHoursPerDay: 4, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
  training: { weeklyKm: 20, weeklyKmFourWeeksAgo: 18, longestRunLast30DaysKm: 10, longestRunThisWeekKm: 10 },
}

type Patch = { [K in keyof AssessmentInput]?: Record<string, unknown> }

/** Deep merge of a patch into an assessment; a `undefined` value removes the field. */
export function withPatch(base: AssessmentInput, patch: Patch): AssessmentInput {
  const out: Record<string, Record<string, unknown>> = {}
  for (const [k, v] of Object.entries(base)) out[k] = { ...(v as Record<string, unknown>) }
  for (const [section, fields] of Object.entries(patch)) {
    const target = (out[section] ??= {})
    for (const [field, value] of Object.entries(fields ?? {})) {
      if (value === undefined) delete target[field]
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        target[field] = { ...((target[field] as Record<string, unknown>) ?? {}), ...(value as Record<string, unknown>) }
      } else target[field] = value
    }
  }
  return out as AssessmentInput
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

const num = (min: number, max: number) =>
  fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }))
const int = (min: number, max: number) => fc.integer({ min, max })
const perSide = <T>(arb: fc.Arbitrary<T>) => fc.record({ left: arb, right: arb }, { requiredKeys: [] })
const posNeg = fc.constantFrom('positive' as const, 'negative' as const)

/** A valid risk-factor list: "none of these", or any set of real risk factors (possibly empty). */
const vascularRiskArb: fc.Arbitrary<VascularRiskFactor[]> = fc.oneof(
  fc.constant(['none-of-these'] as VascularRiskFactor[]),
  fc.subarray<VascularRiskFactor>([
    'smoking' as const,
    'diabetes' as const,
    'high-blood-pressure' as const,
    'high-cholesterol' as const,
    'heart-or-vessel-disease' as const,
  ]),
)

export const assessmentArb: fc.Arbitrary<AssessmentInput> = fc.record(
  {
    athlete: fc.record(
      { sex: fc.constantFrom('female' as const, 'male' as const), ageYears: num(10, 110) },
      { requiredKeys: [] },
    ),
    symptoms: fc.record(
      {
        location: fc.constantFrom('calf' as const, 'achilles' as const, 'shin' as const),
        side: fc.constantFrom('left' as const, 'right' as const, 'both' as const),
        onset: fc.constantFrom('gradual' as const, 'sudden' as const),
        popOrKickSensation: fc.boolean(),
        character: fc.uniqueArray(
          fc.constantFrom(
            'cramping' as const,
            'tight' as const,
            'dull' as const,
            'heavy' as const,
            'aching' as const,
            'sharp' as const,
            'burning' as const,
          ),
          { maxLength: 7 },
        ),
        startsAfterMinutes: num(0, 600),
        worsensAsRunContinues: fc.boolean(),
        settlesAfterStoppingMinutes: fc.option(num(0, 1440), { nil: null }),
        painAtRest: fc.boolean(),
        nightPain: fc.boolean(),
        nextMorningPain: num(0, 10),
        unableToHeelRaise: fc.boolean(),
        swelling: fc.boolean(),
        warmthOrRedness: fc.boolean(),
        bruising: fc.boolean(),
        calfCircumferenceDifferenceCm: num(-20, 20),
        numbnessOrTingling: fc.boolean(),
        footWeakness: fc.boolean(),
        coldOrPaleFoot: fc.boolean(),
        focalBoneTenderness: fc.boolean(),
        painfulHop: fc.boolean(),
        backPainOrRadiatingPain: fc.boolean(),
        chestPainOrBreathlessness: fc.boolean(),
        morningStiffness: fc.boolean(),
        weeksSinceOnset: num(0, 520),
        forcedToStop: fc.boolean(),
        muscleHernia: fc.boolean(),
        saddleNumbnessOrBladderBowelChange: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    history: fc.record(
      {
        recentSurgeryOrImmobilisation: fc.boolean(),
        recentLongHaulTravel: fc.boolean(),
        previousDvt: fc.boolean(),
        activeCancer: fc.boolean(),
        hormonalContraceptiveOrHrt: fc.boolean(),
        previousCalfInjury: fc.boolean(),
        previousBoneStressInjury: fc.boolean(),
        irregularOrAbsentPeriods: fc.boolean(),
        monthsRunning: num(0, 1200),
        vascularRiskFactors: vascularRiskArb,
      },
      { requiredKeys: [] },
    ),
    screening: fc.record(
      {
        kneeToWallCm: perSide(num(0, 30)),
        singleLegHeelRaiseReps: perSide(int(0, 300)),
        thomasTest: perSide(posNeg),
        singleLegSquat: perSide(fc.constantFrom('good' as const, 'fair' as const, 'poor' as const)),
        trendelenburg: perSide(posNeg),
        hipAbductionNmPerKg: perSide(num(0, 5)),
        footPostureIndex: perSide(int(-12, 12)),
        navicularDropMm: perSide(num(0, 40)),
        singleLegBridgeReps: perSide(int(0, 300)),
      },
      { requiredKeys: [] },
    ),
    lifestyle: fc.record(
      { sittingHoursPerDay: num(0, 24), highHeelsDaysPerWeek: num(0, 7), unsupportiveFlatShoesDaysPerWeek: num(0, 7) },
      { requiredKeys: [] },
    ),
    training: fc.record(
      {
        weeklyKm: num(0, 500),
        weeklyKmFourWeeksAgo: num(0, 500),
        longestRunLast30DaysKm: num(0, 400),
        longestRunThisWeekKm: num(0, 400),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)

/** Assessments biased towards realistic values near the rule thresholds, so subset properties bite. */
export const nearThresholdArb: fc.Arbitrary<AssessmentInput> = fc.record(
  {
    athlete: fc.record({ sex: fc.constantFrom('female' as const, 'male' as const), ageYears: int(18, 85) }, { requiredKeys: [] }),
    symptoms: fc.record(
      {
        location: fc.constantFrom('calf' as const, 'achilles' as const, 'shin' as const),
        side: fc.constantFrom('left' as const, 'right' as const, 'both' as const),
        onset: fc.constantFrom('gradual' as const, 'sudden' as const),
        popOrKickSensation: fc.boolean(),
        startsAfterMinutes: int(0, 40),
        settlesAfterStoppingMinutes: fc.option(int(0, 40), { nil: null }),
        painAtRest: fc.boolean(),
        nightPain: fc.boolean(),
        unableToHeelRaise: fc.boolean(),
        swelling: fc.boolean(),
        numbnessOrTingling: fc.boolean(),
        footWeakness: fc.boolean(),
        coldOrPaleFoot: fc.boolean(),
        backPainOrRadiatingPain: fc.boolean(),
        morningStiffness: fc.boolean(),
        calfCircumferenceDifferenceCm: num(0, 5),
        character: fc.subarray(['cramping' as const, 'tight' as const, 'aching' as const, 'sharp' as const]),
        forcedToStop: fc.boolean(),
        muscleHernia: fc.boolean(),
        focalBoneTenderness: fc.boolean(),
        painfulHop: fc.boolean(),
        weeksSinceOnset: int(0, 20),
      },
      { requiredKeys: [] },
    ),
    history: fc.record(
      {
        hormonalContraceptiveOrHrt: fc.boolean(),
        previousCalfInjury: fc.boolean(),
        previousBoneStressInjury: fc.boolean(),
        monthsRunning: int(0, 24),
        vascularRiskFactors: vascularRiskArb,
      },
      { requiredKeys: [] },
    ),
    screening: fc.record(
      {
        kneeToWallCm: perSide(num(6, 14)),
        singleLegHeelRaiseReps: perSide(int(5, 40)),
        thomasTest: perSide(posNeg),
        singleLegSquat: perSide(fc.constantFrom('good' as const, 'fair' as const, 'poor' as const)),
        trendelenburg: perSide(posNeg),
        hipAbductionNmPerKg: perSide(num(0.8, 1.9)),
        footPostureIndex: perSide(int(0, 12)),
        navicularDropMm: perSide(num(4, 14)),
        singleLegBridgeReps: perSide(int(10, 30)),
      },
      { requiredKeys: [] },
    ),
    lifestyle: fc.record(
      { sittingHoursPerDay: int(4, 12), highHeelsDaysPerWeek: int(0, 7), unsupportiveFlatShoesDaysPerWeek: int(0, 7) },
      { requiredKeys: [] },
    ),
    training: fc.record(
      {
        weeklyKm: int(0, 60),
        weeklyKmFourWeeksAgo: int(0, 60),
        longestRunLast30DaysKm: int(0, 25),
        longestRunThisWeekKm: int(0, 25),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)

// ---------------------------------------------------------------------------------------------------------
// Leaves: one recorded answer each (a side of a per-side test counts as its own leaf)

export type Leaf = readonly [section: string, field: string, side?: 'left' | 'right']

export function leaves(input: AssessmentInput): Leaf[] {
  const out: Leaf[] = []
  for (const [section, fields] of Object.entries(input)) {
    for (const [field, value] of Object.entries((fields ?? {}) as Record<string, unknown>)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const side of ['left', 'right'] as const) {
          if ((value as Record<string, unknown>)[side] !== undefined) out.push([section, field, side])
        }
      } else if (value !== undefined) out.push([section, field])
    }
  }
  return out
}

/** The assessment with only the leaves for which keep() is true. */
export function keepLeaves(input: AssessmentInput, keep: (leaf: Leaf, index: number) => boolean): AssessmentInput {
  const out: Record<string, Record<string, unknown>> = {}
  leaves(input).forEach((leaf, i) => {
    if (!keep(leaf, i)) return
    const [section, field, side] = leaf
    const source = (input as Record<string, Record<string, unknown>>)[section]?.[field]
    const target = (out[section] ??= {})
    if (side) {
      const current = (target[field] as Record<string, unknown> | undefined) ?? {}
      target[field] = { ...current, [side]: (source as Record<string, unknown>)[side] }
    } else target[field] = source
  })
  return out as AssessmentInput
}
