import { app, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { apiMethods, contract } from '../../shared/api/contract'
import { isPrintMethod } from '../../shared/api/print-bridge'
import type { Dispatch } from '../services/dispatch'
import { APP_INDEX_URL } from './app-protocol'
import { devServerUrl } from './paths'
import { isTrustedSender } from './trusted-sender'
import { windowRole } from './windows'

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: 'This request did not come from the CalfCoach window and was refused.' } } as const

/**
 * Registers exactly one ipcMain handler per contract channel, each checking the sender before dispatch:
 * our own page in the main frame of one of our windows, and from a print window only the print calls.
 */
export function registerIpc(dispatch: Dispatch): void {
  const trusted = { pageUrl: APP_INDEX_URL, devServerUrl: devServerUrl(app.isPackaged) }
  for (const method of apiMethods) {
    ipcMain.handle(contract[method].channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const role = windowRole(event.sender.id)
      const facts = {
        frameUrl: event.senderFrame?.url,
        isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
        fromOurWindow: role !== null,
      }
      if (!isTrustedSender(facts, trusted)) return FORBIDDEN
      if (role === 'print' && !isPrintMethod(method)) return FORBIDDEN
      return dispatch(method, payload)
    })
  }
}
