import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { openExportedFile } from './exported-files'
import { exportSquadReportPdf, exportSquadRunsCsv, squadReport } from './squad-report-service'

type ReportHandlerNames = 'getSquadReport' | 'exportSquadReportPdf' | 'exportSquadRunsCsv' | 'openExportedFile'

export function reportHandlers(app: AppServices): Pick<Handlers, ReportHandlerNames> {
  return {
    getSquadReport: ({ groupId }) => squadReport(app, groupId),
    exportSquadReportPdf: ({ groupId }) => exportSquadReportPdf(app, groupId),
    exportSquadRunsCsv: (range) => exportSquadRunsCsv(app, range),
    openExportedFile: ({ path, how }) => openExportedFile(app.exported, app.shell, path, how),
  }
}
