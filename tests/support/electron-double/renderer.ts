import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The renderer half of the `electron` double: runs a preload the way a sandboxed, context-isolated
 * BrowserWindow does and models contextBridge + ipcRenderer. See README.md for the rules and sources.
 */

export interface PreloadOptions {
  /** Where ipcRenderer.invoke goes (e.g. the main double's ipcMain.invoke). Default: resolves to undefined. */
  invoke?: (channel: string, args: unknown[]) => Promise<unknown>
  /**
   * Modules the preload's require() may load. Electron's sandboxed require also offers events, timers
   * and url; CalfCoach's rule is stricter (the preload requires nothing but 'electron'), so that is the default.
   */
  allowedModules?: readonly string[]
  /** webPreferences.additionalArguments of the window: Electron appends them to the sandboxed process.argv. */
  additionalArguments?: readonly string[]
}

export interface Exposure {
  key: string
  /** Exactly what the preload passed (still in the isolated world). */
  api: unknown
}

export interface PreloadRun {
  /** The main world (window) as the page sees it: only what crossed the bridge, copied and frozen. */
  mainWorld: Record<string, unknown>
  exposures: Exposure[]
  /** Every module id the preload asked require() for, in order. */
  requires: string[]
  invocations: { channel: string; args: unknown[] }[]
  /** The renderer `electron` module and the sandbox's Node-ish objects, for leak checks by identity. */
  privileged: { electron: Record<string, unknown>; ipcRenderer: Record<string, unknown>; contextBridge: Record<string, unknown>; require: unknown; process: unknown; module: unknown }
  /** Set when the script failed to compile or threw (an ESM preload fails here, as in Electron). */
  error?: unknown
}

/** Properties every window already has: exposeInMainWorld refuses to bind over them. */
const WINDOW_BUILTINS = ['window', 'self', 'document', 'location', 'navigator', 'chrome', 'name', 'history', 'top', 'parent', 'frames', 'opener', 'origin', 'localStorage', 'sessionStorage', 'console', 'fetch']

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v) as object | null
  return proto === null || Object.getPrototypeOf(proto) === null
}

/**
 * Copies a value across the context bridge as Electron documents: functions are proxied, promises are
 * bridged, errors copied, plain objects and arrays copied and frozen, other cloneable values cloned,
 * symbols dropped. Anything else (e.g. class instances with methods) loses its prototype.
 */
export function bridgeValue(value: unknown, seen = new Map<unknown, unknown>()): unknown {
  if (value === null || value === undefined) return value
  const type = typeof value
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint') return value
  if (type === 'symbol') return undefined
  if (seen.has(value)) return seen.get(value)
  if (type === 'function') {
    const fn = value as (...args: unknown[]) => unknown
    const proxy = (...args: unknown[]) => bridgeValue(fn(...args.map((a) => bridgeValue(a))))
    seen.set(value, proxy)
    return proxy
  }
  const obj = value as object
  if (typeof (obj as { then?: unknown }).then === 'function') {
    return Promise.resolve(obj as PromiseLike<unknown>).then(
      (v) => bridgeValue(v),
      (e: unknown) => Promise.reject(bridgeValue(e)),
    )
  }
  if (obj instanceof Error || Object.prototype.toString.call(obj) === '[object Error]') {
    const e = obj as Error
    return Object.assign(new Error(e.message), { name: e.name })
  }
  if (Array.isArray(obj)) {
    const copy: unknown[] = []
    seen.set(value, copy)
    for (const item of obj) copy.push(bridgeValue(item, seen))
    return Object.freeze(copy)
  }
  if (isPlainObject(obj) || !isCloneable(obj)) {
    const copy: Record<string, unknown> = {}
    seen.set(value, copy)
    for (const key of Object.keys(obj)) {
      const v = bridgeValue((obj as Record<string, unknown>)[key], seen)
      if (v !== undefined || (obj as Record<string, unknown>)[key] === undefined) copy[key] = v
    }
    return Object.freeze(copy)
  }
  return Object.freeze(structuredClone(obj))
}

/** Structured-cloneable types with their own prototype (Date, Map, typed arrays...) are cloned as such. */
function isCloneable(obj: object): boolean {
  try {
    return Object.getPrototypeOf(structuredClone(obj)) !== Object.prototype
  } catch {
    return false
  }
}

