import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import url, { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { electronApiFacts } from './electron-api'

/**
 * The main-process half of the `electron` test double (see README.md in this folder for the rules it
 * enforces and where each comes from). Build one per test with createElectronDouble(); hand
 * `double.electron` to the code under test wherever it says require('electron').
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

/** What the double's printToPDF returns by default: a minimal, recognisable one-page PDF. */
export const MARKER_PDF = Buffer.from(
  [
    '%PDF-1.7',
    '% calfcoach electron-double marker',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
)

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

function makeEvent(extra: Record<string, unknown> = {}): DoubleEvent {
  const event: DoubleEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
    ...extra,
  }
  return event
}

class DoubleState {
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
function checkedEventName(known: ReadonlySet<string>, owner: string, name: string | symbol): void {
  if (typeof name === 'string' && !known.has(name)) {
    throw new Error(`electron double: ${owner} has no '${name}' event in Electron ${electronApiFacts().version}; a listener for it would never run.`)
  }
}

function destroyedError(): TypeError {
  return new TypeError('Object has been destroyed')
}

// ---------------------------------------------------------------------------------------------- frames

export class FrameDouble {
  readonly routingId: number
  readonly processId: number
  constructor(
    state: DoubleState,
    public url: string,
    readonly parent: FrameDouble | null,
  ) {
    this.routingId = state.nextFrameId++
    this.processId = 1000 + this.routingId
  }
  get top(): FrameDouble {
    return this.parent ? this.parent.top : this
  }
}

// ---------------------------------------------------------------------------------------- web contents

/** The page a webContents shows, as far as executeJavaScript can see it: document.body and its attributes. */
export class PageDouble {
  readonly bodyAttributes = new Map<string, string>()
  private context: vm.Context | null = null
  loaded = false

  setBodyAttribute(name: string, value = ''): void {
    this.bodyAttributes.set(name, value)
  }

  evaluate(code: string): unknown {
    const attrs = this.bodyAttributes
    const body = {
      hasAttribute: (n: string) => attrs.has(n),
      getAttribute: (n: string) => attrs.get(n) ?? null,
      setAttribute: (n: string, v: string) => void attrs.set(n, String(v)),
      removeAttribute: (n: string) => void attrs.delete(n),
    }
    const loaded = () => this.loaded
    this.context ??= vm.createContext({
      document: {
        get body() {
          return loaded() ? body : null
        },
      },
    })
    return vm.runInContext(code, this.context, { filename: 'page-double.js', timeout: 1000 })
  }
}

export class WebContentsDouble extends EventEmitter {
  readonly id: number
  readonly mainFrame: FrameDouble
  readonly page = new PageDouble()
  private windowOpenHandler: ((details: Record<string, unknown>) => unknown) | null = null
  private destroyed = false
  private loading = false
  private executeCount = 0

  constructor(
    private readonly state: DoubleState,
    readonly ownerWindow: BrowserWindowDouble,
    private readonly webPreferences: Record<string, unknown>,
  ) {
    super()
    this.id = state.nextWebContentsId++
    this.mainFrame = new FrameDouble(state, '', null)
  }

  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    checkedEventName(this.state.facts.webContentsEvents, 'webContents', event)
    return super.on(event, listener as (...args: unknown[]) => void)
  }
  override once(event: string | symbol, listener: (...args: never[]) => void): this {
    checkedEventName(this.state.facts.webContentsEvents, 'webContents', event)
    return super.once(event, listener as (...args: unknown[]) => void)
  }
  override addListener(event: string | symbol, listener: (...args: never[]) => void): this {
    return this.on(event, listener)
  }

  private alive(): void {
    if (this.destroyed) throw destroyedError()
  }

  get session(): SessionDouble {
    return this.state.session
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  isLoading(): boolean {
    return this.loading
  }

  getURL(): string {
    this.alive()
    return this.mainFrame.url
  }

  getLastWebPreferences(): Record<string, unknown> {
    this.alive()
    return { ...this.webPreferences }
  }

  setWindowOpenHandler(handler: (details: Record<string, unknown>) => unknown): void {
    this.alive()
    if (typeof handler !== 'function') throw new TypeError('setWindowOpenHandler expects a function')
    this.state.record('webContents.setWindowOpenHandler', [this.id])
    this.windowOpenHandler = handler
  }

  /** As Electron: file paths resolve against app.getAppPath() and become a file: URL. */
  loadFile(filePath: string, options: { query?: Record<string, string>; search?: string; hash?: string } = {}): Promise<void> {
    if (typeof filePath !== 'string') throw new TypeError('Must pass filePath as a string')
    this.state.record('webContents.loadFile', [this.id, filePath, options])
    const formatted = url.format({
      protocol: 'file',
      slashes: true,
      pathname: path.resolve(this.state.app.getAppPath(), filePath),
      ...(options.query ? { query: options.query } : {}),
      ...(options.search ? { search: options.search } : {}),
      ...(options.hash ? { hash: options.hash } : {}),
    })
    return this.loadURL(formatted)
  }

  /**
   * Navigates the main frame. Like Electron, the returned promise rejects when the load fails (a missing
   * file: ERR_FILE_NOT_FOUND) and a no-op catch is attached so `void win.loadFile(...)` does not crash —
   * which is exactly why the double also records every failed load in `violations`.
   */
  loadURL(target: string, options: Record<string, unknown> = {}): Promise<void> {
    this.alive()
    if (typeof target !== 'string') throw new TypeError('Must pass a URL string')
    this.state.record('webContents.loadURL', [this.id, target, options])
    const loading = this.simulateLoad(target)
    loading.catch(() => {})
    return loading
  }

  private async simulateLoad(target: string): Promise<void> {
    let parsed: URL
    try {
      parsed = new URL(target)
    } catch {
      return this.failLoad(target, -300, 'ERR_INVALID_URL')
    }
    this.loading = true
    this.page.loaded = false
    this.page.bodyAttributes.clear()
    this.emit('did-start-loading')
    await new Promise((r) => setImmediate(r))
    if (this.destroyed) throw new Error(`ERR_ABORTED (-3) loading '${target}'`)
    if (parsed.protocol === 'file:') {
      const file = fileURLToPath(new URL(parsed.pathname, 'file://'))
      if (!existsSync(file)) return this.failLoad(parsed.href, -6, 'ERR_FILE_NOT_FOUND')
    }
    this.mainFrame.url = parsed.href
    this.page.loaded = true
    this.loading = false
    this.emit('did-navigate', makeEvent(), parsed.href)
    this.emit('dom-ready')
    this.emit('did-finish-load')
    this.emit('did-stop-loading')
    this.ownerWindow.pageShown()
  }

  private failLoad(target: string, code: number, description: string): Promise<never> {
    this.loading = false
    this.state.violations.push(`load failed: ${description} (${code}) loading '${target}' (Electron shows a blank window)`)
    this.emit('did-fail-load', makeEvent(), code, description, target, true)
    this.emit('did-stop-loading')
    return Promise.reject(Object.assign(new Error(`${description} (${code}) loading '${target}'`), { errno: code, code: description, url: target }))
  }

  /** Runs `code` against the page double (document.body and its attributes); results cross IPC, so they are cloned. */
  async executeJavaScript(code: string, userGesture?: boolean): Promise<unknown> {
    this.alive()
    const n = ++this.executeCount
    if (!this.page.loaded && !this.loading) {
      throw new Error('electron double: executeJavaScript before any page was loaded would wait forever in Electron')
    }
    while (this.loading) await new Promise((r) => setImmediate(r))
    this.state.options.beforeExecuteJavaScript?.(this, code, n)
    const result = structuredClone(this.page.evaluate(String(code)))
    this.state.record('webContents.executeJavaScript', [this.id, code, !!userGesture], result)
    return result
  }

  /**
   * Validates options exactly as Electron's printToPDF does (types, page size names, inches, margins no
   * larger than the paper) and — stricter than Electron, which silently ignores them — rejects keys it
   * does not document, such as the pre-v21 `marginsType` or `pageSize: { width, height }` in microns.
   */
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.alive()
    const entry = this.state.record('webContents.printToPDF', [this.id, options])
    try {
      validatePrintToPdfOptions(options)
    } catch (error) {
      entry.result = error
      throw error
    }
    const bytes = await (this.state.options.printToPDF?.(options, this) ?? MARKER_PDF)
    return Buffer.from(bytes)
  }

  /** Internal: the owning window was destroyed. */
  destroyFromWindow(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }

  // ---- simulations of what the page (or an attacker in it) does ------------------------------------

  /** A renderer-initiated navigation/redirect of the main frame. Returns whether a listener prevented it. */
  simulateNavigation(kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', target: string): { prevented: boolean } {
    this.alive()
    const event = makeEvent({ url: target, isSameDocument: false, isMainFrame: true, frame: this.mainFrame, initiator: this.mainFrame })
    this.emit(kind, event, target, false, true, this.mainFrame.processId, this.mainFrame.routingId)
    return { prevented: event.defaultPrevented }
  }

  /** The page tries to add a <webview>. Returns whether a listener prevented it. */
  simulateAttachWebview(src = 'https://example.org/'): { prevented: boolean } {
    this.alive()
    const event = makeEvent()
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src })
    return { prevented: event.defaultPrevented }
  }

  /**
   * window.open / target=_blank from the page. Electron's rules: with no handler the window opens; the
   * handler must return { action: 'allow' | 'deny' } or Electron denies and logs an error.
   */
  simulateWindowOpen(target: string, disposition = 'foreground-tab'): { action: 'allow' | 'deny'; invalidResponse?: string } {
    this.alive()
    if (!this.windowOpenHandler) return { action: 'allow' }
    const response = this.windowOpenHandler({ url: target, frameName: '', features: '', disposition, referrer: { url: '', policy: 'strict-origin-when-cross-origin' } })
    if (typeof response !== 'object' || response === null) return { action: 'deny', invalidResponse: `handler returned ${String(response)}` }
    const action = (response as { action?: unknown }).action
    if (action === 'deny' || action === 'allow') return { action }
    return { action: 'deny', invalidResponse: `handler returned action ${String(action)}` }
  }

  /** A child frame (iframe) of this page; use it as the sender frame of an IPC call. */
  createSubframe(frameUrl: string): FrameDouble {
    return new FrameDouble(this.state, frameUrl, this.mainFrame)
  }
}

