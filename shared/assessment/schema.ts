// Contract v1 of the calf-pain assessment (issue 3): what a coach records, and what the rules engine answers.
// Field names and ids here are frozen: scripted checks, the plan generator and the UI depend on them.
// Every input field is optional (missing data lowers confidence, it never fails validation), but unknown
// fields are rejected at every level so a typo never silently drops a red flag.

import { z } from 'zod'
import { PainScore } from '../domain/common'

// ---------------------------------------------------------------------------------------------------------
// Building blocks

// Messages name the problem; the field path is prepended by describeIssues().
function num(min: number, max: number, unit = '') {
  const u = unit ? ` ${unit}` : ''
  return z
    .number({ error: `must be a number${unit ? ` (${unit})` : ''}` })
    .min(min, { error: `must be at least ${min}${u}` })
    .max(max, { error: `must be at most ${max}${u}` })
}

function int(min: number, max: number, unit = '') {
  return num(min, max, unit).int({ error: 'must be a whole number' })
}

function bool() {
  return z.boolean({ error: 'must be true or false' })
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(', ')}` })
}

/** `{ left?, right? }`; either side may be missing, nothing else is allowed. */
export function perSide<T extends z.ZodType>(value: T) {
  return z.strictObject(
    { left: value.optional(), right: value.optional() },
    { error: 'must be an object with "left" and/or "right"' },
  )
}

export const SIDES = ['left', 'right'] as const
export type Side = (typeof SIDES)[number]

// ---------------------------------------------------------------------------------------------------------
// Enumerations used by the input

export const SEXES = ['female', 'male'] as const
export const PAIN_LOCATIONS = ['calf', 'achilles', 'shin'] as const
export const PAIN_SIDES = ['left', 'right', 'both'] as const
export const ONSETS = ['gradual', 'sudden'] as const
export const PAIN_CHARACTERS = ['cramping', 'tight', 'dull', 'heavy', 'aching', 'sharp', 'burning'] as const
export const POS_NEG = ['positive', 'negative'] as const
export const SQUAT_QUALITY = ['good', 'fair', 'poor'] as const
/** Arterial risk factors (added for issue 10); 'none-of-these' records that the question was asked. */
export const VASCULAR_RISK_FACTORS = [
  'smoking',
  'diabetes',
  'high-blood-pressure',
  'high-cholesterol',
  'heart-or-vessel-disease',
  'none-of-these',
] as const
export type VascularRiskFactor = (typeof VASCULAR_RISK_FACTORS)[number]

// ---------------------------------------------------------------------------------------------------------
// Input: contract v1

export const AthleteSection = z.strictObject({
  sex: oneOf(SEXES).optional(),
  ageYears: num(10, 110, 'years').optional(),
})

export const SymptomsSection = z.strictObject({
  location: oneOf(PAIN_LOCATIONS).optional(),
  side: oneOf(PAIN_SIDES).optional(),
  onset: oneOf(ONSETS).optional(),
  popOrKickSensation: bool().optional(),
  character: z
    .array(oneOf(PAIN_CHARACTERS), { error: 'must be a list of words' })
    .max(PAIN_CHARACTERS.length, { error: `can list at most ${PAIN_CHARACTERS.length} words` })
    .optional(),
  startsAfterMinutes: num(0, 600, 'minutes').optional(),
  worsensAsRunContinues: bool().optional(),
  /** Minutes until the pain has gone after stopping; `null` means it does not settle. */
  settlesAfterStoppingMinutes: num(0, 1440, 'minutes').nullable().optional(),
  painAtRest: bool().optional(),
  nightPain: bool().optional(),
  nextMorningPain: PainScore.optional(),
  unableToHeelRaise: bool().optional(),
  swelling: bool().optional(),
  warmthOrRedness: bool().optional(),
  bruising: bool().optional(),
  /** Painful calf minus the other calf, measured 10 cm below the tibial tuberosity (sign ignored by rules). */
  calfCircumferenceDifferenceCm: num(-20, 20, 'cm').optional(),
  numbnessOrTingling: bool().optional(),
  footWeakness: bool().optional(),
  coldOrPaleFoot: bool().optional(),
  focalBoneTenderness: bool().optional(),
  painfulHop: bool().optional(),
  backPainOrRadiatingPain: bool().optional(),
  chestPainOrBreathlessness: bool().optional(),
  morningStiffness: bool().optional(),
  weeksSinceOnset: num(0, 520, 'weeks').optional(),
  // Added for issue 10 (all optional, so every v1 assessment stays valid):
  /** The pain makes the runner stop at a similar time or distance on each run. */
  forcedToStop: bool().optional(),
  /** A small bulge in the lower-leg muscle that appears during or after exercise (muscle hernia). */
  muscleHernia: bool().optional(),
  /** Numbness between the legs or any new change in bladder or bowel control (possible cauda equina). */
  saddleNumbnessOrBladderBowelChange: bool().optional(),
})

export const HistorySection = z.strictObject({
  recentSurgeryOrImmobilisation: bool().optional(),
  recentLongHaulTravel: bool().optional(),
  previousDvt: bool().optional(),
  activeCancer: bool().optional(),
  hormonalContraceptiveOrHrt: bool().optional(),
  previousCalfInjury: bool().optional(),
  previousBoneStressInjury: bool().optional(),
  irregularOrAbsentPeriods: bool().optional(),
  monthsRunning: num(0, 1200, 'months').optional(),
  /** Added for issue 10. An empty list, like ['none-of-these'], means "asked, none". */
  vascularRiskFactors: z
    .array(oneOf(VASCULAR_RISK_FACTORS), { error: 'must be a list of risk factors' })
    .max(VASCULAR_RISK_FACTORS.length, { error: `can list at most ${VASCULAR_RISK_FACTORS.length} items` })
    .refine((list) => new Set(list).size === list.length, { error: 'lists a risk factor twice' })
    .refine((list) => !(list.includes('none-of-these') && list.length > 1), {
      error: '"none-of-these" cannot be combined with a risk factor',
    })
    .optional(),
})

export const ScreeningSection = z.strictObject({
  kneeToWallCm: perSide(num(0, 30, 'cm')).optional(),
  singleLegHeelRaiseReps: perSide(int(0, 300, 'reps')).optional(),
  thomasTest: perSide(oneOf(POS_NEG)).optional(),
  singleLegSquat: perSide(oneOf(SQUAT_QUALITY)).optional(),
  trendelenburg: perSide(oneOf(POS_NEG)).optional(),
  hipAbductionNmPerKg: perSide(num(0, 5, 'Nm/kg')).optional(),
  footPostureIndex: perSide(int(-12, 12)).optional(),
  navicularDropMm: perSide(num(0, 40, 'mm')).optional(),
  singleLegBridgeReps: perSide(int(0, 300, 'reps')).optional(),
})

export const LifestyleSection = z.strictObject({
  sittingHoursPerDay: num(0, 24, 'hours').optional(),
  highHeelsDaysPerWeek: num(0, 7, 'days').optional(),
  unsupportiveFlatShoesDaysPerWeek: num(0, 7, 'days').optional(),
})

export const TrainingSection = z.strictObject({
  weeklyKm: num(0, 500, 'km').optional(),
  weeklyKmFourWeeksAgo: num(0, 500, 'km').optional(),
  /** Longest single run in the 30 days before this week. */
  longestRunLast30DaysKm: num(0, 400, 'km').optional(),
  longestRunThisWeekKm: num(0, 400, 'km').optional(),
})

export const AssessmentInput = z.strictObject({
  athlete: AthleteSection.optional(),
  symptoms: SymptomsSection.optional(),
  history: HistorySection.optional(),
  screening: ScreeningSection.optional(),
  lifestyle: LifestyleSection.optional(),
  training: TrainingSection.optional(),
})
export type AssessmentInput = z.infer<typeof AssessmentInput>
export type PerSide<T> = { left?: T | undefined; right?: T | undefined }

export const SECTION_KEYS = ['athlete', 'symptoms', 'history', 'screening', 'lifestyle', 'training'] as const
export type SectionKey = (typeof SECTION_KEYS)[number]
/** A contract field, e.g. `['screening', 'kneeToWallCm']`. */
export type FieldPath = {
  [S in SectionKey]: readonly [S, keyof NonNullable<AssessmentInput[S]> & string]
}[SectionKey]

// ---------------------------------------------------------------------------------------------------------
// Output ids (frozen)

export const ReferralId = z.enum([
  'possible-pulmonary-embolism',
  'suspected-dvt',
  'suspected-calf-strain',
  'suspected-tendon-rupture',
  'suspected-compartment-syndrome',
  'suspected-vascular-entrapment',
  'suspected-stress-fracture',
  'suspected-nerve-root',
  'suspected-achilles-tendinopathy',
  'energy-availability-concern',
  // Added for issue 10:
  'possible-cauda-equina',
  'persistent-pain-after-running',
  'not-improving-with-conservative-care',
  'suspected-arterial-claudication',
])
export type ReferralId = z.infer<typeof ReferralId>
export const REFERRAL_IDS = ReferralId.options

export const FactorId = z.enum([
  'calf-endurance-deficit',
  'restricted-ankle-dorsiflexion',
  'gluteus-maximus-inhibition',
  'hip-abductor-weakness',
  'excessive-pronation',
  'footwear',
  'training-load-spike',
])
export type FactorId = z.infer<typeof FactorId>
export const FACTOR_IDS = FactorId.options

export const Triage = z.enum(['red', 'amber', 'green'])
export type Triage = z.infer<typeof Triage>

/** Ordered most urgent first. */
export const Urgency = z.enum(['emergency', 'same-day', 'before-progressing'])
export type Urgency = z.infer<typeof Urgency>

export const Likelihood = z.enum(['high', 'moderate', 'low'])
export type Likelihood = z.infer<typeof Likelihood>

export const PatternId = z.literal('exertional-calf-overload')
export type PatternId = z.infer<typeof PatternId>

export const PatternFit = z.enum(['typical', 'partial', 'atypical'])
export type PatternFit = z.infer<typeof PatternFit>

// ---------------------------------------------------------------------------------------------------------
// Output: Diagnosis

const Reason = z.string().min(1)

export const Referral = z.strictObject({
  id: ReferralId,
  urgency: Urgency,
  because: z.array(Reason).min(1),
})
export type Referral = z.infer<typeof Referral>

export const Factor = z.strictObject({
  id: FactorId,
  likelihood: Likelihood,
  evidence: z.array(Reason).min(1),
})
export type Factor = z.infer<typeof Factor>

export const Recommendation = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  dose: z.string().min(1),
})
export type Recommendation = z.infer<typeof Recommendation>

/**
 * Whether every red-flag question that applies to this runner was answered (issue 10). `unanswered` holds
 * question ids: the contract path of the field, e.g. "symptoms.swelling".
 */
export const RedFlagScreen = z.strictObject({
  complete: z.boolean(),
  unanswered: z.array(z.string().min(1)),
})
export type RedFlagScreen = z.infer<typeof RedFlagScreen>

export const Diagnosis = z.strictObject({
  triage: Triage,
  referrals: z.array(Referral),
  pattern: z.strictObject({ id: PatternId, fit: PatternFit }),
  factors: z.array(Factor),
  recommendations: z.array(Recommendation),
  missing: z.array(z.string().min(1)),
  /** Always produced by diagnose(); optional here so diagnoses saved before issue 10 still parse. */
  redFlagScreen: RedFlagScreen.optional(),
})
export type Diagnosis = z.infer<typeof Diagnosis>

// ---------------------------------------------------------------------------------------------------------
// Validation helpers shared by the CLI, the IPC layer and the form

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[')
}

/** One readable line per problem, each starting with the field path, e.g. `screening.kneeToWallCm.left: …`. */
export function describeIssues(error: z.ZodError): string[] {
  const lines: string[] = []
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = issuePath([...issue.path, key])
        lines.push(`${where}: unknown field "${key}" (not part of assessment contract v1)`)
      }
      continue
    }
    const where = issuePath(issue.path) || '(assessment)'
    let message = issue.message
    if (issue.code === 'invalid_type' && issue.expected === 'object') {
      message = issue.path.length === 0 ? 'the assessment must be a JSON object' : 'must be an object'
    }
    lines.push(`${where}: ${message}`)
  }
  return lines
}

export type ParseResult = { ok: true; value: AssessmentInput } | { ok: false; errors: string[] }

export function parseAssessment(data: unknown): ParseResult {
  const result = AssessmentInput.safeParse(data)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, errors: describeIssues(result.error) }
}

/** Every contract v1 input field, read from the schema itself (used to check the form and the rules). */
export function contractFieldPaths(): FieldPath[] {
  const out: FieldPath[] = []
  for (const section of SECTION_KEYS) {
    const object = AssessmentInput.shape[section].unwrap() as z.ZodObject
    for (const key of Object.keys(object.shape)) out.push([section, key] as unknown as FieldPath)
  }
  return out
}
