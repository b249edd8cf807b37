// The rules engine: assessment in, diagnosis out. Pure and deterministic (no clock, no randomness, no I/O).
//
// Order of work, which is also the order of authority:
//   1. referrals (red flags) - evaluated first, and nothing later can remove or soften them;
//   2. triage from the most urgent referral;
//   3. how well the story fits exertional calf overload;
//   4. contributing factors, most likely first;
//   5. recommendations chosen by the referrals and factors;
//   6. what is missing that would sharpen the picture.

import { REFERRAL_POLICY, referralStopsRunning } from '../clinical/referral-policy'
import { EXERCISES, exercisesForFactors, type Exercise } from './exercises'
import {
  ASSESSMENT_FORM,
  appliesTo,
  getFieldValue,
  redFlagScreenOf,
  type FormField,
  type FormSection,
  type FormSectionId,
} from './form'
import { SYMPTOMS } from './norms'
import { FACTOR_RULES, PATTERN_RULE, REFERRAL_RULES, factsOf, type Facts, type PreviousAssessment } from './rules/index'
import {
  Diagnosis as DiagnosisSchema,
  parseAssessment,
  type AssessmentInput,
  type Diagnosis,
  type Factor,
  type FactorId,
  type Likelihood,
  type PatternFit,
  type Recommendation,
  type Referral,
  type Triage,
  type Urgency,
} from './schema'

/** Lower is more urgent. */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = { emergency: 0, 'same-day': 1, 'before-progressing': 2 }
/** Lower is more serious. */
export const TRIAGE_RANK: Readonly<Record<Triage, number>> = { red: 0, amber: 1, green: 2 }
/** Lower is more likely. */
export const LIKELIHOOD_RANK: Readonly<Record<Likelihood, number>> = { high: 0, moderate: 1, low: 2 }

// ---------------------------------------------------------------------------------------------------------
// 1–2. Referrals and triage

export function findReferrals(facts: Facts): Referral[] {
  const out: Array<{ referral: Referral; order: number }> = []
  REFERRAL_RULES.forEach((rule, order) => {
    const hits: Array<{ urgency: Urgency; text: string }> = []
    for (const trigger of rule.triggers) {
      const text = trigger.when(facts)
      if (text !== null) hits.push({ urgency: trigger.urgency, text })
    }
    const first = hits[0]
    if (!first) return
    // Most urgent reason first; the referral takes the most urgent trigger's urgency.
    const sorted = [...hits].sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency])
    const urgency = sorted[0]?.urgency ?? first.urgency
    const because = [...new Set(sorted.map((h) => h.text))]
    out.push({ referral: { id: rule.id, urgency, because }, order })
  })
  out.sort((a, b) => URGENCY_RANK[a.referral.urgency] - URGENCY_RANK[b.referral.urgency] || a.order - b.order)
  return out.map((o) => o.referral)
}

export function triageOf(referrals: readonly Referral[]): Triage {
  if (referrals.some((r) => r.urgency === 'emergency' || r.urgency === 'same-day')) return 'red'
  if (referrals.length > 0) return 'amber'
  return 'green'
}

/**
 * True when a referral means the runner should not run until seen. Decided by the one referral policy table
 * (shared/clinical/referral-policy.ts) that the clinical state and the plans also read.
 */
export function referralsStopRunning(referrals: readonly Referral[]): boolean {
  const ids = referrals.map((r) => r.id)
  return referrals.some((r) => referralStopsRunning(r.id, r.urgency, ids))
}

/** True when an open referral allows no exercise until seen (a suspected clot: nothing at all). */
function noExerciseUntilSeen(referrals: readonly Referral[]): boolean {
  return referrals.some((r) => !REFERRAL_POLICY[r.id].crossTraining.allowed)
}

// ---------------------------------------------------------------------------------------------------------
// 3. Pattern fit

export interface PatternDetail {
  readonly fit: PatternFit
  readonly supports: readonly string[]
  readonly mismatches: readonly string[]
  readonly contradictions: readonly string[]
}

