import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../electron/main/app-protocol'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PdfPort } from '../../../electron/services/context'
import { contract } from '../../../shared/api/contract'
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE, printSpec } from '../../../electron/services/pdf/print-options'
import { type BootedMain, bootMain, buildGlue, createElectronDouble, type ElectronDouble, type ElectronDoubleOptions, type GlueBuild, glueTempDir, loadBundle, MARKER_PDF, type WebContentsDouble } from '../../support/electron-double'
import { SECURE_PREFERENCES } from '../../support/expected-security'

/**
 * electron/main/pdf.ts (electronPdfPort), bundled by the same toolchain as main and loaded as if it sat
 * in out/main, printing through the double: hidden secure window → print route → wait for the page's
 * ready signal → printToPDF with the shared print spec → bytes → window destroyed, whatever happens.
 */


const ROUTE = '#/print/plan/ath-1/plan-1'

let build: GlueBuild
beforeAll(async () => {
  build = await buildGlue()
}, 180_000)

/** Scripts the page before each executeJavaScript poll (numbered from 1). */
type Page = (wc: WebContentsDouble, code: string, poll: number) => void

/** A fresh double (already ready) and a fresh copy of the port bundle, with the page scripted by `page`. */
/** A ready double of a packaged app serving app:// from the build, as main sets it up (electron/main/index.ts). */
function servingDouble(options: Pick<ElectronDoubleOptions, 'beforeExecuteJavaScript' | 'printToPDF'>): ElectronDouble {
  const double = createElectronDouble({ ...options, isPackaged: true, appPath: path.dirname(build.outDir), pathsRoot: glueTempDir('pdf-paths') })
  double.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }])
  double.fireReady()
  double.protocol.handle('app', createAppProtocolHandler(path.join(build.outDir, 'renderer')))
  return double
}

function setup(page: Page, timeoutMs?: number): { double: ElectronDouble; port: PdfPort } {
  const double = servingDouble({ beforeExecuteJavaScript: page })
  const probe = loadBundle(build.pdfProbeFile, double.electron, { dirname: path.join(build.outDir, 'main'), projectRoot: build.root })
  expect(probe.error, `loading the pdf port bundle: ${String(probe.error)}`).toBeUndefined()
  expect(probe.externalRequires).toEqual([])
  const factory = probe.exports['electronPdfPort'] as ((timeoutMs?: number) => PdfPort) | undefined
  expect(typeof factory).toBe('function')
  return { double, port: timeoutMs === undefined ? factory!() : factory!(timeoutMs) }
}

/** The page draws its charts and marks itself ready on the third poll. */
const readyOnThirdPoll: Page = (wc, _code, poll) => {
  if (poll === 3) wc.page.setBodyAttribute(PRINT_READY_ATTRIBUTE)
}

