// Hip factors: an under-working gluteus maximus (a hypothesis) and weak hip abductors. Part of FACTOR_RULES
// (see factors.ts).

import { HIP_ABDUCTION, LIFESTYLE, SINGLE_LEG_BRIDGE, hipAbductionFloor, hipAbductionNorm, hipAbductionOutsideRange, type AthleteFacts, type HipAbductionNorm } from '../norms'
import {
  AGE_SEX,
  DEFAULT_THRESHOLDS,
  atLeastFinding,
  listedSidesFinding,
  namedSidesFinding,
  normOrFloor,
  sideGapFinding,
  whoFor,
} from './findings'
import type { FactorRule } from './types'
import { fmt } from './types'

/** Age-matched norm, or the lowest expectation within the equation's ages when the age is unknown. */
const matchedOrFloor = normOrFloor(hipAbductionNorm, hipAbductionFloor)

/**
 * The norm to judge against, or null outside the equation's ages (18–65): there is no published norm for
 * that age, so only the side-to-side comparison counts (issue 10; never an extrapolated expectation).
 */
function hipNorm(athlete: AthleteFacts): HipAbductionNorm | null {
  return hipAbductionOutsideRange(athlete.ageYears) ? null : matchedOrFloor(athlete)
}

export const HIP_FACTOR_RULES: readonly FactorRule[] = [
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
      listedSidesFinding({
        id: 'weak-single-leg-bridge',
        field: 'singleLegBridgeReps',
        weight: 2,
        test: (n) => n < SINGLE_LEG_BRIDGE.weakBelowReps,
        unit: ' reps',
        text: (listed) =>
          `Single-leg bridge ${listed}: under ${SINGLE_LEG_BRIDGE.weakBelowReps} (CalfCoach convention; no published norm).`,
      }),
      sideGapFinding({
        id: 'bridge-side-to-side-gap',
        field: 'singleLegBridgeReps',
        weight: 1,
        ratio: SINGLE_LEG_BRIDGE.asymmetryRatio,
        text: (side, weak, strong) =>
          `The ${side} single-leg bridge is more than 10 % behind the other (${weak} vs ${strong} reps).`,
      }),
      namedSidesFinding({
        id: 'short-hip-flexors',
        field: 'thomasTest',
        weight: 1,
        test: (r) => r === 'positive',
        text: (sides) =>
          `Thomas test positive on ${sides}: short hip flexors (a weak sign unless the pelvis was held flat).`,
      }),
      // Sitting is history, not a test result: it only adds to a measured glute finding (issue 10).
      {
        ...atLeastFinding({
          id: 'long-sitting',
          field: ['lifestyle', 'sittingHoursPerDay'],
          weight: 1,
          min: LIFESTYLE.longSittingHours,
          text: (hours) => `Sits about ${fmt(hours)} hours a day.`,
        }),
        supportOnly: true,
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
      namedSidesFinding({
        id: 'poor-single-leg-squat',
        field: 'singleLegSquat',
        weight: 2,
        test: (q) => q === 'poor',
        text: (sides) => `Single-leg squat poor on ${sides}: the hip drops, the knee caves in or the trunk leans.`,
      }),
      namedSidesFinding({
        id: 'fair-single-leg-squat',
        field: 'singleLegSquat',
        weight: 1,
        test: (q) => q === 'fair',
        text: (sides) => `Single-leg squat only fair on ${sides}: aligned but short of 60° knee bend.`,
      }),
      namedSidesFinding({
        id: 'positive-trendelenburg',
        field: 'trendelenburg',
        weight: 2,
        test: (r) => r === 'positive',
        text: (sides) => `Trendelenburg positive standing on ${sides}: the pelvis drops on the other side.`,
      }),
      listedSidesFinding({
        id: 'hip-abduction-below-norm',
        field: 'hipAbductionNmPerKg',
        alsoUses: AGE_SEX,
        weight: 2,
        test: (x, { athlete }) => {
          const norm = hipNorm(athlete)
          return norm !== null && x < norm.lowBelow
        },
        unit: ' Nm/kg',
        text: (listed, { athlete }) =>
          `Hip abduction ${listed}: more than 1 SD below the ${fmt(hipNorm(athlete)?.expected ?? NaN, 2)} Nm/kg expected for ${athlete.ageYears === undefined ? `${whoFor(athlete.sex, HIP_ABDUCTION.toAge)}, the oldest the equation covers (age not recorded)` : whoFor(athlete.sex, athlete.ageYears)}.`,
      }),
      // Side to side: the only hip-strength evidence outside the equation's ages, and real at any age when the
      // gap is beyond the measurement's real change (0.25 Nm/kg).
      sideGapFinding({
        id: 'hip-abduction-side-to-side-gap',
        field: 'hipAbductionNmPerKg',
        weight: 2,
        minDiff: HIP_ABDUCTION.realChange - 1e-9,
        text: (side, weak, strong) =>
          `The ${side} hip abducts with ${fmt(weak, 2)} Nm/kg against ${fmt(strong, 2)} on the other side (a gap of ${HIP_ABDUCTION.realChange} Nm/kg or more is beyond measurement error).`,
      }),
    ],
  },
]
