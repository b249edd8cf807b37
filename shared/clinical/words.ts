// The clinical state's sentences for the coach: reasons about open referrals and the actions to take.

import { REFERRAL_RULES } from '../assessment/rules/index'
import type { ReferralId } from '../assessment/schema'
import { isUrgent } from './referral-policy'
import type { ClinicalAction, ClinicalReason, OpenReferral } from './types'

/** The referral's title from the rules registry (e.g. "Possible calf muscle tear (strain)"). */
export function referralWords(id: ReferralId): string {
  return REFERRAL_RULES.find((r) => r.id === id)?.title ?? id.replace(/-/g, ' ')
}

function urgencyWords(r: OpenReferral): string {
  if (r.urgency === 'emergency') return 'emergency: call for help now'
  if (r.urgency === 'same-day') return 'needs a clinician today'
  return 'see a clinician before running increases'
}

export function referralReason(r: OpenReferral): ClinicalReason {
  const title = referralWords(r.referralId)
  const since = `open since the assessment of ${r.since}`
  if (isUrgent(r.urgency)) {
    return {
      code: 'referral-needs-clinician-today',
      level: 'red',
      referralId: r.referralId,
      date: r.since,
      text: `${title}: ${urgencyWords(r)}; no running until seen (${since}).`,
    }
  }
  if (r.stopsRunning) {
    return {
      code: 'referral-stops-running',
      level: 'red',
      referralId: r.referralId,
      date: r.since,
      text: `${title}: stop running until a clinician has seen the runner and the clearance is recorded (${since}).`,
    }
  }
  return {
    code: 'referral-before-progressing',
    level: 'amber',
    referralId: r.referralId,
    date: r.since,
    text: `${title}: hold the running where it is until a clinician has seen the runner (${since}).`,
  }
}

export function actionsFor(a: {
  open: readonly OpenReferral[]
  reassess: boolean
  hasAssessment: boolean
  screenComplete: boolean
  readinessPending: boolean
  stoppedLogging: boolean
}): ClinicalAction[] {
  const actions: ClinicalAction[] = []
  const urgent = a.open.filter((r) => isUrgent(r.urgency))
  if (urgent.length > 0) {
    actions.push({
      code: 'see-clinician-today',
      text: `Get the runner seen today: ${urgent.map((r) => referralWords(r.referralId)).join('; ')}.`,
    })
  }
  if (a.open.some((r) => r.stopsRunning)) {
    actions.push({ code: 'stop-running', text: 'No running until the clinician has cleared the runner.' })
  }
  if (a.open.length > 0) {
    const notFound = a.open.filter((r) => r.notFoundInLatestAssessment)
    actions.push({
      code: 'record-clearance',
      text:
        notFound.length > 0
          ? `Not found in the latest assessment: record the clearance for ${notFound.map((r) => referralWords(r.referralId)).join('; ')} once a clinician has seen the runner.`
          : 'Record the clearance (date, who, outcome) once a clinician has seen the runner.',
    })
  }
  if (a.readinessPending) {
    actions.push({ code: 'readiness-tests', text: 'Record the readiness tests before the first run.' })
  }
  if (a.reassess) {
    actions.push({ code: 're-assess', text: 'Re-assess the runner: the log or the clinician says the picture has changed.' })
  }
  if (!a.hasAssessment) actions.push({ code: 'assess', text: 'Assess the runner, starting with the red-flag questions.' })
  else if (!a.screenComplete) actions.push({ code: 'complete-red-flag-screen', text: 'Finish the red-flag questions of the assessment.' })
  if (a.stoppedLogging) actions.push({ code: 'check-in', text: 'The log has gone quiet: check in with the runner.' })
  return actions
}
