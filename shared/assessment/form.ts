// Metadata for rendering the assessment screen generically: sections in the order a coach runs them, and for
// each contract field its path, label, input kind, options, unit, range, how-to help (our words) and, where a
// norm applies, the key for describeNorm(). Every contract field appears exactly once (checked by a test).

import { describeNorm, type AthleteFacts, type NormKey } from './norms'
import type { AssessmentInput, FieldPath } from './schema'

export type FieldKind =
  | 'boolean'
  | 'number'
  | 'enum'
  | 'multi'
  | 'per-side-number'
  | 'per-side-enum'
  | 'nullable-number'

export interface FormOption {
  readonly value: string
  readonly label: string
}

export interface FormField {
  readonly path: FieldPath
  readonly label: string
  readonly kind: FieldKind
  readonly options?: readonly FormOption[]
  readonly unit?: string
  readonly min?: number
  readonly max?: number
  readonly step?: number
  /** For 'nullable-number': what the explicit null means. */
  readonly nullLabel?: string
  readonly help: string
  readonly normKey?: NormKey
  /** Part of the red-flag screen: shown prominently and asked first. */
  readonly redFlag?: boolean
}

export type FormSectionId =
  | 'athlete'
  | 'symptoms'
  | 'red-flags'
  | 'history'
  | 'screening'
  | 'lifestyle'
  | 'training'

export interface FormSection {
  readonly id: FormSectionId
  readonly title: string
  readonly intro: string
  readonly fields: readonly FormField[]
}

const yesNo = (path: FieldPath, label: string, help: string, redFlag = false): FormField => ({
  path,
  label,
  kind: 'boolean',
  help,
  ...(redFlag ? { redFlag } : {}),
})

const POS_NEG_OPTIONS: readonly FormOption[] = [
  { value: 'negative', label: 'Negative' },
  { value: 'positive', label: 'Positive' },
]

