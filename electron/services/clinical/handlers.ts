import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { listClearances, recordClearance } from './clearance-service'
import { clinicalStateFor, withHeadline } from './clinical-service'

type ClinicalHandlerNames = 'recordClearance' | 'listClearances' | 'getClinicalState'

export function clinicalHandlers(app: AppServices): Pick<Handlers, ClinicalHandlerNames> {
  return {
    recordClearance: ({ athleteId, ...request }) => recordClearance(app, athleteId, request),
    listClearances: ({ athleteId }) => listClearances(app, athleteId),
    getClinicalState: ({ athleteId }) => withHeadline(clinicalStateFor(app, athleteId)),
  }
}
