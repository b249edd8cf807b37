/**
 * Runs the e2e suite while other processes keep every core busy, to prove the suite does not depend on
 * timing (a CI machine shared with other jobs looks like this).
 *
 *   npm run test:stress                  build once, then run the e2e suite beside busy loops
 *   STRESS_LOOPS=6 npm run test:stress   more busy loops (default: two per core)
 *
 * The busy loops are child processes started here and killed by their own pid when the run ends, however
 * it ends. Prints one summary line (passed/failed counts, wall time, load average) and exits with the
 * suite's status.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const loopsWanted = Number(process.env['STRESS_LOOPS'] ?? os.cpus().length * 2)

interface VitestJson {
  numPassedTests: number
  numFailedTests: number
  numTotalTests: number
  testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[]
}

function startBusyLoops(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random())'], { stdio: 'ignore' }))
}

function stopBusyLoops(loops: ChildProcess[]): void {
  for (const loop of loops) if (loop.exitCode === null && loop.pid) loop.kill('SIGKILL')
}

function main(): number {
  const work = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-stress-'))
  const outDir = path.join(work, 'out')
  const report = path.join(work, 'report.json')
  const env = { ...process.env, CALFCOACH_OUT_DIR: outDir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
  const loops = startBusyLoops(loopsWanted)
  const stop = () => stopBusyLoops(loops)
  process.once('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stop(), process.exit(130)))
  const started = Date.now()
  try {
    const build = spawnSync('npx', ['--no-install', 'electron-vite', 'build', '--outDir', outDir], { cwd: ROOT, env, stdio: 'inherit' })
    if (build.status !== 0) return fail('the build failed', started)
    const run = spawnSync('npx', ['--no-install', 'vitest', 'run', '--config', 'vitest.e2e.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    })
    const seconds = Math.round((Date.now() - started) / 1000)
    let result: VitestJson
    try {
      result = JSON.parse(readFileSync(report, 'utf8')) as VitestJson
    } catch {
      return fail(`vitest wrote no report (exit ${String(run.status)})`, started)
    }
    const failed = result.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${path.relative(ROOT, f.name)} > ${a.fullName}`))
    const load = os.loadavg().map((n) => n.toFixed(1)).join(' ')
    console.log(`\nstress: ${result.numPassedTests} passed, ${result.numFailedTests} failed of ${result.numTotalTests} e2e tests in ${seconds} s beside ${loops.length} busy loops on ${os.cpus().length} cores (load average ${load})`)
    for (const name of failed) console.log(`stress: FAILED ${name}`)
    return run.status === 0 && result.numFailedTests === 0 ? 0 : 1
  } finally {
    stop()
    rmSync(work, { recursive: true, force: true })
  }
}

function fail(why: string, started: number): number {
  console.log(`\nstress: ${why} after ${Math.round((Date.now() - started) / 1000)} s`)
  return 1
}

process.exitCode = main()