export const ASSESSMENT_FORM: readonly FormSection[] = [
  {
    id: 'athlete',
    title: 'Athlete',
    intro: 'Age and sex select the norms shown next to each test.',
    fields: [
      {
        path: ['athlete', 'sex'],
        label: 'Sex',
        kind: 'enum',
        options: [
          { value: 'female', label: 'Female' },
          { value: 'male', label: 'Male' },
        ],
        help: 'Used only to pick the right norm table; it is never a reason for a referral.',
      },
      {
        path: ['athlete', 'ageYears'],
        label: 'Age',
        kind: 'number',
        unit: 'years',
        min: 10,
        max: 110,
        step: 1,
        help: 'Age in years on the day of the assessment.',
      },
    ],
  },
  {
    id: 'symptoms',
    title: 'The pain',
    intro: 'Let the runner describe a typical painful run in their own words, then pin down each point.',
    fields: [
      {
        path: ['symptoms', 'location'],
        label: 'Where is the pain?',
        kind: 'enum',
        options: [
          { value: 'calf', label: 'Calf muscle' },
          { value: 'achilles', label: 'Achilles tendon' },
          { value: 'shin', label: 'Shin (along the bone)' },
        ],
        help: 'Ask the runner to point with one finger. Tendon pain sits above the heel; shin pain sits along the inner edge of the shin bone.',
      },
      {
        path: ['symptoms', 'side'],
        label: 'Which leg?',
        kind: 'enum',
        options: [
          { value: 'left', label: 'Left' },
          { value: 'right', label: 'Right' },
          { value: 'both', label: 'Both' },
        ],
        help: 'Both legs at the same spot is worth noting: it is typical of compartment pressure.',
      },
      {
        path: ['symptoms', 'onset'],
        label: 'How did it start?',
        kind: 'enum',
        options: [
          { value: 'gradual', label: 'Gradually, over runs' },
          { value: 'sudden', label: 'Suddenly, at one moment' },
        ],
        help: 'A single moment of injury (a sprint, a hill, a push-off) points to a tear rather than overload.',
      },
      {
        path: ['symptoms', 'character'],
        label: 'What does it feel like?',
        kind: 'multi',
        options: [
          { value: 'cramping', label: 'Cramping' },
          { value: 'tight', label: 'Tight' },
          { value: 'dull', label: 'Dull' },
          { value: 'heavy', label: 'Heavy' },
          { value: 'aching', label: 'Aching' },
          { value: 'sharp', label: 'Sharp' },
          { value: 'burning', label: 'Burning' },
        ],
        help: 'Tick every word the runner uses.',
      },
      {
        path: ['symptoms', 'startsAfterMinutes'],
        label: 'Minutes into the run when it starts',
        kind: 'number',
        unit: 'min',
        min: 0,
        max: 600,
        step: 1,
        help: 'Enter 0 if it hurts from the first steps.',
      },
      yesNo(['symptoms', 'worsensAsRunContinues'], 'Gets worse the longer the run goes on?', 'Overload builds steadily once it has started.'),
      {
        path: ['symptoms', 'settlesAfterStoppingMinutes'],
        label: 'Minutes until it settles after stopping',
        kind: 'nullable-number',
        unit: 'min',
        min: 0,
        max: 1440,
        step: 1,
        nullLabel: 'It does not settle',
        help: 'Time from stopping to the pain having gone. Choose "does not settle" if it is still there hours later.',
        normKey: 'settlesAfterStoppingMinutes',
      },
      {
        path: ['symptoms', 'nextMorningPain'],
        label: 'Pain the next morning (0–10)',
        kind: 'number',
        min: 0,
        max: 10,
        step: 1,
        help: '0 = none, 10 = worst imaginable, on the morning after a typical painful run.',
        normKey: 'nextMorningPain',
      },
      yesNo(['symptoms', 'morningStiffness'], 'Stiff or sore on the first steps in the morning?', 'First-steps stiffness that eases as the tendon warms up is typical of Achilles tendinopathy.'),
      {
        path: ['symptoms', 'weeksSinceOnset'],
        label: 'Weeks since it started',
        kind: 'number',
        unit: 'weeks',
        min: 0,
        max: 520,
        step: 1,
        help: 'If nothing has improved after about 6 weeks of the calf and hip programme, the runner should be reviewed by a clinician.',
      },
    ],
  },
  {
    id: 'red-flags',
    title: 'Red-flag screen',
    intro: 'Ask every question, every time. Any "yes" here can change what happens next, whatever the tests show.',
    fields: [
      yesNo(['symptoms', 'chestPainOrBreathlessness'], 'Chest pain or unusual breathlessness?', 'With a painful calf this can mean a clot has reached the lungs: emergency.', true),
      yesNo(['symptoms', 'swelling'], 'Is the calf swollen?', 'Compare both calves with the runner lying down.', true),
      yesNo(['symptoms', 'warmthOrRedness'], 'Is the calf warm or red?', 'Feel with the back of the hand and compare sides.', true),
      {
        path: ['symptoms', 'calfCircumferenceDifferenceCm'],
        label: 'Calf girth difference (painful minus other)',
        kind: 'number',
        unit: 'cm',
        min: -20,
        max: 20,
        step: 0.5,
        help: 'Tape around both calves 10 cm below the bony bump under the kneecap; enter the painful side minus the other side.',
        normKey: 'calfCircumferenceDifferenceCm',
        redFlag: true,
      },
      yesNo(['symptoms', 'bruising'], 'Any bruising on the calf?', 'Bruising often appears a day or two after a muscle tear, sometimes lower down the leg.', true),
      yesNo(['symptoms', 'popOrKickSensation'], 'Felt a pop, snap or kick in the back of the leg?', 'Many people with a tear look round to see who kicked them.', true),
      yesNo(['symptoms', 'unableToHeelRaise'], 'Unable to rise onto the toes of that leg?', 'One single-leg heel raise, holding a wall for balance.', true),
      yesNo(['symptoms', 'painAtRest'], 'Pain at rest?', 'Pain sitting or lying still, not just when running.', true),
      yesNo(['symptoms', 'nightPain'], 'Pain at night?', 'Pain that wakes the runner or keeps them awake.', true),
      yesNo(['symptoms', 'numbnessOrTingling'], 'Numbness or pins and needles in the leg or foot?', 'During or after runs.', true),
      yesNo(['symptoms', 'footWeakness'], 'Foot weakness or slapping?', 'The foot flops, slaps or catches the ground during runs.', true),
      yesNo(['symptoms', 'coldOrPaleFoot'], 'Foot cold or pale?', 'During or after runs, compared with the other foot.', true),
      yesNo(['symptoms', 'focalBoneTenderness'], 'Tender at one spot on the bone?', 'Press along the shin bone and the outer leg bone with a fingertip; note one small sore spot.', true),
      yesNo(['symptoms', 'painfulHop'], 'Painful single-leg hop?', 'Ten small hops on the painful leg; stop at the first pain. Skip it if walking already hurts.', true),
      yesNo(['symptoms', 'backPainOrRadiatingPain'], 'Back pain, or pain spreading from the buttock down the leg?', 'Burning or electric pain travelling down the leg suggests a nerve source.', true),
    ],
  },
  {
    id: 'history',
    title: 'History',
    intro: 'Risk factors for clots and bone stress, and the running background.',
    fields: [
      yesNo(['history', 'recentSurgeryOrImmobilisation'], 'Surgery, a cast or a spell of immobility in the last 12 weeks?', 'Includes a few days in bed.', true),
      yesNo(['history', 'recentLongHaulTravel'], 'Long-haul journey recently (more than about 4 hours)?', 'Flights or long drives, especially on the way home from a race.', true),
      yesNo(['history', 'previousDvt'], 'Ever had a blood clot (DVT or PE)?', 'A clot in a deep leg vein or on the lungs, at any time.', true),
      yesNo(['history', 'activeCancer'], 'Cancer now or treated in the last 6 months?', 'Any cancer that is current or was treated in the last six months.', true),
      yesNo(['history', 'hormonalContraceptiveOrHrt'], 'Taking hormonal contraception or HRT?', 'Oestrogen-containing pills, patches or rings raise clot risk.'),
      yesNo(['history', 'previousCalfInjury'], 'Previous calf injury?', 'Any earlier strain or tear on either side.'),
      yesNo(['history', 'previousBoneStressInjury'], 'Previous stress fracture or bone stress injury?', 'Any stress fracture or bone stress reaction, at any site, at any time.'),
      yesNo(['history', 'irregularOrAbsentPeriods'], 'Periods irregular or stopped?', 'Ask female runners (not on hormonal contraception, which masks this) whether periods have become irregular or stopped.'),
      {
        path: ['history', 'monthsRunning'],
        label: 'Months of regular running',
        kind: 'number',
        unit: 'months',
        min: 0,
        max: 1200,
        step: 1,
        help: 'Since the runner started running regularly (or restarted after a long break).',
      },
    ],
  },
  {
    id: 'screening',
    title: 'Screening tests',
    intro: 'Test both sides, the same way each time, ideally by the same person. The typical range for this runner is shown next to each test.',
    fields: [
      {
        path: ['screening', 'kneeToWallCm'],
        label: 'Knee-to-wall',
        kind: 'per-side-number',
        unit: 'cm',
        min: 0,
        max: 30,
        step: 0.5,
        help: 'Barefoot, foot straight at the wall. Keeping the heel down, bend the knee to touch the wall; slide the foot back until the knee only just touches. Measure big toe to wall. Best of 2–3 tries each side.',
        normKey: 'kneeToWallCm',
      },
      {
        path: ['screening', 'singleLegHeelRaiseReps'],
        label: 'Single-leg heel raises',
        kind: 'per-side-number',
        unit: 'reps',
        min: 0,
        max: 300,
        step: 1,
        help: 'On one leg on a 10° slope, knee straight, fingertips on the wall. Rise as high as possible and lower in time with a 60 bpm metronome (one rise every 2 s). Stop when height, rhythm or posture slips.',
        normKey: 'singleLegHeelRaiseReps',
      },
      {
        path: ['screening', 'thomasTest'],
        label: 'Thomas test (hip flexors)',
        kind: 'per-side-enum',
        options: POS_NEG_OPTIONS,
        help: 'Runner lies back from the end of a couch, hugging one knee to flatten the lower back; the other leg hangs. Positive if that thigh stays above horizontal. The result only counts with the pelvis held flat.',
        normKey: 'thomasTest',
      },
      {
        path: ['screening', 'singleLegSquat'],
        label: 'Single-leg squat',
        kind: 'per-side-enum',
        options: [
          { value: 'good', label: 'Good' },
          { value: 'fair', label: 'Fair' },
          { value: 'poor', label: 'Poor' },
        ],
        help: 'Hands on hips, squat on one leg to about 60° of knee bend and back up in about 6 s. Watch the hip, knee, trunk and foot from the front.',
        normKey: 'singleLegSquat',
      },
      {
        path: ['screening', 'trendelenburg'],
        label: 'Trendelenburg test',
        kind: 'per-side-enum',
        options: POS_NEG_OPTIONS,
        help: 'Stand on the test leg and lift the other foot for 30 seconds. Positive if the pelvis sags on the lifted side. Record it under the standing leg.',
        normKey: 'trendelenburg',
      },
      {
        path: ['screening', 'hipAbductionNmPerKg'],
        label: 'Hip abduction strength',
        kind: 'per-side-number',
        unit: 'Nm/kg',
        min: 0,
        max: 5,
        step: 0.01,
        help: 'Hand-held dynamometer: force (N) × lever arm from hip joint to the pad (m) ÷ body mass (kg). Test position changes the result a lot, so always use the same one.',
        normKey: 'hipAbductionNmPerKg',
      },
      {
        path: ['screening', 'footPostureIndex'],
        label: 'Foot Posture Index (FPI-6)',
        kind: 'per-side-number',
        min: -12,
        max: 12,
        step: 1,
        help: 'Runner stands relaxed. Score six features of the foot from −2 to +2 each and add them: negative means a high-arched, supinated foot, positive a rolled-in, pronated one.',
        normKey: 'footPostureIndex',
      },
      {
        path: ['screening', 'navicularDropMm'],
        label: 'Navicular drop',
        kind: 'per-side-number',
        unit: 'mm',
        min: 0,
        max: 40,
        step: 1,
        help: 'Mark the bony bump on the inner midfoot. Measure its height sitting with the foot in neutral, then standing relaxed; enter the drop. Less repeatable than FPI-6, so optional if FPI-6 was done.',
        normKey: 'navicularDropMm',
      },
      {
        path: ['screening', 'singleLegBridgeReps'],
        label: 'Single-leg bridge',
        kind: 'per-side-number',
        unit: 'reps',
        min: 0,
        max: 300,
        step: 1,
        help: 'Lying on the back, one foot on the floor, the other leg held up. Lift the hips until knee, hip and shoulder line up, lower to touch, and repeat at a steady pace until form slips.',
        normKey: 'singleLegBridgeReps',
      },
    ],
  },
  {
    id: 'lifestyle',
    title: 'Everyday life',
    intro: 'What the calves and hips do outside running.',
    fields: [
      {
        path: ['lifestyle', 'sittingHoursPerDay'],
        label: 'Hours sitting per day',
        kind: 'number',
        unit: 'hours',
        min: 0,
        max: 24,
        step: 0.5,
        help: 'Work, commuting and screen time together on a typical weekday.',
        normKey: 'sittingHoursPerDay',
      },
      {
        path: ['lifestyle', 'highHeelsDaysPerWeek'],
        label: 'Days a week in high heels',
        kind: 'number',
        unit: 'days',
        min: 0,
        max: 7,
        step: 1,
        help: 'Any raised heel worn for most of the day.',
        normKey: 'highHeelsDaysPerWeek',
      },
      {
        path: ['lifestyle', 'unsupportiveFlatShoesDaysPerWeek'],
        label: 'Days a week in flat unsupportive shoes',
        kind: 'number',
        unit: 'days',
        min: 0,
        max: 7,
        step: 1,
        help: 'Flip-flops, ballet flats, sheepskin boots and similar, worn for most of the day.',
        normKey: 'unsupportiveFlatShoesDaysPerWeek',
      },
    ],
  },
  {
    id: 'training',
    title: 'Training',
    intro: 'Recent running load, from the log or the runner’s watch.',
    fields: [
      {
        path: ['training', 'weeklyKm'],
        label: 'Distance this week',
        kind: 'number',
        unit: 'km',
        min: 0,
        max: 500,
        step: 0.5,
        help: 'Total running distance in the last 7 days.',
      },
      {
        path: ['training', 'weeklyKmFourWeeksAgo'],
        label: 'Weekly distance four weeks ago',
        kind: 'number',
        unit: 'km',
        min: 0,
        max: 500,
        step: 0.5,
        help: 'Total for the week four weeks before this one.',
      },
      {
        path: ['training', 'longestRunLast30DaysKm'],
        label: 'Longest run in the previous 30 days',
        kind: 'number',
        unit: 'km',
        min: 0,
        max: 400,
        step: 0.5,
        help: 'The longest single run in the 30 days before this week (not counting this week).',
      },
      {
        path: ['training', 'longestRunThisWeekKm'],
        label: 'Longest run this week',
        kind: 'number',
        unit: 'km',
        min: 0,
        max: 400,
        step: 0.5,
        help: 'The longest single run in the last 7 days.',
        normKey: 'longestRunThisWeekKm',
      },
    ],
  },
]

