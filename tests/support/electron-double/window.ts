import { EventEmitter } from 'node:events'
import path from 'node:path'
import { checkedEventName, destroyedError, type DoubleState, makeEvent } from './state'
import { WebContentsDouble } from './web-contents'

/** BrowserWindow: window instances, and the `BrowserWindow` class (with its statics) bound to one double. */

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

/** The `electron.BrowserWindow` class of one double: `new BrowserWindow(options)` and the static look-ups. */
export function browserWindowClass(state: DoubleState) {
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
  return BrowserWindow
}
