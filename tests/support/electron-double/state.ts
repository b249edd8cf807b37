import type { AppDouble } from './app'
import type { ProtocolDouble } from './protocol'
import { electronApiFacts } from './electron-api'
import type { SessionDouble } from './session'
import type { WebContentsDouble } from './web-contents'
import type { BrowserWindowDouble } from './window'

/**
 * What every surface of the double shares: the options, the recorder (calls, violations, dialog answers,
 * lifecycle flags, id counters) and the small helpers the rules are built from (Electron-style events,
 * event-name checks, "Object has been destroyed").
 */

export interface CallRecord {
  /** e.g. "app.requestSingleInstanceLock", "BrowserWindow.new", "webContents.printToPDF" */
  api: string
  args: unknown[]
  /** For calls whose outcome matters later (executeJavaScript results, printToPDF errors). */
  result?: unknown
  seq: number
}

export interface ElectronDoubleOptions {
  /** app.isPackaged (default false: an unpackaged run, as under `npm start`). */
  isPackaged?: boolean
  /** What app.requestSingleInstanceLock() answers (default true: we are the first instance). */
  singleInstanceLock?: boolean
  /** Root of the app.getPath() folders (default: a per-double path under the temp folder, not created). */
  pathsRoot?: string
  /** app.getAppPath(), against which loadFile resolves relative paths (default: process.cwd()). */
  appPath?: string
  /** Bytes webContents.printToPDF resolves with once the options pass validation (default MARKER_PDF). */
  printToPDF?: (options: Record<string, unknown>, contents: WebContentsDouble) => Uint8Array | Promise<Uint8Array>
  /** Called before every executeJavaScript so a test can script the page (e.g. mark it print-ready). */
  beforeExecuteJavaScript?: (contents: WebContentsDouble, code: string, callNumber: number) => void
}

export interface DialogAnswers {
  save: { canceled: boolean; filePath: string }[]
  open: { canceled: boolean; filePaths: string[] }[]
  messageBox: { response: number; checkboxChecked: boolean }[]
}

/** An Electron-style event object: listeners may call preventDefault(). */
export interface DoubleEvent {
  preventDefault(): void
  defaultPrevented: boolean
  [key: string]: unknown
}

export function makeEvent(extra: Record<string, unknown> = {}): DoubleEvent {
  const event: DoubleEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
    ...extra,
  }
  return event
}

export class DoubleState {
  readonly facts = electronApiFacts()
  readonly calls: CallRecord[] = []
  /** Things Electron tolerates silently but that break the app (failed loads, relative preload paths...). */
  readonly violations: string[] = []
  readonly errorBoxes: { title: string; content: string }[] = []
  readonly windows: BrowserWindowDouble[] = []
  readonly answers: DialogAnswers = { save: [], open: [], messageBox: [] }
  ready = false
  exitCode: number | undefined
  quitRequested = false
  focused: BrowserWindowDouble | null = null
  nextWebContentsId = 1
  nextWindowId = 1
  nextFrameId = 1
  private resolveReady!: () => void
  readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve))
  app!: AppDouble
  session!: SessionDouble
  protocol!: ProtocolDouble

  constructor(readonly options: ElectronDoubleOptions, readonly pathsRoot: string) {}

  record(api: string, args: unknown[], result?: unknown): CallRecord {
    const entry: CallRecord = { api, args, seq: this.calls.length, ...(result === undefined ? {} : { result }) }
    this.calls.push(entry)
    return entry
  }

  markReady(): void {
    this.ready = true
    this.resolveReady()
  }
}

/** Listener registration that refuses event names the shipped Electron does not document (a typo would never fire). */
export function checkedEventName(known: ReadonlySet<string>, owner: string, name: string | symbol): void {
  if (typeof name === 'string' && !known.has(name)) {
    throw new Error(`electron double: ${owner} has no '${name}' event in Electron ${electronApiFacts().version}; a listener for it would never run.`)
  }
}

export function destroyedError(): TypeError {
  return new TypeError('Object has been destroyed')
}
