// Shapes of the declarative rule registry. A rule is data: a stable id, the contract fields it reads, how it
// weighs them, a plain-language explanation for the coach, and its source. Each finding carries a small
// `when` test that returns the coach-facing sentence when the finding is present, or null.
//
// Safety property the shapes enforce by convention (and the property tests check): every `when` only looks
// for findings that ARE present (a value recorded and beyond a threshold). No rule fires because something is
// absent or negative, so adding a finding can never remove a referral, lower its urgency, or (removing one)
// create a factor.

import type { AssessmentInput, FactorId, FieldPath, Likelihood, ReferralId, Side, Urgency } from '../schema'
import type { AthleteFacts } from '../norms'

type Section<K extends keyof AssessmentInput> = NonNullable<AssessmentInput[K]>

/** The same runner's earlier assessment, and how many weeks before the one being diagnosed it was made. */
export interface PreviousAssessment {
  readonly input: AssessmentInput
  readonly weeksBefore: number
}

/** What every finding test receives: the sections with empty objects for the ones not recorded. */
export interface Facts {
  readonly input: AssessmentInput
  /** Present only when the caller passed the previous assessment. */
  readonly previous?: PreviousAssessment | undefined
  readonly athlete: AthleteFacts
  readonly symptoms: Section<'symptoms'>
  readonly history: Section<'history'>
  readonly screening: Section<'screening'>
  readonly lifestyle: Section<'lifestyle'>
  readonly training: Section<'training'>
}

export function factsOf(input: AssessmentInput, previous?: PreviousAssessment): Facts {
  return {
    input,
    previous,
    athlete: { sex: input.athlete?.sex, ageYears: input.athlete?.ageYears },
    symptoms: input.symptoms ?? {},
    history: input.history ?? {},
    screening: input.screening ?? {},
    lifestyle: input.lifestyle ?? {},
    training: input.training ?? {},
  }
}

/** Evidence sentence when the finding is present, otherwise null. */
export type FindingTest = (facts: Facts) => string | null

export interface ReferralTrigger {
  readonly id: string
  readonly uses: readonly FieldPath[]
  readonly urgency: Urgency
  readonly when: FindingTest
}

export interface ReferralRule {
  readonly kind: 'referral'
  readonly id: ReferralId
  readonly title: string
  readonly explanation: string
  readonly source: string
  // Whether a referral stops running is not a rule property: shared/clinical/referral-policy.ts decides it.
  readonly triggers: readonly ReferralTrigger[]
}

export interface FactorFinding {
  readonly id: string
  readonly uses: readonly FieldPath[]
  /** Points added to the factor's score when present. */
  readonly weight: number
  /**
   * History or lifestyle that only adds weight to a measured finding: on its own it cannot raise the factor
   * (issue 10: a new runner is not evidence of a calf deficit without a test showing one).
   */
  readonly supportOnly?: boolean
  readonly when: FindingTest
}

export type EvidenceStrength = 'measured-norm' | 'mixed' | 'practitioner-opinion' | 'hypothesis'

export interface FactorRule {
  readonly kind: 'factor'
  readonly id: FactorId
  readonly title: string
  readonly explanation: string
  readonly source: string
  readonly evidenceStrength: EvidenceStrength
  /** Score needed for each likelihood; below `low` the factor is absent. */
  readonly thresholds: { readonly high: number; readonly moderate: number; readonly low: number }
  /** Weak evidence caps how likely the factor can be said to be, whatever the score. */
  readonly maxLikelihood: Likelihood
  readonly findings: readonly FactorFinding[]
}

export type PatternRole = 'supports' | 'mismatch' | 'contradicts'

export interface PatternFeature {
  readonly id: string
  readonly uses: readonly FieldPath[]
  readonly role: PatternRole
  /** True when the feature is present (for 'supports': when the finding matches the pattern). */
  readonly when: (facts: Facts) => boolean
}

export interface PatternRule {
  readonly kind: 'pattern'
  readonly id: 'exertional-calf-overload'
  readonly title: string
  readonly explanation: string
  readonly source: string
  /** Supporting features needed (with no mismatch or contradiction) to call the fit typical. */
  readonly typicalNeeds: number
  /**
   * Discriminating questions that must have been answered before the fit can be called typical: the
   * overload picture overlaps compartment syndrome and artery entrapment, so "typical" is never given on
   * silence about numbness, foot weakness, a cold foot or swelling.
   */
  readonly typicalRequiresAnswered: readonly FieldPath[]
  readonly features: readonly PatternFeature[]
}

export type Rule = ReferralRule | FactorRule | PatternRule

// ---------------------------------------------------------------------------------------------------------
// Small helpers for finding tests

export type PerSideValue<T> = { left?: T | undefined; right?: T | undefined } | undefined

/** The recorded sides of a per-side value, left first. */
export function recordedSides<T>(value: PerSideValue<T>): Array<[Side, T]> {
  const out: Array<[Side, T]> = []
  if (value?.left !== undefined) out.push(['left', value.left])
  if (value?.right !== undefined) out.push(['right', value.right])
  return out
}

/** Sides whose value passes the test, e.g. "left" or "both sides". Empty string when none. */
export function sidesWhere<T>(value: PerSideValue<T>, test: (v: T) => boolean): Side[] {
  return recordedSides(value)
    .filter(([, v]) => test(v))
    .map(([side]) => side)
}

export function sideWords(sides: readonly Side[]): string {
  if (sides.length === 2) return 'both sides'
  return sides[0] === 'left' ? 'the left' : 'the right'
}

export function fmt(n: number, digits = 1): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(digits)
}
