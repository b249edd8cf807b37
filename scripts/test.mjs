/**
 * `npm test`: every check the project has, arranged so a 2-core machine is never idle.
 *
 * The end-to-end specs spend most of their time waiting on the page (IPC round trips, PDF rendering,
 * axe), so run one after the other the checks left both cores half idle for minutes. Here:
 *
 *   build ──► e2e                          (normal priority: the longest chain, it must not wait)
 *        └──► unit                         (lower priority: fills the cores while the e2e specs wait)
 *   typecheck ──► lint ──► security gate   (lower priority, from the start)
 *
 * The unit suite's glue tests reuse this build (CALFCOACH_PREBUILT_OUT) instead of making their own.
 * Each step's output is kept and printed whole when the step ends, so parallel steps never interleave;
 * a summary lists every step with its time, and the exit code is non-zero when any step failed.
 *
 * The steps stay runnable alone: npm run typecheck | lint | security:electronegativity | test:unit | test:e2e.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// An empty CALFCOACH_OUT_DIR means unset: resolved as it stands it is the checkout itself, and the
// build empties its output folder before writing.
const OUT_DIR = path.resolve(ROOT, process.env['CALFCOACH_OUT_DIR'] || 'out')
if (path.relative(OUT_DIR, ROOT) === '' || !path.relative(OUT_DIR, ROOT).startsWith('..')) {
  console.error(`[npm test] CALFCOACH_OUT_DIR=${OUT_DIR} is the checkout or holds it; the build would empty it. Choose a folder of its own.`)
  process.exit(2)
}
/** Niceness of the steps that fill idle time (0 = normal, 19 = lowest). */
const BACKGROUND = 10
const started = Date.now()
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`

/**
 * The tests' data folders go to a RAM-backed folder when the machine has a roomy one. Hundreds of tests
 * each make a data folder and save with fsync (restore races, crash trials, backups, every e2e save);
 * on a shared disk each fsync waits on every other job's writes, which made the suite slow and its
 * time swing with the machine's load. What the tests check (order, validation, nothing lost to a
 * race or a kill -9) does not depend on the disk: the fsync calls themselves are checked by spies
 * (tests/unit/security/durable-write.test.ts) and disk speed by `npm run bench`, which never runs here.
 * Docker's default /dev/shm is 64 MB, so a small one is not used; CALFCOACH_TEST_TMP picks a folder.
 */
function testTempRoot() {
  const chosen = process.env['CALFCOACH_TEST_TMP']
  if (chosen) return { dir: mkdtempSync(path.join(chosen, 'calfcoach-npm-test-')), note: `${chosen} (CALFCOACH_TEST_TMP)` }
  try {
    const { bavail, bsize } = statfsSync('/dev/shm')
    if (bavail * bsize >= 4 * 1024 ** 3) return { dir: mkdtempSync('/dev/shm/calfcoach-npm-test-'), note: '/dev/shm (RAM)' }
  } catch {
    // No /dev/shm (macOS, Windows): the system's temporary folder, as a plain `vitest run` uses.
  }
  return { dir: mkdtempSync(path.join(os.tmpdir(), 'calfcoach-npm-test-')), note: os.tmpdir() }
}
const testTemp = testTempRoot()
console.log(`[npm test] test data folders in ${testTemp.note}`)

/** Runs one step, its output collected; resolves with how it went. */
function step(name, command, args, { env = {}, unset = [], priority = 0 } = {}) {
  return new Promise((resolve) => {
    const begun = Date.now()
    console.log(`[npm test] ${seconds(begun - started).padStart(5)}  start ${name}`)
    const childEnv = { ...process.env, FORCE_COLOR: process.env['FORCE_COLOR'] ?? '0', TMPDIR: testTemp.dir, TMP: testTemp.dir, TEMP: testTemp.dir, ...env }
    for (const key of unset) delete childEnv[key]
    const child = spawn(command, args, { cwd: ROOT, env: childEnv, shell: process.platform === 'win32' })
    if (priority && child.pid) {
      try {
        os.setPriority(child.pid, priority)
      } catch {
        // Not allowed here: the step just competes at normal priority.
      }
    }
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const finish = (ok, extra = '') => {
      const ms = Date.now() - begun
      console.log(`\n──────── ${name} (${ok ? 'passed' : 'FAILED'} in ${seconds(ms)}) ────────\n${output.trimEnd()}${extra}\n`)
      resolve({ name, ok, ms, endedAt: Date.now() - started })
    }
    child.on('error', (error) => finish(false, `\ncould not start ${command}: ${error.message}`))
    child.on('close', (code) => finish(code === 0))
  })
}

/** Runs steps one after the other, stopping at the first failure (a later one would only repeat it). */
async function chain(...steps) {
  const results = []
  for (const next of steps) {
    const result = await next()
    results.push(result)
    if (!result.ok) break
  }
  return results
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const node = process.execPath

const checks = chain(
  () => step('typecheck', node, ['scripts/typecheck.mjs'], { priority: BACKGROUND }),
  () => step('lint', npx, ['--no-install', 'eslint', '--max-warnings=0', '.'], { priority: BACKGROUND }),
  () => step('security gate', npx, ['--no-install', 'tsx', 'scripts/electronegativity.ts'], { priority: BACKGROUND }),
)

const tests = (async () => {
  // Build as `npm run build` would: the test runner's variables must not leak into the bundles.
  const build = await step('build', npx, ['--no-install', 'electron-vite', 'build', '--outDir', OUT_DIR], { unset: ['NODE_ENV', 'ELECTRON_RENDERER_URL'] })
  if (!build.ok) return [build]
  const prebuilt = { CALFCOACH_OUT_DIR: OUT_DIR, CALFCOACH_PREBUILT_OUT: OUT_DIR }
  const [e2e, unit] = await Promise.all([
    step('e2e', npx, ['--no-install', 'vitest', 'run', '--config', 'vitest.e2e.config.mts'], { env: prebuilt }),
    step('unit', npx, ['--no-install', 'vitest', 'run'], { env: prebuilt, priority: BACKGROUND }),
  ])
  return [build, unit, e2e]
})()

const results = (await Promise.all([checks, tests])).flat()
rmSync(testTemp.dir, { recursive: true, force: true, maxRetries: 3 })
console.log('[npm test] summary')
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(14)} ${seconds(r.ms).padStart(6)}  (ended at ${seconds(r.endedAt)})`)
const expected = ['typecheck', 'lint', 'security gate', 'build', 'unit', 'e2e']
const missing = expected.filter((name) => !results.some((r) => r.name === name))
if (missing.length) console.log(`  not run (an earlier step failed): ${missing.join(', ')}`)
const failed = results.filter((r) => !r.ok).length + missing.length
console.log(`[npm test] ${failed ? 'FAILED' : 'passed'} in ${seconds(Date.now() - started)}`)
process.exitCode = failed ? 1 : 0
