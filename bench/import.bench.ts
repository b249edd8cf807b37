// Run import (issue 12): how long the preview of a 50 MB GPX, a 50,000-row Strava CSV and a Strava bulk
// export (.zip of activities.csv + gzipped GPX files) takes, how
// much memory the import adds at its peak (process RSS, which includes the worker thread), and the longest
// the main thread was unable to answer during it (goal: 50 ms). Goes through the same dispatcher and
// handlers main registers, with a fake file dialog. Uses the built import worker (npm run bench builds).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync, zipSync } from 'fflate'
import os from 'node:os'
import path from 'node:path'
import { performance as nodePerformance } from 'node:perf_hooks'
import { AppServices } from '../electron/services/app-services'
import type { DialogPort } from '../electron/services/context'
import { createDispatcher } from '../electron/services/dispatch'
import { createHandlers } from '../electron/services/handlers'
import { MAX_IMPORT_BYTES } from '../electron/services/import/common'
import { createAthlete } from '../electron/services/squad/squad-service'
import { AthleteDraft } from '../shared/domain/squad'
import { gpxPointsFor, gpxTrack, stravaCsv, stravaExportFiles } from '../tests/unit/import/generate'
import type { BenchResult } from './store.bench'

/** Answers the open dialog with the next queued path. */
class QueuedDialogs implements DialogPort {
  readonly paths: string[] = []
  async chooseSavePath() {
    return null
  }
  async chooseOpenPath() {
    return this.paths.shift() ?? null
  }
}

interface Measured {
  ms: number
  peakRssDeltaMb: number
  longestStallMs: number
  longestBusyCpuMs: number
  longestStallRunQueueMs: number
  longestStallBlockedMs: number
  rows: number
}

/**
 * The main thread's own CPU time so far and its time spent runnable but waiting for a core, in ms: Linux's
 * per-thread schedstat (/proc/self/task/<pid>/schedstat, ns; the main thread's id is the process id). The
 * CPU time is not inflated by other jobs on the machine, unlike the wall-clock gaps. Elsewhere, the event
 * loop's active time (wall clock, so load inflates it) and no waiting figure.
 */
function mainThreadClock(): () => { cpu: number; runQueue: number } {
  const file = `/proc/self/task/${process.pid}/schedstat`
  try {
    readFileSync(file, 'utf8')
    return () => {
      const [cpu = 0, runQueue = 0] = readFileSync(file, 'utf8').split(' ').map((ns) => Number(ns) / 1e6)
      return { cpu, runQueue }
    }
  } catch {
    return () => ({ cpu: nodePerformance.eventLoopUtilization().active, runQueue: 0 })
  }
}

/**
 * Samples the main thread every 5 ms: the longest gap between ticks beyond 5 ms (how long the thread could
 * not answer), the most CPU the main thread spent between two ticks (the longest busy stretch as the app's
 * own work: a machine busy with other jobs stretches the gap but not this), and the highest RSS seen.
 */
