import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import path from 'node:path'
import url, { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { MARKER_PDF, validatePrintToPdfOptions } from './print-to-pdf'
import type { SessionDouble } from './session'
import { checkedEventName, destroyedError, type DoubleState, makeEvent } from './state'
import type { BrowserWindowDouble } from './window'

/** A window's webContents, its frames and the page it shows, with the simulations of what a page does. */

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
  /** The document a custom-scheme handler served (null for other loads). */
  html: string | null = null
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
    this.page.html = null
    this.page.bodyAttributes.clear()
    this.emit('did-start-loading')
    await new Promise((r) => setImmediate(r))
    if (this.destroyed) throw new Error(`ERR_ABORTED (-3) loading '${target}'`)
    if (parsed.protocol === 'file:') {
      const file = fileURLToPath(new URL(parsed.pathname, 'file://'))
      if (!existsSync(file)) return this.failLoad(parsed.href, -6, 'ERR_FILE_NOT_FOUND')
    } else if (this.state.protocol.handles(parsed)) {
      // A custom scheme: the page is whatever the protocol.handle handler answers; an error status shows
      // Chromium's error page instead of ours (loadURL rejects with ERR_HTTP_RESPONSE_CODE_FAILURE).
      let response: Response
      try {
        response = await this.state.protocol.request(parsed.href)
      } catch (error) {
        return this.failLoad(parsed.href, -2, `ERR_FAILED (${(error as Error).message})`)
      }
      if (!response.ok) return this.failLoad(parsed.href, -379, `ERR_HTTP_RESPONSE_CODE_FAILURE (status ${response.status})`)
      this.page.html = await response.text()
    } else if (!['http:', 'https:', 'about:', 'data:'].includes(parsed.protocol)) {
      return this.failLoad(parsed.href, -302, 'ERR_UNKNOWN_URL_SCHEME')
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
