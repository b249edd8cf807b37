import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { API_GLOBAL, apiMethods, contract } from '../../../shared/api/contract'
import { type BootedMain, bootMain, type BrowserWindowDouble, buildGlue, type GlueBuild, runSandboxedPreload } from '../../support/electron-double'
import { SECURE_PREFERENCES } from '../../support/expected-security'
import { summaryCodeStamp } from '../../../scripts/summary-code-stamp'

/**
 * The BUILT main bundle (out/main/index.js) under plain Node with the electron double: what the app
 * does at startup, which windows and handlers it creates and how it treats hostile input.
 */

type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } }


/** The page main loads (electron/main/app-protocol.ts), written out independently here. */
const APP_PAGE = 'app://calfcoach/index.html'

const athleteDraft = (name: string) => ({ name, sex: 'female', dateOfBirth: '1990-05-01', email: '', phone: '', groupIds: [], notes: '', trainingStatus: 'running' })
const contractChannels = () => apiMethods.map((m) => contract[m].channel).sort()

let build: GlueBuild
let app: BootedMain

beforeAll(async () => {
  build = await buildGlue()
  app = await bootMain(build)
}, 180_000)

/** The main window, or a failure that says why there is none. */
function mainWindow(): BrowserWindowDouble {
  expect(app.problem, 'booting the built main under the double').toBeNull()
  expect(app.window, 'main created no window').not.toBeNull()
  return app.window!
}

function invoke(method: keyof typeof contract, payload: unknown, from: Parameters<BootedMain['double']['ipcMain']['invoke']>[2] = { sender: mainWindow().webContents }) {
  return app.double.ipcMain.invoke(contract[method].channel, [payload], from) as Promise<Envelope>
}

const athleteFiles = () => (existsSync(path.join(app.dataDir, 'athletes')) ? readdirSync(path.join(app.dataDir, 'athletes')).filter((n) => n.endsWith('.json')) : [])

