// Norms, cut-offs and "real change" thresholds, as data plus small functions. The rules use them to judge a
// finding; the assessment screen uses describeNorm() to show the norm next to the field. Every number is from
// clinical-and-peers.md (section noted) unless it is marked as a CalfCoach convention.

import type { AssessmentInput, FieldPath } from './schema'

export type Sex = 'female' | 'male'
export interface AthleteFacts {
  readonly sex?: Sex | undefined
  readonly ageYears?: number | undefined
}

// ---------------------------------------------------------------------------------------------------------
// Single-leg heel raise (A2: Hébert-Losier 2017, 10° incline, 60 bpm, to fatigue)

export interface HeelRaiseBand {
  readonly fromAge: number
  /** Inclusive upper age; Infinity for the open top band. */
  readonly toAge: number
  readonly male: number
  readonly female: number
}

/** Mean reps per leg by age band and sex (first value where the two reproductions differ by one). */
export const HEEL_RAISE_TABLE: readonly HeelRaiseBand[] = [
  { fromAge: 20, toAge: 29, male: 37, female: 30 },
  { fromAge: 30, toAge: 39, male: 32, female: 27 },
  { fromAge: 40, toAge: 49, male: 28, female: 24 },
  { fromAge: 50, toAge: 59, male: 23, female: 21 },
  { fromAge: 60, toAge: 69, male: 19, female: 19 },
  { fromAge: 70, toAge: 79, male: 14, female: 16 },
  { fromAge: 80, toAge: Infinity, male: 10, female: 13 },
]

export const HEEL_RAISE = {
  /** Between-day limits of agreement ≈ ±6 reps: smaller differences are within test noise. */
  realChangeReps: 6,
  /** Clinic convention for "good calf endurance" (not validated). */
  goodFrom: 25,
  goodTo: 30,
  /** Weaker side below 90 % of the stronger side is treated as a side-to-side deficit (C5 convention). */
  asymmetryRatio: 0.9,
  source: 'Hébert-Losier 2017 (clinical-and-peers A2, C5)',
} as const

export interface HeelRaiseNorm {
  /** Mean reps per leg for this age band (and sex; the lower of the two when sex is unknown). */
  readonly mean: number
  /** Below this is beyond the test's ±6-rep noise, i.e. clearly below the average. */
  readonly clearlyBelow: number
  readonly band: string
  readonly sex?: Sex
  /** True when the athlete is younger than the table's first band and the 20–29 band is used. */
  readonly extrapolated: boolean
}

/**
 * Heel-raise norm for an athlete. Needs the age; without the sex the lower of the two means is used, so a
 * known sex can only make the judgement stricter, never looser. Undefined when the age is unknown.
 */
export function heelRaiseNorm(ageYears?: number, sex?: Sex): HeelRaiseNorm | undefined {
  if (ageYears === undefined || !Number.isFinite(ageYears)) return undefined
  const first = HEEL_RAISE_TABLE[0]
  if (!first) return undefined
  const band = HEEL_RAISE_TABLE.find((b) => ageYears >= b.fromAge && ageYears < b.toAge + 1) ?? first
  const mean = sex === undefined ? Math.min(band.male, band.female) : band[sex]
  const label = band.toAge === Infinity ? `${band.fromAge}+` : `${band.fromAge}–${band.toAge}`
  return {
    mean,
    clearlyBelow: mean - HEEL_RAISE.realChangeReps,
    band: label,
    ...(sex ? { sex } : {}),
    extrapolated: ageYears < first.fromAge,
  }
}

/** True for a recorded age younger than the table's first band (no published heel-raise norm). */
export function heelRaiseOutsideTable(ageYears?: number): boolean {
  const first = HEEL_RAISE_TABLE[0]
  return ageYears !== undefined && first !== undefined && ageYears < first.fromAge
}

/**
 * The lowest average in the table (for this sex, or either sex): used when the age is unknown. A count
 * below it is below average whatever the runner's age, so judging against it never invents a deficit, and
 * learning the age can only make the judgement stricter.
 */
