// One size of the issue-15 table (athletes × years), in a process of its own so its memory figure is
// the app's main process alone: `tsx bench/scale-worker.ts <athletes> <years>` prints JSON rows.
// Every figure goes through the dispatcher main uses (validation, readiness wait, handler, output check).
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import v8 from 'node:v8'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import type { ApiMethod } from '../shared/api/contract'
import { AppServices } from '../electron/services/app-services'
import { createDispatcher } from '../electron/services/dispatch'
import { createHandlers } from '../electron/services/handlers'
import { writeFileAtomicDurable } from '../electron/services/store/file-ops'
import type { BenchResult } from './store.bench'
import { cachedBenchSquad } from './fixtures'
import { BackupStore } from '../electron/services/store/backups'
import { nodeFileOps } from '../electron/services/store/file-ops'
import { mainThreadCpuMs, median, percentileOf } from './timing'
import { COMMIT_PROBE, searchKeystrokes } from './search-keystrokes'

const TODAY = '2026-11-22'
const unused = async (): Promise<never> => {
  throw new Error('not used by the benchmark')
}

async function open(dataDir: string, day = TODAY) {
  const services = await AppServices.open({
    dataDir,
    background: true,
    watch: false,
    now: () => new Date(`${day}T12:00:00Z`),
    dialogs: { chooseSavePath: unused, chooseOpenPath: unused },
    shell: { openExternal: unused },
    pdf: { renderRoute: unused },
  })
  const dispatch = createDispatcher(createHandlers(services), {
    readOnlyReason: () => services.db.readOnlyReason,
    waitUntilReady: (method) => services.readyFor(method),
  })
  const call = async (method: ApiMethod, payload?: unknown) => {
    const r = await dispatch(method, payload)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value
  }
  return { services, call }
}

