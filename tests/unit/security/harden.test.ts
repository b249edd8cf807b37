/**
 * The Electron-main half of the security checks, with 'electron' mocked: the REAL hardenWebContents,
 * setupSecurity and secureWebPreferences from electron/main run against small fakes that record what
 * they register, and the same parseExternalUrl policy decides what may reach the system browser.
 * (The renderer half — CSP, no Node globals, frozen bridge, sender check — is tests/e2e/security.spec.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SECURE_PREFERENCES } from '../../support/expected-security'

type Listener = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, ((...args: unknown[]) => unknown)[]>(),
    readyCallbacks: [] as (() => unknown)[],
    permissionRequestHandler: null as null | ((...args: unknown[]) => unknown),
    permissionCheckHandler: null as null | ((...args: unknown[]) => unknown),
    openExternal: [] as string[],
    /** Addresses shown in the "open this link?" question, and what the coach answers (0 = open). */
    asked: [] as string[],
    answer: 1,
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  }
  return state
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => []
    static getFocusedWindow = () => null
    readonly webContents = { id: fake.windows.length + 1 }
    private readonly record: { options: Record<string, unknown>; loaded: string[] }
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] }
      fake.windows.push(this.record)
    }
    on() {
      return this
    }
    once() {
      return this
    }
    loadURL(url: string) {
      this.record.loaded.push(url)
      return Promise.resolve()
    }
    loadFile(file: string) {
      this.record.loaded.push(file)
      return Promise.resolve()
    }
  }
  return {
    app: {
      isPackaged: true,
      on: (event: string, listener: Listener) => {
        fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener])
      },
      whenReady: () => ({
        then: (fn: () => unknown) => {
          fake.readyCallbacks.push(fn)
        },
      }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (fake.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: Listener) => (fake.permissionCheckHandler = h),
      },
    },
    shell: {
      openExternal: async (url: string) => {
        fake.openExternal.push(url)
      },
    },
    BrowserWindow,
    dialog: {
      showMessageBox: async (options: { detail: string }) => {
        fake.asked.push(options.detail)
        return { response: fake.answer, checkboxChecked: false }
      },
    },
    ipcMain: { handle: () => undefined },
  }
})

const { hardenWebContents, setupSecurity } = await import('../../../electron/main/security')
const { createMainWindow, createPrintWindow, secureWebPreferences } = await import('../../../electron/main/windows')
const { parseExternalUrl } = await import('../../../electron/services/external-url')

/** A webContents double: records the handlers hardenWebContents registers, nothing more. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>()
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  return {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return this
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpenHandler = handler
    },
    /** Emits an event the way Electron does, returning whether some listener called preventDefault. */
    emit(event: string, url: string): boolean {
      let prevented = false
      const ev = { preventDefault: () => (prevented = true), url }
      for (const l of listeners.get(event) ?? []) l(ev, url)
      return prevented
    },
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0,
    openWindow(url: string) {
      if (!windowOpenHandler) throw new Error('no window open handler registered')
      return windowOpenHandler({ url })
    },
  }
}

const HOSTILE_URLS = [
  'https://evil.example/phish',
  'http://example.org/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'calfcoach://settings',
  'ms-settings:privacy',
  'smb://attacker/share',
  'vscode://file/etc/passwd',
  'about:blank',
  'chrome://settings',
  'https://user:pass@example.org/',
  '   ',
  'not a url',
]

beforeEach(() => {
  fake.openExternal.length = 0
  fake.asked.length = 0
  fake.answer = 1
})

const settle = () => new Promise((r) => setImmediate(r))

describe('hardenWebContents (the real one, on a fake webContents)', () => {
  it('cancels every navigation, redirect and webview attachment, whatever the URL', () => {
    const contents = fakeContents()
    hardenWebContents(contents as never)
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listenerCount(event), event).toBeGreaterThan(0)
      for (const url of [...HOSTILE_URLS, 'file:///app/out/renderer/index.html#/squad']) {
        expect(contents.emit(event, url), `${event} ${url}`).toBe(true)
      }
    }
    expect(fake.openExternal).toEqual([])
  })

  it('denies every new window; https links go to the system browser, http only after the coach agrees', async () => {
    const contents = fakeContents()
    hardenWebContents(contents as never)
    for (const url of HOSTILE_URLS) expect(contents.openWindow(url), url).toEqual({ action: 'deny' })
    await settle()
    // The coach was asked about the http link (full address shown) and said no.
    expect(fake.asked).toHaveLength(1)
    expect(fake.asked[0]).toContain('http://example.org/')
    expect(fake.openExternal).toEqual(['https://evil.example/phish'])
    fake.answer = 0
    expect(contents.openWindow('http://example.org/')).toEqual({ action: 'deny' })
    await settle()
    expect(fake.openExternal).toEqual(['https://evil.example/phish', 'http://example.org/'])
  })

  it('the shared URL policy refuses javascript:, file:, custom schemes, credentials and junk', () => {
    const allowed = HOSTILE_URLS.filter((u) => parseExternalUrl(u) !== null)
    expect(allowed).toEqual(['https://evil.example/phish', 'http://example.org/'])
    for (const value of [null, undefined, 42, {}, ['https://a.example'], `https://a.example/${'x'.repeat(3000)}`, 'HTTPS://EXAMPLE.ORG', 'jAvAsCrIpT:alert(1)', ' javascript:alert(1)']) {
      const result = parseExternalUrl(value)
      if (result !== null) expect(new URL(result).protocol).toMatch(/^https?:$/)
    }
    expect(parseExternalUrl('jAvAsCrIpT:alert(1)')).toBeNull()
    expect(parseExternalUrl(' javascript:alert(1)')).toBeNull()
  })
})

describe('setupSecurity', () => {
  it('hardens every web contents ever created and refuses every permission', () => {
    setupSecurity()
    const created = fake.appListeners.get('web-contents-created') ?? []
    expect(created).toHaveLength(1)
    const contents = fakeContents()
    created[0]!({}, contents)
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' })

    for (const ready of fake.readyCallbacks) ready()
    expect(fake.permissionRequestHandler).toBeTypeOf('function')
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn()
      fake.permissionRequestHandler!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(fake.permissionCheckHandler!({}, 'media')).toBe(false)
  })
})

describe('window preferences (what the Electronegativity allow-list relies on)', () => {
  it('every window is sandboxed and context-isolated, with no Node in the renderer', () => {
    fake.windows.length = 0
    createMainWindow()
    createPrintWindow()
    expect(fake.windows).toHaveLength(2)
    for (const prefs of [secureWebPreferences('/x/preload.js'), ...fake.windows.map((w) => w.options['webPreferences'] as Record<string, unknown>)]) {
      expect(prefs).toMatchObject(SECURE_PREFERENCES)
      expect(prefs).not.toHaveProperty('enableBlinkFeatures')
      expect(prefs).not.toHaveProperty('experimentalFeatures', true)
    }
    // The main window loads our own page over app:// (a packaged build ignores any dev server URL).
    const loaded = fake.windows[0]!.loaded
    expect(loaded).toEqual(['app://calfcoach/index.html'])
    // The print window runs the same preload, told to expose only the print calls.
    const printPrefs = fake.windows[1]!.options['webPreferences'] as Record<string, unknown>
    expect(printPrefs['additionalArguments']).toEqual(['--calfcoach-window=print'])
  })
})
