import { EventEmitter } from 'node:events'
import path from 'node:path'
import { checkedEventName, type DoubleState, makeEvent } from './state'

/** `electron.app` and the lifecycle around it: ready, quit and exit. */

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
  get isPackaged(): boolean {
    return this.state.options.isPackaged ?? false
  }
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

/** Fires will-finish-launching and ready, resolving app.whenReady(). */
export function fireReady(state: DoubleState): void {
  if (state.ready) throw new Error('electron double: ready fired twice')
  state.app.emit('will-finish-launching')
  state.markReady()
  state.record('app.ready', [])
  state.app.emit('ready', makeEvent(), {})
}