export function patternDetail(facts: Facts): PatternDetail {
  const present = (role: string) => PATTERN_RULE.features.filter((f) => f.role === role && f.when(facts)).map((f) => f.id)
  const supports = present('supports')
  const mismatches = present('mismatch')
  const contradictions = present('contradicts')
  let fit: PatternFit = 'partial'
  if (contradictions.length > 0 || mismatches.length >= 2) fit = 'atypical'
  else if (
    mismatches.length === 0 &&
    supports.length >= PATTERN_RULE.typicalNeeds &&
    PATTERN_RULE.typicalRequiresAnswered.every((path) => getFieldValue(facts.input, path) !== undefined)
  )
    fit = 'typical'
  return { fit, supports, mismatches, contradictions }
}

// ---------------------------------------------------------------------------------------------------------
// 4. Factors

export interface ScoredFactor extends Factor {
  readonly score: number
}

function likelihoodFor(score: number, t: { high: number; moderate: number; low: number }): Likelihood | null {
  if (score >= t.high) return 'high'
  if (score >= t.moderate) return 'moderate'
  if (score >= t.low) return 'low'
  return null
}

export function scoreFactors(facts: Facts): ScoredFactor[] {
  const out: Array<ScoredFactor & { order: number }> = []
  FACTOR_RULES.forEach((rule, order) => {
    let score = 0
    let measured = false
    const evidence: string[] = []
    for (const finding of rule.findings) {
      const text = finding.when(facts)
      if (text === null) continue
      score += finding.weight
      measured ||= finding.supportOnly !== true
      evidence.push(text)
    }
    const raw = likelihoodFor(score, rule.thresholds)
    if (raw === null || evidence.length === 0 || !measured) return
    const likelihood = LIKELIHOOD_RANK[raw] < LIKELIHOOD_RANK[rule.maxLikelihood] ? rule.maxLikelihood : raw
    out.push({ id: rule.id, likelihood, evidence, score, order })
  })
  out.sort(
    (a, b) => LIKELIHOOD_RANK[a.likelihood] - LIKELIHOOD_RANK[b.likelihood] || b.score - a.score || a.order - b.order,
  )
  return out.map(({ order: _order, ...f }) => f)
}

// ---------------------------------------------------------------------------------------------------------
// 5. Recommendations

const STOP_ID = 'stop-running-and-get-checked'
const HOLD_ID = 'hold-progression-until-seen'

function toRecommendation(e: Exercise): Recommendation {
  return { id: e.id, title: e.title, dose: e.dose }
}

export function chooseRecommendations(
  triage: Triage,
  referrals: readonly Referral[],
  factorIds: readonly FactorId[],
): Recommendation[] {
  const catalog = EXERCISES as readonly Exercise[]
  const byId = (id: string) => catalog.find((e) => e.id === id)
  const referralIds = referrals.map((r) => r.id)
  const stop = byId(STOP_ID)
  const hold = byId(HOLD_ID)
  const forFactors = exercisesForFactors(factorIds).filter((e) => e.forFactors !== 'everyone')
  const everyone = exercisesForFactors([]) // the 'everyone' items, e.g. keep running comfortably

  if (triage === 'red') return stop ? [toRecommendation(stop)] : []

  if (referralsStopRunning(referrals)) {
    // Running is paused: keep only exercises that do not load the painful leg, and none at all when the
    // referral allows no exercise until seen (never calf stretching or massage beside a suspected clot).
    const safe = noExerciseUntilSeen(referrals) ? [] : forFactors.filter((e) => e.loading === 'none')
    return [...(stop ? [stop] : []), ...safe].map(toRecommendation)
  }

  const referralExercises = catalog.filter(
    (e) => e.id !== STOP_ID && e.id !== HOLD_ID && e.forReferrals.some((r) => referralIds.includes(r)),
  )
  const items: Exercise[] = [
    ...(referrals.length > 0 && hold ? [hold] : []),
    ...everyone,
    ...forFactors,
    ...referralExercises,
  ]
  const seen = new Set<string>()
  return items.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true))).map(toRecommendation)
}

// ---------------------------------------------------------------------------------------------------------
// 6. Missing information

const MISSING_ORDER: readonly FormSectionId[] = [
  'red-flags',
  'history',
  'symptoms',
  'screening',
  'athlete',
  'training',
  'lifestyle',
]

function isRelevant(field: FormField, input: AssessmentInput): boolean {
  const [, key] = field.path
  const sex = input.athlete?.sex
  if ((key === 'irregularOrAbsentPeriods' || key === 'hormonalContraceptiveOrHrt') && sex === 'male') return false
  return appliesTo(field, input)
}

