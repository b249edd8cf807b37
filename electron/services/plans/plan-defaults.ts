import type { PlanDefaults } from '../../../shared/api/channels/plans'
import { suggestPlanRequest } from '../../../shared/plan/defaults'
import type { ServiceContext } from '../context'
import { clinicalHeadline } from '../../../shared/domain/clinical-headline'
import { acknowledgementNeeded } from './plan-acknowledgement'
import { athleteContext, summaryFor } from './plan-context'

// What the plan form starts from: a request suggested from the log and the clinical state.

export function planDefaults(ctx: ServiceContext, athleteId: string): PlanDefaults {
  const c = athleteContext(ctx, athleteId)
  const suggestion = suggestPlanRequest(c.data.runs, c.today, { diagnosis: c.diagnosis })
  const { today: _today, ...request } = suggestion.request
  const active = c.data.plans.find((p) => p.active)
  // Refer first or hold from the one clinical state (open referrals from any assessment), never the latest triage.
  const referFirst = c.state.openReferrals.some((r) => r.stopsRunning)
  return {
    request,
    basis: suggestion.basis,
    fromLog: suggestion.fromLog,
    today: c.today,
    assessment: summaryFor(c),
    referFirst,
    holdForReferral: !referFirst && c.state.openReferrals.length > 0,
    referralClearedOn: active?.request.referralClearedOn ?? null,
    headline: clinicalHeadline(c.state),
    colour: c.state.colour,
    acknowledgement: acknowledgementNeeded(c),
  }
}