const PRINT_TYPES: Record<string, 'boolean' | 'number' | 'string'> = {
  landscape: 'boolean',
  displayHeaderFooter: 'boolean',
  printBackground: 'boolean',
  scale: 'number',
  pageRanges: 'string',
  headerTemplate: 'string',
  footerTemplate: 'string',
  preferCSSPageSize: 'boolean',
  generateTaggedPDF: 'boolean',
  generateDocumentOutline: 'boolean',
}

/** Paper sizes in inches, as Electron's print-to-pdf.ts maps the documented names. */
const PAPER_INCHES: Record<string, { width: number; height: number }> = {
  letter: { width: 8.5, height: 11 },
  legal: { width: 8.5, height: 14 },
  tabloid: { width: 11, height: 17 },
  ledger: { width: 17, height: 11 },
  a0: { width: 33.1, height: 46.8 },
  a1: { width: 23.4, height: 33.1 },
  a2: { width: 16.54, height: 23.4 },
  a3: { width: 11.7, height: 16.54 },
  a4: { width: 8.27, height: 11.7 },
  a5: { width: 5.83, height: 8.27 },
  a6: { width: 4.13, height: 5.83 },
}

/** Largest paper we believe is meant in inches; bigger numbers are almost certainly microns or points. */
const MAX_PAPER_INCHES = 200