function missingSides(field: FormField, input: AssessmentInput): Array<'left' | 'right'> {
  const value = getFieldValue(input, field.path) as { left?: unknown; right?: unknown } | undefined
  const sides: Array<'left' | 'right'> = []
  for (const side of ['left', 'right'] as const) {
    if (value?.[side] !== undefined) continue
    // FPI-6 is preferred over navicular drop: no need to ask for the drop on a side with an FPI-6 score.
    if (field.path[1] === 'navicularDropMm' && input.screening?.footPostureIndex?.[side] !== undefined) continue
    sides.push(side)
  }
  return sides
}

function missingLabel(section: FormSection, field: FormField, input: AssessmentInput): string {
  // Pain in both legs is common in simple overload; stopping at the same point each run is what is not.
  if (field.path[1] === 'forcedToStop' && input.symptoms?.side === 'both')
    return `${section.title}: both legs hurt. ${field.label} (if so, compartment pressure needs checking)`
  if (field.path[1] === 'ageYears') return `${section.title}: age (selects the heel-raise and hip-strength norms)`
  if (field.path[1] === 'sex') return `${section.title}: sex (selects the heel-raise and hip-strength norms)`
  return `${section.title}: ${field.label}`
}

export function findMissing(input: AssessmentInput): string[] {
  const out: string[] = []
  for (const id of MISSING_ORDER) {
    const section = ASSESSMENT_FORM.find((s) => s.id === id)
    if (!section) continue
    for (const field of section.fields) {
      if (!isRelevant(field, input)) continue
      if (field.kind === 'per-side-number' || field.kind === 'per-side-enum') {
        const sides = missingSides(field, input)
        if (sides.length === 2) out.push(`${missingLabel(section, field, input)} (both sides)`)
        else if (sides.length === 1) out.push(`${missingLabel(section, field, input)} (${sides[0]} side)`)
        continue
      }
      const value = getFieldValue(input, field.path)
      // An empty list is an answer for a red-flag question ("none of these"), a blank for the others.
      const absent = value === undefined || (Array.isArray(value) && value.length === 0 && field.redFlag !== true)
      if (absent) out.push(missingLabel(section, field, input))
    }
    if (id === 'red-flags') {
      const weeks = input.symptoms?.weeksSinceOnset
      if (weeks !== undefined && weeks >= SYMPTOMS.reviewAfterWeeks) {
        out.push(
          `Review: symptoms for ${weeks} weeks. If about 6 weeks of the calf and hip programme brought no real change in knee-to-wall, heel raises or hip strength, refer to a physio or sports doctor.`,
        )
      }
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// The whole diagnosis

/**
 * Optional context beyond the assessment itself. `previous` is the same runner's earlier assessment and how
 * many weeks before this one it was made: with it, "no real change in 6 weeks" can be recognised.
 */
export interface DiagnoseContext {
  readonly previous?: PreviousAssessment
}

export function diagnose(input: AssessmentInput, context: DiagnoseContext = {}): Diagnosis {
  const facts = factsOf(input, context.previous)
  const referrals = findReferrals(facts)
  const triage = triageOf(referrals)
  const pattern = patternDetail(facts)
  const scored = scoreFactors(facts)
  const factors: Factor[] = scored.map(({ id, likelihood, evidence }) => ({ id, likelihood, evidence }))
  return {
    triage,
    referrals,
    pattern: { id: PATTERN_RULE.id, fit: pattern.fit },
    factors,
    recommendations: chooseRecommendations(
      triage,
      referrals,
      factors.map((f) => f.id),
    ),
    missing: findMissing(input),
    redFlagScreen: redFlagScreenOf(input),
  }
}

export type DiagnoseResult = { ok: true; diagnosis: Diagnosis } | { ok: false; errors: string[] }

/** Validate untrusted data (IPC, files) and diagnose it; errors are "field.path: problem" lines. */
export function diagnoseUnknown(data: unknown, context: DiagnoseContext = {}): DiagnoseResult {
  const parsed = parseAssessment(data)
  if (!parsed.ok) return parsed
  return { ok: true, diagnosis: diagnose(parsed.value, context) }
}

/** Development aid: true when the output honours the Diagnosis schema. */
export function isValidDiagnosis(value: unknown): value is Diagnosis {
  return DiagnosisSchema.safeParse(value).success
}

