import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { apiMethods, contract } from '../../shared/api/contract'
import type { Dispatch } from '../services/dispatch'
import { devServerUrl, rendererIndexPath } from './paths'
import { isTrustedSender } from './trusted-sender'
import { isOurWindowContents } from './windows'

/** Registers exactly one ipcMain handler per contract channel, each checking the sender before dispatch. */
export function registerIpc(dispatch: Dispatch): void {
  const trusted = { rendererFile: devServerUrl() ? null : rendererIndexPath(), devServerUrl: devServerUrl() }
  for (const method of apiMethods) {
    ipcMain.handle(contract[method].channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const facts = {
        frameUrl: event.senderFrame?.url,
        isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
        fromOurWindow: isOurWindowContents(event.sender.id),
      }
      if (!isTrustedSender(facts, trusted)) {
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the CalfCoach window and was refused.' } }
      }
      return dispatch(method, payload)
    })
  }
}
