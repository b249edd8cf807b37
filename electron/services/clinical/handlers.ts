import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { listClearances, recordClearance } from './clearance-service'
import { clinicalStateFor, withHeadline } from './clinical-service'
import { listReadinessTests, recordReadinessTest } from './readiness-service'

type ClinicalHandlerNames = 'recordClearance' | 'listClearances' | 'getClinicalState' | 'recordReadinessTest' | 'listReadinessTests'

export function clinicalHandlers(app: AppServices): Pick<Handlers, ClinicalHandlerNames> {
  return {
    recordClearance: ({ athleteId, ...request }) => recordClearance(app, athleteId, request),
    listClearances: ({ athleteId }) => listClearances(app, athleteId),
    getClinicalState: ({ athleteId }) => withHeadline(clinicalStateFor(app, athleteId)),
    recordReadinessTest: ({ athleteId, ...test }) => recordReadinessTest(app, athleteId, test),
    listReadinessTests: ({ athleteId }) => listReadinessTests(app, athleteId),
  }
}
