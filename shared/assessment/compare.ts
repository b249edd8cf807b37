// What really changed between two assessments of the same athlete. A change counts as real only when it is
// bigger than the test's measurement error (REAL_CHANGE in norms.ts): knee-to-wall 1.0 cm per leg and heel
// raises 6 reps come from the reference; the other thresholds are stated there as CalfCoach conventions.
// Categorical tests (Thomas, single-leg squat, Trendelenburg) count as changed when the category changes;
// they are only comparable when the same tester uses the same method. Yes/no symptoms count when they flip.

import { FOOT_POSTURE, NAVICULAR_DROP, REAL_CHANGE, type RealChangeField } from './norms'
import { formField } from './form'
import type { AssessmentInput, FieldPath, Side } from './schema'
import { SIDES } from './schema'

export type Direction = 'better' | 'worse' | 'same'

export interface AssessmentChange {
  /** Contract path, e.g. "screening.kneeToWallCm". */
  readonly field: string
  readonly side?: Side
  readonly before: number | string | boolean | null
  readonly after: number | string | boolean | null
  /** after − before for numbers (null for "does not settle" or categories). */
  readonly change: number | null
  /** Beyond measurement error (numbers) or a changed category / flipped answer. */
  readonly real: boolean
  /** Which way the change goes for the runner; 'same' when nothing moved. */
  readonly direction: Direction
  readonly text: string
}

type Goal = 'higher' | 'lower' | { readonly from: number; readonly to: number }

interface NumericSpec {
  readonly path: FieldPath
  readonly perSide: boolean
  readonly goal: Goal
  readonly unit: string
  readonly threshold: number
  readonly thresholdNote: string
}

const REAL: Record<RealChangeField, number> = REAL_CHANGE

const NUMERIC: readonly NumericSpec[] = [
  { path: ['symptoms', 'startsAfterMinutes'], perSide: false, goal: 'higher', unit: ' min', threshold: REAL.startsAfterMinutes, thresholdNote: 'CalfCoach convention' },
  { path: ['symptoms', 'settlesAfterStoppingMinutes'], perSide: false, goal: 'lower', unit: ' min', threshold: REAL.settlesAfterStoppingMinutes, thresholdNote: 'CalfCoach convention' },
  { path: ['symptoms', 'nextMorningPain'], perSide: false, goal: 'lower', unit: '/10', threshold: REAL.nextMorningPain, thresholdNote: 'common 2-point rule for pain scales' },
  { path: ['screening', 'kneeToWallCm'], perSide: true, goal: 'higher', unit: ' cm', threshold: REAL.kneeToWallCm, thresholdNote: 'measurement error per leg' },
  { path: ['screening', 'singleLegHeelRaiseReps'], perSide: true, goal: 'higher', unit: ' reps', threshold: REAL.singleLegHeelRaiseReps, thresholdNote: 'test-retest limits' },
  { path: ['screening', 'hipAbductionNmPerKg'], perSide: true, goal: 'higher', unit: ' Nm/kg', threshold: REAL.hipAbductionNmPerKg, thresholdNote: 'derived from the norm SD and reliability' },
  { path: ['screening', 'footPostureIndex'], perSide: true, goal: { from: FOOT_POSTURE.normalFrom, to: FOOT_POSTURE.normalTo }, unit: '', threshold: REAL.footPostureIndex, thresholdNote: 'CalfCoach convention' },
  { path: ['screening', 'navicularDropMm'], perSide: true, goal: { from: NAVICULAR_DROP.possiblyRigidBelowMm, to: NAVICULAR_DROP.excessiveAboveMm }, unit: ' mm', threshold: REAL.navicularDropMm, thresholdNote: 'CalfCoach convention; a noisy test' },
  { path: ['screening', 'singleLegBridgeReps'], perSide: true, goal: 'higher', unit: ' reps', threshold: REAL.singleLegBridgeReps, thresholdNote: 'CalfCoach convention' },
]

/** Categories from worst to best. */
const CATEGORICAL: ReadonlyArray<{ readonly path: FieldPath; readonly order: readonly string[] }> = [
  { path: ['screening', 'thomasTest'], order: ['positive', 'negative'] },
  { path: ['screening', 'singleLegSquat'], order: ['poor', 'fair', 'good'] },
  { path: ['screening', 'trendelenburg'], order: ['positive', 'negative'] },
]

/** Yes/no symptoms where "yes" is the bad answer. */
const SYMPTOM_FLAGS: readonly FieldPath[] = [
  ['symptoms', 'worsensAsRunContinues'],
  ['symptoms', 'morningStiffness'],
  ['symptoms', 'chestPainOrBreathlessness'],
  ['symptoms', 'swelling'],
  ['symptoms', 'warmthOrRedness'],
  ['symptoms', 'bruising'],
  ['symptoms', 'popOrKickSensation'],
  ['symptoms', 'unableToHeelRaise'],
  ['symptoms', 'painAtRest'],
  ['symptoms', 'nightPain'],
  ['symptoms', 'numbnessOrTingling'],
  ['symptoms', 'footWeakness'],
  ['symptoms', 'coldOrPaleFoot'],
  ['symptoms', 'focalBoneTenderness'],
  ['symptoms', 'painfulHop'],
  ['symptoms', 'backPainOrRadiatingPain'],
]

