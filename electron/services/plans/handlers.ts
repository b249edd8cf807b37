import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { exportPlanPdf } from './pdf-export'
import { planDefaults } from './plan-defaults'
import { deletePlan, restorePlan } from './plan-delete'
import { getPlan, listPlans, previewPlan, savePlan, setActivePlan } from './plan-service'
import { printData } from './print-data'
import { regenerate } from './regenerate'
import { editPlanSession } from './session-edit'

type PlanHandlerNames =
  | 'previewPlan' | 'savePlan' | 'listPlans' | 'getPlan' | 'setActivePlan' | 'deletePlan' | 'restorePlan' | 'editPlanSession'
  | 'regeneratePlan' | 'planDefaults' | 'exportPlanPdf' | 'getPrintData'

export function planHandlers(app: AppServices): Pick<Handlers, PlanHandlerNames> {
  return {
    previewPlan: ({ athleteId, request }) => previewPlan(app, athleteId, request),
    savePlan: ({ athleteId, label, request, acknowledged }) => savePlan(app, athleteId, label, request, acknowledged),
    listPlans: ({ athleteId }) => listPlans(app, athleteId),
    getPlan: ({ athleteId, planId }) => getPlan(app, athleteId, planId),
    setActivePlan: ({ athleteId, planId }) => setActivePlan(app, athleteId, planId),
    deletePlan: ({ athleteId, planId }) => deletePlan(app, athleteId, planId),
    restorePlan: ({ athleteId, planId }) => restorePlan(app, athleteId, planId),
    editPlanSession: (input) => editPlanSession(app, input),
    regeneratePlan: (input) => regenerate(app, input),
    planDefaults: ({ athleteId }) => planDefaults(app, athleteId),
    exportPlanPdf: ({ athleteId, planId }) => exportPlanPdf(app, athleteId, planId),
    getPrintData: ({ athleteId, planId }) => printData(app, athleteId, planId),
  }
}