export function heelRaiseFloor(sex?: Sex): HeelRaiseNorm {
  const means = HEEL_RAISE_TABLE.map((b) => (sex === undefined ? Math.min(b.male, b.female) : b[sex]))
  const mean = Math.min(...means)
  return { mean, clearlyBelow: mean - HEEL_RAISE.realChangeReps, band: 'any age', ...(sex ? { sex } : {}), extrapolated: false }
}

// ---------------------------------------------------------------------------------------------------------
// Hip abduction strength (A4: Ramskov 2014, eccentric, hand-held dynamometer, 831 novice runners)

export const HIP_ABDUCTION = {
  intercept: 1.6,
  perYearOfAge: -0.005,
  maleBonus: 0.215,
  sd: 0.354,
  /**
   * Real change: CalfCoach derivation, MDC95 = 1.96 × √2 × SD × √(1 − ICC) with SD 0.354 and ICC 0.94
   * (belt-stabilised/supine HHD) ≈ 0.24, rounded up to 0.25 Nm/kg. Less reliable positions need more.
   */
  realChange: 0.25,
  /**
   * Ages the equation was built on. clinical-and-peers A4 gives the equation but not the cohort's ages; the
   * same 831-runner cohort took novice runners aged 18 to 65 (Ramskov 2015 JOSPT, the cohort's eligibility).
   * Outside these ages the equation is an extrapolation: no norm is shown and only the two sides are compared.
   */
  fromAge: 18,
  toAge: 65,
  source: 'Ramskov 2014 IJSPT (clinical-and-peers A4); ages 18–65 from the cohort (Ramskov 2015 JOSPT)',
} as const

export interface HipAbductionNorm {
  readonly expected: number
  /** One SD below the expected value: the flag cut-off. */
  readonly lowBelow: number
  readonly sex?: Sex
}

/** True for a recorded age outside the ages the hip-abduction equation was built on (18–65). */
export function hipAbductionOutsideRange(ageYears?: number): boolean {
  return ageYears !== undefined && (ageYears < HIP_ABDUCTION.fromAge || ageYears >= HIP_ABDUCTION.toAge + 1)
}

/**
 * Ramskov equation: 1.600 − 0.005 × age + 0.215 (men) Nm/kg, SD 0.354. Without the sex the women's value
 * (the lower one) is used. Undefined when the age is unknown or outside the equation's ages (never an
 * extrapolated expectation).
 */
export function hipAbductionNorm(ageYears?: number, sex?: Sex): HipAbductionNorm | undefined {
  if (ageYears === undefined || !Number.isFinite(ageYears) || hipAbductionOutsideRange(ageYears)) return undefined
  const expected =
    HIP_ABDUCTION.intercept + HIP_ABDUCTION.perYearOfAge * ageYears + (sex === 'male' ? HIP_ABDUCTION.maleBonus : 0)
  return { expected: round2(expected), lowBelow: round2(expected - HIP_ABDUCTION.sd), ...(sex ? { sex } : {}) }
}

/** Oldest age the equation was built on: its lowest expectation, used when the age is unknown. */
export const HIP_ABDUCTION_FLOOR_AGE = HIP_ABDUCTION.toAge

/** The lowest expectation within the equation's ages (women's equation when sex is unknown); see heelRaiseFloor. */
export function hipAbductionFloor(sex?: Sex): HipAbductionNorm {
  return hipAbductionNorm(HIP_ABDUCTION_FLOOR_AGE, sex) as HipAbductionNorm
}

// ---------------------------------------------------------------------------------------------------------
// Knee-to-wall / weight-bearing lunge (A1)

export const KNEE_TO_WALL = {
  /** Derived app rule in the reference: under 10 cm (≈ 35°) counts as restricted. */
  restrictedBelowCm: 10,
  /** Practice-quoted normal range. */
  typicalFromCm: 10,
  typicalToCm: 14,
  /** Well below: CalfCoach convention, two centimetres under the cut-off (≈ 7°). */
  markedlyRestrictedBelowCm: 8,
  /** Side-to-side difference that exceeds measurement error (MDC of the L–R difference). */
  asymmetryCm: 1.5,
  /** Real change per leg (MDC). */
  realChangeCm: 1.0,
  degreesPerCm: 3.6,
  source: 'Chisholm 2012; Bennell 1998 (clinical-and-peers A1)',
} as const

