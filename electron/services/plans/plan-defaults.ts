import type { PlanDefaults } from '../../../shared/api/channels/plans'
import { suggestPlanRequest } from '../../../shared/plan/defaults'
import type { ServiceContext } from '../context'
import { athleteContext, summaryFor } from './plan-context'

// What the plan form starts from: a request suggested from the log and the latest assessment.

export function planDefaults(ctx: ServiceContext, athleteId: string): PlanDefaults {
  const c = athleteContext(ctx, athleteId)
  const suggestion = suggestPlanRequest(c.data.runs, c.today, { diagnosis: c.diagnosis })
  const { today: _today, ...request } = suggestion.request
  const active = c.data.plans.find((p) => p.active)
  const triage = c.diagnosis?.triage
  return {
    request,
    basis: suggestion.basis,
    fromLog: suggestion.fromLog,
    today: c.today,
    assessment: summaryFor(c),
    referFirst: triage === 'red',
    holdForReferral: triage === 'amber',
    referralClearedOn: active?.request.referralClearedOn ?? null,
  }
}
