import type { GlueBuild } from './build'
import { glueTempDir } from './build'
import { loadBundle, type LoadedBundle } from './loader'
import { type BrowserWindowDouble, createElectronDouble, type ElectronDouble, type ElectronDoubleOptions } from './main'

export interface BootedMain {
  double: ElectronDouble
  loaded: LoadedBundle
  dataDir: string
  /** The first window main created, once it has loaded its page (null if it never appeared). */
  window: BrowserWindowDouble | null
  /** Why booting stopped short (load error, start() failure, timeout), or null. */
  problem: string | null
}

export interface BootOptions {
  singleInstanceLock?: boolean
  dataDir?: string
  /** Extra double options, e.g. beforeExecuteJavaScript to script the print page. */
  doubleOptions?: Pick<ElectronDoubleOptions, 'beforeExecuteJavaScript' | 'printToPDF' | 'isPackaged'>
  /** Extra environment for the bundle (ELECTRON_RENDERER_URL and CALFCOACH_DATA_DIR are otherwise removed/set). */
  env?: Record<string, string>
}

/**
 * Loads the built main bundle under the double with CALFCOACH_DATA_DIR pointing at a temp folder, fires
 * `ready` and waits for the main window to load its page. Never throws: tests assert on `problem`.
 */
export async function bootMain(build: GlueBuild, options: BootOptions = {}): Promise<BootedMain> {
  const lock = options.singleInstanceLock ?? true
  // app.getAppPath() is the folder holding package.json and out/, as inside app.asar.
  const double = createElectronDouble({ ...options.doubleOptions, singleInstanceLock: lock, appPath: build.outDir.replace(/[\\/]out$/, ''), pathsRoot: glueTempDir('paths') })
  const dataDir = options.dataDir ?? glueTempDir('data')
  const env: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(process.env)) if (k !== 'ELECTRON_RENDERER_URL' && k !== 'CALFCOACH_DATA_DIR') env[k] = v
  env['CALFCOACH_DATA_DIR'] = dataDir
  Object.assign(env, options.env)
  const loaded = loadBundle(build.mainFile, double.electron, { env, projectRoot: build.root })
  const booted: BootedMain = { double, loaded, dataDir, window: null, problem: null }
  if (loaded.error) {
    booted.problem = `loading ${build.mainFile} threw: ${String(loaded.error)}`
    return booted
  }
  let quitEmitted = false
  if (!lock) double.app.once('quit', () => (quitEmitted = true))
  double.fireReady()
  if (!lock) {
    // Wait for the state (the asynchronous quit sequence has run), not for a fixed time.
    await double.waitFor(() => quitEmitted || double.exitCode() !== undefined, 'the second instance to quit').catch((error: unknown) => (booted.problem = String(error)))
    return booted
  }
  try {
    await double.waitFor(() => double.windows().length > 0 || double.errorBoxes.length > 0 || double.exitCode() !== undefined, 'the main window')
    const win = double.windows()[0]
    if (!win) {
      booted.problem = `start() failed: ${JSON.stringify(double.errorBoxes)} exit ${String(double.exitCode())}`
      return booted
    }
    booted.window = win
    await double.waitFor(() => !win.webContents.isLoading() && (win.webContents.getURL() !== '' || double.violations.length > 0), 'the main window to load its page')
  } catch (error) {
    booted.problem = String(error)
  }
  return booted
}