// ---------------------------------------------------------------------------------------------------------
// Foot posture (A8)

export const FOOT_POSTURE = {
  pronatedFrom: 6,
  highlyPronatedFrom: 10,
  normalFrom: 0,
  normalTo: 5,
  supinatedBelow: 0,
  highlySupinatedBelow: -4,
  /** CalfCoach convention: FPI-6 total moves in whole points; a change of 2 or more is treated as real. */
  realChange: 2,
  source: 'Redmond FPI-6 (clinical-and-peers A8)',
} as const

export type FootPostureCategory = 'highly supinated' | 'supinated' | 'normal' | 'pronated' | 'highly pronated'

export function footPostureCategory(fpi: number): FootPostureCategory {
  if (fpi >= FOOT_POSTURE.highlyPronatedFrom) return 'highly pronated'
  if (fpi >= FOOT_POSTURE.pronatedFrom) return 'pronated'
  if (fpi >= FOOT_POSTURE.normalFrom) return 'normal'
  if (fpi > FOOT_POSTURE.highlySupinatedBelow) return 'supinated'
  return 'highly supinated'
}

export const NAVICULAR_DROP = {
  /** More than 10 mm = excessive pronation (Brody 1982); poor between-session reliability. */
  excessiveAboveMm: 10,
  possiblyRigidBelowMm: 5,
  /** CalfCoach convention given the poor reliability (weighted κ 0.40): 3 mm. */
  realChangeMm: 3,
  source: 'Brody 1982; PMC5131537 reliability (clinical-and-peers A8)',
} as const

// ---------------------------------------------------------------------------------------------------------
// Hip and glute tests without numeric norms in the reference

export const SINGLE_LEG_BRIDGE = {
  /** CalfCoach convention: no single-leg bridge norm in our reference; fewer than 20 reps is treated as weak. */
  weakBelowReps: 20,
  asymmetryRatio: 0.9,
  /** CalfCoach convention, same spirit as the heel-raise noise band. */
  realChangeReps: 5,
  source: 'CalfCoach convention (no norm in clinical-and-peers)',
} as const

export const LIFESTYLE = {
  /** CalfCoach convention for "long sitting": a full working day seated. */
  longSittingHours: 8,
  /** "Most days" of the week. */
  mostDaysPerWeek: 4,
} as const

// ---------------------------------------------------------------------------------------------------------
// Load (C2, C4)

export const TRAINING_LOAD = {
  /** Single run more than 10 % beyond the longest run of the previous 30 days (Frandsen/Nielsen 2025). */
  singleRunRatio: 1.1,
  singleRunRatioLarge: 1.3,
  singleRunRatioDouble: 2.0,
  /**
   * Weekly distance now vs four weeks ago. CalfCoach convention: 1.5× (about 30 % per fortnight, the
   * Nielsen 2014 exposure) is "sharp"; weekly ratios are weak predictors (Frandsen 2025 found the opposite
   * trend), so the rules weigh this lightly. A rise under 5 km is ignored as noise.
   */
  weeklyRiseRatio: 1.5,
  weeklyRiseMinKm: 5,
  source: 'Frandsen/Nielsen 2025 BJSM; Nielsen 2014 JOSPT (clinical-and-peers C2, C4)',
} as const

// ---------------------------------------------------------------------------------------------------------
// Symptom thresholds (B1, B2, C1)

export const SYMPTOMS = {
  /** Calf swelling more than 3 cm vs the other leg (Wells item). */
  calfCircumferenceDvtCm: 3,
  /** Simple overload settles quickly; CECS takes 10–20 min; over 20 min is an amber flag (B2). */
  quickSettleMaxMinutes: 10,
  slowSettleOverMinutes: 20,
  /** CECS settles within 30 min at most (B1: Mayo < 30 min); longer, or never, points elsewhere (issue 10). */
  compartmentSettleMaxMinutes: 30,
  /** Pain-monitoring model: 0–2 safe, up to 5 acceptable, above 5 high. */
  nextMorningSafeMax: 2,
  nextMorningHighAbove: 5,
  /** CalfCoach convention for a real change on a 0–10 pain scale (common 2-point rule; not in the reference). */
  painRealChange: 2,
  /** CalfCoach convention for timing changes (onset into the run, settling after it). */
  minutesRealChange: 5,
  /** B2: no improvement after about 6 weeks of the programme warrants review. */
  reviewAfterWeeks: 6,
} as const

