import { BrowserWindow } from 'electron'
import { devServerUrl, preloadPath, rendererIndexPath } from './paths'

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

const ourWindows = new Set<number>()

export function isOurWindowContents(webContentsId: number): boolean {
  return ourWindows.has(webContentsId)
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
  const id = win.webContents.id
  ourWindows.add(id)
  win.on('closed', () => ourWindows.delete(id))
  win.once('ready-to-show', () => win.show())
  const dev = devServerUrl()
  if (dev) void win.loadURL(dev)
  else void win.loadFile(rendererIndexPath())
  return win
}

/** A hidden window used only to print a route of our own page to PDF. */
export function createPrintWindow(): BrowserWindow {
  const win = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: secureWebPreferences(preloadPath()) })
  const id = win.webContents.id
  ourWindows.add(id)
  win.on('closed', () => ourWindows.delete(id))
  return win
}
