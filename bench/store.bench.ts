import { rmSync } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { squadTriage } from '../electron/services/runs/triage-service'
import type { ServiceContext } from '../electron/services/context'
import { Database } from '../electron/services/store/database'
import { BENCH_ATHLETES, BENCH_DAYS, writeBenchSquad } from './fixtures'

export interface BenchResult {
  name: string
  value: number
  unit: string
  target?: string
  /** The machine's 1-minute load average when the figure was taken (the machine is shared: figures are noisy). */
  load?: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

const TODAY = '2026-11-22'

/** Open (index + triage data) and single-run save, per-athlete files vs one big lowdb file, same data. */
export async function benchStore(): Promise<BenchResult[]> {
  const { dataDir, squad, docs } = writeBenchSquad(TODAY)
  const results: BenchResult[] = []
  const label = `${BENCH_ATHLETES} athletes × ${Math.round(BENCH_DAYS / 365)} y daily`

  // First open builds the summary cache; later opens are what a coach sees every day.
  const cold = performance.now()
  let db = await Database.open({ dataDir, autoBackupAfterMs: Number.MAX_SAFE_INTEGER, background: true })
  await db.summaries(TODAY)
  const coldMs = performance.now() - cold
  await db.athletesReady
  await db.summaryCache.writeNow()
  const warm: number[] = []
  const boards: number[] = []
  const unused = async () => {
    throw new Error('not used by the benchmark')
  }
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    const next = await Database.open({ dataDir, autoBackupAfterMs: Number.MAX_SAFE_INTEGER, background: true })
    const sums = await next.summaries(TODAY)
    warm.push(performance.now() - t)
    if (sums.size !== BENCH_ATHLETES) throw new Error(`expected ${BENCH_ATHLETES} summaries, got ${sums.size}`)
    // What the coach waits for on the triage board: statuses, reasons and sparklines for everyone.
    const ctx: ServiceContext = { db: next, now: () => new Date(`${TODAY}T12:00:00Z`), dialogs: { chooseSavePath: unused, chooseOpenPath: unused }, shell: { openExternal: unused }, pdf: { renderRoute: unused } }
    const b = performance.now()
    const board = await squadTriage(ctx, TODAY)
    boards.push(performance.now() - t)
    if (board.athletes.length !== BENCH_ATHLETES || performance.now() - b < 0) throw new Error('board incomplete')
    await next.athletesReady
    db = next
  }
  warm.sort((a, b) => a - b)
  boards.sort((a, b) => a - b)
  results.push({ name: `open squad, index + triage data (${label}), median of 5`, value: percentile(warm, 50), unit: 'ms', target: '≤ 150' })
  results.push({ name: 'open squad through to the computed triage board, median of 5', value: percentile(boards, 50), unit: 'ms' })
  results.push({ name: 'open squad, first time (no summary cache)', value: coldMs, unit: 'ms' })

  const saves: number[] = []
  const doc = db.athleteDoc(squad.athletes[7]!.id)
  for (let i = 0; i < 60; i++) {
    const t = performance.now()
    await doc.mutate((d) => ({ ...d, runs: [...d.runs, { id: `run-bench-${i}`, date: TODAY, distanceKm: 5, createdAt: 'x', updatedAt: 'x' }] }))
    saves.push(performance.now() - t)
  }
  saves.sort((a, b) => a - b)
  results.push({ name: 'save one run (per-athlete file) p50', value: percentile(saves, 50), unit: 'ms' })
  results.push({ name: 'save one run (per-athlete file) p95', value: percentile(saves, 95), unit: 'ms', target: '≤ 10' })

  const single = path.join(dataDir, 'single-file.json')
  const low = new Low(new JSONFile<{ squad: typeof squad; athletes: typeof docs }>(single), { squad, athletes: docs })
  await low.write()
  await low.read()
  const bigSaves: number[] = []
  for (let i = 0; i < 15; i++) {
    const t = performance.now()
    low.data.athletes[7]!.runs.push({ id: `run-big-${i}`, date: TODAY, distanceKm: 5, createdAt: 'x', updatedAt: 'x' })
    await low.write()
    bigSaves.push(performance.now() - t)
  }
  bigSaves.sort((a, b) => a - b)
  results.push({ name: 'save one run (single-file lowdb, same data) p50', value: percentile(bigSaves, 50), unit: 'ms' })
  results.push({ name: 'save one run (single-file lowdb, same data) p95', value: percentile(bigSaves, 95), unit: 'ms' })
  results.push({ name: 'single-file p95 ÷ per-athlete p95', value: percentile(bigSaves, 95) / percentile(saves, 95), unit: '×' })
  rmSync(dataDir, { recursive: true, force: true })
  return results
}