/** Wall time, main-process busy time (event loop not idle) and main-thread CPU time of `fn`. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; busyMs: number; cpuMs: number }> {
  const loop = performance.eventLoopUtilization()
  const cpu = mainThreadCpuMs()
  const t0 = performance.now()
  await fn()
  return { ms: performance.now() - t0, busyMs: performance.eventLoopUtilization(loop).active, cpuMs: mainThreadCpuMs() - cpu }
}

async function measure(athletes: number, years: number): Promise<BenchResult[]> {
  const size = `${athletes}×${years}`
  const fixture = cachedBenchSquad(TODAY, athletes, years)
  const rows: BenchResult[] = []
  const row = (name: string, value: number, unit: string, target?: string) => rows.push({ name: `[${size}] ${name}`, value, unit, ...(target ? { target } : {}), load: os.loadavg()[0] })
  try {
    if (process.env['BENCH_SCALE_CHROMIUM_ONLY']) {
      // As in the full run, whose launches before leave a summary cache and a daily backup: without them, the
      // launch in Chromium summarises every athlete and takes a first full backup (every file hashed and copied)
      // in the background, during the clicks.
      const warm = await open(fixture.dataDir)
      await warm.call('getSquadTriage')
      await warm.services.db.athletesReady
      warm.services.startBackgroundWork()
      await warm.services.db.autoBackupDone
      await warm.services.close()
      return await inChromium(fixture.dataDir, size)
    }
    const ids = fixture.squad.athletes.map((a) => a.id)
    // No summary cache: the very first launch, or every file changed outside the app.
    rmSync(path.join(fixture.dataDir, 'cache'), { recursive: true, force: true })
    let app!: Awaited<ReturnType<typeof open>>
    const cold = await timed(async () => {
      app = await open(fixture.dataDir)
      await app.call('getSquadTriage')
    })
    await app.services.db.athletesReady
    await app.services.close()
    row('launch → board answered, no summary cache', cold.ms, 'ms', '(≤ 1 s first launch)')

    // Warm: summaries persisted by the launch before; the next day needs no rescan either.
    const warm: number[] = []
    for (let i = 0; i < 3; i++) {
      const t = await timed(async () => {
        app = await open(fixture.dataDir)
        await app.call('getSquadTriage')
      })
      warm.push(t.ms)
      await app.services.db.athletesReady
      await app.services.close()
    }
    row('launch → board answered, warm (median of 3)', median(warm), 'ms', '≤ 300 ms')
    const nextDay = await timed(async () => {
      app = await open(fixture.dataDir, '2026-11-23')
      await app.call('getSquadTriage')
    })
    await app.services.db.athletesReady
    await app.services.close()
    row('launch → board answered, first launch of a new day', nextDay.ms, 'ms', '≤ 1 s')

    // Memory as the coach has it: a process of its own (this one still holds the no-cache launch's peak).
    const fresh = JSON.parse(execFileSync(path.resolve('node_modules', '.bin', 'tsx'), [__filename, 'memory', fixture.dataDir], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { rss: number; heap: number; athletes: number }
    row('main-process memory (RSS) after a warm launch, the board and 20 athletes (own process)', fresh.rss, 'MB', '≤ 300 MB')
    row('main-process heap in use, same process', fresh.heap, 'MB')
    row('athletes in memory, same process', fresh.athletes, 'athletes', '≤ 32')

    app = await open(fixture.dataDir)
    await app.call('getSquadTriage')
    // What the board and the squad list ask since issue 15, asked once as a screen would before the saves below.
    await app.call('getSquadBoard')
    await app.services.db.athletesReady
    // A coach saves on the athlete's page, which opened the athlete first (athletes load on demand): that
    // open is its own row, so the save figure is the save.
    const saveIds = ids.slice(7, 12)
    const opens: number[] = []
    for (const athleteId of saveIds) opens.push((await timed(() => app.call('getAthleteRecord', { athleteId }))).ms)
    row('open an athlete not in memory (read + validate its file), median of 5', median(opens), 'ms')
    const saves: number[] = []
    /** Main-thread CPU of each save: the app's own work, whatever the load and the disk. */
    const saveCpu: number[] = []
    for (let i = 0; i < 60; i++) {
      const t = await timed(() => app.call('addRun', { athleteId: saveIds[i % 5], run: { date: TODAY, distanceKm: 5 + (i % 7) } }))
      saves.push(t.ms)
      saveCpu.push(t.cpuMs)
    }
    row('save one run, p50 of 60', percentileOf(saves, 50), 'ms')
    row('save one run, p95 of 60', percentileOf(saves, 95), 'ms', '≤ 10 ms')
    row('save one run: main-thread CPU time, p50 of 60', percentileOf(saveCpu, 50), 'ms')
    row('save one run: main-thread CPU time, p95 of 60', percentileOf(saveCpu, 95), 'ms')
    // What the disk alone takes to make one such file durable now (temp + fsync + rename + folder fsync), for
    // the save figure to be read against: a save rewrites the athlete's whole file.
    const athleteBytes = readFileSync(path.join(fixture.dataDir, 'athletes', `${saveIds[0]}.json`))
    const floor: number[] = []
    for (let i = 0; i < 60; i++) floor.push((await timed(() => writeFileAtomicDurable(path.join(fixture.dataDir, 'floor.tmp'), athleteBytes))).ms)
    rmSync(path.join(fixture.dataDir, 'floor.tmp'), { force: true })
    const kb = Math.round(athleteBytes.length / 1024)
    row(`durable write of one athlete's file alone (${kb} KB, the disk floor under a save), p50 of 60`, percentileOf(floor, 50), 'ms')
    row(`durable write of one athlete's file alone (${kb} KB, the disk floor under a save), p95 of 60`, percentileOf(floor, 95), 'ms')
    await app.call('addRun', { athleteId: ids[3], run: { date: TODAY, distanceKm: 6 } })
    const board = await timed(() => app.call('getSquadTriage'))
    row('board request after one save: main-process busy time', board.busyMs, 'ms', '≤ 20 ms')
    row('board request after one save: main-thread CPU time', board.cpuMs, 'ms')
    row('board request after one save: wall time', board.ms, 'ms')
    // What the board and the squad list ask for since issue 15 (the same entries in fewer bytes).
    await app.call('addRun', { athleteId: ids[4], run: { date: TODAY, distanceKm: 6 } })
    const compact = await timed(() => app.call('getSquadBoard'))
    row('compact board (getSquadBoard, what the screens ask) after one save: busy time', compact.busyMs, 'ms', '≤ 20 ms')
    row('compact board after one save: main-thread CPU time', compact.cpuMs, 'ms')
    for (const id of ids.slice(0, 20)) await app.call('getAthleteRecord', { athleteId: id })
    row('main-process memory (RSS) after the board and 20 athletes', process.memoryUsage().rss / 2 ** 20, 'MB', '≤ 300 MB')
    row('main-process heap in use after the board and 20 athletes', process.memoryUsage().heapUsed / 2 ** 20, 'MB')
    row('main-process peak RSS so far (the no-cache launch included)', process.resourceUsage().maxRSS / 1024, 'MB')
    // Athletes load on demand: at most the cache's bound (32) stay in memory, whatever the squad's size.
    row('athletes in memory after the board and 20 athletes', app.services.db.athletesInMemory, 'athletes', '≤ 32')

    // The daily backup with one athlete changed since the last one, as the app takes it (alongside saves).
    await app.services.db.backups.create('auto', app.services.writes)
    await app.call('addRun', { athleteId: ids[1], run: { date: TODAY, distanceKm: 7 } })
    const backup = await timed(() => app.services.db.backups.create('auto', app.services.writes))
    row('daily backup, 1 athlete changed: main-process busy time', backup.busyMs, 'ms', '≤ 100 ms')
    row('daily backup, 1 athlete changed: main-thread CPU time', backup.cpuMs, 'ms')
    row('daily backup, 1 athlete changed: wall time (in the background)', backup.ms, 'ms')
    // As at a launch: the first backup of the process, no manifest read yet (the app's usual daily backup).
    await app.call('addRun', { athleteId: ids[2], run: { date: TODAY, distanceKm: 8 } })
    const atLaunch = new BackupStore(fixture.dataDir, nodeFileOps, () => new Date('2026-11-23T06:00:00Z'))
    const first = await timed(() => atLaunch.create('auto', app.services.writes))
    row('daily backup at a launch (first of the process), 1 athlete changed: busy time', first.busyMs, 'ms', '≤ 100 ms')
    row('daily backup at a launch: main-thread CPU time', first.cpuMs, 'ms')
    row('daily backup at a launch: wall time (in the background)', first.ms, 'ms')
    await app.services.close()
    // BENCH_SCALE_NO_CHROMIUM=1: the store's figures only (no built renderer needed, minutes shorter).
    if (!process.env['BENCH_SCALE_NO_CHROMIUM']) rows.push(...(await inChromium(fixture.dataDir, size)))
  } finally {
    fixture.dispose()
  }
  return rows
}

