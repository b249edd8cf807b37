import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import * as plans from './plan-service'

type PlanHandlerNames =
  | 'previewPlan' | 'savePlan' | 'listPlans' | 'getPlan' | 'setActivePlan' | 'editPlanSession'
  | 'regeneratePlan' | 'planDefaults' | 'exportPlanPdf' | 'getPrintData'

export function planHandlers(app: AppServices): Pick<Handlers, PlanHandlerNames> {
  return {
    previewPlan: ({ athleteId, request }) => plans.previewPlan(app, athleteId, request),
    savePlan: ({ athleteId, label, request }) => plans.savePlan(app, athleteId, label, request),
    listPlans: ({ athleteId }) => plans.listPlans(app, athleteId),
    getPlan: ({ athleteId, planId }) => plans.getPlan(app, athleteId, planId),
    setActivePlan: ({ athleteId, planId }) => plans.setActivePlan(app, athleteId, planId),
    editPlanSession: (input) => plans.editPlanSession(app, input),
    regeneratePlan: (input) => plans.regenerate(app, input),
    planDefaults: ({ athleteId }) => plans.planDefaults(app, athleteId),
    exportPlanPdf: ({ athleteId, planId }) => plans.exportPlanPdf(app, athleteId, planId),
    getPrintData: ({ athleteId, planId }) => plans.printData(app, athleteId, planId),
  }
}
