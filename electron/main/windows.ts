import { app, BrowserWindow } from 'electron'
import { APP_INDEX_URL } from './app-protocol'
import { PRINT_WINDOW_ARG } from '../../shared/api/print-bridge'
import { devServerUrl, preloadPath } from './paths'

/** The security settings every CalfCoach window uses, spelled out rather than left to defaults. */
export function secureWebPreferences(preload: string | undefined): Electron.WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  }
}

/** Which of our windows a web contents belongs to: the coach's main window or a hidden print window. */
export type WindowRole = 'main' | 'print'

const ourWindows = new Map<number, WindowRole>()

export function windowRole(webContentsId: number): WindowRole | null {
  return ourWindows.get(webContentsId) ?? null
}

export function isOurWindowContents(webContentsId: number): boolean {
  return ourWindows.has(webContentsId)
}

function track(win: BrowserWindow, role: WindowRole): void {
  const id = win.webContents.id
  ourWindows.set(id, role)
  win.on('closed', () => ourWindows.delete(id))
}

/** Our page: app://calfcoach/index.html, or the dev server in an unpackaged `npm start`. */
export function pageUrl(hash = ''): string {
  const dev = devServerUrl(app.isPackaged)
  return `${dev ?? APP_INDEX_URL}${hash}`
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CalfCoach',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath()),
  })
  track(win, 'main')
  win.once('ready-to-show', () => win.show())
  void win.loadURL(pageUrl())
  return win
}

/** A hidden window used only to print a route of our own page to PDF; its preload can only read print data. */
export function createPrintWindow(): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { ...secureWebPreferences(preloadPath()), additionalArguments: [PRINT_WINDOW_ARG] },
  })
  track(win, 'print')
  return win
}
