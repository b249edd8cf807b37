import type { AssessmentSummary, ReferralView } from '../../../shared/api/channels/plans'
import { DomainError, type FieldIssue } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { factorRule, referralRule } from '../../../shared/assessment/rules/index'
import { chooseRecommendations, triageOf } from '../../../shared/assessment/diagnose'
import type { Diagnosis, Referral, ReferralId } from '../../../shared/assessment/schema'
import { type ClearanceFacts, type ClinicalInput, type ClinicalState, computeClinicalState, type ReadinessTest } from '../../../shared/clinical/index'
import { athleteClinicalInput, diagnoseAthleteAssessment } from '../../../shared/domain/athlete-clinical'
import type { AssessmentRecord, AthleteDocument, PlanRecord } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import { planClinical, type PlanClinical } from '../../../shared/plan/clinical'
import { loggedRunsForPlan } from '../../../shared/plan/defaults'
import { PlanRequest } from '../../../shared/plan/schema'
import { newestFirst } from '../assessments/assessment-service'
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
  /** The athlete's one clinical state today (the one every screen reads). */
  state: ClinicalState
  /**
   * What the plan is built on: the latest assessment's findings, with the referrals the clinical state holds
   * open (raised by any assessment) and the ones in a return to running, and the triage and advice that
   * follow from them. Undefined before the first assessment.
   */
  diagnosis: Diagnosis | undefined
  /** The clearances and readiness tests behind the state's return to running, for the plan request. */
  clinicalFacts: { clearances: ClearanceFacts[]; readinessTests: ReadinessTest[] }
}

export function athleteContext(ctx: ServiceContext, athleteId: string): AthleteContext {
  const athlete = findAthlete(ctx, athleteId)
  const data = ctx.db.athleteDoc(athleteId).data
  const today = localIsoDate(ctx.now())
  const latest = newestFirst(data.assessments)[0] ?? null
  const input = athleteClinicalInput(athlete, data, today)
  const state = computeClinicalState(input, today)
  const latestDiagnosis = latest ? diagnoseAthleteAssessment(athlete, data.assessments, latest) : undefined
  return { athlete, data, today, latest, state, ...planClinicalBasis(latestDiagnosis, input, state, data.readinessTests) }
}

/**
 * The latest diagnosis rewritten to the clinical state (see AthleteContext.diagnosis). A referral in a return
 * to running is kept with the clearances that closed it, so the plan follows the same readiness gates; a
 * referral that is open again after an older clearance gets no clearance, so the plan cannot treat it as cleared.
 */
function planClinicalBasis(
  latest: Diagnosis | undefined,
  input: ClinicalInput,
  state: ClinicalState,
  readinessTests: readonly ReadinessTest[],
): Pick<AthleteContext, 'diagnosis' | 'clinicalFacts'> {
  if (!latest) return { diagnosis: undefined, clinicalFacts: { clearances: [], readinessTests: [] } }
  const open: Referral[] = state.openReferrals.map((r) => ({ id: r.referralId, urgency: r.urgency, because: [...r.because] }))
  const returning = (state.returnToRun?.referralIds ?? []).filter((id) => !open.some((r) => r.id === id))
  // A clinician found something else and the runner has not been re-assessed since: not cleared for running,
  // so the plan keeps that referral with its clearance (the generator treats it as open, as the state does).
  const elseFound = state.reasons
    .filter((r) => r.code === 'something-else-found' && r.referralId !== undefined)
    .map((r) => r.referralId as ReferralId)
    .filter((id) => !open.some((r) => r.id === id) && !returning.includes(id))
  const closedKept = [...returning, ...elseFound]
  const raised = (id: ReferralId): Referral => {
    // The urgency it was raised with, from the newest assessment that raised it (the plan's return path needs it).
    const found = [...input.assessments].reverse().flatMap((a) => a.referrals).find((r) => r.id === id)
    return { id, urgency: found?.urgency ?? 'before-progressing', because: [...(found?.because ?? [])] }
  }
  const triage = triageOf(open)
  const factorIds = latest.factors.map((f) => f.id)
  const diagnosis: Diagnosis = {
    ...latest,
    triage,
    referrals: [...open, ...closedKept.map(raised)],
    recommendations: chooseRecommendations(triage, open, factorIds),
  }
  const clearances: ClearanceFacts[] = state.clearances
    .filter((c) => c.closedReferral && closedKept.includes(c.referralId))
    .map((c) => ({ referralId: c.referralId, date: c.date, outcome: c.outcome, ...(c.restrictions !== undefined ? { restrictions: c.restrictions } : {}) }))
  return { diagnosis, clinicalFacts: { clearances, readinessTests: returning.length ? readinessTests.filter((t) => t.date <= state.asOf) : [] } }
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

/** What the plan generator decides today from the clinical state (refer first, hold, return), as the plan will. */
export function planClinicalNow(c: AthleteContext): PlanClinical {
  return planClinical({ ...(c.diagnosis ? { diagnosis: c.diagnosis } : {}), ...c.clinicalFacts })
}

/**
 * The request the generator gets: the coach's fields, plus "today" and the logged runs (unless given), and
 * whenever there is an assessment the diagnosis, clearances and readiness tests of the clinical state (never
 * the request's own: a request cannot talk an open referral into a running plan).
 */
export function effectiveRequest(c: AthleteContext, input: PlanRequest, pathPrefix = 'request'): PlanRequest {
  const draft: Record<string, unknown> = { ...input }
  if (input.today === undefined) draft['today'] = c.today
  const today = (draft['today'] as string | undefined) ?? c.today
  if (input.runs === undefined) draft['runs'] = loggedRunsForPlan(c.data.runs, input.startDate, today)
  withClinicalState(c, draft)
  const parsed = PlanRequest.safeParse(draft)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `${pathPrefix}.${i.path}` : pathPrefix, message: i.message }))
    throw invalid(`Please check the plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues)
  }
  return parsed.data
}

/** Puts the clinical state's diagnosis, clearances and readiness tests into a request draft (save and regenerate). */
export function withClinicalState(c: AthleteContext, draft: Record<string, unknown>): void {
  // Never the request's own clearances or tests: a request cannot clear a referral the coach has not recorded.
  delete draft['clearances']
  delete draft['readinessTests']
  if (!c.diagnosis) return
  draft['diagnosis'] = c.diagnosis
  // In the app a referral is cleared only by a clearance recorded for it (the Referrals tab), so the header,
  // the board and the plan agree; the old single "cleared on" date stays for `npm run plan`, and dates saved
  // in earlier plans were migrated into recorded clearances (athlete-migrations.ts).
  delete draft['referralClearedOn']
  const { clearances, readinessTests } = c.clinicalFacts
  if (clearances.length) draft['clearances'] = clearances
  else delete draft['clearances']
  if (readinessTests.length) draft['readinessTests'] = readinessTests
  else delete draft['readinessTests']
}

export function fmtKm(km: number): string {
  return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)} km`
}

export function findPlan(data: AthleteDocument, planId: string): PlanRecord {
  const plan = data.plans.find((p) => p.id === planId)
  if (!plan) throw new DomainError('not-found', 'That plan is no longer in this athlete’s record (perhaps deleted in another window).')
  return plan
}
