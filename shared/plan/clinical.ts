// What the plan request says clinically, read through the clinical core (shared/clinical) so that the plan,
// the safety checker and the CLI follow the same referral policy as every screen (issue 10 items 3, 4, 9):
//
//   refer-first  an open referral stops running (never decided from the triage label alone: a green-labelled
//                diagnosis with a same-day referral refers first; a red label whose referrals are all cleared
//                does not). A red label without any referral still refers first (the diagnosis is inconsistent).
//   hold         an open referral that does not stop running: running holds until it is cleared.
//   return       a stop-running referral was cleared for running: readiness tests, then the walk-run ladder.
//
// The request's diagnosis has no date of its own, so every clearance in the request counts for it. The old
// `referralClearedOn` keeps its meaning: for an amber diagnosis it clears all of its referrals on that date.

import type { Diagnosis, Referral, ReferralId } from '../assessment/schema'
import { clearsForRunning } from '../clinical/clearance'
import { episodeStoppedRunning, referralEpisodes, type Episode } from '../clinical/episodes'
import { judgeReadiness, type ReadinessResult } from '../clinical/readiness'
import { crossTrainingFor, referralStopsRunning, returnPathFor, type CrossTrainingPolicy, type ReturnPathPolicy } from '../clinical/referral-policy'
import type { ClearanceDigest } from '../clinical/types'
import type { PlanRequest } from './schema'

export interface PlanReturn {
  referralIds: ReferralId[]
  clearedOn: string
  path: ReturnPathPolicy
  readiness: 'pending' | 'passed'
  latestTest: ReadinessResult | null
}

export interface PlanClinical {
  referFirst: boolean
  /** Open referrals that stop running (with their reasons), most urgent first as in the diagnosis. */
  stopping: Referral[]
  crossTraining: CrossTrainingPolicy | null
  /** Referrals that hold running until cleared (open or cleared), from the diagnosis. */
  holdReferrals: Referral[]
  /** When every hold referral was cleared for running; undefined while one is open. */
  holdClearedOn: string | undefined
  returnToRun: PlanReturn | null
  /** A clinician found something else: re-assess before relying on the plan. */
  somethingElseFound: boolean
}

/** The parts of a plan request that decide refer-first, hold or return (the app asks with just these). */
export type ClinicalRequest = Pick<PlanRequest, 'diagnosis' | 'clearances' | 'referralClearedOn' | 'readinessTests'>

/** The diagnosis as an assessment dated before any clearance (the request gives it no date). */
const DIAGNOSIS_DATE = '1900-01-01'

export function requestClearances(request: ClinicalRequest): ClearanceDigest[] {
  const out: ClearanceDigest[] = [...(request.clearances ?? [])]
  const d = request.diagnosis
  if (d?.triage === 'amber' && request.referralClearedOn !== undefined) {
    for (const r of d.referrals) out.push({ referralId: r.id, date: request.referralClearedOn, outcome: 'cleared' })
  }
  return out
}

function referralOf(diagnosis: Diagnosis, e: Episode): Referral {
  return diagnosis.referrals.find((r) => r.id === e.referralId) ?? { id: e.referralId, urgency: e.urgency, because: e.because }
}

function latestDate(episodes: readonly Episode[]): string {
  return episodes.reduce((d, e) => ((e.closedBy?.date ?? '') > d ? (e.closedBy?.date ?? d) : d), '')
}

export function planClinical(request: ClinicalRequest): PlanClinical {
  const diagnosis = request.diagnosis
  const none: PlanClinical = {
    referFirst: false,
    stopping: [],
    crossTraining: null,
    holdReferrals: [],
    holdClearedOn: undefined,
    returnToRun: null,
    somethingElseFound: false,
  }
  if (!diagnosis) return none
  const episodes = referralEpisodes(
    [{ id: 'plan-diagnosis', date: DIAGNOSIS_DATE, referrals: diagnosis.referrals.map((r) => ({ id: r.id, urgency: r.urgency, because: r.because })) }],
    requestClearances(request),
  )
  // Open: not yet cleared for running (no clearance, or the clinician found something else).
  const isOpen = (e: Episode) => e.closedBy === null || !clearsForRunning(e.closedBy.outcome)
  const openIds = episodes.filter(isOpen).map((e) => e.referralId)
  const stopsNow = (e: Episode) => isOpen(e) && referralStopsRunning(e.referralId, e.urgency, openIds)
  const stoppingEpisodes = episodes.filter(stopsNow)
  const returned = episodes.filter((e) => !isOpen(e) && episodeStoppedRunning(e, episodes))
  const holdEpisodes = episodes.filter((e) => !stopsNow(e) && !returned.includes(e))
  const notClearedForRunning = isOpen

  let returnToRun: PlanReturn | null = null
  if (stoppingEpisodes.length === 0 && returned.length > 0) {
    const clearedOn = latestDate(returned)
    const ids = returned.map((e) => e.referralId)
    const path = returnPathFor(ids)
    const tests = (request.readinessTests ?? []).filter((t) => t.date >= clearedOn).sort((a, b) => (a.date < b.date ? -1 : 1))
    const results = tests.map((t) => judgeReadiness(t, path.painLimit))
    const passed = results.find((r) => r.passed) ?? null
    returnToRun = { referralIds: ids, clearedOn, path, readiness: passed ? 'passed' : 'pending', latestTest: passed ?? results[results.length - 1] ?? null }
  }
  const stopping = stoppingEpisodes.map((e) => referralOf(diagnosis, e))
  return {
    referFirst: stopping.length > 0 || (diagnosis.triage === 'red' && diagnosis.referrals.length === 0),
    stopping,
    crossTraining: stopping.length > 0 ? crossTrainingFor(stopping.map((r) => r.id)) : null,
    holdReferrals: holdEpisodes.map((e) => referralOf(diagnosis, e)),
    holdClearedOn: holdEpisodes.some(notClearedForRunning) || holdEpisodes.length === 0 ? undefined : latestDate(holdEpisodes),
    returnToRun,
    somethingElseFound: episodes.some((e) => e.closedBy?.outcome === 'something-else-found'),
  }
}
