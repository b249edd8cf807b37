import type { LetterReferral, ReferralLetter } from '../../../shared/api/channels/plans'
import { URGENCY_RANK } from '../../../shared/assessment/diagnose'
import { referralRule } from '../../../shared/assessment/rules/index'
import type { Referral, Urgency } from '../../../shared/assessment/schema'
import { referralStopsRunning } from '../../../shared/clinical/index'
import { addDays } from '../../../shared/dates'
import type { PlanRecord } from '../../../shared/domain/documents'
import { referFirstPainRules } from '../../../shared/plan/words'
import { clinicalStateOf } from '../clinical/clinical-service'
import { type AthleteContext, fmtKm } from './plan-context'

// The referral letter a refer-first PDF is (issue 10 item 8): one page the runner takes to the clinician.
// Its referrals are the open ones of the clinical state (so a referral the latest assessment no longer found
// is still on it); a refer-first plan printed after every referral was cleared falls back to the plan's own.

/** How far back the letter reports the runner's logged running and pain. */
const RUNNING_DAYS = 28
const PAIN_DAYS = 14

function letterReferral(r: Pick<Referral, 'id' | 'urgency' | 'because'>, stopsRunning: boolean, since: string | null, notFound: boolean): LetterReferral {
  const rule = referralRule(r.id)
  return {
    id: r.id,
    title: rule?.title ?? r.id.replace(/-/g, ' '),
    urgency: r.urgency,
    because: [...r.because],
    whyItMatters: rule?.explanation ?? '',
    stopsRunning,
    since,
    notFoundInLatestAssessment: notFound,
  }
}

/** Facts the clinician will ask about: how long the pain has lasted, recent running, recent pain. */
function tellClinician(c: AthleteContext, referrals: readonly LetterReferral[]): string[] {
  const lines: string[] = []
  const weeks = c.latest?.input.symptoms?.weeksSinceOnset
  if (c.latest && weeks !== undefined) {
    lines.push(`At the assessment of ${c.latest.date} the calf pain had lasted about ${weeks} week${weeks === 1 ? '' : 's'}.`)
  }
  const from = addDays(c.today, -RUNNING_DAYS)
  const recent = c.data.runs.filter((r) => r.date > from && r.date <= c.today)
  const last = c.data.runs.reduce<string | null>((d, r) => (r.date <= c.today && (d === null || r.date > d) ? r.date : d), null)
  if (recent.length === 0) {
    lines.push(`No running logged in the last ${RUNNING_DAYS / 7} weeks${last ? ` (last run ${last})` : ''}.`)
  } else {
    const km = recent.reduce((a, r) => a + r.distanceKm, 0)
    lines.push(`Running logged in the last ${RUNNING_DAYS / 7} weeks: ${fmtKm(Math.round(km * 10) / 10)} over ${recent.length} run${recent.length === 1 ? '' : 's'}; last run ${last}.`)
  }
  const painFrom = addDays(c.today, -PAIN_DAYS)
  const pains = c.data.runs.filter((r) => r.date > painFrom && r.date <= c.today && typeof r.painDuring === 'number').map((r) => r.painDuring as number)
  if (pains.length > 0) lines.push(`Worst pain during a run in the last ${PAIN_DAYS / 7} weeks: ${Math.max(...pains)} out of 10.`)
  if (referrals.some((r) => r.stopsRunning)) lines.push('The runner has been asked not to run until you have seen them.')
  lines.push('Please fill in the clearance section below, so that the coach can plan a safe return to running.')
  return lines
}

export function referralLetter(c: AthleteContext, plan: PlanRecord): ReferralLetter {
  const state = clinicalStateOf(c.athlete, c.data, c.today)
  let referrals = state.openReferrals.map((r) =>
    letterReferral({ id: r.referralId, urgency: r.urgency, because: r.because }, r.stopsRunning, r.since, r.notFoundInLatestAssessment),
  )
  if (referrals.length === 0) {
    const own = plan.output.referrals ?? []
    const ids = own.map((r) => r.id)
    referrals = own.map((r) => letterReferral(r, referralStopsRunning(r.id, r.urgency, ids), null, false))
  }
  const urgency = referrals.reduce<Urgency>((u, r) => (URGENCY_RANK[r.urgency] < URGENCY_RANK[u] ? r.urgency : u), 'before-progressing')
  const crossTraining = state.crossTraining ?? plan.output.crossTraining ?? null
  return { referrals, urgency, tellClinician: tellClinician(c, referrals), runnerTold: referFirstPainRules(crossTraining) }
}
