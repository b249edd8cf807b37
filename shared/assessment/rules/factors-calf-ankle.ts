// Calf and ankle factors: calf endurance (heel raises against age/sex norms) and ankle dorsiflexion
// (knee-to-wall). Part of FACTOR_RULES (see factors.ts).

import {
  HEEL_RAISE,
  KNEE_TO_WALL,
  heelRaiseFloor,
  heelRaiseNorm,
  heelRaiseOutsideTable,
  type AthleteFacts,
  type HeelRaiseNorm,
} from '../norms'
import {
  AGE_SEX,
  DEFAULT_THRESHOLDS,
  bothSidesFinding,
  listedSidesFinding,
  namedSidesFinding,
  normOrFloor,
  sideGapFinding,
  whoFor,
} from './findings'
import type { FactorRule } from './types'
import { fmt } from './types'

const HEEL = 'singleLegHeelRaiseReps' as const

/** "the average of 27 for women aged 35", or the floor wording when the age is unknown. */
function heelAverage(norm: HeelRaiseNorm, athlete: AthleteFacts): string {
  return athlete.ageYears === undefined
    ? `even the lowest age-group average of ${norm.mean} for ${whoFor(athlete.sex, undefined)} (age not recorded)`
    : `the average of ${norm.mean} for ${whoFor(athlete.sex, athlete.ageYears)}`
}

/** Age-matched norm, or the lowest average in the table when the age is unknown. */
const matchedOrFloor = normOrFloor(heelRaiseNorm, heelRaiseFloor)

/**
 * The norm to judge against, or null below the table's first age band: there is no published norm for
 * that age, so only the side-to-side comparison counts (issue 10; never an extrapolated average).
 */
function heelNorm(athlete: AthleteFacts): HeelRaiseNorm | null {
  return heelRaiseOutsideTable(athlete.ageYears) ? null : matchedOrFloor(athlete)
}

/** Beyond the test's noise: at least 6 reps short of the average (a deficit of exactly 6 counts). */
function clearlyBelow(reps: number, athlete: AthleteFacts): boolean {
  const norm = heelNorm(athlete)
  return norm !== null && reps <= norm.clearlyBelow
}

export const CALF_ANKLE_FACTOR_RULES: readonly FactorRule[] = [
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
      listedSidesFinding({
        id: 'clearly-below-age-sex-average',
        field: HEEL,
        alsoUses: AGE_SEX,
        weight: 3,
        test: (v, { athlete }) => clearlyBelow(v, athlete),
        unit: ' reps',
        text: (listed, { athlete }) =>
          `Heel raises ${listed}: clearly below ${heelAverage(heelNorm(athlete) as HeelRaiseNorm, athlete)} (${HEEL_RAISE.realChangeReps} or more reps short, beyond the test's noise).`,
      }),
      bothSidesFinding({
        id: 'clearly-below-on-both-sides',
        field: HEEL,
        alsoUses: AGE_SEX,
        weight: 1,
        test: (v, { athlete }) => clearlyBelow(v, athlete),
        text: 'Both calves are clearly short of the average, so this is not just one injured side.',
      }),
      // Fewer reps than average but within the test's ±6-rep noise is not evidence (issue 10, A2).
      sideGapFinding({
        id: 'side-to-side-deficit',
        field: HEEL,
        weight: 2,
        ratio: HEEL_RAISE.asymmetryRatio,
        minDiff: HEEL_RAISE.realChangeReps,
        text: (side, weak, strong) =>
          `The ${side} calf manages ${weak} heel raises against ${strong} on the other side (a gap beyond test noise).`,
      }),
      {
        id: 'previous-calf-injury',
        uses: [['history', 'previousCalfInjury']],
        weight: 1,
        supportOnly: true,
        when: ({ history }) =>
          history.previousCalfInjury === true
            ? 'A previous calf injury often leaves the calf with less endurance than before.'
            : null,
      },
      {
        id: 'new-to-running',
        uses: [['history', 'monthsRunning']],
        weight: 1,
        supportOnly: true,
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
      listedSidesFinding({
        id: 'under-10-cm',
        field: 'kneeToWallCm',
        weight: 2,
        test: (cm) => cm < KNEE_TO_WALL.restrictedBelowCm,
        unit: ' cm',
        text: (listed) => `Knee-to-wall ${listed}: under ${KNEE_TO_WALL.restrictedBelowCm} cm.`,
      }),
      namedSidesFinding({
        id: 'markedly-restricted',
        field: 'kneeToWallCm',
        weight: 1,
        test: (cm) => cm < KNEE_TO_WALL.markedlyRestrictedBelowCm,
        text: (sides) => `Under ${KNEE_TO_WALL.markedlyRestrictedBelowCm} cm on ${sides}: well short of the usual range.`,
      }),
      bothSidesFinding({
        id: 'restricted-both-sides',
        field: 'kneeToWallCm',
        weight: 1,
        test: (cm) => cm < KNEE_TO_WALL.restrictedBelowCm,
        text: 'Both ankles are restricted.',
      }),
      sideGapFinding({
        id: 'side-to-side-difference',
        field: 'kneeToWallCm',
        weight: 2,
        minDiff: KNEE_TO_WALL.asymmetryCm - 1e-9,
        text: (side, low, high) =>
          `The ${side} ankle reaches ${fmt(high - low)} cm less than the other (${KNEE_TO_WALL.asymmetryCm} cm or more is beyond measurement error).`,
      }),
    ],
  },
]
