import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Builds the app with the real toolchain into a private temp folder, once per test process, so glue
 * tests never read (or race with) the shared out/ folder other runs use.
 *
 *   CALFCOACH_GLUE_ROOT  project root to build (default cwd). Point it at a scratch copy of the checkout
 *                        to prove a test catches a breakage without touching the shared working tree.
 *   CALFCOACH_GLUE_KEEP  set to 1 to keep the temp folders for inspection.
 */
export interface GlueBuild {
  root: string
  /** The electron-vite output folder: what electron-builder packages as out/**. */
  outDir: string
  mainFile: string
  /** The preload entry the build emitted (out/preload/index.js when all is well). */
  preloadFile: string
  /** Every file in out/preload. */
  preloadFiles: string[]
  rendererIndex: string
  /** electron/main/pdf.ts bundled alone (CommonJS, electron external) by the same bundler; load it with __dirname = out/main. */
  pdfProbeFile: string
  buildMs: number
}

const cleanups: string[] = []
let exitHookInstalled = false
const TEMP_PREFIX = 'calfcoach-glue-'

/**
 * Removes temp folders left by earlier test processes that are gone: test runners may end workers
 * without an 'exit' event, so each folder carries its creator's pid and is swept once that pid is dead.
 */
function sweepStaleTempDirs(): void {
  const tmp = os.tmpdir()
  for (const name of readdirSync(tmp)) {
    const match = new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name)
    if (!match || Number(match[1]) === process.pid) continue
    try {
      process.kill(Number(match[1]), 0)
      continue // still running
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPERM') continue // alive, someone else's
    }
    rmSync(path.join(tmp, name), { recursive: true, force: true })
  }
}

/** A temp folder removed when the test process exits (unless CALFCOACH_GLUE_KEEP=1) or, failing that, by a later sweep. */
export function glueTempDir(prefix: string): string {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    if (process.env['CALFCOACH_GLUE_KEEP'] !== '1') sweepStaleTempDirs()
    process.once('exit', () => {
      if (process.env['CALFCOACH_GLUE_KEEP'] === '1') return
      for (const d of cleanups) rmSync(d, { recursive: true, force: true })
    })
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-${prefix}-`))
  cleanups.push(dir)
  return dir
}

const PROBE_SCRIPT = `
import { build } from 'vite'
const [entry, outDir] = process.argv.slice(-2)
await build({
  configFile: false, logLevel: 'error', root: process.cwd(),
  // Like main's build (externalizeDeps: false): every dependency bundled, only electron left outside.
  ssr: { noExternal: true },
  build: {
    ssr: true, outDir, emptyOutDir: true, minify: false, target: 'node20', copyPublicDir: false,
    rollupOptions: { input: { pdf: entry }, external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].js' } },
  },
})
`

let pending: Promise<GlueBuild> | undefined

/**
 * The built app for the glue tests. One build serves every test file of a run: the test files run in
 * worker processes of one vitest process, so the first worker to ask builds into the run's shared folder
 * and the others wait for its result (a full build costs about as much as all the
 * glue tests together). A build of a scratch copy (CALFCOACH_GLUE_ROOT, for breakage proofs) stays private.
 */
export function buildGlue(): Promise<GlueBuild> {
  const sharedDir = process.env[SHARED_BUILD_ENV]
  pending ??= sharedDir && !process.env['CALFCOACH_GLUE_ROOT'] ? sharedBuild(sharedDir) : doBuild(glueTempDir('build'))
  return pending
}

/**
 * Set by scripts/test.mjs (`npm test`): an electron-vite output folder already built from this checkout,
 * used instead of building again. Its folder must be named out (the app path is its parent).
 */
export const PREBUILT_OUT_ENV = 'CALFCOACH_PREBUILT_OUT'

/** Set by tests/support/glue-global-setup.ts in the vitest process: the folder where this run's workers share one build. */
export const SHARED_BUILD_ENV = 'CALFCOACH_GLUE_SHARED_BUILD'

const READY_FILE = 'ready.json'
const FAILED_FILE = 'failed.txt'
const BUILDER_FILE = 'builder.pid'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Builds once per vitest run in the run's shared folder (the global setup removes it at the end). An
 * exclusive create of the builder file is the lock: whoever makes it builds; the others wait for the
 * ready or failed file, and take over if the builder died without writing either.
 */
async function sharedBuild(dir: string): Promise<GlueBuild> {
  mkdirSync(dir, { recursive: true })
  for (;;) {
    const ready = path.join(dir, READY_FILE)
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as GlueBuild
    const failed = path.join(dir, FAILED_FILE)
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'))
    if (claim(dir)) {
      try {
        const result = await doBuild(mkdtempSync(path.join(dir, 'build-')))
        writeFileSync(`${ready}.tmp`, JSON.stringify(result))
        renameSync(`${ready}.tmp`, ready)
        return result
      } catch (error) {
        writeFileSync(failed, (error as Error).message)
        throw error
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250)) // poll for the builder's result file
  }
}

/** True when this process now owns the build: it made the claim, or the previous claimant died mid-build. */
function claim(dir: string): boolean {
  const builder = path.join(dir, BUILDER_FILE)
  try {
    writeFileSync(builder, String(process.pid), { flag: 'wx' })
    return true
  } catch {
    const owner = Number(readFileSync(builder, 'utf8') || 'NaN')
    if (Number.isInteger(owner) && (owner === process.pid || isAlive(owner))) return false
    rmSync(builder, { force: true }) // the builder died without a result: the next loop claims it afresh
    return false
  }
}

async function doBuild(tmp: string): Promise<GlueBuild> {
  const started = Date.now()
  const root = path.resolve(process.env['CALFCOACH_GLUE_ROOT'] ?? process.cwd())
  const probeDir = path.join(tmp, 'probe')
  // Build as `npm run build` from a shell would: without the test runner's NODE_ENV=test and VITEST* variables.
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'ELECTRON_RENDERER_URL' || key.startsWith('VITEST')) delete env[key]
  // `npm test` builds the app once for the e2e specs and hands the same output to the glue tests.
  const prebuilt = process.env[PREBUILT_OUT_ENV] && !process.env['CALFCOACH_GLUE_ROOT'] ? path.resolve(process.env[PREBUILT_OUT_ENV]) : undefined
  const outDir = prebuilt ?? path.join(tmp, 'out')
  if (!prebuilt) mkdirSync(outDir)
  try {
    if (!prebuilt) await run('npx', ['--no-install', 'electron-vite', 'build', '--outDir', outDir], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 })
    await run(process.execPath, ['--input-type=module', '-e', PROBE_SCRIPT, 'electron/main/pdf.ts', probeDir], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`building the app for the glue tests failed:\n${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`)
  }
  // Whatever the build emitted for the preload (index.mjs when someone switches it to ESM), so the
  // preload test evaluates the real output rather than failing here.
  const preloadDir = path.join(outDir, 'preload')
  const preloadFiles = existsSync(preloadDir) ? readdirSync(preloadDir).map((f) => path.join(preloadDir, f)) : []
  const emitted = preloadFiles.find((f) => /[\\/]index\.[cm]?js$/.test(f))
  const result: GlueBuild = {
    root,
    outDir,
    mainFile: path.join(outDir, 'main/index.js'),
    preloadFile: emitted ?? path.join(preloadDir, 'index.js'),
    preloadFiles,
    rendererIndex: path.join(outDir, 'renderer/index.html'),
    pdfProbeFile: path.join(probeDir, 'pdf.js'),
    buildMs: Date.now() - started,
  }
  return result
}
