import { BrowserWindow, dialog, shell } from 'electron'
import type { ShellPort } from '../services/context'
import type { ExternalOpener } from '../services/external-url'

/**
 * The system browser, behind the policy in electron/services/external-url.ts: the services and the
 * window-open handler both go through openExternalUrl(), which calls confirmOpenExternal first for
 * anything but an https link to a public site.
 */
export const electronExternalOpener: ExternalOpener = {
  openExternal: (url) => shell.openExternal(url),
  async confirmOpenExternal(url) {
    const options = {
      type: 'question' as const,
      title: 'Open a link',
      message: 'Open this address in your web browser?',
      // The full address, so a look-alike or local-network link is visible before anything opens.
      detail: `${url}\n\nIt is not a secure (https) link to a public website. Open it only if you trust it.`,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    }
    const parent = BrowserWindow.getFocusedWindow()
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
    return response === 0
  },
}

/**
 * The links above, plus opening and showing exported files. The service in front of these
 * (electron/services/report/exported-files.ts) passes only paths CalfCoach itself exported this session.
 */
export const electronShell: ShellPort = {
  ...electronExternalOpener,
  openPath: (file) => shell.openPath(file),
  showItemInFolder: (file) => shell.showItemInFolder(file),
}