/** The board's answer as main gives it, through the harness's own dispatcher (for the structured-clone rows). */
async function dispatchBoard(services: AppServices, method: 'getSquadTriage' | 'getSquadBoard'): Promise<unknown> {
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason })
  return dispatch(method, undefined)
}

/** The board drawn and a search keystroke in the built renderer (Chromium, through the e2e harness). */
async function inChromium(dataDir: string, size: string): Promise<BenchResult[]> {
  const { openApp } = await import('../tests/support/harness')
  const ui = await openApp({ dataDir, now: () => new Date(`${TODAY}T12:00:00Z`) })
  const out: BenchResult[] = []
  const row = (name: string, value: number, unit: string, target?: string) => out.push({ name: `[${size}] ${name}`, value, unit, ...(target ? { target } : {}), load: os.loadavg()[0] })
  try {
    const { page } = ui
    await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
    await page.getByTestId('squad-row').first().waitFor()
    // The squad screen asks for the board's answer too (its status column): once it has its answer, the
    // summaries are in memory, so the click below measures the board, not the launch (which has rows of its own).
    await page.getByTestId('squad-status').first().waitFor()
    // The page's own clock as well: from the click event to the frame after the first row is in the page,
    // without Playwright's click and locator round trips. Given as text (no bundler helpers in the page).
    const drawBoard = async () => {
      await page.evaluate(`(() => {
        window.boardDrawn = null
        document.addEventListener('click', (e) => { window.boardClickAt = e.timeStamp }, { capture: true, once: true })
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-testid=board-row]')) return
          observer.disconnect()
          requestAnimationFrame(() => setTimeout(() => { window.boardDrawn = performance.now() - window.boardClickAt }))
        }).observe(document.body, { subtree: true, childList: true })
      })()`)
      const t0 = performance.now()
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage board', exact: true }).click()
      await page.getByTestId('board-row').first().waitFor()
      const ms = performance.now() - t0
      // Not waitForFunction: its polling evaluates text in the page, which the page's CSP refuses.
      const inPage = await page.evaluate(`new Promise((resolve) => { const check = () => (window.boardDrawn === null ? requestAnimationFrame(check) : resolve(window.boardDrawn)); check() })`)
      return { ms, inPage: Number(inPage) }
    }
    const first = await drawBoard()
    row('board drawn in Chromium (click → rows on screen)', first.ms, 'ms', '≤ 300 ms')
    row('the same, by the page: click event → the frame after the first row is in the page', first.inPage, 'ms', '≤ 300 ms')
    row('board rows in the page (of all athletes)', await page.getByTestId('board-row').count(), 'rows')
    // What that figure holds besides the app: the harness carries each answer through Playwright's
    // exposeBinding, far slower than Electron's IPC, which structured-clones it. Both are given for the
    // board's answer, so the row above can be read for what a coach in the app would wait.
    // Given as text, like the keystroke probe below: a compiled function would name this file's imports.
    // The board asks getSquadBoard (the entries of getSquadTriage in fewer bytes); both are given.
    const bridgeMs = (await page.evaluate(`(async () => { const t = performance.now(); await window.calfcoach.getSquadBoard(); return performance.now() - t })()`)) as number
    row("of which the board's answer (getSquadBoard) through the harness's bridge (Playwright binding), in the page", bridgeMs, 'ms')
    const triageBridgeMs = (await page.evaluate(`(async () => { const t = performance.now(); await window.calfcoach.getSquadTriage(); return performance.now() - t })()`)) as number
    row('getSquadTriage (the full entries) through the same bridge, in the page', triageBridgeMs, 'ms')
    await ui.services.db.athletesReady
    const answers = { getSquadBoard: await dispatchBoard(ui.services, 'getSquadBoard'), getSquadTriage: await dispatchBoard(ui.services, 'getSquadTriage') }
    // Median of 5 each, taken in turn (the first clone of a process also warms the serialiser up).
    const clones: Record<keyof typeof answers, number[]> = { getSquadBoard: [], getSquadTriage: [] }
    const kb: Record<keyof typeof answers, number> = { getSquadBoard: 0, getSquadTriage: 0 }
    for (let i = 0; i < 5; i++) {
      for (const method of ['getSquadBoard', 'getSquadTriage'] as const) {
        const cloneStart = performance.now()
        const bytes = v8.serialize(answers[method])
        v8.deserialize(bytes)
        clones[method].push(performance.now() - cloneStart)
        kb[method] = Math.round(bytes.length / 1024)
      }
    }
    // One click is one sample on a machine shared with other jobs: five more, back from the squad list each time.
    const again: { ms: number; inPage: number }[] = []
    for (let i = 0; i < 5; i++) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Squad', exact: true }).click()
      await page.getByTestId('squad-status').first().waitFor()
      again.push(await drawBoard())
    }
    row('board drawn in Chromium again (click → rows on screen), median of 5 more clicks', median(again.map((a) => a.ms)), 'ms', '≤ 300 ms')
    row('the same by the page (click event → frame after the first row), median of 5', median(again.map((a) => a.inPage)), 'ms', '≤ 300 ms')
    for (const method of ['getSquadBoard', 'getSquadTriage'] as const) {
      row(`${method}'s answer structured-cloned (serialise + deserialise, as Electron's IPC carries it; ${kb[method]} KB), median of 5`, median(clones[method]), 'ms')
    }

    // React tells the keystroke probe when it commits (the hook its developer tools use): it must be there
    // before React starts, so the page loads again (after the board's figures, which it would not change).
    await ui.context.addInitScript(COMMIT_PROBE)
    await page.reload()
    await page.getByTestId('board-row').first().waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Squad', exact: true }).click()
    await page.getByTestId('squad-row').first().waitFor()
    await page.getByTestId('squad-status').first().waitFor()
    await searchKeystrokes(ui.context, page, row)
  } finally {
    await ui.close()
  }
  return out
}

/** `scale-worker.ts memory <dataDir>`: warm launch, board, 20 athletes; prints this process's memory. */
async function memoryAfterTwentyAthletes(dataDir: string): Promise<void> {
  const app = await open(dataDir)
  await app.call('getSquadTriage')
  await app.services.db.athletesReady
  for (const a of app.services.db.squad.data.athletes.slice(0, 20)) await app.call('getAthleteRecord', { athleteId: a.id })
  const { rss, heapUsed } = process.memoryUsage()
  const athletes = app.services.db.athletesInMemory
  await app.services.close()
  process.stdout.write(`${JSON.stringify({ rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20, athletes })}\n`)
}

const [athletes = '200', years = '3'] = process.argv.slice(2)
if (athletes === 'memory') {
  memoryAfterTwentyAthletes(years).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`)
    process.exit(1)
  })
} else measure(Number(athletes), Number(years)).then(
  (rows) => process.stdout.write(`${JSON.stringify(rows)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