export function validatePrintToPdfOptions(options: unknown): void {
  const facts = electronApiFacts()
  if (typeof options !== 'object' || options === null) throw new TypeError('printToPDF(options): options must be an object')
  const opts = options as Record<string, unknown>
  const unknown = Object.keys(opts).filter((k) => !facts.printToPdfKeys.has(k))
  if (unknown.length) {
    throw new TypeError(
      `printToPDF: unknown option(s) ${unknown.join(', ')}; Electron ${facts.version} documents only ${[...facts.printToPdfKeys].join(', ')} and silently ignores anything else (marginsType and microns are the pre-v21 API).`,
    )
  }
  for (const [key, type] of Object.entries(PRINT_TYPES)) {
    if (opts[key] !== undefined && typeof opts[key] !== type) throw new TypeError(`${key} must be a ${type}`)
  }
  let paper: { width: number; height: number }
  const pageSize = opts['pageSize'] ?? 'Letter'
  if (typeof pageSize === 'string') {
    const known = facts.pageSizeNames.find((n) => n.toLowerCase() === pageSize.toLowerCase())
    const inches = known ? PAPER_INCHES[known.toLowerCase()] : undefined
    if (!inches) throw new Error(`Invalid pageSize ${pageSize} (Electron ${facts.version} accepts ${facts.pageSizeNames.join(', ')} or { width, height } in inches)`)
    paper = inches
  } else if (typeof pageSize === 'object' && pageSize !== null) {
    const size = pageSize as Record<string, unknown>
    const extra = Object.keys(size).filter((k) => k !== 'width' && k !== 'height')
    if (extra.length) throw new TypeError(`pageSize has unknown key(s) ${extra.join(', ')}; it is { width, height } in inches`)
    if (typeof size['width'] !== 'number' || typeof size['height'] !== 'number') throw new TypeError('width and height properties are required for pageSize')
    const { width, height } = size as { width: number; height: number }
    if (!(width > 0 && height > 0) || width > MAX_PAPER_INCHES || height > MAX_PAPER_INCHES) {
      throw new RangeError(`pageSize ${width} x ${height} is not a paper size in inches (since Electron 21 custom sizes are inches, not microns)`)
    }
    paper = { width, height }
  } else {
    throw new TypeError('pageSize must be a string or an object')
  }
  const margins = opts['margins'] ?? {}
  if (typeof margins !== 'object' || margins === null) throw new TypeError('margins must be a object')
  const m = margins as Record<string, unknown>
  for (const key of Object.keys(m)) {
    if (key === 'marginType') throw new TypeError('margins.marginType is a webContents.print() option; printToPDF ignores it and uses top/bottom/left/right in inches')
    if (!facts.marginKeys.has(key)) throw new TypeError(`margins has unknown key ${key}`)
    if (typeof m[key] !== 'number') throw new TypeError(`margins.${key} must be a number`)
    if ((m[key] as number) < 0) throw new RangeError(`margins.${key} must not be negative`)
  }
  const side = (k: string) => (m[k] as number | undefined) ?? 0.4
  if ([m['top'], m['bottom']].some((v) => v !== undefined && (v as number) > paper.height) || [m['left'], m['right']].some((v) => v !== undefined && (v as number) > paper.width)) {
    throw new Error('margins must be less than or equal to pageSize (margins are inches, not microns)')
  }
  if (side('top') + side('bottom') >= paper.height || side('left') + side('right') >= paper.width) {
    throw new Error('invalid print parameters: content area is empty (margins are inches)')
  }
}