function sampleMainThread(): () => { longestStallMs: number; longestBusyCpuMs: number; longestStallRunQueueMs: number; longestStallBlockedMs: number; peakRss: number } {
  const clock = mainThreadClock()
  let longest = 0
  let longestRunQueue = 0
  let longestBlocked = 0
  let longestCpu = 0
  let peakRss = process.memoryUsage().rss
  let last = performance.now()
  let lastClock = clock()
  const tick = () => {
    const now = performance.now()
    const nowClock = clock()
    if (now - last - 5 > longest) {
      longest = now - last - 5
      longestRunQueue = nowClock.runQueue - lastClock.runQueue
      // Neither running nor waiting for a core: asleep in a system call or on a lock (a collector pause waiting
      // for its helper threads, a disk write), beyond the 5 ms the timer sleeps by design.
      longestBlocked = Math.max(0, now - last - 5 - longestRunQueue - (nowClock.cpu - lastClock.cpu))
    }
    longestCpu = Math.max(longestCpu, nowClock.cpu - lastClock.cpu)
    last = now
    lastClock = nowClock
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const timer = setInterval(tick, 5)
  return () => {
    // The stretch since the last tick counts too: the preview's last synchronous block (the answer's
    // contract check and what follows it) ends right before this call, with no tick after it.
    tick()
    clearInterval(timer)
    return { longestStallMs: Math.max(0, longest), longestBusyCpuMs: longestCpu, longestStallRunQueueMs: longestRunQueue, longestStallBlockedMs: longestBlocked, peakRss }
  }
}

/** One preview through the dispatcher, sampling the main thread's responsiveness and RSS every 5 ms. */
async function measurePreview(file: string): Promise<Measured> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-import-'))
  try {
    const dialogs = new QueuedDialogs()
    const services = await AppServices.open({ dataDir, dialogs, pdf: { renderRoute: async () => new Uint8Array() }, shell: { openExternal: async () => undefined } })
    const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => null })
    const athlete = await createAthlete(services, AthleteDraft.parse({ name: 'Bench Runner', sex: 'female', dateOfBirth: null }))
    dialogs.paths.push(file)
    global.gc?.()
    const baseline = process.memoryUsage().rss
    const stop = sampleMainThread()
    const t0 = performance.now()
    const result = await dispatch('previewRunImport', { athleteId: athlete.id })
    const ms = performance.now() - t0
    const { longestStallMs, longestBusyCpuMs, longestStallRunQueueMs, longestStallBlockedMs, peakRss } = stop()
    if (!result.ok) throw new Error(result.error.message)
    const value = result.value as { status: string; rows?: unknown[]; fileProblems?: string[] }
    if (value.status !== 'ready' || (value.fileProblems?.length ?? 0) > 0) throw new Error(`preview failed: ${JSON.stringify(value.fileProblems)}`)
    return { ms, peakRssDeltaMb: (peakRss - baseline) / (1024 * 1024), longestStallMs, longestBusyCpuMs, longestStallRunQueueMs, longestStallBlockedMs, rows: value.rows?.length ?? 0 }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The longest gap between 5 ms timer ticks over `ms` with nothing running (what the machine itself adds), and the most main-thread CPU between two ticks (the sampler's own). */
async function idleStall(ms: number): Promise<{ longestStallMs: number; longestBusyCpuMs: number }> {
  const stop = sampleMainThread()
  await new Promise<void>((resolve) => setTimeout(resolve, ms))
  return stop()
}

export async function benchImport(): Promise<BenchResult[]> {
  // Services run from source here; the worker is the one `npm run bench` has just built into out/.
  process.env['CALFCOACH_OUT_DIR'] ??= 'out'
  const dir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-files-'))
  const results: BenchResult[] = []
  try {
    const gpxFile = path.join(dir, 'big.gpx')
    const gpx = gpxTrack(gpxPointsFor(MAX_IMPORT_BYTES - 512 * 1024))
    writeFileSync(gpxFile, gpx)
    const gpxMb = (Buffer.byteLength(gpx) / (1024 * 1024)).toFixed(1)
    const csvFile = path.join(dir, 'activities.csv')
    writeFileSync(csvFile, stravaCsv(50_000))
    // A few years of daily runs of an hour each, as an athlete downloads them from Strava.
    const zipFile = path.join(dir, 'export.zip')
    const exported = zipSync(stravaExportFiles(1000, 3600, (data) => gzipSync(data)))
    writeFileSync(zipFile, exported)
    const zipMb = (exported.length / (1024 * 1024)).toFixed(1)
    const idle = await idleStall(5000)
    results.push({ name: 'import: longest main-thread gap with nothing running (noise floor, 5 s)', value: idle.longestStallMs, unit: 'ms' })
    results.push({ name: 'import: most main-thread CPU between two 5 ms ticks with nothing running (floor, 5 s)', value: idle.longestBusyCpuMs, unit: 'ms' })
    for (const [label, file] of [
      [`import preview, ${gpxMb} MB GPX`, gpxFile],
      ['import preview, 50,000-row Strava CSV', csvFile],
      [`import preview, Strava bulk export, ${zipMb} MB zip of 1,000 GPX runs`, zipFile],
    ] as const) {
      const m = await measurePreview(file)
      results.push({ name: `${label}: time`, value: m.ms, unit: 'ms' })
      results.push({ name: `${label}: peak memory added (RSS)`, value: m.peakRssDeltaMb, unit: 'MB', target: '< 300' })
      results.push({ name: `${label}: longest main-thread stall`, value: m.longestStallMs, unit: 'ms', target: '≤ 50' })
      // The same goal read by CPU: the most the main thread itself ran between two 5 ms ticks (load inflates this little),
      // and how much of the longest stall the thread spent runnable, waiting for a core the machine's other jobs held.
      results.push({ name: `${label}: longest main-thread busy stretch (CPU between 5 ms ticks)`, value: m.longestBusyCpuMs, unit: 'ms', target: '≤ 50' })
      results.push({ name: `${label}: of the longest stall, waiting for a core (load)`, value: m.longestStallRunQueueMs, unit: 'ms' })
      results.push({ name: `${label}: of the longest stall, blocked (neither running nor waiting for a core)`, value: m.longestStallBlockedMs, unit: 'ms' })
      results.push({ name: `${label}: rows`, value: m.rows, unit: 'rows' })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}
