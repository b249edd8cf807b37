import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { cancelRunImport, commitRunImport, previewRunImport, runImportProgress } from './import-service'
import * as runs from './run-service'
import { squadBoard, squadTriage } from './triage-service'

type RunHandlerNames =
  | 'getAthleteRecord' | 'addRun' | 'updateRun' | 'deleteRun' | 'addRunsForGroup'
  | 'previewRunImport' | 'commitRunImport' | 'getSquadTriage' | 'getSquadBoard' | 'exportRunsCsv' | 'getRunImportProgress' | 'cancelRunImport'

export function runHandlers(app: AppServices): Pick<Handlers, RunHandlerNames> {
  return {
    getAthleteRecord: ({ athleteId }) => runs.athleteRecord(app, athleteId),
    addRun: ({ athleteId, run }) => runs.addRun(app, athleteId, run),
    updateRun: ({ athleteId, runId, run }) => runs.updateRun(app, athleteId, runId, run),
    deleteRun: ({ athleteId, runId }) => runs.deleteRun(app, athleteId, runId),
    addRunsForGroup: ({ date, entries }) => runs.addRunsForGroup(app, date, entries),
    previewRunImport: (input) => previewRunImport(app, input),
    commitRunImport: ({ token, rowNumbers, ...choices }) => commitRunImport(app, token, rowNumbers, choices),
    getRunImportProgress: ({ progressId }) => runImportProgress(app, progressId),
    cancelRunImport: ({ progressId }) => cancelRunImport(app, progressId),
    getSquadTriage: (input) => squadTriage(app, input?.today),
    getSquadBoard: (input) => squadBoard(app, input?.today),
    exportRunsCsv: ({ athleteId }) => runs.exportRunsCsv(app, athleteId),
  }
}