function read(input: AssessmentInput, path: FieldPath, side?: Side): unknown {
  const section = input[path[0]] as Record<string, unknown> | undefined
  const value = section?.[path[1]]
  if (side === undefined) return value
  return (value as Record<string, unknown> | undefined)?.[side]
}

function label(path: FieldPath, side?: Side): string {
  const base = formField(path)?.label ?? path[1]
  return side ? `${base}, ${side}` : base
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100)
}

function signed(n: number, unit: string): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${num(Math.abs(n))}${unit}`
}

function distanceFromGoal(value: number, goal: { from: number; to: number }): number {
  if (value < goal.from) return goal.from - value
  if (value > goal.to) return value - goal.to
  return 0
}

function compareNumeric(spec: NumericSpec, before: number | null, after: number | null, side?: Side): AssessmentChange {
  const field = `${spec.path[0]}.${spec.path[1]}`
  const name = label(spec.path, side)
  const show = (v: number | null) => (v === null ? 'does not settle' : `${num(v)}${spec.unit}`)
  // "Does not settle" (null) is the worst possible settling time.
  if (before === null || after === null) {
    const direction: Direction = before === after ? 'same' : after === null ? 'worse' : 'better'
    return {
      field,
      ...(side ? { side } : {}),
      before,
      after,
      change: null,
      real: direction !== 'same',
      direction,
      text: `${name}: ${show(before)} → ${show(after)}${direction === 'same' ? ' (no change)' : direction === 'better' ? ': now settles (real improvement)' : ': no longer settles (real worsening)'}`,
    }
  }
  const change = Math.round((after - before) * 1000) / 1000
  const real = Math.abs(change) >= spec.threshold - 1e-9
  let direction: Direction = 'same'
  if (typeof spec.goal === 'object') {
    const d = distanceFromGoal(after, spec.goal) - distanceFromGoal(before, spec.goal)
    direction = d < 0 ? 'better' : d > 0 ? 'worse' : 'same'
  } else if (change !== 0) {
    direction = (change > 0) === (spec.goal === 'higher') ? 'better' : 'worse'
  }
  const verdict =
    change === 0
      ? 'no change'
      : real
        ? `real ${direction === 'better' ? 'improvement' : direction === 'worse' ? 'worsening' : 'change'} (at least ${num(spec.threshold)}${spec.unit}, ${spec.thresholdNote})`
        : `within measurement error (under ${num(spec.threshold)}${spec.unit}, ${spec.thresholdNote})`
  return {
    field,
    ...(side ? { side } : {}),
    before,
    after,
    change,
    real: real && change !== 0,
    direction,
    text: `${name}: ${show(before)} → ${show(after)} (${signed(change, spec.unit)}): ${verdict}`,
  }
}

/**
 * Every comparable field recorded in both assessments, in form order (symptoms, then screening tests).
 * Fields recorded in only one of the two are skipped: there is nothing to compare.
 */
export function compareAssessments(previous: AssessmentInput, latest: AssessmentInput): AssessmentChange[] {
  const out: AssessmentChange[] = []

  for (const spec of NUMERIC) {
    const sides: Array<Side | undefined> = spec.perSide ? [...SIDES] : [undefined]
    for (const side of sides) {
      const before = read(previous, spec.path, side)
      const after = read(latest, spec.path, side)
      const ok = (v: unknown): v is number | null => typeof v === 'number' || v === null
      if (!ok(before) || !ok(after)) continue
      out.push(compareNumeric(spec, before, after, side))
    }
  }

  for (const { path, order } of CATEGORICAL) {
    for (const side of SIDES) {
      const before = read(previous, path, side)
      const after = read(latest, path, side)
      if (typeof before !== 'string' || typeof after !== 'string') continue
      const delta = order.indexOf(after) - order.indexOf(before)
      const direction: Direction = delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same'
      out.push({
        field: `${path[0]}.${path[1]}`,
        side,
        before,
        after,
        change: null,
        real: delta !== 0,
        direction,
        text: `${label(path, side)}: ${before} → ${after}${delta === 0 ? ' (no change)' : direction === 'better' ? ': improved (same tester and method needed to trust it)' : ': worse (same tester and method needed to trust it)'}`,
      })
    }
  }

  for (const path of SYMPTOM_FLAGS) {
    const before = read(previous, path)
    const after = read(latest, path)
    if (typeof before !== 'boolean' || typeof after !== 'boolean') continue
    const direction: Direction = before === after ? 'same' : after ? 'worse' : 'better'
    out.push({
      field: `${path[0]}.${path[1]}`,
      before,
      after,
      change: null,
      real: before !== after,
      direction,
      text: `${label(path)} ${before === after ? `still ${after ? 'yes' : 'no'}` : after ? 'now yes (new)' : 'now no (gone)'}`,
    })
  }

  return out
}

/** Only the changes that exceed measurement error, worst first. */
export function realChanges(previous: AssessmentInput, latest: AssessmentInput): AssessmentChange[] {
  const rank: Record<Direction, number> = { worse: 0, better: 1, same: 2 }
  return compareAssessments(previous, latest)
    .filter((c) => c.real)
    .sort((a, b) => rank[a.direction] - rank[b.direction])
}