// ---------------------------------------------------------------------------------------------------------
// Arterial claudication and failure of conservative care (issue 10; B0, B1, B2)

export const ARTERIAL_CHECK_AGE = {
  /** Any runner this age or older with exertional cramping that settles within minutes (issue 10). */
  anyRunnerFrom: 60,
  /** From this age when at least one vascular risk factor is recorded. */
  withRiskFactorFrom: 50,
  /** "Relieved within minutes of rest": settles in this many minutes or fewer (quick-settle limit, B1). */
  reliefWithinMinutes: 10,
} as const

export const CONSERVATIVE_CARE = {
  /** Symptoms this long means load management has had its chance (issue 10; B1 "failure of a trial"). */
  failedAfterWeeks: 12,
  /** Two assessments at least this far apart with no real improvement (B2: "no improvement after ~6 weeks"). */
  reassessAfterWeeks: 6,
} as const

// ---------------------------------------------------------------------------------------------------------
// Real change, per field, used by compareAssessments()

export const REAL_CHANGE = {
  kneeToWallCm: KNEE_TO_WALL.realChangeCm,
  singleLegHeelRaiseReps: HEEL_RAISE.realChangeReps,
  hipAbductionNmPerKg: HIP_ABDUCTION.realChange,
  footPostureIndex: FOOT_POSTURE.realChange,
  navicularDropMm: NAVICULAR_DROP.realChangeMm,
  singleLegBridgeReps: SINGLE_LEG_BRIDGE.realChangeReps,
  nextMorningPain: SYMPTOMS.painRealChange,
  startsAfterMinutes: SYMPTOMS.minutesRealChange,
  settlesAfterStoppingMinutes: SYMPTOMS.minutesRealChange,
} as const
export type RealChangeField = keyof typeof REAL_CHANGE

// ---------------------------------------------------------------------------------------------------------
// Human-readable norms for the form

export const NORM_KEYS = [
  'kneeToWallCm',
  'singleLegHeelRaiseReps',
  'thomasTest',
  'singleLegSquat',
  'trendelenburg',
  'hipAbductionNmPerKg',
  'footPostureIndex',
  'navicularDropMm',
  'singleLegBridgeReps',
  'calfCircumferenceDifferenceCm',
  'settlesAfterStoppingMinutes',
  'nextMorningPain',
  'longestRunThisWeekKm',
  'sittingHoursPerDay',
  'highHeelsDaysPerWeek',
  'unsupportiveFlatShoesDaysPerWeek',
] as const
export type NormKey = (typeof NORM_KEYS)[number]

export function isNormKey(key: string): key is NormKey {
  return (NORM_KEYS as readonly string[]).includes(key)
}

function who(athlete: AthleteFacts | undefined): string {
  const age = athlete?.ageYears
  const sex = athlete?.sex === 'female' ? 'woman' : athlete?.sex === 'male' ? 'man' : 'adult'
  if (age === undefined) return sex === 'adult' ? 'an adult' : `a ${sex}`
  return `a ${Math.round(age)}-year-old ${sex}`
}

/**
 * A short sentence describing the norm for a field, for this athlete when age/sex matter, e.g.
 * "average for a 35-year-old woman: 27 reps per leg; fewer than 21 is clearly low". Undefined when the field
 * has no norm.
 */