/** All fields in form order. */
export const FORM_FIELDS: readonly FormField[] = ASSESSMENT_FORM.flatMap((s) => s.fields)

export function pathKey(path: FieldPath): string {
  return `${path[0]}.${path[1]}`
}

const FIELD_BY_KEY: ReadonlyMap<string, { field: FormField; section: FormSection }> = new Map(
  ASSESSMENT_FORM.flatMap((section) => section.fields.map((field) => [pathKey(field.path), { field, section }] as const)),
)

export function formField(path: FieldPath): FormField | undefined {
  return FIELD_BY_KEY.get(pathKey(path))?.field
}

export function formSectionOf(path: FieldPath): FormSection | undefined {
  return FIELD_BY_KEY.get(pathKey(path))?.section
}

/** The recorded value at a path (undefined when the section or field is missing). */
export function getFieldValue(input: AssessmentInput, path: FieldPath): unknown {
  const section = input[path[0]] as Record<string, unknown> | undefined
  return section?.[path[1]]
}

/**
 * A copy of the assessment with one field set (or removed when value is undefined). Empty sections are
 * dropped so the saved JSON stays minimal. The result is not validated: run parseAssessment() on it.
 */
export function setFieldValue(input: AssessmentInput, path: FieldPath, value: unknown): AssessmentInput {
  const [sectionKey, fieldKey] = path
  const section: Record<string, unknown> = { ...((input[sectionKey] as Record<string, unknown> | undefined) ?? {}) }
  if (value === undefined) delete section[fieldKey]
  else section[fieldKey] = value
  const next: Record<string, unknown> = { ...input }
  if (Object.keys(section).length === 0) delete next[sectionKey]
  else next[sectionKey] = section
  return next as AssessmentInput
}

/** The norm line to show next to a field, for this athlete (undefined when no norm applies). */
export function normFor(field: FormField, athlete?: AthleteFacts): string | undefined {
  return field.normKey ? describeNorm(field.normKey, athlete) : undefined
}
