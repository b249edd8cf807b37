import { isUrgent } from '../clinical/referral-policy'
import type { ClinicalState } from '../clinical/types'

// The status line every screen and PDF prints for an athlete, worded once from the clinical state, so the
// board, the squad list, the athlete header, the plan and the printouts can never word the same state apart.

export type ClinicalHeadlineState = Pick<ClinicalState, 'colour' | 'openReferrals' | 'runningAllowance'>

/** True when an open referral needs a clinician today (emergency or same day). */
export function needsClinicianToday(state: Pick<ClinicalState, 'openReferrals'>): boolean {
  return state.openReferrals.some((r) => isUrgent(r.urgency))
}

export function clinicalHeadline(state: ClinicalHeadlineState): string {
  if (state.colour === 'red') {
    return needsClinicianToday(state) ? 'Red: see a clinician today, no running' : 'Red: stop running until a clinician clears it'
  }
  if (state.colour === 'amber') {
    return state.runningAllowance === 'none' ? 'Amber: no running until the readiness tests pass' : 'Amber: hold, do not increase running'
  }
  return 'Green: progress as planned'
}