export function describeNorm(key: NormKey | FieldPath | string, athlete?: AthleteFacts): string | undefined {
  const field = typeof key === 'string' ? key : key[1]
  switch (field) {
    case 'singleLegHeelRaiseReps': {
      if (heelRaiseOutsideTable(athlete?.ageYears))
        return `no published norm for this age (the table starts at ${HEEL_RAISE_TABLE[0]?.fromAge}); compare the two sides: one side ${HEEL_RAISE.realChangeReps} or more reps behind the other is a real gap`
      const norm = heelRaiseNorm(athlete?.ageYears, athlete?.sex)
      if (!norm)
        return `${HEEL_RAISE.goodFrom}–${HEEL_RAISE.goodTo} reps per leg is the usual clinic target; add the age (and sex) for an age-matched average`
      const base = `average for ${who(athlete)}: ${norm.mean} reps per leg; fewer than ${norm.clearlyBelow} is clearly low`
      const caveats = [
        athlete?.sex === undefined ? 'sex not recorded, lower of the two averages used' : '',
      ].filter(Boolean)
      return caveats.length ? `${base} (${caveats.join('; ')})` : base
    }
    case 'hipAbductionNmPerKg': {
      if (hipAbductionOutsideRange(athlete?.ageYears))
        return `no published norm for this age (the equation covers ages ${HIP_ABDUCTION.fromAge}–${HIP_ABDUCTION.toAge}); compare the two sides: one side ${HIP_ABDUCTION.realChange} Nm/kg or more behind the other is a real gap`
      const norm = hipAbductionNorm(athlete?.ageYears, athlete?.sex)
      if (!norm) return 'expected value depends on age and sex (Ramskov equation); add the age to see it'
      const base = `expected for ${who(athlete)}: ${norm.expected.toFixed(2)} Nm/kg; below ${norm.lowBelow.toFixed(2)} is more than 1 SD low`
      return athlete?.sex === undefined ? `${base} (sex not recorded, women's equation used)` : base
    }
    case 'kneeToWallCm':
      return `typically ${KNEE_TO_WALL.typicalFromCm}–${KNEE_TO_WALL.typicalToCm} cm; under ${KNEE_TO_WALL.restrictedBelowCm} cm is restricted; sides ${KNEE_TO_WALL.asymmetryCm} cm or more apart are asymmetric`
    case 'footPostureIndex':
      return `0 to +5 is normal; +${FOOT_POSTURE.pronatedFrom} to +9 pronated; +${FOOT_POSTURE.highlyPronatedFrom} or more highly pronated; below 0 supinated`
    case 'navicularDropMm':
      return `more than ${NAVICULAR_DROP.excessiveAboveMm} mm suggests excessive pronation; under ${NAVICULAR_DROP.possiblyRigidBelowMm} mm a stiffer foot (less reliable than FPI-6)`
    case 'singleLegBridgeReps':
      return `no published norm in our reference; CalfCoach treats fewer than ${SINGLE_LEG_BRIDGE.weakBelowReps} reps, or one side under 90 % of the other, as weak`
    case 'thomasTest':
      return 'positive when the thigh rises above horizontal (short hip flexors); only meaningful with the pelvis held flat'
    case 'singleLegSquat':
      return 'good = stays aligned to 60° knee bend; fair = aligned but cannot reach 60°; poor = hip drops, knee caves in, trunk leans or balance is lost'
    case 'trendelenburg':
      return 'positive when the lifted side of the pelvis drops during a 30-second single-leg stand'
    case 'calfCircumferenceDifferenceCm':
      return `more than ${SYMPTOMS.calfCircumferenceDvtCm} cm bigger than the other calf is a clot warning sign`
    case 'settlesAfterStoppingMinutes':
      return `simple calf overload settles within minutes; more than ${SYMPTOMS.slowSettleOverMinutes} minutes needs a clinician's view`
    case 'nextMorningPain':
      return `0–${SYMPTOMS.nextMorningSafeMax} is fine; above ${SYMPTOMS.nextMorningHighAbove} means the load was too high`
    case 'longestRunThisWeekKm':
      return `keep any single run within ${Math.round(TRAINING_LOAD.singleRunRatio * 100)} % of the longest run of the previous 30 days`
    case 'sittingHoursPerDay':
      return `${LIFESTYLE.longSittingHours} hours or more counts as long sitting (CalfCoach convention)`
    case 'highHeelsDaysPerWeek':
    case 'unsupportiveFlatShoesDaysPerWeek':
      return `${LIFESTYLE.mostDaysPerWeek} or more days a week counts as most days`
    default:
      return undefined
  }
}

/** Age and sex from an assessment, for the norm functions. */
export function athleteFacts(input: AssessmentInput): AthleteFacts {
  return { sex: input.athlete?.sex, ageYears: input.athlete?.ageYears }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
