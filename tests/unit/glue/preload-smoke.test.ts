import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { API_GLOBAL, apiMethods, channelMap, contract } from '../../../shared/api/contract'
import { buildGlue, type GlueBuild, type PreloadRun, runSandboxedPreload } from '../../support/electron-double'

/**
 * The BUILT preload (out/preload/index.js) evaluated as a sandboxed, context-isolated window runs it: a
 * fresh vm context whose require() offers only the double's 'electron'.
 */

let build: GlueBuild
let run: PreloadRun
const replies = new Map<string, unknown>()

beforeAll(async () => {
  build = await buildGlue()
  run = runSandboxedPreload(build.preloadFile, {
    invoke: async (channel) => replies.get(channel) ?? { ok: true, value: { channel } },
  })
}, 180_000)

const api = () => run.mainWorld[API_GLOBAL] as Record<string, (input?: unknown) => Promise<unknown>>
const exposedOriginal = () => run.exposures[0]!.api as Record<string, unknown>

/** Every value reachable from `root` (own properties, recursively), functions included. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>()
  const walk = (v: unknown) => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return
    seen.add(v)
    for (const key of Reflect.ownKeys(v as object)) {
      const desc = Object.getOwnPropertyDescriptor(v as object, key)
      if (desc && 'value' in desc) walk(desc.value)
    }
  }
  walk(root)
  return [...seen]
}

describe('built preload in a sandboxed context', () => {
  it('is emitted as one file, out/preload/index.js (what main points the window at)', () => {
    expect(build.preloadFiles.map((f) => path.relative(build.outDir, f).split(path.sep).join('/'))).toEqual(['preload/index.js'])
  })

  it('runs as one CommonJS script that requires nothing but electron', () => {
    expect(run.error, `the preload failed to run sandboxed: ${String(run.error)}`).toBeUndefined()
    expect(run.requires).toEqual(['electron'])
  })

  it('exposes exactly one API object, under calfcoach', () => {
    expect(run.exposures.map((e) => e.key)).toEqual([API_GLOBAL])
    expect(Object.keys(run.mainWorld)).toEqual([API_GLOBAL])
    expect(typeof api()).toBe('object')
  })

  it('has one function per contract method, and nothing else', () => {
    expect(Object.keys(api()).sort()).toEqual([...apiMethods].sort())
    for (const method of apiMethods) expect(typeof api()[method], method).toBe('function')
    expect(Object.keys(exposedOriginal()).sort()).toEqual([...apiMethods].sort())
  })

  it('hands the bridge a frozen object', () => {
    expect(Object.isFrozen(exposedOriginal())).toBe(true)
    expect(Object.isFrozen(api())).toBe(true)
    expect(() => {
      ;(api() as Record<string, unknown>)['createAthlete'] = () => 'hijacked'
    }).toThrow(TypeError)
  })

  it('each function calls ipcRenderer.invoke on its own channel with the argument unchanged, and returns the reply', async () => {
    const channels = channelMap()
    for (const method of apiMethods) {
      const input = { method, nested: { list: [1, 'two', null], when: '2026-01-02' }, flag: true }
      const before = run.invocations.length
      const reply = { ok: true, value: { method } }
      replies.set(contract[method].channel, reply)
      await expect(api()[method]!(input), method).resolves.toEqual(reply)
      const calls = run.invocations.slice(before)
      expect(calls, method).toEqual([{ channel: channels[method], args: [input] }])
    }
  })

  it('passes undefined through for methods without input, as one argument', async () => {
    const before = run.invocations.length
    await api()['getAppStatus']!()
    expect(run.invocations.slice(before)).toEqual([{ channel: contract.getAppStatus.channel, args: [undefined] }])
  })

  it('leaks no Electron or Node object through the bridge', async () => {
    const forbidden = new Set<unknown>([
      run.privileged.electron,
      run.privileged.ipcRenderer,
      run.privileged.contextBridge,
      run.privileged.require,
      run.privileged.process,
      run.privileged.module,
      ...Object.values(run.privileged.ipcRenderer),
      ...Object.values(run.privileged.contextBridge),
    ])
    const leaked = reachable(exposedOriginal()).filter((v) => forbidden.has(v))
    expect(leaked, 'objects handed to exposeInMainWorld that are Electron/Node internals').toEqual([])
    for (const key of ['ipcRenderer', 'require', 'process', 'electron', 'send', 'on', 'invoke']) {
      expect(Object.hasOwn(api(), key), key).toBe(false)
    }
    // What the page gets back is the reply itself, never an Electron object or the IPC event.
    replies.set(contract.getSquad.channel, { ok: true, value: { athletes: [], groups: [] } })
    const result = await api()['getSquad']!()
    expect(result).toEqual({ ok: true, value: { athletes: [], groups: [] } })
    expect(reachable(result).some((v) => forbidden.has(v))).toBe(false)
  })
})

describe('built preload in a print window (main passes --calfcoach-window=print)', () => {
  it('exposes only getPrintData, frozen, on its own channel', async () => {
    const print = runSandboxedPreload(build.preloadFile, { additionalArguments: ['--calfcoach-window=print'], invoke: async (channel) => ({ ok: true, value: { channel } }) })
    expect(print.error).toBeUndefined()
    const bridge = print.mainWorld[API_GLOBAL] as Record<string, (input?: unknown) => Promise<unknown>>
    expect(Object.keys(bridge)).toEqual(['getPrintData', 'getSquadReport'])
    expect(Object.isFrozen(bridge)).toBe(true)
    await bridge['getPrintData']!({ athleteId: 'a', planId: 'p' })
    expect(print.invocations).toEqual([{ channel: contract.getPrintData.channel, args: [{ athleteId: 'a', planId: 'p' }] }])
  })

  it('a page cannot widen it: any other argument gives the main bridge only in a main window', () => {
    const main = runSandboxedPreload(build.preloadFile, { additionalArguments: ['--calfcoach-window=main'] })
    expect(Object.keys(main.mainWorld[API_GLOBAL] as object).sort()).toEqual([...apiMethods].sort())
  })
})