// ------------------------------------------------------------------------------------------- windows

const WINDOW_EVENTS = (state: DoubleState) => state.facts.windowEvents

export class BrowserWindowDouble extends EventEmitter {
  readonly id: number
  readonly webContents: WebContentsDouble
  readonly options: Record<string, unknown>
  private visible: boolean
  private minimized = false
  private destroyed = false
  private shownOnce = false

  constructor(
    private readonly state: DoubleState,
    options: Record<string, unknown> = {},
  ) {
    super()
    if (!state.ready) throw new Error('Cannot create BrowserWindow before app is ready')
    const facts = state.facts
    const unknownKeys = Object.keys(options).filter((k) => !facts.windowOptionKeys.has(k))
    if (unknownKeys.length) throw new TypeError(`BrowserWindow: unknown option(s) ${unknownKeys.join(', ')} (Electron would silently ignore them)`)
    const prefs = (options['webPreferences'] ?? {}) as Record<string, unknown>
    const unknownPrefs = Object.keys(prefs).filter((k) => !facts.webPreferenceKeys.has(k))
    if (unknownPrefs.length) throw new TypeError(`BrowserWindow: unknown webPreferences ${unknownPrefs.join(', ')} (Electron would silently ignore them and keep its defaults)`)
    const preload = prefs['preload']
    if (preload !== undefined && (typeof preload !== 'string' || !path.isAbsolute(preload))) {
      state.violations.push(`preload must be an absolute path, got ${String(preload)} (Electron ignores it)`)
    }
    this.options = structuredClone(options)
    state.record('BrowserWindow.new', [this.options])
    this.id = state.nextWindowId++
    this.visible = options['show'] !== false
    this.webContents = new WebContentsDouble(state, this, { ...prefs })
    state.windows.push(this)
    state.app.emit('web-contents-created', makeEvent(), this.webContents)
    state.app.emit('browser-window-created', makeEvent(), this)
  }

  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    checkedEventName(WINDOW_EVENTS(this.state), 'BrowserWindow', event)
    return super.on(event, listener as (...args: unknown[]) => void)
  }
  override once(event: string | symbol, listener: (...args: never[]) => void): this {
    checkedEventName(WINDOW_EVENTS(this.state), 'BrowserWindow', event)
    return super.once(event, listener as (...args: unknown[]) => void)
  }
  override addListener(event: string | symbol, listener: (...args: never[]) => void): this {
    return this.on(event, listener)
  }

  private alive(): void {
    if (this.destroyed) throw destroyedError()
  }

  /** Internal: first paint of a hidden window → 'ready-to-show' (once per window, as in Electron). */
  pageShown(): void {
    if (this.shownOnce || this.destroyed) return
    this.shownOnce = true
    this.emit('ready-to-show', makeEvent())
  }

  loadFile(filePath: string, options?: { query?: Record<string, string>; search?: string; hash?: string }): Promise<void> {
    this.alive()
    return this.webContents.loadFile(filePath, options)
  }
  loadURL(target: string, options?: Record<string, unknown>): Promise<void> {
    this.alive()
    return this.webContents.loadURL(target, options)
  }
  show(): void {
    this.alive()
    this.state.record('BrowserWindow.show', [this.id])
    this.visible = true
    this.emit('show', makeEvent())
  }
  hide(): void {
    this.alive()
    this.visible = false
    this.emit('hide', makeEvent())
  }
  isVisible(): boolean {
    this.alive()
    return this.visible
  }
  focus(): void {
    this.alive()
    this.state.record('BrowserWindow.focus', [this.id])
    this.state.focused = this
    this.emit('focus', makeEvent())
  }
  isFocused(): boolean {
    return this.state.focused === this
  }
  minimize(): void {
    this.alive()
    this.minimized = true
    this.emit('minimize', makeEvent())
  }
  isMinimized(): boolean {
    this.alive()
    return this.minimized
  }
  restore(): void {
    this.alive()
    this.state.record('BrowserWindow.restore', [this.id])
    this.minimized = false
    this.emit('restore', makeEvent())
  }
  setMenu(menu: unknown): void {
    this.state.record('BrowserWindow.setMenu', [this.id, menu])
  }
  setTitle(title: string): void {
    this.state.record('BrowserWindow.setTitle', [this.id, title])
  }
  close(): void {
    if (this.destroyed) return
    const event = makeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.state.record('BrowserWindow.destroy', [this.id])
    this.destroyed = true
    this.webContents.destroyFromWindow()
    const index = this.state.windows.indexOf(this)
    if (index >= 0) this.state.windows.splice(index, 1)
    if (this.state.focused === this) this.state.focused = null
    this.emit('closed')
    if (this.state.windows.length === 0) this.state.app.emit('window-all-closed')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

// ----------------------------------------------------------------------------------------------- app

export class AppDouble extends EventEmitter {
  constructor(private readonly state: DoubleState) {
    super()
  }

  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    checkedEventName(this.state.facts.appEvents, 'app', event)
    this.state.record('app.on', [event])
    return super.on(event, listener as (...args: unknown[]) => void)
  }
  override once(event: string | symbol, listener: (...args: never[]) => void): this {
    checkedEventName(this.state.facts.appEvents, 'app', event)
    this.state.record('app.once', [event])
    return super.once(event, listener as (...args: unknown[]) => void)
  }
  override addListener(event: string | symbol, listener: (...args: never[]) => void): this {
    return this.on(event, listener)
  }

  whenReady(): Promise<void> {
    this.state.record('app.whenReady', [])
    return this.state.readyPromise
  }
  isReady(): boolean {
    return this.state.ready
  }
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const granted = this.state.options.singleInstanceLock ?? true
    this.state.record('app.requestSingleInstanceLock', [additionalData], granted)
    return granted
  }
  getPath(name: string): string {
    if (!this.state.facts.pathNames.has(name)) throw new Error(`Failed to get '${name}' path`)
    return path.join(this.state.pathsRoot, name)
  }
  getAppPath(): string {
    return this.state.options.appPath ?? process.cwd()
  }
  getName(): string {
    return 'CalfCoach'
  }
  getVersion(): string {
    return '0.0.0-double'
  }
  isPackaged = false
  /** Asks to quit: emits before-quit (preventable), will-quit, quit — asynchronously, as Electron does. */
  quit(): void {
    this.state.record('app.quit', [])
    this.state.quitRequested = true
    setImmediate(() => {
      const before = makeEvent()
      this.emit('before-quit', before)
      if (before.defaultPrevented) return
      const will = makeEvent()
      this.emit('will-quit', will)
      if (!will.defaultPrevented) this.emit('quit', makeEvent(), 0)
    })
  }
  /** Exits at once: no before-quit, no windows asked. */
  exit(code = 0): void {
    this.state.record('app.exit', [code])
    this.state.exitCode = code
  }
  focus(): void {
    this.state.record('app.focus', [])
  }
}

