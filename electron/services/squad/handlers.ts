import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import * as backup from '../backup/backup-service'
import { loadDemoSquad, removeDemoSquad } from '../demo/demo-service'
import { openExternalUrl } from '../external-url'
import * as squad from './squad-service'

type SquadHandlerNames =
  | 'getAppStatus' | 'dismissNotice' | 'takeOverDataFolder' | 'getSquad' | 'createAthlete' | 'updateAthlete' | 'setAthleteArchived'
  | 'deleteAthlete' | 'createGroup' | 'renameGroup' | 'deleteGroup' | 'updateSettings' | 'loadDemoSquad' | 'removeDemoSquad'
  | 'backupNow' | 'listBackups' | 'restoreBackup' | 'exportDatabase' | 'importDatabase' | 'openExternal'

export function squadHandlers(app: AppServices): Pick<Handlers, SquadHandlerNames> {
  const status = () => ({
    dataDir: app.db.dataDir,
    readOnlyReason: app.db.readOnlyReason,
    notices: app.db.notices,
    lockedAthleteIds: app.db.lockedAthleteIds,
  })
  return {
    getAppStatus: status,
    dismissNotice: ({ id }) => {
      app.db.dismissNotice(id)
      return status()
    },
    takeOverDataFolder: async () => {
      await app.takeOver()
      return status()
    },
    getSquad: () => {
      const { athletes, groups, settings } = app.db.squad.data
      return { athletes, groups, settings }
    },
    createAthlete: (draft) => squad.createAthlete(app, draft),
    updateAthlete: ({ id, draft }) => squad.updateAthlete(app, id, draft),
    setAthleteArchived: ({ id, archived }) => squad.setArchived(app, id, archived),
    deleteAthlete: ({ id, confirmName }) => squad.deleteAthlete(app, id, confirmName),
    createGroup: ({ name }) => squad.createGroup(app, name),
    renameGroup: (group) => squad.renameGroup(app, group),
    deleteGroup: ({ id }) => squad.deleteGroup(app, id),
    updateSettings: (patch) => squad.updateSettings(app, patch),
    loadDemoSquad: () => loadDemoSquad(app),
    removeDemoSquad: () => removeDemoSquad(app),
    backupNow: () => backup.backupNow(app),
    listBackups: () => app.db.backups.list(),
    restoreBackup: ({ id }) => backup.restoreBackup(app, id),
    exportDatabase: () => backup.exportDatabase(app),
    importDatabase: () => backup.importDatabase(app),
    openExternal: ({ url }) => openExternalUrl(url, app.shell),
  }
}