describe('built main under the electron double', () => {
  it('loads as CommonJS, requiring only electron and Node built-ins, and starts without an error', () => {
    expect(app.loaded.error, `loading out/main/index.js threw: ${String(app.loaded.error)}`).toBeUndefined()
    expect(app.loaded.externalRequires, 'main must be self-contained (ESM-only packages such as lowdb cannot be required)').toEqual([])
    expect(app.loaded.requires).toContain('electron')
    expect(app.loaded.requires.filter((id) => id !== 'electron' && !isBuiltin(id))).toEqual([])
    expect(app.double.errorBoxes).toEqual([])
    expect(app.double.exitCode()).toBeUndefined()
    expect(app.problem).toBeNull()
  })

  it("carries the fingerprint of this checkout's summary code, so kept board summaries survive a rebuild of the same code", () => {
    // Board summaries are trusted only under the same stamp (summary-cache.ts); a stamp per build made every update
    // read each athlete's whole history again before the board could answer.
    expect(readFileSync(build.mainFile, 'utf8')).toContain(JSON.stringify(summaryCodeStamp(path.resolve(__dirname, '../../..'))))
  })

  it('requests the single-instance lock once, before ready and before creating anything', () => {
    const calls = app.double.calls
    const lock = app.double.callsTo('app.requestSingleInstanceLock')
    expect(lock).toHaveLength(1)
    const firstOf = (api: string) => calls.find((c) => c.api === api)?.seq ?? Number.POSITIVE_INFINITY
    expect(lock[0]!.seq).toBeLessThan(firstOf('app.ready'))
    expect(lock[0]!.seq).toBeLessThan(firstOf('ipcMain.handle'))
    expect(lock[0]!.seq).toBeLessThan(firstOf('BrowserWindow.new'))
  })

  it('handles every contract channel exactly once and nothing outside the contract', () => {
    mainWindow()
    expect(app.double.ipcMain.handlerChannels().sort()).toEqual(contractChannels())
    const registered = app.double.callsTo('ipcMain.handle').map((c) => c.args[0] as string)
    expect(registered.length, 'a channel registered twice').toBe(new Set(registered).size)
    expect(app.double.ipcMain.eventNames(), 'ipcMain.on listeners bypass the contract').toEqual([])
  })

  it('every contract channel reaches a real handler (none answers not-found)', async () => {
    mainWindow()
    const missing: string[] = []
    for (const method of apiMethods) {
      // A payload no contract input accepts: reaching validation proves a handler exists behind the channel.
      const result = await invoke(method, { '\u0000glue-probe': [Number.NaN] })
      if (result.error?.code === 'not-found') missing.push(method)
    }
    expect(missing, 'contract methods without a handler').toEqual([])
  })

  it('creates one main window with the explicit secure webPreferences, hidden until ready-to-show', () => {
    const win = mainWindow()
    const created = app.double.callsTo('BrowserWindow.new')
    expect(created).toHaveLength(1)
    const options = created[0]!.args[0] as { show?: boolean; webPreferences: Record<string, unknown> }
    expect(options.show).toBe(false)
    for (const [key, value] of Object.entries(SECURE_PREFERENCES)) {
      expect(Object.hasOwn(options.webPreferences, key), `webPreferences.${key} must be explicit`).toBe(true)
      expect(options.webPreferences[key], `webPreferences.${key}`).toBe(value)
    }
    expect(win.webContents.getLastWebPreferences()).toMatchObject(SECURE_PREFERENCES)
    expect(win.isVisible(), 'ready-to-show should show the window').toBe(true)
    expect(app.double.violations).toEqual([])
  })

  it('names a preload that exists, is one CommonJS script requiring only electron, and exposes the API', () => {
    const preload = mainWindow().webContents.getLastWebPreferences()['preload'] as string
    expect(path.isAbsolute(preload)).toBe(true)
    expect(existsSync(preload), `preload ${preload}`).toBe(true)
    expect(path.relative(build.outDir, preload)).toBe(path.join('preload', 'index.js'))
    const run = runSandboxedPreload(preload)
    expect(run.error, `sandboxed preload failed: ${String(run.error)}`).toBeUndefined()
    expect(run.requires).toEqual(['electron'])
    expect(Object.keys(run.mainWorld)).toEqual([API_GLOBAL])
  })

  it('registers app:// as a privileged standard, secure scheme before ready, and handles it after', () => {
    mainWindow()
    const registered = app.double.callsTo('protocol.registerSchemesAsPrivileged')
    expect(registered).toHaveLength(1)
    expect(registered[0]!.seq).toBeLessThan(app.double.callsTo('app.ready')[0]!.seq)
    expect(app.double.protocol.privilegesOf('app')).toEqual({ standard: true, secure: true, supportFetchAPI: true })
    expect(app.double.protocol.privilegesOf('app')).not.toHaveProperty('bypassCSP')
    expect(app.double.callsTo('protocol.handle').map((c) => c.args[0])).toEqual(['app'])
  })

  it('loads app://calfcoach/index.html, served from the built renderer folder, and nothing else', async () => {
    const win = mainWindow()
    const loads = app.double.callsTo('webContents.loadURL').filter((c) => c.args[0] === win.webContents.id)
    expect(loads.map((c) => c.args[1])).toEqual([APP_PAGE])
    expect(win.webContents.getURL()).toBe(APP_PAGE)
    expect(win.webContents.page.html).toBe(readFileSync(build.rendererIndex, 'utf8'))
    expect(app.double.violations, 'failed loads').toEqual([])
    // Every asset the page references is served too, with a script type for scripts.
    const html = readFileSync(build.rendererIndex, 'utf8')
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      const response = await app.double.protocol.request(new URL(ref, APP_PAGE).href)
      expect(response.status, ref).toBe(200)
      if (ref.endsWith('.js')) expect(response.headers.get('content-type'), ref).toMatch(/^text\/javascript/)
    }
  })

  it('the app:// handler serves nothing outside the renderer folder and only GET', async () => {
    mainWindow()
    for (const url of ['app://calfcoach/..%2fmain%2findex.js', 'app://calfcoach/..%2F..%2Fpackage.json', 'app://calfcoach/%2e%2e/preload/index.js', 'app://other/index.html']) {
      const response = await app.double.protocol.request(url)
      expect(response.status, url).toBe(404)
    }
    expect((await app.double.protocol.request(APP_PAGE, { method: 'POST', body: 'x' })).status).toBe(405)
  })

  it('prevents navigation, redirects and webviews in the main window', () => {
    const wc = mainWindow().webContents
    expect(wc.simulateNavigation('will-navigate', 'https://evil.example/').prevented).toBe(true)
    expect(wc.simulateNavigation('will-navigate', pathToFileURL(build.rendererIndex).href).prevented).toBe(true)
    expect(wc.simulateNavigation('will-redirect', 'https://evil.example/').prevented).toBe(true)
    expect(wc.simulateAttachWebview().prevented).toBe(true)
  })

  it('denies window.open: https to a public site goes to the system browser, http asks first, other schemes go nowhere', async () => {
    const wc = mainWindow().webContents
    const opened = () => app.double.callsTo('shell.openExternal').map((c) => c.args[0])
    const asked = () => app.double.callsTo('dialog.showMessageBox').map((c) => (c.args[0] as { detail: string }).detail)
    const before = opened().length
    const askedBefore = asked().length
    expect(wc.simulateWindowOpen('https://example.org/help?x=1')).toEqual({ action: 'deny' })
    expect(opened().slice(before)).toEqual(['https://example.org/help?x=1'])
    expect(asked()).toHaveLength(askedBefore)

    // Plain http and a LAN address: the coach sees the whole address; Cancel opens nothing, Open opens it.
    app.double.answers.messageBox.push({ response: 1, checkboxChecked: false })
    expect(wc.simulateWindowOpen('http://example.org/page?q=1')).toEqual({ action: 'deny' })
    await app.double.waitFor(() => asked().length === askedBefore + 1, 'the confirmation dialog', 60_000)
    expect(asked().at(-1)).toContain('http://example.org/page?q=1')
    app.double.answers.messageBox.push({ response: 0, checkboxChecked: false })
    expect(wc.simulateWindowOpen('https://192.168.1.10/admin')).toEqual({ action: 'deny' })
    await app.double.waitFor(() => opened().length === before + 2, 'the agreed link to open', 60_000)
    expect(asked().at(-1)).toContain('https://192.168.1.10/admin')
    expect(opened().slice(before)).toEqual(['https://example.org/help?x=1', 'https://192.168.1.10/admin'])

    for (const hostile of ['file:///etc/passwd', 'javascript:alert(1)', 'calfcoach://settings', 'http://user:pw@example.org/', 'smb://host/share', 'not a url']) {
      expect(wc.simulateWindowOpen(hostile), hostile).toEqual({ action: 'deny' })
    }
    await new Promise((r) => setImmediate(r))
    expect(opened().slice(before)).toHaveLength(2)
    expect(asked()).toHaveLength(askedBefore + 2)
  })

  it('hardens every web contents, not just the main window', async () => {
    mainWindow()
    const other = new app.double.BrowserWindow({ show: false })
    try {
      expect(other.webContents.simulateNavigation('will-navigate', 'https://evil.example/').prevented).toBe(true)
      expect(other.webContents.simulateAttachWebview().prevented).toBe(true)
      expect(other.webContents.simulateWindowOpen('file:///etc/passwd').action).toBe('deny')
    } finally {
      other.destroy()
    }
  })

  it('denies every permission request and check', async () => {
    const wc = mainWindow().webContents
    const session = app.double.session.defaultSession
    expect(app.double.callsTo('session.setPermissionRequestHandler')).toHaveLength(1)
    expect(app.double.callsTo('session.setPermissionCheckHandler')).toHaveLength(1)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midiSysex', 'hid', 'serial']) {
      expect(await session.simulatePermissionRequest(wc, permission), permission).toBe(false)
      expect(session.simulatePermissionCheck(wc, permission, 'file:///'), permission).toBe(false)
    }
  })

  it('a valid payload from the window reaches the real service and writes into the temp data folder', async () => {
    mainWindow()
    const status = await invoke('getAppStatus', undefined)
    expect(status.ok).toBe(true)
    expect((status.value as { dataDir: string }).dataDir).toBe(app.dataDir)

    const created = await invoke('createAthlete', athleteDraft('Maya Costa'))
    expect(created.error).toBeUndefined()
    expect(created.ok).toBe(true)
    const athlete = created.value as { id: string; name: string }
    expect(athlete.name).toBe('Maya Costa')
    await app.double.waitFor(() => athleteFiles().includes(`${athlete.id}.json`), 'the athlete file', 60_000)
    expect(JSON.parse(readFileSync(path.join(app.dataDir, 'athletes', `${athlete.id}.json`), 'utf8'))).toBeTruthy()
    await app.double.waitFor(() => existsSync(path.join(app.dataDir, 'squad.json')) && readFileSync(path.join(app.dataDir, 'squad.json'), 'utf8').includes('Maya Costa'), 'squad.json', 60_000)
  })

  it('the whole chain works: page → sandboxed preload → ipcMain → service', async () => {
    const wc = mainWindow().webContents
    const preload = wc.getLastWebPreferences()['preload'] as string
    const run = runSandboxedPreload(preload, { invoke: (channel, args) => app.double.ipcMain.invoke(channel, args, { sender: wc }) })
    const api = run.mainWorld[API_GLOBAL] as Record<string, (input?: unknown) => Promise<Envelope>>
    const created = await api['createAthlete']!(athleteDraft('Lena Park'))
    expect(created.ok).toBe(true)
    const squad = await api['getSquad']!()
    expect((squad.value as { athletes: { name: string }[] }).athletes.map((a) => a.name)).toContain('Lena Park')
  })

  it('an invalid payload is refused with invalid-input and writes nothing', async () => {
    mainWindow()
    const before = athleteFiles()
    const result = await invoke('createAthlete', { name: '', sex: 'robot', email: 'not-an-email' })
    expect(result.ok).toBe(false)
    expect(result.error?.code).toBe('invalid-input')
    const extra = await invoke('createAthlete', { ...athleteDraft('Extra Key'), isAdmin: true })
    expect(extra.error?.code).toBe('invalid-input')
    expect(athleteFiles()).toEqual(before)
  })

  describe('a foreign sender is refused with forbidden', () => {
    const expectForbidden = (result: Envelope) => {
      expect(result.ok).toBe(false)
      expect(result.error?.code).toBe('forbidden')
    }

    it('our window showing our page over file:// (the old way in, now closed)', async () => {
      const win = mainWindow()
      await win.loadFile(build.rendererIndex)
      try {
        expectForbidden(await invoke('getSquad', undefined))
      } finally {
        await win.loadURL(APP_PAGE)
      }
    })

    it('our window showing another URL', async () => {
      const win = mainWindow()
      const before = athleteFiles()
      await win.loadURL('https://evil.example/')
      try {
        expectForbidden(await invoke('createAthlete', athleteDraft('Mallory')))
        expectForbidden(await invoke('getSquad', undefined))
      } finally {
        await win.loadURL(APP_PAGE)
      }
      expect(athleteFiles()).toEqual(before)
      expect((await invoke('getSquad', undefined)).ok, 'back on our page the window is trusted again').toBe(true)
    })

    it('a subframe of our window, even one showing our page', async () => {
      const wc = mainWindow().webContents
      const frame = wc.createSubframe(APP_PAGE)
      expectForbidden(await invoke('createAthlete', athleteDraft('Mallory'), { sender: wc, frame }))
      expectForbidden(await invoke('getAppStatus', undefined, { sender: wc, frame }))
    })

    it('a web contents main did not create', async () => {
      mainWindow()
      const stranger = new app.double.BrowserWindow({ show: false })
      try {
        await stranger.loadURL(APP_PAGE)
        expect(stranger.webContents.getURL()).toBe(APP_PAGE)
        expectForbidden(await invoke('createAthlete', athleteDraft('Mallory'), { sender: stranger.webContents }))
        expectForbidden(await invoke('getSquad', undefined, { sender: stranger.webContents }))
      } finally {
        stranger.destroy()
      }
    })

    it('and none of them wrote anything', async () => {
      const squad = await invoke('getSquad', undefined)
      expect((squad.value as { athletes: { name: string }[] }).athletes.map((a) => a.name)).not.toContain('Mallory')
    })
  })

  it('a second launch focuses (and restores) the existing window', () => {
    const win = mainWindow()
    win.minimize()
    app.double.app.emit('second-instance', { preventDefault() {} }, ['calfcoach'], '/', {})
    expect(win.isMinimized()).toBe(false)
    expect(win.isFocused()).toBe(true)
  })
})

