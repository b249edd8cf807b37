import os from 'node:os'
import path from 'node:path'
import { AppDouble, fireReady } from './app'
import { dialogModule, menuModule, shellModule } from './desktop'
import { IpcMainDouble } from './ipc-main'
import { ProtocolDouble } from './protocol'
import { SessionDouble, sessionModule } from './session'
import { type CallRecord, type DialogAnswers, DoubleState, type ElectronDoubleOptions } from './state'
import { browserWindowClass, type BrowserWindowDouble } from './window'

/**
 * The main-process half of the `electron` test double (see README.md in this folder for the rules it
 * enforces and where each comes from). Build one per test with createElectronDouble(); hand
 * `double.electron` to the code under test wherever it says require('electron').
 *
 * This file only assembles the surfaces; each lives in its own module (app.ts, window.ts, web-contents.ts,
 * ipc-main.ts, session.ts, desktop.ts, print-to-pdf.ts, over the shared recorder in state.ts).
 */

export { AppDouble } from './app'
export { MenuDouble } from './desktop'
export { type InvokeFrom, IpcMainDouble } from './ipc-main'
export { MARKER_PDF, validatePrintToPdfOptions } from './print-to-pdf'
export { ProtocolDouble } from './protocol'
export { SessionDouble } from './session'
export type { CallRecord, DialogAnswers, DoubleEvent, ElectronDoubleOptions } from './state'
export { FrameDouble, PageDouble, WebContentsDouble } from './web-contents'
export { BrowserWindowDouble } from './window'

export interface ElectronDouble {
  /** The module object: give this to code that calls require('electron'). Unknown members throw. */
  electron: Record<string, unknown>
  app: AppDouble
  ipcMain: IpcMainDouble
  session: { defaultSession: SessionDouble }
  protocol: ProtocolDouble
  BrowserWindow: new (options?: Record<string, unknown>) => BrowserWindowDouble
  calls: CallRecord[]
  callsTo(api: string): CallRecord[]
  violations: string[]
  errorBoxes: { title: string; content: string }[]
  answers: DialogAnswers
  windows(): BrowserWindowDouble[]
  exitCode(): number | undefined
  /** Fires will-finish-launching and ready, resolving app.whenReady(). */
  fireReady(): void
  /** Polls `predicate` until it is true (or throws after timeoutMs, naming `what`). */
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>
}

let doubles = 0

export function createElectronDouble(options: ElectronDoubleOptions = {}): ElectronDouble {
  // app.getPath() answers paths under this root; like Electron, nothing is created until the app does.
  const pathsRoot = options.pathsRoot ?? path.join(os.tmpdir(), `calfcoach-double-paths-${process.pid}-${++doubles}`)
  const state = new DoubleState(options, pathsRoot)
  const app = new AppDouble(state)
  state.app = app
  const defaultSession = new SessionDouble(state)
  state.session = defaultSession
  const ipcMain = new IpcMainDouble(state)
  const protocol = new ProtocolDouble(state)
  state.protocol = protocol
  const BrowserWindow = browserWindowClass(state)
  const session = sessionModule(state)
  const dialog = dialogModule(state)
  const shell = shellModule(state)
  const Menu = menuModule(state)

  const members: Record<string, unknown> = { app, BrowserWindow, ipcMain, session, dialog, shell, Menu, protocol }
  const electron = new Proxy(members, {
    get(target, key) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then') return undefined
      if (!(key in target)) {
        throw new Error(`electron double: electron.${key} is not implemented; add it to tests/support/electron-double (with Electron's rules for it)`)
      }
      return target[key]
    },
  })

  return {
    electron,
    app,
    ipcMain,
    session: { defaultSession },
    protocol,
    BrowserWindow,
    calls: state.calls,
    callsTo: (api) => state.calls.filter((c) => c.api === api),
    violations: state.violations,
    errorBoxes: state.errorBoxes,
    answers: state.answers,
    windows: () => [...state.windows],
    exitCode: () => state.exitCode,
    fireReady: () => fireReady(state),
    // The bound only decides how long a broken state takes to fail; generous for a busy machine.
    async waitFor(predicate, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`electron double: timed out after ${timeoutMs} ms waiting for ${what}`)
        await new Promise((r) => setTimeout(r, 5))
      }
    },
  }
}
