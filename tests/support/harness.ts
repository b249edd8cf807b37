import { mkdirSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { API_GLOBAL, channelMap } from '../../shared/api/contract'
import { AppServices } from '../../electron/services/app-services'
import type { DialogPort } from '../../electron/services/context'
import { createDispatcher, methodForChannel } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/handlers'
import { isTrustedSender } from '../../electron/main/trusted-sender'
import { artifactsDir, launchChromium } from './chromium'
import { answerAsJson } from './json-bridge'
import type { PdfPort } from '../../electron/services/context'
import type { FileOps } from '../../electron/services/store/file-ops'
import { PRINT_TIMEOUT_MS, printSpec, waitForPrintReady } from '../../electron/services/pdf/print-options'

/** CALFCOACH_OUT_DIR lets parallel runs build into separate folders (`electron-vite build --outDir`). */
export const OUT_DIR = path.resolve(process.env['CALFCOACH_OUT_DIR'] || 'out')
export const RENDERER_INDEX = path.join(OUT_DIR, 'renderer/index.html')

/** Scripted answers for the save/open dialogs main would show. */
export class FakeDialogs implements DialogPort {
  readonly savePaths: (string | null)[] = []
  /** A list of paths answers the multi-file open dialog (run import); a single path answers either. */
  readonly openPaths: (string | string[] | null)[] = []
  /** Answers for the folder picker (Settings → Share: the club folder). */
  readonly folderPaths: (string | null)[] = []
  readonly asked: { kind: 'save' | 'open' | 'folder'; title: string }[] = []
  async chooseSavePath(o: { title: string }) {
    this.asked.push({ kind: 'save', title: o.title })
    return this.savePaths.shift() ?? null
  }
  async chooseOpenPath(o: { title: string }) {
    this.asked.push({ kind: 'open', title: o.title })
    const next = this.openPaths.shift() ?? null
    return Array.isArray(next) ? (next[0] ?? null) : next
  }
  async chooseOpenPaths(o: { title: string }) {
    this.asked.push({ kind: 'open', title: o.title })
    const next = this.openPaths.shift() ?? null
    return next === null ? null : Array.isArray(next) ? next : [next]
  }
  async chooseFolder(o: { title: string }) {
    this.asked.push({ kind: 'folder', title: o.title })
    return this.folderPaths.shift() ?? null
  }
}

export interface Harness {
  browser: Browser
  context: BrowserContext
  page: Page
  services: AppServices
  dataDir: string
  dialogs: FakeDialogs
  opened: string[]
  /** Exported files the app asked the computer to open or show in their folder, in order. */
  openedFiles: { how: 'open' | 'show'; file: string }[]
  consoleErrors: string[]
  calls: { method: string; ok: boolean }[]
  /** Hash routes rendered to PDF, in order. */
  pdfRenders: string[]
  screenshot(name: string): Promise<string>
  reload(): Promise<void>
  close(): Promise<void>
}

export interface HarnessOptions {
  dataDir?: string
  browser?: Browser
  viewport?: { width: number; height: number }
  now?: () => Date
  /** Disk access for the store (e.g. one that fails writes, to simulate a full disk or read-only folder). */
  ops?: FileOps
  /** The computer's language and region as the renderer sees it (Intl, navigator.language), e.g. 'en-US'. */
  locale?: string
  /** The operating system's light or dark setting (prefers-color-scheme). */
  colorScheme?: 'light' | 'dark'
}

/**
 * Opens the BUILT renderer in Chromium with window.calfcoach recreated from the contract. Every call
 * crosses page.exposeBinding into this process and reaches the same dispatcher and handler table that
 * main registers on ipcMain, over a real data folder on disk, with the same sender check.
 */
export async function openApp(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'calfcoach-e2e-'))
  const dialogs = new FakeDialogs()
  const opened: string[] = []
  const openedFiles: Harness['openedFiles'] = []
  let contextRef: BrowserContext | null = null
  const pdfRenders: string[] = []
  // The same print route main opens in a hidden window, printed through Chromium's headless print path.
  const pdf: PdfPort = {
    async renderRoute({ hash, pageSize, headerTitle }) {
      if (!contextRef) throw new Error('browser context not ready')
      pdfRenders.push(hash)
      const printPage = await contextRef.newPage()
      try {
        await printPage.goto(`${pathToFileURL(RENDERER_INDEX).toString()}${hash}`)
        // The app's own bound (PRINT_TIMEOUT_MS) is for a coach's machine; a CI box shared with other jobs
        // gets a wider one so a slow draw is not mistaken for a hung one.
        // The wait main uses (a 25 ms poll): Playwright's waitForSelector backs off to 500 ms between polls, which
        // added up to half a second to every PDF the tests and the bench made.
        await waitForPrintReady((js) => printPage.evaluate(js), Math.max(PRINT_TIMEOUT_MS, 150_000))
        const spec = printSpec(pageSize, headerTitle)
        const inch = (n: number) => `${n}in`
        return await printPage.pdf({
          format: spec.pageSize,
          printBackground: spec.printBackground,
          displayHeaderFooter: spec.displayHeaderFooter,
          headerTemplate: spec.headerTemplate,
          footerTemplate: spec.footerTemplate,
          margin: { top: inch(spec.margins.top), bottom: inch(spec.margins.bottom), left: inch(spec.margins.left), right: inch(spec.margins.right) },
        })
      } finally {
        await printPage.close()
      }
    },
  }
  const services = await AppServices.open({
    dataDir,
    dialogs,
    pdf,
    background: true,
    shell: {
      openExternal: async (url) => void opened.push(url),
      openPath: async (file) => (openedFiles.push({ how: 'open', file }), ''),
      showItemInFolder: (file) => void openedFiles.push({ how: 'show', file }),
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.ops ? { ops: options.ops } : {}),
  })
  const dispatch = createDispatcher(createHandlers(services), {
    readOnlyReason: () => services.db.readOnlyReason,
      waitUntilReady: (method) => services.readyFor(method),
    logError: (error, method) => console.error(`[harness] ${method}`, error),
  })
  const ownBrowser = !options.browser
  const browser = options.browser ?? (await launchChromium())
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // British English unless a spec asks otherwise: the specs read dates such as "Wed 23 Dec".
    locale: options.locale ?? 'en-GB',
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  })
  contextRef = context
  const calls: Harness['calls'] = []
  // Plain Chromium has no app:// scheme, so the harness serves the built file over file:// and trusts
  // exactly that page; the app:// rules themselves are unit-tested (tests/unit/security/trusted-sender.test.ts).
  const trusted = { pageUrl: pathToFileURL(RENDERER_INDEX).href, devServerUrl: null }
  await context.exposeBinding('__calfcoachInvoke', async (source, channel: unknown, payload: unknown) => {
    const facts = { frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame(), fromOurWindow: true }
    if (!isTrustedSender(facts, trusted)) {
      return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the CalfCoach window and was refused.' } }
    }
    const method = typeof channel === 'string' ? methodForChannel(channel) : undefined
    if (!method) return { ok: false, error: { code: 'not-found', message: `Unknown channel ${String(channel)}` } }
    const result = await dispatch(method, payload)
    calls.push({ method, ok: result.ok })
    // As one JSON text, parsed in the page (see json-bridge.ts): Playwright's own serialisation of a big
    // answer is far slower than Electron's IPC. Anything JSON would not carry unchanged keeps that path.
    return answerAsJson(result) ?? result
  })
  // Mirrors electron/preload/index.ts: one frozen object, one function per contract channel.
  await context.addInitScript(
    ({ globalName, channels }) => {
      const invoke = (window as unknown as { __calfcoachInvoke: (c: string, p: unknown) => Promise<unknown> }).__calfcoachInvoke
      const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {}
      // An answer comes as JSON text when JSON carries it unchanged (a result is an object otherwise). No named
      // inner function: the test runner's compiler would wrap it in a helper that does not exist in the page.
      for (const [method, channel] of Object.entries(channels)) {
        bridge[method] = (input?: unknown) => invoke(channel, input).then((result) => (typeof result === 'string' ? (JSON.parse(result) as unknown) : result))
      }
      Object.defineProperty(window, globalName, { value: Object.freeze(bridge), enumerable: false, configurable: false, writable: false })
    },
    { globalName: API_GLOBAL, channels: channelMap() },
  )
  // Waits are for states (a heading, a status line), never for time; the bound only decides how long a
  // broken state may take to fail, so it is generous for a machine busy with other jobs.
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(60_000)
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  await page.goto(pathToFileURL(RENDERER_INDEX).toString())
  // As main does once its window is ready to show: the daily backup, which no call waits for.
  services.startBackgroundWork()
  const shots = artifactsDir()
  mkdirSync(shots, { recursive: true })
  return {
    browser,
    context,
    page,
    services,
    dataDir,
    dialogs,
    opened,
    openedFiles,
    consoleErrors,
    calls,
    pdfRenders,
    async screenshot(name) {
      const file = path.join(shots, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async reload() {
      await page.reload()
    },
    async close() {
      await services.db.flush()
      await services.db.autoBackupDone
      await context.close()
      if (ownBrowser) await browser.close()
    },
  }
}