/** The renderer `electron` module for one preload run; unknown members throw, like a missing API would. */
function rendererElectron(run: PreloadRun, options: PreloadOptions, contextIsolation: boolean) {
  const ipcRenderer: Record<string, unknown> = {
    invoke(channel: unknown, ...args: unknown[]) {
      if (typeof channel !== 'string') throw new TypeError('ipcRenderer.invoke: channel must be a string')
      const cloned = structuredClone(args)
      run.invocations.push({ channel, args: cloned })
      return options.invoke ? options.invoke(channel, cloned) : Promise.resolve(undefined)
    },
    send(channel: string, ...args: unknown[]) {
      run.invocations.push({ channel, args: structuredClone(args) })
    },
    on() {
      return ipcRenderer
    },
    off() {
      return ipcRenderer
    },
    once() {
      return ipcRenderer
    },
    removeListener() {
      return ipcRenderer
    },
    removeAllListeners() {
      return ipcRenderer
    },
  }
  const contextBridge: Record<string, unknown> = {
    exposeInMainWorld(key: unknown, api: unknown) {
      if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled')
      if (typeof key !== 'string' || key === '') throw new TypeError('exposeInMainWorld: apiKey must be a non-empty string')
      if (Object.prototype.hasOwnProperty.call(run.mainWorld, key) || WINDOW_BUILTINS.includes(key)) {
        throw new Error('Cannot bind an API on top of an existing property on the window object')
      }
      run.exposures.push({ key, api })
      Object.defineProperty(run.mainWorld, key, { value: bridgeValue(api), enumerable: true, writable: false, configurable: false })
    },
  }
  const members: Record<string, unknown> = { contextBridge, ipcRenderer, webFrame: {}, webUtils: {}, crashReporter: {}, nativeImage: {} }
  const electron = new Proxy(members, {
    get(target, key) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then') return undefined
      if (!(key in target)) throw new Error(`electron.${key} is not available to a sandboxed preload (only renderer modules: ${Object.keys(target).join(', ')})`)
      return target[key]
    },
  })
  return { electron, ipcRenderer, contextBridge }
}

/**
 * Evaluates a preload file as a sandboxed BrowserWindow would: one classic (CommonJS-wrapped) script in a
 * fresh context with no Node: `require` offers only the allowed modules, so an ESM file (import/export)
 * fails to compile and a second file (require('./chunk')) or a Node module cannot be loaded.
 */
export function runSandboxedPreload(file: string, options: PreloadOptions = {}, contextIsolation = true): PreloadRun {
  const mainWorld: Record<string, unknown> = {}
  const run = { mainWorld, exposures: [], requires: [], invocations: [] } as unknown as PreloadRun
  const { electron, ipcRenderer, contextBridge } = rendererElectron(run, options, contextIsolation)
  const allowed = options.allowedModules ?? ['electron']
  const require = (id: string) => {
    run.requires.push(id)
    if (id === 'electron' && allowed.includes('electron')) return electron
    throw Object.assign(new Error(`module not found: ${id} (a sandboxed preload can require only ${allowed.join(', ')}; it must be a single bundled CommonJS script)`), { code: 'MODULE_NOT_FOUND' })
  }
  // Electron polyfills these Node primitives in a sandboxed preload; `process` is a limited object.
  const argv = Object.freeze(['/opt/CalfCoach/calfcoach', '--type=renderer', ...(options.additionalArguments ?? [])])
  const sandboxProcess = Object.freeze({ argv, platform: process.platform, type: 'renderer', sandboxed: true, contextIsolated: contextIsolation, env: {}, versions: Object.freeze({ ...process.versions }) })
  const module = { exports: {} as unknown }
  run.privileged = { electron, ipcRenderer, contextBridge, require, process: sandboxProcess, module }
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    setImmediate,
    clearImmediate,
    queueMicrotask,
    Buffer,
    process: sandboxProcess,
  })
  try {
    const source = readFileSync(file, 'utf8')
    const wrapper = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file, parsingContext: context })
    wrapper(module.exports, require, module, file, path.dirname(file))
  } catch (error) {
    run.error = error
  }
  return run
}
