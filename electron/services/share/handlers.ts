import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import * as share from './share-service'

type ShareHandlerNames =
  | 'getShareStatus' | 'chooseClubFolder' | 'shareSquad' | 'renameInstallation' | 'stopSharing' | 'waitForChanges' | 'getRecordAuthors'

export function shareHandlers(app: AppServices): Pick<Handlers, ShareHandlerNames> {
  return {
    getShareStatus: () => share.shareStatus(app),
    chooseClubFolder: async () => ({ path: (await app.dialogs.chooseFolder?.({ title: 'Choose the club folder your sync tool shares' })) ?? null }),
    shareSquad: ({ folder, installName }) => share.shareSquad(app, folder, installName),
    renameInstallation: ({ installName }) => share.renameInstallation(app, installName),
    stopSharing: () => share.stopSharing(app),
    waitForChanges: async ({ since }) => ({ changeCount: await app.db.waitForChange(since, 20_000) }),
    getRecordAuthors: ({ athleteId }) => share.recordAuthors(app, athleteId),
  }
}
