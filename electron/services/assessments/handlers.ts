import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import * as assessments from './assessment-service'

type AssessmentHandlerNames = 'listAssessments' | 'saveAssessment' | 'deleteAssessment' | 'diagnoseDraft' | 'compareLatest'

export function assessmentHandlers(app: AppServices): Pick<Handlers, AssessmentHandlerNames> {
  return {
    listAssessments: ({ athleteId }) => assessments.listAssessments(app, athleteId),
    saveAssessment: ({ athleteId, id, date, input, note }) => assessments.saveAssessment(app, athleteId, { id, date, input, note }),
    deleteAssessment: ({ athleteId, id }) => assessments.deleteAssessment(app, athleteId, id),
    diagnoseDraft: ({ input, athleteId, date }) => assessments.diagnoseDraft(app, input, athleteId, date),
    compareLatest: ({ athleteId }) => assessments.compareLatest(app, athleteId),
  }
}