// ------------------------------------------------------------------------------------------- session

type PermissionRequestHandler = (contents: WebContentsDouble, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void
type PermissionCheckHandler = (contents: WebContentsDouble | null, permission: string, origin: string, details: Record<string, unknown>) => boolean

export class SessionDouble {
  private requestHandler: PermissionRequestHandler | null = null
  private checkHandler: PermissionCheckHandler | null = null
  constructor(private readonly state: DoubleState) {}

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    if (handler !== null && typeof handler !== 'function') throw new TypeError('setPermissionRequestHandler expects a function or null')
    this.state.record('session.setPermissionRequestHandler', [handler === null ? null : 'function'])
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    if (handler !== null && typeof handler !== 'function') throw new TypeError('setPermissionCheckHandler expects a function or null')
    this.state.record('session.setPermissionCheckHandler', [handler === null ? null : 'function'])
    this.checkHandler = handler
  }

  /** A page asks for a permission. Electron grants everything when no handler is set. */
  simulatePermissionRequest(contents: WebContentsDouble, permission: string, details: Record<string, unknown> = {}): Promise<boolean> {
    const handler = this.requestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`permission handler never answered for ${permission}`)), 2000)
      handler(contents, permission, (granted) => {
        clearTimeout(timer)
        resolve(granted === true)
      }, { requestingUrl: contents.mainFrame.url, isMainFrame: true, ...details })
    })
  }
  /** Chromium checks a permission synchronously. Electron answers true when no handler is set. */
  simulatePermissionCheck(contents: WebContentsDouble | null, permission: string, origin: string): boolean {
    return this.checkHandler ? this.checkHandler(contents, permission, origin, { requestingUrl: origin, isMainFrame: true }) === true : true
  }
}

