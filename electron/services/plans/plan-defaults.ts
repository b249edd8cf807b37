import type { PlanDefaults } from '../../../shared/api/channels/plans'
import { suggestPlanRequest } from '../../../shared/plan/defaults'
import type { ServiceContext } from '../context'
import { clinicalHeadline } from '../../../shared/domain/clinical-headline'
import { acknowledgementNeeded } from './plan-acknowledgement'
import { athleteContext, planClinicalNow, summaryFor } from './plan-context'

// What the plan form starts from: a request suggested from the log and the clinical state.

export function planDefaults(ctx: ServiceContext, athleteId: string): PlanDefaults {
  const c = athleteContext(ctx, athleteId)
  const suggestion = suggestPlanRequest(c.data.runs, c.today, { diagnosis: c.diagnosis })
  const { today: _today, ...request } = suggestion.request
  const active = c.data.plans.find((p) => p.active)
  // Refer first and hold as the generator decides them from the one clinical state (open referrals from any
  // assessment, the recorded clearances), never from the latest triage.
  const clinical = planClinicalNow(c)
  return {
    request,
    basis: suggestion.basis,
    fromLog: suggestion.fromLog,
    today: c.today,
    assessment: summaryFor(c),
    referFirst: clinical.referFirst,
    holdForReferral: !clinical.referFirst && clinical.holdReferrals.length > 0 && clinical.holdClearedOn === undefined,
    referralClearedOn: active?.request.referralClearedOn ?? null,
    headline: clinicalHeadline(c.state),
    colour: c.state.colour,
    acknowledgement: acknowledgementNeeded(c),
  }
}
