// Finding and trigger factories for the rule registries. Many findings share one piece of logic and differ
// only in the field, the threshold and the wording (e.g. "which sides are below a cut-off", "is one side
// clearly behind the other"); these factories hold that logic once so each registry entry stays a short
// declarative line. Like every hand-written finding, each one only fires on values that are recorded.

import type { AthleteFacts, Sex } from '../norms'
import type { FieldPath, Side, Urgency } from '../schema'
import type { Facts, FactorFinding, PerSideValue, ReferralTrigger } from './types'
import { fmt, sideWords, sidesWhere } from './types'

type Screening = Facts['screening']

/** A per-side screening test, e.g. 'kneeToWallCm' or 'thomasTest'. */
export type SideField = keyof Screening & string
type SideValue<F extends SideField> = Exclude<NonNullable<Screening[F]>['left'], undefined>
/** A per-side screening test with a numeric result. */
export type NumericSideField = { [F in SideField]: SideValue<F> extends number ? F : never }[SideField]

type FlagSection = 'symptoms' | 'history'
/** A yes/no symptom or history field, e.g. `['symptoms', 'swelling']`. */
export type FlagPath = {
  [S in FlagSection]: readonly [S, { [K in keyof Facts[S]]-?: NonNullable<Facts[S][K]> extends boolean ? K : never }[keyof Facts[S]] & string]
}[FlagSection]

type AmountSection = 'lifestyle'
/** A numeric lifestyle field, e.g. `['lifestyle', 'sittingHoursPerDay']`. */
export type AmountPath = {
  [S in AmountSection]: readonly [S, { [K in keyof Facts[S]]-?: NonNullable<Facts[S][K]> extends number ? K : never }[keyof Facts[S]] & string]
}[AmountSection]

// ---------------------------------------------------------------------------------------------------------
// Shared by the factor rules

export const DEFAULT_THRESHOLDS = { high: 4, moderate: 2, low: 1 } as const

/** Norm-based findings also read the athlete's age and sex. */
export const AGE_SEX: readonly FieldPath[] = [
  ['athlete', 'ageYears'],
  ['athlete', 'sex'],
]

/**
 * The age- and sex-matched norm from a table, or the table's floor for the sex when the age is unknown (never
 * stricter than the truth).
 */
export function normOrFloor<N>(
  matched: (ageYears?: number, sex?: Sex) => N | undefined,
  floor: (sex?: Sex) => N,
): (athlete: AthleteFacts) => N {
  return (athlete) => matched(athlete.ageYears, athlete.sex) ?? floor(athlete.sex)
}

// ---------------------------------------------------------------------------------------------------------
// Wording helpers

/** "women aged 35", "men", or "adults" when the sex is not recorded. */
export function whoFor(sex: string | undefined, age: number | undefined): string {
  const s = sex === 'female' ? 'women' : sex === 'male' ? 'men' : 'adults'
  return age === undefined ? s : `${s} aged ${Math.round(age)}`
}

/** "left 8 cm, right 9.5 cm": the given sides with their values. */
export function listSides<T>(value: PerSideValue<T>, sides: readonly Side[], unit: string): string {
  return sides.map((side) => `${side} ${fmt(Number(value?.[side]))}${unit}`).join(', ')
}

/** [weaker side, weaker value, stronger value] when both sides are recorded. */
export function weakerSide(value: PerSideValue<number>): [Side, number, number] | null {
  const l = value?.left
  const r = value?.right
  if (l === undefined || r === undefined) return null
  return l <= r ? ['left', l, r] : ['right', r, l]
}

// ---------------------------------------------------------------------------------------------------------
// Per-side screening findings

interface SideSpec<F extends SideField> {
  readonly id: string
  readonly field: F
  readonly weight: number
  /** Fields the test reads besides the screening field itself (e.g. the athlete's age and sex for a norm). */
  readonly alsoUses?: readonly FieldPath[]
  /** True for a side whose value counts as the finding. */
  readonly test: (value: SideValue<F>, facts: Facts) => boolean
}

