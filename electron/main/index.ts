import { app, BrowserWindow, dialog, protocol } from 'electron'
import { AppServices } from '../services/app-services'
import { createDispatcher } from '../services/dispatch'
import { createHandlers } from '../services/handlers'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { resolveDataDir } from './data-dir'
import { electronDialogs } from './dialogs'
import { electronShell } from './external'
import { registerIpc } from './ipc'
import { rendererDir } from './paths'
import { electronPdfPort } from './pdf'
import { setupSecurity } from './security'
import { createMainWindow } from './windows'

// Composition only: each step lives in its own module and is tested there.
setupSecurity()
// Before ready (Electron's rule): app:// is a standard, secure scheme so the page gets its own origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (!app.requestSingleInstanceLock()) {
  // Another CalfCoach already owns the data folder; two writers could corrupt it.
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(start, fail)
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir()))
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  const services = await AppServices.open({
    dataDir,
    dialogs: electronDialogs,
    background: true,
    pdf: electronPdfPort(),
    shell: electronShell,
  })
  registerIpc(
    createDispatcher(createHandlers(services), {
      readOnlyReason: () => services.db.readOnlyReason,
      waitUntilReady: (method) => services.readyFor(method),
      logError: (error, method) => console.error(`[calfcoach] ${method} failed:`, error),
    }),
  )
  // Quit only after pending saves are on disk and the data folder's lock is released, so the next
  // window (or another user's) opens the squad writable.
  let closed = false
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    void services
      .close()
      .catch((error: unknown) => console.error('[calfcoach] closing the data folder failed:', error))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
  // The daily backup waits until the first screen is up; no call waits for it.
  createMainWindow().once('ready-to-show', () => services.startBackgroundWork())
}

function fail(error: unknown): void {
  dialog.showErrorBox('CalfCoach could not start', error instanceof Error ? error.message : String(error))
  app.exit(1)
}
