import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createElectronDouble, electronApiFacts, glueTempDir, runSandboxedPreload, validatePrintToPdfOptions } from '../../support/electron-double'

/**
 * The double must bite where Electron bites (and, for silent no-ops, louder): otherwise a green glue
 * test would prove nothing. Each rule here is what one of the glue tests relies on.
 */

const preloadFile = (source: string) => {
  const file = path.join(glueTempDir('preload-rule'), 'index.js')
  writeFileSync(file, source)
  return file
}

describe('electron double follows the shipped Electron API', () => {
  it('reads its rules from the installed electron.d.ts of the version package.json asks for', () => {
    const facts = electronApiFacts()
    expect(facts.version).toMatch(/^41\./)
    expect(facts.printToPdfKeys).toContain('margins')
    expect(facts.printToPdfKeys).not.toContain('marginsType')
    expect(facts.pageSizeNames).toEqual(expect.arrayContaining(['A4', 'Letter']))
    expect(facts.appEvents).toContain('second-instance')
    expect(facts.webContentsEvents).toContain('will-navigate')
    expect(facts.webPreferenceKeys).toContain('sandbox')
  })

  describe('printToPDF options', () => {
    const good = { pageSize: 'A4', margins: { top: 0.7, bottom: 0.7, left: 0.5, right: 0.5 }, printBackground: true, displayHeaderFooter: true, headerTemplate: '<div></div>', footerTemplate: '<div></div>', preferCSSPageSize: false }
    it('accepts the documented shape (names or inches)', () => {
      expect(() => validatePrintToPdfOptions(good)).not.toThrow()
      expect(() => validatePrintToPdfOptions({ ...good, pageSize: { width: 8.27, height: 11.7 } })).not.toThrow()
      expect(() => validatePrintToPdfOptions({})).not.toThrow()
    })
    it.each([
      ['the pre-v21 marginsType', { ...good, marginsType: 1 }, /unknown option\(s\) marginsType/],
      ['a misspelt key', { ...good, pagesize: 'A4' }, /unknown option\(s\) pagesize/],
      ['print()-only margins.marginType', { ...good, margins: { marginType: 'none' } }, /marginType/],
      ['margins in microns', { ...good, margins: { top: 17780, bottom: 17780, left: 12700, right: 12700 } }, /inches/],
      ['page size in microns', { ...good, pageSize: { width: 210000, height: 297000 } }, /inches, not microns/],
      ['an unknown paper name', { ...good, pageSize: 'Executive' }, /Invalid pageSize Executive/],
      ['a margin as a CSS string', { ...good, margins: { top: '0.7in' } }, /margins.top must be a number/],
      ['a non-boolean flag', { ...good, printBackground: 'yes' }, /printBackground must be a boolean/],
      ['margins that leave no page', { ...good, pageSize: 'A6', margins: { top: 3, bottom: 3 } }, /content area is empty/],
    ])('rejects %s', (_what, options, message) => {
      expect(() => validatePrintToPdfOptions(options)).toThrow(message)
    })
  })

  it('ipcMain.handle refuses a second handler for a channel, as Electron does', () => {
    const double = createElectronDouble()
    double.ipcMain.handle('calfcoach:x', () => 1)
    expect(() => double.ipcMain.handle('calfcoach:x', () => 2)).toThrow("Attempted to register a second handler for 'calfcoach:x'")
  })

  it('invoking a channel nobody handles rejects like Electron', async () => {
    const double = createElectronDouble()
    double.fireReady()
    const win = new double.BrowserWindow({ show: false })
    await expect(double.ipcMain.invoke('calfcoach:none', [], { sender: win.webContents })).rejects.toThrow("No handler registered for 'calfcoach:none'")
  })

  it('refuses windows and the default session before ready, and misspelt events and options at any time', () => {
    const double = createElectronDouble()
    expect(() => new double.BrowserWindow({})).toThrow('Cannot create BrowserWindow before app is ready')
    expect(() => (double.electron['session'] as { defaultSession: unknown }).defaultSession).toThrow('Session can only be received when app is ready')
    expect(() => double.app.on('window-all-close', () => {})).toThrow(/no 'window-all-close' event/)
    expect(() => double.protocol.handle('app', () => new Response(''))).toThrow(/after app is ready/)
    expect(() => double.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standrd: true } }])).toThrow(/unknown privilege\(s\) standrd/)
    double.fireReady()
    expect(() => double.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }])).toThrow(/before app is ready/)
    expect(() => new double.BrowserWindow({ webPreferences: { contextIsolaton: true } })).toThrow(/unknown webPreferences contextIsolaton/)
    expect(() => double.electron['autoUpdater']).toThrow(/electron.autoUpdater is not implemented/)
  })

  it('is permissive where Electron is: no handler means window.open and permissions are allowed', async () => {
    const double = createElectronDouble()
    double.fireReady()
    const win = new double.BrowserWindow({ show: false })
    expect(win.webContents.simulateWindowOpen('https://example.org/').action).toBe('allow')
    expect(win.webContents.simulateNavigation('will-navigate', 'https://example.org/').prevented).toBe(false)
    expect(await double.session.defaultSession.simulatePermissionRequest(win.webContents, 'media')).toBe(true)
  })

  it('loads a custom scheme through its protocol.handle handler, and fails loads it cannot serve', async () => {
    const double = createElectronDouble()
    double.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }])
    double.fireReady()
    double.protocol.handle('app', (request) => (new URL(request.url).pathname === '/index.html' ? new Response('<p>ours</p>') : new Response('no', { status: 404 })))
    expect(() => double.protocol.handle('app', () => new Response(''))).toThrow(/Failed to register protocol: app/)
    const win = new double.BrowserWindow({ show: false })
    await win.loadURL('app://calfcoach/index.html#/squad')
    expect(win.webContents.page.html).toBe('<p>ours</p>')
    await expect(win.loadURL('app://calfcoach/missing.html')).rejects.toThrow(/ERR_HTTP_RESPONSE_CODE_FAILURE/)
    await expect(win.loadURL('other://x/index.html')).rejects.toThrow(/ERR_UNKNOWN_URL_SCHEME/)
    expect(double.violations).toHaveLength(2)
  })

  it('records a failed load (a missing renderer file) as a violation', async () => {
    const double = createElectronDouble()
    double.fireReady()
    const win = new double.BrowserWindow({ show: false })
    await expect(win.loadFile(path.join(glueTempDir('missing'), 'index.html'))).rejects.toThrow(/ERR_FILE_NOT_FOUND/)
    expect(double.violations.join('\n')).toMatch(/ERR_FILE_NOT_FOUND/)
  })

  describe('sandboxed preload', () => {
    it('fails on an ESM preload, as Electron cannot load one in a sandbox', () => {
      const run = runSandboxedPreload(preloadFile("import { contextBridge } from 'electron'\ncontextBridge.exposeInMainWorld('x', {})\n"))
      expect(run.error, 'the SyntaxError comes from the sandbox realm').toBeDefined()
      expect(String(run.error)).toMatch(/import statement outside a module/)
      expect(run.exposures).toEqual([])
    })
    it('fails on a require of anything but electron (a Node module or a second file)', () => {
      expect(String(runSandboxedPreload(preloadFile("require('node:fs')")).error)).toMatch(/module not found: node:fs/)
      expect(String(runSandboxedPreload(preloadFile("require('./chunk.js')")).error)).toMatch(/module not found: \.\/chunk\.js/)
    })
    it('refuses a second exposeInMainWorld on the same key, and copies/freezes what crosses', () => {
      const run = runSandboxedPreload(
        preloadFile(`const { contextBridge } = require('electron')
const api = { n: 1, f: (x) => ({ got: x }), nested: { list: [1, 2] }, sym: Symbol('dropped') }
contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('api', {})`),
      )
      expect(String(run.error)).toMatch(/Cannot bind an API on top of an existing property/)
      const api = run.mainWorld['api'] as { n: number; f: (x: unknown) => unknown; nested: { list: number[] }; sym?: unknown }
      expect(api.n).toBe(1)
      expect(api.f({ a: 1 })).toEqual({ got: { a: 1 } })
      expect(Object.isFrozen(api.nested.list)).toBe(true)
      expect('sym' in api).toBe(false)
      expect(api).not.toBe(run.exposures[0]!.api)
    })
  })
})