function sideFinding<F extends SideField>(
  spec: SideSpec<F>,
  sentence: (value: PerSideValue<SideValue<F>>, sides: Side[], facts: Facts) => string | null,
): FactorFinding {
  return {
    id: spec.id,
    uses: [['screening', spec.field], ...(spec.alsoUses ?? [])],
    weight: spec.weight,
    when: (facts) => {
      const value = facts.screening[spec.field] as PerSideValue<SideValue<F>>
      const sides = sidesWhere(value, (v) => spec.test(v, facts))
      return sentence(value, sides, facts)
    },
  }
}

/** Sides past a threshold, listed with their values: "Knee-to-wall left 8 cm: under 10 cm." */
export function listedSidesFinding<F extends NumericSideField>(
  spec: SideSpec<F> & { readonly unit: string; readonly text: (listed: string, facts: Facts) => string },
): FactorFinding {
  return sideFinding(spec, (value, sides, facts) =>
    sides.length ? spec.text(listSides(value, sides, spec.unit), facts) : null,
  )
}

/** Sides with a result, named: "Thomas test positive on the left: …" (`sides` is "the left" or "both sides"). */
export function namedSidesFinding<F extends SideField>(
  spec: SideSpec<F> & { readonly text: (sides: string) => string },
): FactorFinding {
  return sideFinding(spec, (_value, sides) => (sides.length ? spec.text(sideWords(sides)) : null))
}

/** The result on both sides: "Both ankles are restricted." */
export function bothSidesFinding<F extends SideField>(spec: SideSpec<F> & { readonly text: string }): FactorFinding {
  return sideFinding(spec, (_value, sides) => (sides.length === 2 ? spec.text : null))
}

/**
 * One side behind the other, when both are recorded. The gap counts when the weaker value is under `ratio`
 * times the stronger (if given), and the difference is at least `minDiff` (if given) and under `maxDiff`
 * (if given).
 */
export function sideGapFinding(spec: {
  readonly id: string
  readonly field: NumericSideField
  readonly weight: number
  readonly ratio?: number
  readonly minDiff?: number
  readonly maxDiff?: number
  readonly text: (side: Side, weak: number, strong: number) => string
}): FactorFinding {
  const { ratio, minDiff, maxDiff } = spec
  return {
    id: spec.id,
    uses: [['screening', spec.field]],
    weight: spec.weight,
    when: ({ screening }) => {
      const w = weakerSide(screening[spec.field])
      if (!w) return null
      const [side, weak, strong] = w
      const gap =
        (ratio === undefined || weak < strong * ratio) &&
        (minDiff === undefined || strong - weak >= minDiff) &&
        (maxDiff === undefined || strong - weak < maxDiff)
      return gap ? spec.text(side, weak, strong) : null
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Single-value findings and triggers

/** A recorded amount at or above `min`: "Sits about 9 hours a day." */
export function atLeastFinding(spec: {
  readonly id: string
  readonly field: AmountPath
  readonly weight: number
  readonly min: number
  readonly text: (value: number) => string
}): FactorFinding {
  const [section, key] = spec.field
  return {
    id: spec.id,
    uses: [spec.field],
    weight: spec.weight,
    when: (facts) => {
      const v = facts[section][key]
      return v !== undefined && v >= spec.min ? spec.text(v) : null
    },
  }
}

/** A referral trigger on a yes/no field that fires when the answer is yes. */
export function flagTrigger(spec: {
  readonly id: string
  readonly field: FlagPath
  readonly urgency: Urgency
  readonly text: string
}): ReferralTrigger {
  const [section, key] = spec.field
  return {
    id: spec.id,
    uses: [spec.field],
    urgency: spec.urgency,
    when: (facts) => ((facts[section] as Record<string, unknown>)[key] === true ? spec.text : null),
  }
}