describe('built main when another instance holds the lock', () => {
  let second: BootedMain
  beforeAll(async () => {
    second = await bootMain(await buildGlue(), { singleInstanceLock: false })
  }, 180_000)

  it('quits and registers nothing: no handlers, no window, no data folder writes', async () => {
    expect(second.loaded.error).toBeUndefined()
    expect(second.double.callsTo('app.requestSingleInstanceLock')).toHaveLength(1)
    expect(second.double.callsTo('app.quit')).toHaveLength(1)
    expect(second.double.ipcMain.handlerChannels()).toEqual([])
    expect(second.double.callsTo('ipcMain.handle')).toEqual([])
    expect(second.double.windows()).toEqual([])
    expect(second.double.callsTo('BrowserWindow.new')).toEqual([])
    expect(readdirSync(second.dataDir)).toEqual([])
    expect(second.double.errorBoxes).toEqual([])
  })
})

describe('built main as a packaged app, with a hostile ELECTRON_RENDERER_URL in the environment', () => {
  let packaged: BootedMain
  beforeAll(async () => {
    packaged = await bootMain(await buildGlue(), { doubleOptions: { isPackaged: true }, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } })
  }, 180_000)

  it('ignores the variable: the window loads app://calfcoach/index.html and the evil page gets no answer', async () => {
    expect(packaged.problem).toBeNull()
    const win = packaged.window!
    expect(packaged.double.callsTo('webContents.loadURL').map((c) => c.args[1])).toEqual([APP_PAGE])
    await win.loadURL('https://evil.example/')
    const answer = (await packaged.double.ipcMain.invoke(contract.getSquad.channel, [undefined], { sender: win.webContents })) as Envelope
    expect(answer.error?.code).toBe('forbidden')
  })
})