describe('electronPdfPort through the electron double', () => {
  it('prints the route in a hidden, equally secure window with the shared print spec, returns the bytes and destroys the window', async () => {
    const { double, port } = setup(readyOnThirdPoll)
    const bytes = await port.renderRoute({ hash: ROUTE, pageSize: 'A4', headerTitle: 'Return plan — Maya <Costa>' })

    const created = double.callsTo('BrowserWindow.new')
    expect(created).toHaveLength(1)
    const options = created[0]!.args[0] as { show?: boolean; webPreferences: Record<string, unknown> }
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject(SECURE_PREFERENCES)
    expect(existsSync(options.webPreferences['preload'] as string)).toBe(true)

    const loads = double.callsTo('webContents.loadURL')
    expect(loads.map((c) => c.args[1])).toEqual([`app://calfcoach/index.html${ROUTE}`])
    // The print window's preload is told to expose only the print calls.
    expect(options.webPreferences['additionalArguments']).toEqual(['--calfcoach-window=print'])
    expect(existsSync(build.rendererIndex)).toBe(true)
    expect(double.violations).toEqual([])

    const polls = double.callsTo('webContents.executeJavaScript')
    expect(polls.map((c) => c.result)).toEqual([null, null, 'ready'])
    const printed = double.callsTo('webContents.printToPDF')
    expect(printed).toHaveLength(1)
    expect(printed[0]!.seq, 'printToPDF only after the ready signal').toBeGreaterThan(polls[2]!.seq)
    const spec = printSpec('A4', 'Return plan — Maya <Costa>')
    expect(printed[0]!.args[1]).toEqual({
      pageSize: 'A4',
      margins: spec.margins,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: spec.headerTemplate,
      footerTemplate: spec.footerTemplate,
      preferCSSPageSize: false,
    })
    expect(spec.headerTemplate).toContain('Maya &#60;Costa&#62;')

    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(bytes).equals(MARKER_PDF)).toBe(true)
    expect(double.callsTo('BrowserWindow.destroy')).toHaveLength(1)
    expect(double.windows()).toEqual([])
  })

  it('passes Letter through for coaches who print on Letter paper', async () => {
    const { double, port } = setup(readyOnThirdPoll)
    await port.renderRoute({ hash: ROUTE, pageSize: 'Letter', headerTitle: 'Plan' })
    const options = double.callsTo('webContents.printToPDF')[0]!.args[1] as { pageSize: string; margins: unknown }
    expect(options.pageSize).toBe('Letter')
    expect(options.margins).toEqual(printSpec('Letter', 'Plan').margins)
  })

  it('times out with a clear error when the page never signals, prints nothing and still destroys the window', async () => {
    const { double, port } = setup(() => {}, 700)
    const started = Date.now()
    await expect(port.renderRoute({ hash: ROUTE, pageSize: 'A4', headerTitle: 'Plan' })).rejects.toThrow(/did not finish drawing within \d+ s; no PDF was written/)
    expect(Date.now() - started).toBeGreaterThanOrEqual(600)
    expect(double.callsTo('webContents.executeJavaScript').length).toBeGreaterThan(1)
    expect(double.callsTo('webContents.printToPDF')).toEqual([])
    expect(double.callsTo('BrowserWindow.destroy')).toHaveLength(1)
    expect(double.windows()).toEqual([])
  })

  it('reports the page’s own error signal, prints nothing and destroys the window', async () => {
    const { double, port } = setup((wc, _code, poll) => {
      if (poll === 2) wc.page.setBodyAttribute(PRINT_ERROR_ATTRIBUTE, 'the load chart could not be drawn')
    })
    await expect(port.renderRoute({ hash: ROUTE, pageSize: 'A4', headerTitle: 'Plan' })).rejects.toThrow('The print view failed: the load chart could not be drawn')
    expect(double.callsTo('webContents.printToPDF')).toEqual([])
    expect(double.windows()).toEqual([])
  })

  it('destroys the window when printToPDF itself fails', async () => {
    const double = servingDouble({
      beforeExecuteJavaScript: readyOnThirdPoll,
      printToPDF: () => {
        throw new Error('Printing failed')
      },
    })
    const probe = loadBundle(build.pdfProbeFile, double.electron, { dirname: path.join(build.outDir, 'main'), projectRoot: build.root })
    const port = (probe.exports['electronPdfPort'] as () => PdfPort)()
    await expect(port.renderRoute({ hash: ROUTE, pageSize: 'A4', headerTitle: 'Plan' })).rejects.toThrow('Printing failed')
    expect(double.windows()).toEqual([])
  })
})

