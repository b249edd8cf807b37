// Words for the assessment screen: every colour in the UI is paired with text, so nothing depends on colour.

import { factorRule, referralRule } from '../../../../shared/assessment/rules/index'
import type { Diagnosis, FactorId, Likelihood, PatternFit, ReferralId, Triage, Urgency } from '../../../../shared/assessment/schema'
import type { EvidenceStrength } from '../../../../shared/assessment/rules/index'

export const TRIAGE_WORD: Record<Triage, string> = { red: 'Red', amber: 'Amber', green: 'Green' }

export const URGENCY_LABEL: Record<Urgency, string> = {
  emergency: 'Emergency — now',
  'same-day': 'Same day',
  'before-progressing': 'Before running more',
}

export const LIKELIHOOD_LABEL: Record<Likelihood, string> = {
  high: 'High likelihood',
  moderate: 'Moderate likelihood',
  low: 'Low likelihood',
}

export const FIT_LABEL: Record<PatternFit, string> = {
  typical: 'Typical fit',
  partial: 'Partial fit',
  atypical: 'Atypical: something points elsewhere',
}

export const STRENGTH_NOTE: Record<EvidenceStrength, string> = {
  'measured-norm': 'Measured against a published norm.',
  mixed: 'Mixed evidence for this mechanism.',
  'practitioner-opinion': 'Based on practitioner opinion rather than trials.',
  hypothesis: 'A hypothesis: weak evidence, weigh it lightly.',
}

export function referralTitle(id: ReferralId): string {
  return referralRule(id)?.title ?? id
}

export function factorTitle(id: FactorId): string {
  return factorRule(id)?.title ?? id
}

/** The banner's headline and the line under it: what the coach must do, in words. */
export function triageHeadline(d: Diagnosis, unaskedRedFlags = 0): { headline: string; detail: string } {
  const first = d.referrals[0]
  if (d.triage === 'red') {
    const emergency = d.referrals.some((r) => r.urgency === 'emergency')
    return {
      headline: emergency ? 'RED — emergency: get medical help now, no running' : 'RED — refer before any running',
      detail: first ? `${referralTitle(first.id)}: ${emergency ? 'call emergency services' : 'same-day medical check'}. Stop running until cleared.` : '',
    }
  }
  if (d.triage === 'amber') {
    return {
      headline: 'AMBER — refer before progressing running',
      detail: first ? `${referralTitle(first.id)}: a physio or sports doctor should see the runner before distance goes up.` : '',
    }
  }
  if (unaskedRedFlags > 0) {
    return {
      headline: 'GREEN so far — red-flag screen not finished',
      detail: 'No referral from the answers so far. Keep running at a comfortable level and work on the factors below.',
    }
  }
  return { headline: 'GREEN — no referral needed', detail: 'Keep running at a comfortable level and work on the factors below.' }
}
