// Contributing factors: what is most likely overloading the calf. Each finding adds points; the total maps to
// a likelihood through the rule's thresholds, capped where the evidence behind the mechanism is weak.
// Findings only fire on recorded values, so removing a finding can never create a factor.

import {
  FOOT_POSTURE,
  HEEL_RAISE,
  KNEE_TO_WALL,
  LIFESTYLE,
  NAVICULAR_DROP,
  SINGLE_LEG_BRIDGE,
  TRAINING_LOAD,
  heelRaiseFloor,
  heelRaiseNorm,
  hipAbductionFloor,
  hipAbductionNorm,
  type AthleteFacts,
  type HeelRaiseNorm,
  type HipAbductionNorm,
} from '../norms'
import type { Side } from '../schema'
import type { FactorRule, PerSideValue } from './types'
import { fmt, sideWords, sidesWhere } from './types'

const SC = 'screening' as const
const DEFAULT_THRESHOLDS = { high: 4, moderate: 2, low: 1 } as const

function whoFor(sex: string | undefined, age: number | undefined): string {
  const s = sex === 'female' ? 'women' : sex === 'male' ? 'men' : 'adults'
  return age === undefined ? s : `${s} aged ${Math.round(age)}`
}

/** "the average of 27 for women aged 35", or the floor wording when the age is unknown. */
function heelAverage(norm: HeelRaiseNorm, athlete: AthleteFacts): string {
  return athlete.ageYears === undefined
    ? `even the lowest age-group average of ${norm.mean} for ${whoFor(athlete.sex, undefined)} (age not recorded)`
    : `the average of ${norm.mean} for ${whoFor(athlete.sex, athlete.ageYears)}`
}

/** Age-matched norm, or the lowest average in the table when the age is unknown (never stricter than the truth). */
function heelNorm(athlete: AthleteFacts): HeelRaiseNorm {
  return heelRaiseNorm(athlete.ageYears, athlete.sex) ?? heelRaiseFloor(athlete.sex)
}

function hipNorm(athlete: AthleteFacts): HipAbductionNorm {
  return hipAbductionNorm(athlete.ageYears, athlete.sex) ?? hipAbductionFloor(athlete.sex)
}

function listSides<T>(value: PerSideValue<T>, sides: readonly Side[], unit: string): string {
  return sides.map((side) => `${side} ${fmt(Number(value?.[side]))}${unit}`).join(', ')
}

/** [weaker side, weaker value, stronger value] when both sides are recorded. */
function weakerSide(value: PerSideValue<number>): [Side, number, number] | null {
  const l = value?.left
  const r = value?.right
  if (l === undefined || r === undefined) return null
  return l <= r ? ['left', l, r] : ['right', r, l]
}

