/**
 * The hidden print window can only read print data: main's IPC handlers (the real registerIpc and window
 * factories, with 'electron' mocked) refuse every other channel from it, while the main window keeps the
 * whole API. The preload side (what the print bridge exposes) is tests/unit/glue/preload-smoke.test.ts.
 */
import { describe, expect, it, vi } from 'vitest'
import { apiMethods, contract } from '../../../shared/api/contract'
import { PRINT_METHODS } from '../../../shared/api/print-bridge'

type Handler = (event: unknown, payload: unknown) => unknown

const fake = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(), nextId: 1 }))

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: { id: number; mainFrame: object }
    constructor(readonly options: Record<string, unknown>) {
      this.webContents = { id: fake.nextId++, mainFrame: {} }
    }
    on() {
      return this
    }
    once() {
      return this
    }
    loadURL() {
      return Promise.resolve()
    }
  }
  return {
    app: { isPackaged: true },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => void fake.handlers.set(channel, handler) },
  }
})

const { registerIpc } = await import('../../../electron/main/ipc')
const { createMainWindow, createPrintWindow } = await import('../../../electron/main/windows')

const dispatched: string[] = []
registerIpc(async (method) => {
  dispatched.push(method)
  return { ok: true, value: null }
})

function callFrom(win: { webContents: { id: number; mainFrame: object } }, method: (typeof apiMethods)[number], url = 'app://calfcoach/index.html#/print/plan/a/p') {
  const event = { sender: win.webContents, senderFrame: Object.assign(win.webContents.mainFrame, { url }) }
  return fake.handlers.get(contract[method].channel)!(event, undefined) as Promise<{ ok: boolean; error?: { code: string } }>
}

describe('IPC from the print window', () => {
  it('answers only the print methods; everything else is forbidden and never dispatched', async () => {
    const printWin = createPrintWindow() as unknown as { webContents: { id: number; mainFrame: object } }
    for (const method of apiMethods) {
      dispatched.length = 0
      const answer = await callFrom(printWin, method)
      if ((PRINT_METHODS as readonly string[]).includes(method)) {
        expect(answer.ok, method).toBe(true)
        expect(dispatched).toEqual([method])
      } else {
        expect(answer.error?.code, method).toBe('forbidden')
        expect(dispatched, method).toEqual([])
      }
    }
    expect(PRINT_METHODS).toEqual(['getPrintData', 'getSquadReport'])
  })

  it('the main window keeps the whole API, from our app:// page only', async () => {
    const mainWin = createMainWindow() as unknown as { webContents: { id: number; mainFrame: object } }
    for (const method of ['createAthlete', 'deleteAthlete', 'getPrintData'] as const) {
      expect((await callFrom(mainWin, method, 'app://calfcoach/index.html#/squad')).ok, method).toBe(true)
    }
    const foreign = await callFrom(mainWin, 'getSquad', 'https://evil.example/')
    expect(foreign.error?.code).toBe('forbidden')
  })
})
