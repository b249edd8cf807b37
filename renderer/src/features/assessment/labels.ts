// Words for the assessment screen: every colour in the UI is paired with text, so nothing depends on colour.

import { factorRule, referralRule } from '../../../../shared/assessment/rules/index'
import { pathKey, RED_FLAG_FIELDS } from '../../../../shared/assessment/form'
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
export function triageHeadline(d: Diagnosis): { headline: string; detail: string } {
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
  if (!redFlagScreen(d).complete) {
    // Never green before every red-flag question that applies was asked (issue 10 item 5).
    return {
      headline: redFlagGapText(d),
      detail: 'No referral from the answers so far, but that means little until these are asked. Do not rely on this result yet.',
    }
  }
  return { headline: 'GREEN — no referral needed', detail: 'Keep running at a comfortable level and work on the factors below.' }
}

/** The shared rules engine's red-flag screen (a diagnosis made before it existed counts as not checked). */
export function redFlagScreen(d: Diagnosis): { complete: boolean; unanswered: readonly string[] } {
  return d.redFlagScreen ?? { complete: false, unanswered: [] }
}

/** "Incomplete: N red-flag questions not asked", the same words the clinical state uses. */
export function redFlagGapText(d: Diagnosis): string {
  const n = redFlagScreen(d).unanswered.length
  return n > 0 ? `Incomplete: ${n} red-flag question${n === 1 ? '' : 's'} not asked` : 'Incomplete: the red-flag questions were not checked'
}

/** The question a red-flag id ("symptoms.swelling") stands for, as the form asks it. */
export function redFlagQuestion(id: string): string {
  return RED_FLAG_FIELDS.find((f) => pathKey(f.path) === id)?.label ?? id
}