export const FACTOR_RULES: readonly FactorRule[] = [
  {
    kind: 'factor',
    id: 'calf-endurance-deficit',
    title: 'Calf endurance below what running asks of it',
    explanation:
      'Each stride the calf has to lift and drive the whole body forward. If it tires early, it tightens and aches as the run goes on. The single-leg heel-raise test measures this against the average for the runner’s age and sex; a side clearly weaker than the other counts too. New runners and runners with an old calf injury are the usual suspects.',
    source: 'calf-pain-in-runners (calf overload); Hébert-Losier 2017 norms (clinical-and-peers A2, B1)',
    evidenceStrength: 'measured-norm',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'high',
    findings: [
      {
        id: 'clearly-below-age-sex-average',
        uses: [
          [SC, 'singleLegHeelRaiseReps'],
          ['athlete', 'ageYears'],
          ['athlete', 'sex'],
        ],
        weight: 3,
        when: ({ screening, athlete }) => {
          const norm = heelNorm(athlete)
          const reps = screening.singleLegHeelRaiseReps
          const low = sidesWhere(reps, (v) => v < norm.clearlyBelow)
          if (low.length === 0) return null
          return `Heel raises ${listSides(reps, low, ' reps')}: clearly below ${heelAverage(norm, athlete)} (more than ${HEEL_RAISE.realChangeReps} reps short).`
        },
      },
      {
        id: 'clearly-below-on-both-sides',
        uses: [
          [SC, 'singleLegHeelRaiseReps'],
          ['athlete', 'ageYears'],
          ['athlete', 'sex'],
        ],
        weight: 1,
        when: ({ screening, athlete }) => {
          const norm = heelNorm(athlete)
          return sidesWhere(screening.singleLegHeelRaiseReps, (v) => v < norm.clearlyBelow).length === 2
            ? 'Both calves are clearly short of the average, so this is not just one injured side.'
            : null
        },
      },
      {
        id: 'below-age-sex-average',
        uses: [
          [SC, 'singleLegHeelRaiseReps'],
          ['athlete', 'ageYears'],
          ['athlete', 'sex'],
        ],
        weight: 1,
        when: ({ screening, athlete }) => {
          const norm = heelNorm(athlete)
          const reps = screening.singleLegHeelRaiseReps
          const low = sidesWhere(reps, (v) => v < norm.mean && v >= norm.clearlyBelow)
          if (low.length === 0) return null
          return `Heel raises ${listSides(reps, low, ' reps')}: a little under ${heelAverage(norm, athlete)} (within the test’s ±${HEEL_RAISE.realChangeReps}-rep noise).`
        },
      },
      {
        id: 'side-to-side-deficit',
        uses: [[SC, 'singleLegHeelRaiseReps']],
        weight: 2,
        when: ({ screening }) => {
          const w = weakerSide(screening.singleLegHeelRaiseReps)
          if (!w) return null
          const [side, weak, strong] = w
          return weak < strong * HEEL_RAISE.asymmetryRatio && strong - weak >= HEEL_RAISE.realChangeReps
            ? `The ${side} calf manages ${weak} heel raises against ${strong} on the other side (a gap beyond test noise).`
            : null
        },
      },
      {
        id: 'small-side-to-side-gap',
        uses: [[SC, 'singleLegHeelRaiseReps']],
        weight: 1,
        when: ({ screening }) => {
          const w = weakerSide(screening.singleLegHeelRaiseReps)
          if (!w) return null
          const [side, weak, strong] = w
          return weak < strong * HEEL_RAISE.asymmetryRatio && strong - weak < HEEL_RAISE.realChangeReps
            ? `The ${side} calf is more than 10 % behind the other (${weak} vs ${strong} reps), though within test noise.`
            : null
        },
      },
      {
        id: 'previous-calf-injury',
        uses: [['history', 'previousCalfInjury']],
        weight: 1,
        when: ({ history }) =>
          history.previousCalfInjury === true
            ? 'A previous calf injury often leaves the calf with less endurance than before.'
            : null,
      },
      {
        id: 'new-to-running',
        uses: [['history', 'monthsRunning']],
        weight: 1,
        when: ({ history }) =>
          history.monthsRunning !== undefined && history.monthsRunning < 6
            ? `Running for only ${fmt(history.monthsRunning)} months: the calves may not yet be used to the work (many adapt as running continues).`
            : null,
      },
    ],
  },
  {
    kind: 'factor',
    id: 'restricted-ankle-dorsiflexion',
    title: 'Stiff ankle (restricted dorsiflexion)',
    explanation:
      'If the shin cannot travel far enough over the foot, the calf is stretched hard in a narrow range on every step and tends to tighten up protectively, and the foot rolls in to find the missing range. Knee-to-wall under 10 cm, or sides 1.5 cm or more apart, is beyond measurement error. Small differences between sides can be normal.',
    source: 'calf-pain-in-runners (restricted dorsiflexion); Chisholm 2012, Bennell 1998 (clinical-and-peers A1)',
    evidenceStrength: 'measured-norm',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'high',
    findings: [
      {
        id: 'under-10-cm',
        uses: [[SC, 'kneeToWallCm']],
        weight: 2,
        when: ({ screening }) => {
          const v = screening.kneeToWallCm
          const low = sidesWhere(v, (cm) => cm < KNEE_TO_WALL.restrictedBelowCm)
          return low.length
            ? `Knee-to-wall ${listSides(v, low, ' cm')}: under ${KNEE_TO_WALL.restrictedBelowCm} cm.`
            : null
        },
      },
      {
        id: 'markedly-restricted',
        uses: [[SC, 'kneeToWallCm']],
        weight: 1,
        when: ({ screening }) => {
          const low = sidesWhere(screening.kneeToWallCm, (cm) => cm < KNEE_TO_WALL.markedlyRestrictedBelowCm)
          return low.length
            ? `Under ${KNEE_TO_WALL.markedlyRestrictedBelowCm} cm on ${sideWords(low)}: well short of the usual range.`
            : null
        },
      },
      {
        id: 'restricted-both-sides',
        uses: [[SC, 'kneeToWallCm']],
        weight: 1,
        when: ({ screening }) =>
          sidesWhere(screening.kneeToWallCm, (cm) => cm < KNEE_TO_WALL.restrictedBelowCm).length === 2
            ? 'Both ankles are restricted.'
            : null,
      },
      {
        id: 'side-to-side-difference',
        uses: [[SC, 'kneeToWallCm']],
        weight: 2,
        when: ({ screening }) => {
          const w = weakerSide(screening.kneeToWallCm)
          if (!w) return null
          const [side, low, high] = w
          const diff = high - low
          return diff >= KNEE_TO_WALL.asymmetryCm - 1e-9
            ? `The ${side} ankle reaches ${fmt(diff)} cm less than the other (${KNEE_TO_WALL.asymmetryCm} cm or more is beyond measurement error).`
            : null
        },
      },
    ],
  },
  {
    kind: 'factor',
    id: 'gluteus-maximus-inhibition',
    title: 'Under-working gluteus maximus (hypothesis)',
    explanation:
      'The article argues that long sitting shortens the hip flexors, which switches off the gluteus maximus, so the hamstrings and calves take over its share of the push. This chain is a hypothesis: EMG studies do not support a fixed glute "firing order", and the Thomas test is unreliable unless the pelvis is controlled. A weak single-leg bridge is the most direct sign. Treat this as a reason to add glute work, not as a firm explanation.',
    source: 'calf-pain-in-runners (hip muscle inhibition); clinical-and-peers A3 (Thomas test validity), A7 (firing order not supported by EMG)',
    evidenceStrength: 'hypothesis',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'moderate',
    findings: [
      {
        id: 'weak-single-leg-bridge',
        uses: [[SC, 'singleLegBridgeReps']],
        weight: 2,
        when: ({ screening }) => {
          const v = screening.singleLegBridgeReps
          const low = sidesWhere(v, (n) => n < SINGLE_LEG_BRIDGE.weakBelowReps)
          return low.length
            ? `Single-leg bridge ${listSides(v, low, ' reps')}: under ${SINGLE_LEG_BRIDGE.weakBelowReps} (CalfCoach convention; no published norm).`
            : null
        },
      },
      {
        id: 'bridge-side-to-side-gap',
        uses: [[SC, 'singleLegBridgeReps']],
        weight: 1,
        when: ({ screening }) => {
          const w = weakerSide(screening.singleLegBridgeReps)
          if (!w) return null
          const [side, weak, strong] = w
          return weak < strong * SINGLE_LEG_BRIDGE.asymmetryRatio
            ? `The ${side} single-leg bridge is more than 10 % behind the other (${weak} vs ${strong} reps).`
            : null
        },
      },
      {
        id: 'short-hip-flexors',
        uses: [[SC, 'thomasTest']],
        weight: 1,
        when: ({ screening }) => {
          const pos = sidesWhere(screening.thomasTest, (r) => r === 'positive')
          return pos.length
            ? `Thomas test positive on ${sideWords(pos)}: short hip flexors (a weak sign unless the pelvis was held flat).`
            : null
        },
      },
      {
        id: 'long-sitting',
        uses: [['lifestyle', 'sittingHoursPerDay']],
        weight: 1,
        when: ({ lifestyle }) =>
          lifestyle.sittingHoursPerDay !== undefined && lifestyle.sittingHoursPerDay >= LIFESTYLE.longSittingHours
            ? `Sits about ${fmt(lifestyle.sittingHoursPerDay)} hours a day.`
            : null,
      },
    ],
  },
  {
    kind: 'factor',
    id: 'hip-abductor-weakness',
    title: 'Weak hip abductors (gluteus medius and minimus)',
    explanation:
      'Weak side-hip muscles let the thigh drop inwards and rotate on landing. That twists the shin and rolls the foot in, so the calf works out of line and the deep tibialis posterior works overtime. Hip strengthening makes sense for a runner with measured weakness, but a large trial found that a general hip programme did not prevent running injuries, so it is targeted rehab rather than universal prevention.',
    source: 'calf-pain-in-runners (weak hip abductors); Ramskov 2014; Toresdahl 2019 (clinical-and-peers A4–A6, D)',
    evidenceStrength: 'mixed',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'high',
    findings: [
      {
        id: 'poor-single-leg-squat',
        uses: [[SC, 'singleLegSquat']],
        weight: 2,
        when: ({ screening }) => {
          const poor = sidesWhere(screening.singleLegSquat, (q) => q === 'poor')
          return poor.length
            ? `Single-leg squat poor on ${sideWords(poor)}: the hip drops, the knee caves in or the trunk leans.`
            : null
        },
      },
      {
        id: 'fair-single-leg-squat',
        uses: [[SC, 'singleLegSquat']],
        weight: 1,
        when: ({ screening }) => {
          const fair = sidesWhere(screening.singleLegSquat, (q) => q === 'fair')
          return fair.length ? `Single-leg squat only fair on ${sideWords(fair)}: aligned but short of 60° knee bend.` : null
        },
      },
      {
        id: 'positive-trendelenburg',
        uses: [[SC, 'trendelenburg']],
        weight: 2,
        when: ({ screening }) => {
          const pos = sidesWhere(screening.trendelenburg, (r) => r === 'positive')
          return pos.length
            ? `Trendelenburg positive standing on ${sideWords(pos)}: the pelvis drops on the other side.`
            : null
        },
      },
      {
        id: 'hip-abduction-below-norm',
        uses: [
          [SC, 'hipAbductionNmPerKg'],
          ['athlete', 'ageYears'],
          ['athlete', 'sex'],
        ],
        weight: 2,
        when: ({ screening, athlete }) => {
          const norm = hipNorm(athlete)
          const v = screening.hipAbductionNmPerKg
          const low = sidesWhere(v, (x) => x < norm.lowBelow)
          return low.length
            ? `Hip abduction ${listSides(v, low, ' Nm/kg')}: more than 1 SD below the ${fmt(norm.expected, 2)} Nm/kg expected for ${athlete.ageYears === undefined ? 'even the oldest runners (age not recorded)' : whoFor(athlete.sex, athlete.ageYears)}.`
            : null
        },
      },
    ],
  },
  {
    kind: 'factor',
    id: 'excessive-pronation',
    title: 'Foot rolling in (excessive pronation)',
    explanation:
      'A foot that rolls in a lot asks the deep calf muscle (tibialis posterior) to brake it on every step, and pronation also makes up for a stiff ankle or a weak hip. FPI-6 is the more reliable measure; navicular drop varies a lot between sessions, so it counts for less.',
    source: 'calf-pain-in-runners (pronation and tibialis posterior); Redmond FPI-6, Brody 1982 (clinical-and-peers A8)',
    evidenceStrength: 'mixed',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'high',
    findings: [
      {
        id: 'pronated-fpi',
        uses: [[SC, 'footPostureIndex']],
        weight: 2,
        when: ({ screening }) => {
          const v = screening.footPostureIndex
          const pro = sidesWhere(v, (x) => x >= FOOT_POSTURE.pronatedFrom)
          return pro.length ? `FPI-6 ${listSides(v, pro, '')}: pronated (+${FOOT_POSTURE.pronatedFrom} or more).` : null
        },
      },
      {
        id: 'highly-pronated-fpi',
        uses: [[SC, 'footPostureIndex']],
        weight: 1,
        when: ({ screening }) => {
          const hi = sidesWhere(screening.footPostureIndex, (x) => x >= FOOT_POSTURE.highlyPronatedFrom)
          return hi.length ? `Highly pronated on ${sideWords(hi)} (FPI-6 +${FOOT_POSTURE.highlyPronatedFrom} or more).` : null
        },
      },
      {
        id: 'large-navicular-drop',
        uses: [[SC, 'navicularDropMm']],
        weight: 1,
        when: ({ screening }) => {
          const v = screening.navicularDropMm
          const hi = sidesWhere(v, (x) => x > NAVICULAR_DROP.excessiveAboveMm)
          return hi.length
            ? `Navicular drop ${listSides(v, hi, ' mm')}: over ${NAVICULAR_DROP.excessiveAboveMm} mm (a less reliable test).`
            : null
        },
      },
    ],
  },
  {
    kind: 'factor',
    id: 'footwear',
    title: 'Everyday footwear',
    explanation:
      'High heels hold the calf short for hours, and flat shoes without support (flip-flops, ballet flats, sheepskin boots) give it no help. The article blames both for tight calves before a run even starts. This is practitioner opinion without trial evidence, so it is never rated above moderate.',
    source: 'calf-pain-in-runners (footwear); practitioner opinion',
    evidenceStrength: 'practitioner-opinion',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'moderate',
    findings: [
      {
        id: 'heels-most-days',
        uses: [['lifestyle', 'highHeelsDaysPerWeek']],
        weight: 2,
        when: ({ lifestyle }) =>
          lifestyle.highHeelsDaysPerWeek !== undefined && lifestyle.highHeelsDaysPerWeek >= LIFESTYLE.mostDaysPerWeek
            ? `Wears high heels ${fmt(lifestyle.highHeelsDaysPerWeek)} days a week.`
            : null,
      },
      {
        id: 'unsupportive-flats-most-days',
        uses: [['lifestyle', 'unsupportiveFlatShoesDaysPerWeek']],
        weight: 2,
        when: ({ lifestyle }) =>
          lifestyle.unsupportiveFlatShoesDaysPerWeek !== undefined &&
          lifestyle.unsupportiveFlatShoesDaysPerWeek >= LIFESTYLE.mostDaysPerWeek
            ? `Wears flat unsupportive shoes ${fmt(lifestyle.unsupportiveFlatShoesDaysPerWeek)} days a week.`
            : null,
      },
      {
        id: 'heels-and-flats-together',
        uses: [
          ['lifestyle', 'highHeelsDaysPerWeek'],
          ['lifestyle', 'unsupportiveFlatShoesDaysPerWeek'],
        ],
        weight: 1,
        when: ({ lifestyle }) => {
          const h = lifestyle.highHeelsDaysPerWeek ?? 0
          const f = lifestyle.unsupportiveFlatShoesDaysPerWeek ?? 0
          return h > 0 && f > 0 && h + f >= LIFESTYLE.mostDaysPerWeek
            ? `Heels and unsupportive flats together on ${fmt(h + f)} days a week.`
            : null
        },
      },
    ],
  },
  {
    kind: 'factor',
    id: 'training-load-spike',
    title: 'Sudden jump in running load',
    explanation:
      'In a large study of runners the load pattern most linked to injury was a single run longer than anything in the previous 30 days; more than 10 % longer already raised the risk, and double the distance raised it most. Weekly-distance jumps predicted injury poorly in that study, so they count for little here.',
    source: 'Frandsen/Nielsen 2025 BJSM (Garmin-RUNSAFE); Nielsen 2014 JOSPT (clinical-and-peers C2, C4)',
    evidenceStrength: 'mixed',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'high',
    findings: [
      {
        id: 'run-beyond-30-day-longest',
        uses: [
          ['training', 'longestRunThisWeekKm'],
          ['training', 'longestRunLast30DaysKm'],
        ],
        weight: 2,
        when: ({ training }) => {
          const now = training.longestRunThisWeekKm
          const before = training.longestRunLast30DaysKm
          if (now === undefined || before === undefined || now <= 0) return null
          if (now <= before * TRAINING_LOAD.singleRunRatio) return null
          if (before === 0) return `This week's ${fmt(now)} km run follows no running at all in the previous 30 days.`
          const pct = Math.round((now / before - 1) * 100)
          return `This week's longest run, ${fmt(now)} km, is ${pct} % longer than the previous 30-day longest of ${fmt(before)} km.`
        },
      },
      {
        id: 'run-double-the-30-day-longest',
        uses: [
          ['training', 'longestRunThisWeekKm'],
          ['training', 'longestRunLast30DaysKm'],
        ],
        weight: 2,
        when: ({ training }) => {
          const now = training.longestRunThisWeekKm
          const before = training.longestRunLast30DaysKm
          if (now === undefined || before === undefined || now <= 0) return null
          return now > before * TRAINING_LOAD.singleRunRatioDouble
            ? 'That run was more than double the recent longest, the step linked to the highest injury rate.'
            : null
        },
      },
      {
        id: 'sharp-weekly-rise',
        uses: [
          ['training', 'weeklyKm'],
          ['training', 'weeklyKmFourWeeksAgo'],
        ],
        weight: 1,
        when: ({ training }) => {
          const now = training.weeklyKm
          const before = training.weeklyKmFourWeeksAgo
          if (now === undefined || before === undefined) return null
          if (now - before < TRAINING_LOAD.weeklyRiseMinKm || now < before * TRAINING_LOAD.weeklyRiseRatio) return null
          return before > 0
            ? `Weekly distance rose from ${fmt(before)} to ${fmt(now)} km in four weeks (${Math.round((now / before - 1) * 100)} % up).`
            : `Weekly distance rose from nothing to ${fmt(now)} km in four weeks.`
        },
      },
    ],
  },
]
