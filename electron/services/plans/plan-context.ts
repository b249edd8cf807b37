import type { AssessmentSummary, ReferralView } from '../../../shared/api/channels/plans'
import { DomainError, type FieldIssue } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { diagnose } from '../../../shared/assessment/diagnose'
import { factorRule, referralRule } from '../../../shared/assessment/rules/index'
import type { Diagnosis } from '../../../shared/assessment/schema'
import type { AssessmentRecord, AthleteDocument, PlanRecord } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import { planClinical, type PlanClinical } from '../../../shared/plan/clinical'
import { loggedRunsForPlan } from '../../../shared/plan/defaults'
import { PlanRequest } from '../../../shared/plan/schema'
import { newestFirst, prefillAthlete } from '../assessments/assessment-service'
import type { ServiceContext } from '../context'
import { localIsoDate } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'

// What the plan channels share: the athlete's context (record, today, latest assessment and its diagnosis),
// the request the generator gets, the assessment summary shown beside a plan, and finding a stored plan.

export interface AthleteContext {
  athlete: Athlete
  data: AthleteDocument
  today: string
  latest: AssessmentRecord | null
  /** Diagnosis of the latest saved assessment, recomputed with the current rules. */
  diagnosis: Diagnosis | undefined
}

export function athleteContext(ctx: ServiceContext, athleteId: string): AthleteContext {
  const athlete = findAthlete(ctx, athleteId)
  const data = ctx.db.athleteDoc(athleteId).data
  const latest = newestFirst(data.assessments)[0] ?? null
  const diagnosis = latest ? diagnose(prefillAthlete(latest.input, athlete, latest.date)) : undefined
  return { athlete, data, today: localIsoDate(ctx.now()), latest, diagnosis }
}

export function referralViews(diagnosis: Pick<Diagnosis, 'referrals'>): ReferralView[] {
  return diagnosis.referrals.map((r) => ({ id: r.id, title: referralRule(r.id)?.title ?? r.id.replace(/-/g, ' '), urgency: r.urgency, because: [...r.because] }))
}

export function assessmentSummary(diagnosis: Diagnosis, date: string | null): AssessmentSummary {
  return {
    date,
    triage: diagnosis.triage,
    patternFit: diagnosis.pattern.fit,
    referrals: referralViews(diagnosis),
    factors: diagnosis.factors.map((f) => ({ id: f.id, title: factorRule(f.id)?.title ?? f.id.replace(/-/g, ' '), likelihood: f.likelihood })),
  }
}

export function summaryFor(c: AthleteContext, fallback?: Diagnosis): AssessmentSummary | null {
  if (c.diagnosis && c.latest) return assessmentSummary(c.diagnosis, c.latest.date)
  return fallback ? assessmentSummary(fallback, null) : null
}

export function invalid(message: string, issues: FieldIssue[]): DomainError {
  return new DomainError('invalid-input', message, issues)
}

/**
 * The clearances and readiness tests the plan follows: always the athlete's record, never the request's own
 * (as with the diagnosis, a request cannot clear a referral the coach has not recorded as cleared). The
 * request's diagnosis is the latest assessment's, so only clearances dated on or after it count: one dated
 * before it cleared an earlier episode, and the latest assessment raised the referral again.
 */
export function recordedClinical(c: AthleteContext): Pick<PlanRequest, 'clearances' | 'readinessTests'> {
  const since = c.latest?.date ?? ''
  const clearances = c.data.clearances
    .filter((x) => x.date >= since)
    .map((x) => ({ referralId: x.referralId, date: x.date, outcome: x.outcome, ...(x.restrictions ? { restrictions: x.restrictions } : {}) }))
  return {
    ...(clearances.length > 0 ? { clearances } : {}),
    ...(c.data.readinessTests.length > 0 ? { readinessTests: c.data.readinessTests } : {}),
  }
}

/** Replaces whatever clearances and readiness tests a request draft carries with the recorded ones. */
export function withRecordedClinical(c: AthleteContext, draft: Record<string, unknown>): void {
  delete draft['clearances']
  delete draft['readinessTests']
  Object.assign(draft, recordedClinical(c))
}

/** What the plan generator would decide today from the latest diagnosis and the recorded clearances. */
export function planClinicalNow(c: AthleteContext): PlanClinical {
  return planClinical({ ...(c.diagnosis ? { diagnosis: c.diagnosis } : {}), ...recordedClinical(c) })
}

/**
 * The request the generator gets: the coach's fields, plus "today" and the logged runs (unless given), and
 * the latest assessment's diagnosis whenever there is one, with the recorded clearances and readiness tests.
 */
export function effectiveRequest(c: AthleteContext, input: PlanRequest, pathPrefix = 'request'): PlanRequest {
  const draft: Record<string, unknown> = { ...input }
  if (input.today === undefined) draft['today'] = c.today
  const today = (draft['today'] as string | undefined) ?? c.today
  if (input.runs === undefined) draft['runs'] = loggedRunsForPlan(c.data.runs, input.startDate, today)
  if (c.diagnosis) draft['diagnosis'] = c.diagnosis
  withRecordedClinical(c, draft)
  const parsed = PlanRequest.safeParse(draft)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `${pathPrefix}.${i.path}` : pathPrefix, message: i.message }))
    throw invalid(`Please check the plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues)
  }
  return parsed.data
}

export function fmtKm(km: number): string {
  return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)} km`
}

export function findPlan(data: AthleteDocument, planId: string): PlanRecord {
  const plan = data.plans.find((p) => p.id === planId)
  if (!plan) throw new DomainError('not-found', 'That plan is no longer in this athlete’s record (perhaps deleted in another window).')
  return plan
}
