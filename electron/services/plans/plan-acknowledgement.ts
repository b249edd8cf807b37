import type { PlanDefaults } from '../../../shared/api/channels/plans'
import { DomainError } from '../../../shared/api/result'
import type { PlanAcknowledgement } from '../../../shared/domain/documents'
import type { PlanOutput } from '../../../shared/plan/schema'
import type { AthleteContext } from './plan-context'

// A running plan built without an assessment, or on one whose red-flag screen is incomplete, needs the coach's
// explicit acknowledgement (issue 10 item 5). The plans service refuses without it, stores it in the plan, and
// the PDF prints it. A refer-first sheet needs none: it is no running plan.

export type AcknowledgementNeeded = NonNullable<PlanDefaults['acknowledgement']>

/** What the coach must acknowledge for this athlete today, in the words the checkbox shows; null when nothing. */
export function acknowledgementNeeded(c: Pick<AthleteContext, 'state' | 'latest'>): AcknowledgementNeeded | null {
  const { state } = c
  if (state.latestAssessmentId === null) {
    return {
      reason: 'no-assessment',
      unanswered: [],
      text:
        'I understand that this runner has had no calf-pain assessment, so nobody has asked the red-flag questions ' +
        '(a clot, a stress fracture, a torn muscle or tendon). I am building this plan on the running log alone.',
    }
  }
  if (!state.redFlagScreen.complete) {
    const n = state.redFlagScreen.unanswered.length
    const what = n > 0 ? `${n} red-flag question${n === 1 ? ' was' : 's were'} not asked` : 'the red-flag questions were not checked'
    return {
      reason: 'red-flag-screen-incomplete',
      unanswered: [...state.redFlagScreen.unanswered],
      text: `I understand that in the latest assessment ${what}, so a serious cause of the calf pain has not been ruled out. I am building this plan anyway.`,
    }
  }
  return null
}

/**
 * The acknowledgement to store with a new plan, or a refusal (nothing is saved) when one is needed and the coach
 * did not give it.
 */
export function acknowledgementFor(
  c: Pick<AthleteContext, 'state' | 'latest'>,
  output: Pick<PlanOutput, 'status'>,
  acknowledged: boolean | undefined,
  at: string,
): PlanAcknowledgement | undefined {
  const needed = output.status === 'refer-first' ? null : acknowledgementNeeded(c)
  if (!needed) return undefined
  if (acknowledged !== true) {
    const why = needed.reason === 'no-assessment' ? 'this runner has no assessment yet' : 'the latest assessment’s red-flag screen is incomplete'
    throw new DomainError('invalid-input', `Plan not saved: ${why}. Finish the assessment first, or tick the acknowledgement to build the plan anyway.`, [
      { path: 'acknowledged', message: 'tick the box to confirm you understand what has not been checked' },
    ])
  }
  return { reason: needed.reason, text: needed.text, assessmentId: c.state.latestAssessmentId, unanswered: needed.unanswered, at }
}