// ------------------------------------------------------------------------------------------- ipcMain

export interface InvokeFrom {
  sender: WebContentsDouble
  /** Defaults to the sender's main frame. */
  frame?: FrameDouble
}

export class IpcMainDouble extends EventEmitter {
  private readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  constructor(private readonly state: DoubleState) {
    super()
  }

  /** As Electron: one handler per channel; a second registration throws. */
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void {
    this.state.record('ipcMain.handle', [channel])
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    if (typeof listener !== 'function') throw new Error(`Expected handler to be a function, but found type '${typeof listener}'`)
    this.handlers.set(channel, listener)
  }
  handleOnce(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return listener(event, ...args)
    })
  }
  removeHandler(channel: string): void {
    this.state.record('ipcMain.removeHandler', [channel])
    this.handlers.delete(channel)
  }
  handlerChannels(): string[] {
    return [...this.handlers.keys()]
  }

  /**
   * What ipcRenderer.invoke(channel, ...args) does from `from.sender`: arguments and the reply are
   * structured-cloned (functions, class prototypes and symbols do not survive), and a channel without a
   * handler rejects with Electron's own message.
   */
  async invoke(channel: string, args: unknown[], from: InvokeFrom): Promise<unknown> {
    const frame = from.frame ?? from.sender.mainFrame
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const event = { sender: from.sender, senderFrame: frame, frameId: frame.routingId, processId: frame.processId, type: 'frame' }
    try {
      return structuredClone(await handler(event, ...structuredClone(args)))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------- menu

export class MenuDouble {
  constructor(readonly template: unknown[] = []) {}
}

// ---------------------------------------------------------------------------------------- the double

export interface ElectronDouble {
  /** The module object: give this to code that calls require('electron'). Unknown members throw. */
  electron: Record<string, unknown>
  app: AppDouble
  ipcMain: IpcMainDouble
  session: { defaultSession: SessionDouble }
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

  class BrowserWindow extends BrowserWindowDouble {
    constructor(opts: Record<string, unknown> = {}) {
      super(state, opts)
    }
    static getAllWindows(): BrowserWindowDouble[] {
      return [...state.windows]
    }
    static getFocusedWindow(): BrowserWindowDouble | null {
      return state.focused && !state.focused.isDestroyed() ? state.focused : null
    }
    static fromWebContents(contents: WebContentsDouble): BrowserWindowDouble | null {
      return state.windows.find((w) => w.webContents === contents) ?? null
    }
    static fromId(id: number): BrowserWindowDouble | null {
      return state.windows.find((w) => w.id === id) ?? null
    }
  }

  const session = {
    /** Electron: the default session exists only once the app is ready. */
    get defaultSession(): SessionDouble {
      if (!state.ready) throw new Error('Session can only be received when app is ready')
      return defaultSession
    },
  }

  const parentAndOptions = (args: unknown[]) => (args[0] instanceof BrowserWindowDouble ? args[1] : args[0]) as Record<string, unknown>
  const dialog = {
    async showSaveDialog(...args: unknown[]) {
      state.record('dialog.showSaveDialog', [parentAndOptions(args)])
      return state.answers.save.shift() ?? { canceled: true, filePath: '' }
    },
    async showOpenDialog(...args: unknown[]) {
      state.record('dialog.showOpenDialog', [parentAndOptions(args)])
      return state.answers.open.shift() ?? { canceled: true, filePaths: [] }
    },
    async showMessageBox(...args: unknown[]) {
      state.record('dialog.showMessageBox', [parentAndOptions(args)])
      return state.answers.messageBox.shift() ?? { response: 0, checkboxChecked: false }
    },
    showErrorBox(title: string, content: string) {
      state.record('dialog.showErrorBox', [title, content])
      state.errorBoxes.push({ title, content })
    },
  }

  const shell = {
    async openExternal(target: string, opts?: Record<string, unknown>) {
      if (typeof target !== 'string') throw new TypeError('openExternal expects a URL string')
      state.record('shell.openExternal', [target, opts])
    },
    async openPath(target: string) {
      state.record('shell.openPath', [target])
      return ''
    },
    showItemInFolder(target: string) {
      state.record('shell.showItemInFolder', [target])
    },
  }

  let applicationMenu: MenuDouble | null = null
  const Menu = Object.assign(MenuDouble, {
    buildFromTemplate(template: unknown[]) {
      state.record('Menu.buildFromTemplate', [template])
      return new MenuDouble(template)
    },
    setApplicationMenu(menu: MenuDouble | null) {
      state.record('Menu.setApplicationMenu', [menu])
      applicationMenu = menu
    },
    getApplicationMenu() {
      return applicationMenu
    },
  })

  const members: Record<string, unknown> = { app, BrowserWindow, ipcMain, session, dialog, shell, Menu }
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
    BrowserWindow,
    calls: state.calls,
    callsTo: (api) => state.calls.filter((c) => c.api === api),
    violations: state.violations,
    errorBoxes: state.errorBoxes,
    answers: state.answers,
    windows: () => [...state.windows],
    exitCode: () => state.exitCode,
    fireReady() {
      if (state.ready) throw new Error('electron double: ready fired twice')
      app.emit('will-finish-launching')
      state.markReady()
      state.record('app.ready', [])
      app.emit('ready', makeEvent(), {})
    },
    async waitFor(predicate, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`electron double: timed out after ${timeoutMs} ms waiting for ${what}`)
        await new Promise((r) => setTimeout(r, 5))
      }
    },
  }
}
