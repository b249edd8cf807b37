// Building the clinical digest (ClinicalInput) from an athlete's record: every assessment's referrals and
// red-flag screen (diagnosed afresh, so rule fixes reach old records), every clearance and readiness test,
// and the last 12 weeks of the run/pain log.

import { diagnose, type DiagnoseContext } from '../assessment/diagnose'
import type { AssessmentInput, Diagnosis } from '../assessment/schema'
import { addDays, daysBetween } from '../dates'
import { LOG_SIGNAL_RULES } from '../load/log-signals'
import type { PainLogEntry } from '../load/pain-monitoring'
import { clearancesFromClearedOn } from './clearance'
import type { ReadinessTest } from './readiness'
import {
  CLINICAL_INPUT_VERSION,
  type AssessmentDigest,
  type ClearanceDigest,
  type ClinicalInput,
  type RedFlagScreen,
  type RunDigest,
} from './types'

/** The run/pain log the digest keeps: 12 weeks cover every rule (pain weeks, 30-day rule, logging gaps). */
export const CLINICAL_LOG_DAYS = 84

export interface ClinicalSource {
  assessments: readonly { id: string; date: string; createdAt?: string; input: AssessmentInput }[]
  runs: readonly ({ date: string; distanceKm: number } & PainLogEntry)[]
  /** Recorded clearances; absent in records made before clearances existed. */
  clearances?: readonly ClearanceDigest[]
  readinessTests?: readonly ReadinessTest[]
  /** Read only when `clearances` is absent: the old single "referral cleared on" date of a plan. */
  plans?: readonly { request: { referralClearedOn?: string; diagnosis?: Diagnosis } }[]
}

/** The red-flag screen of a diagnosis when the rules engine reports one (older outputs have none). */
export function redFlagScreenOf(diagnosis: Diagnosis): RedFlagScreen | undefined {
  const screen = (diagnosis as { redFlagScreen?: unknown }).redFlagScreen
  if (typeof screen !== 'object' || screen === null) return undefined
  const { complete, unanswered } = screen as { complete?: unknown; unanswered?: unknown }
  if (typeof complete !== 'boolean' || !Array.isArray(unanswered)) return undefined
  return { complete, unanswered: unanswered.filter((u): u is string => typeof u === 'string') }
}

export function assessmentDigest(a: { id: string; date: string; createdAt?: string }, diagnosis: Diagnosis): AssessmentDigest {
  const screen = redFlagScreenOf(diagnosis)
  return {
    id: a.id,
    date: a.date,
    ...(a.createdAt !== undefined ? { recordedAt: a.createdAt } : {}),
    referrals: diagnosis.referrals.map((r) => ({ id: r.id, urgency: r.urgency, because: [...r.because] })),
    ...(screen ? { redFlagScreen: screen } : {}),
  }
}

/** Clearances from the old plan field, one per referral its diagnosis carried, marked as migrated. */
export function legacyClearances(plans: ClinicalSource['plans']): ClearanceDigest[] {
  const out: ClearanceDigest[] = []
  for (const plan of plans ?? []) {
    const clearedOn = plan.request.referralClearedOn
    const referrals = plan.request.diagnosis?.referrals ?? []
    if (clearedOn === undefined || referrals.length === 0) continue
    const made = clearancesFromClearedOn(clearedOn, referrals.map((r) => r.id), (id) => `migrated-${id}-${clearedOn}`)
    for (const c of made) if (!out.some((o) => o.id === c.id)) out.push(c)
  }
  return out
}

type DatedAssessment = { date: string; createdAt?: string }

/** Oldest first: by date, then by when it was recorded. The order in which "the previous assessment" is meant. */
export function chronologicalAssessments<T extends DatedAssessment>(assessments: readonly T[]): T[] {
  return [...assessments].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.createdAt ?? '') < (b.createdAt ?? '') ? -1 : (a.createdAt ?? '') > (b.createdAt ?? '') ? 1 : 0,
  )
}

/** What diagnose() is told about the assessment made before `a` (the "no real change in 6 weeks" rule needs it). */
export function diagnoseContextAfter(before: { date: string; input: AssessmentInput } | undefined, a: { date: string }): DiagnoseContext {
  return before ? { previous: { input: before.input, weeksBefore: daysBetween(before.date, a.date) / 7 } } : {}
}

/** The rules engine as the digest calls it; a caller may pass a memoised one (the board summarises on every save). */
export type DiagnoseFn = (input: AssessmentInput, context: DiagnoseContext) => Diagnosis

/** Assessments oldest first, each diagnosed with the one before it. */
function diagnosedAssessments(assessments: ClinicalSource['assessments'], diagnoseFn: DiagnoseFn): AssessmentDigest[] {
  const ordered = chronologicalAssessments(assessments)
  return ordered.map((a, i) => assessmentDigest(a, diagnoseFn(a.input, diagnoseContextAfter(ordered[i - 1], a))))
}

/**
 * The digest of an athlete's record. It stays valid for any later "today": the log keeps the last 12 weeks,
 * every run dated after today, and the 4 weeks up to the last run up to today (for "stopped logging" and "no
 * runs yet"); the state filters everything by its own today.
 */
export function clinicalInputFromAthlete(doc: ClinicalSource, today: string, diagnoseFn: DiagnoseFn = diagnose): ClinicalInput {
  const from = addDays(today, -CLINICAL_LOG_DAYS)
  // The last run with a distance up to today: a run dated after today, or an entry of 0 km, must not hide it.
  const lastRun = doc.runs.reduce<string | null>((d, r) => (r.distanceKm > 0 && r.date <= today && (d === null || r.date > d) ? r.date : d), null)
  const tailFrom = lastRun === null ? from : addDays(lastRun, -(LOG_SIGNAL_RULES.activeWindowDays - 1))
  const keepFrom = tailFrom < from ? tailFrom : from
  const runs: RunDigest[] = doc.runs
    .filter((r) => r.date >= keepFrom && r.distanceKm > 0)
    .map((r) => ({
      date: r.date,
      km: r.distanceKm,
      painDuring: r.painDuring ?? null,
      painAfter: r.painAfter ?? null,
      painNextMorning: r.painNextMorning ?? null,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return {
    version: CLINICAL_INPUT_VERSION,
    assessments: diagnosedAssessments(doc.assessments, diagnoseFn),
    clearances: doc.clearances ? [...doc.clearances] : legacyClearances(doc.plans),
    readinessTests: [...(doc.readinessTests ?? [])],
    runs,
  }
}