describe('exporting a plan PDF through the built main (the exportPlanPdf handler)', () => {
  type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } }
  const hasExport = 'exportPlanPdf' in contract
  let app: BootedMain
  let athleteId = ''
  let planId = ''
  const call = (method: string, payload?: unknown) =>
    app.double.ipcMain.invoke((contract as Record<string, { channel: string }>)[method]!.channel, [payload], { sender: app.window!.webContents }) as Promise<Envelope>
  const printWindows = () => app.double.callsTo('BrowserWindow.new').slice(1)

  beforeAll(async () => {
    if (!hasExport) return
    // The print page marks itself ready on its first poll; the squad window is never polled.
    app = await bootMain(await buildGlue(), {
      doubleOptions: { beforeExecuteJavaScript: (wc) => (wc.getURL().includes('#/print/') ? wc.page.setBodyAttribute(PRINT_READY_ATTRIBUTE) : undefined) },
    })
    expect(app.problem).toBeNull()
    expect((await call('loadDemoSquad')).ok).toBe(true)
    const squad = (await call('getSquad')).value as { athletes: { id: string }[] }
    for (const athlete of squad.athletes) {
      const plans = (await call('listPlans', { athleteId: athlete.id })).value as { id: string }[] | undefined
      if (plans?.[0]) {
        athleteId = athlete.id
        planId = plans[0].id
        break
      }
    }
    expect(planId, 'the demo squad should contain a plan').not.toBe('')
  }, 180_000)

  it.skipIf(!hasExport)('asks where to save, prints the plan route hidden with the settings’ page size and writes the PDF there', async () => {
    const target = path.join(glueTempDir('export'), 'plan.pdf')
    app.double.answers.save.push({ canceled: false, filePath: target })
    const result = await call('exportPlanPdf', { athleteId, planId })
    expect(result.error).toBeUndefined()
    expect(result.value).toEqual({ path: target, bytes: MARKER_PDF.length, pages: 1 })
    expect(readFileSync(target).equals(MARKER_PDF)).toBe(true)

    const dialogs = app.double.callsTo('dialog.showSaveDialog')
    expect(dialogs).toHaveLength(1)
    expect(dialogs[0]!.args[0]).toMatchObject({ filters: [{ extensions: ['pdf'] }] })
    expect(printWindows()).toHaveLength(1)
    expect((printWindows()[0]!.args[0] as { show: boolean; webPreferences: unknown }).show).toBe(false)
    expect((printWindows()[0]!.args[0] as { webPreferences: unknown }).webPreferences).toMatchObject(SECURE_PREFERENCES)
    const printUrl = app.double.callsTo('webContents.loadURL').at(-1)!.args[1] as string
    expect(printUrl).toBe(`app://calfcoach/index.html#/print/plan/${encodeURIComponent(athleteId)}/${encodeURIComponent(planId)}`)
    const settings = ((await call('getSquad')).value as { settings: { pdfPageSize: 'A4' | 'Letter' } }).settings
    const printed = app.double.callsTo('webContents.printToPDF')
    expect(printed).toHaveLength(1)
    expect(printed[0]!.args[1]).toMatchObject({ pageSize: settings.pdfPageSize, margins: printSpec(settings.pdfPageSize, '').margins })
    expect(app.double.windows(), 'the print window is gone, the squad window stays').toEqual([app.window])
  })

  it.skipIf(!hasExport)('follows the page-size setting (Letter)', async () => {
    expect((await call('updateSettings', { pdfPageSize: 'Letter' })).ok).toBe(true)
    const target = path.join(glueTempDir('export'), 'letter.pdf')
    app.double.answers.save.push({ canceled: false, filePath: target })
    expect((await call('exportPlanPdf', { athleteId, planId })).ok).toBe(true)
    expect((app.double.callsTo('webContents.printToPDF').at(-1)!.args[1] as { pageSize: string }).pageSize).toBe('Letter')
    expect(existsSync(target)).toBe(true)
  })

  it.skipIf(!hasExport)('writes nothing and prints nothing when the coach cancels the dialog', async () => {
    const dir = glueTempDir('export')
    const printsBefore = app.double.callsTo('webContents.printToPDF').length
    const windowsBefore = printWindows().length
    const result = await call('exportPlanPdf', { athleteId, planId })
    expect(result.value).toEqual({ path: null, bytes: 0, pages: null })
    expect(app.double.callsTo('webContents.printToPDF')).toHaveLength(printsBefore)
    expect(printWindows()).toHaveLength(windowsBefore)
    expect(readdirSync(dir)).toEqual([])
  })
})
