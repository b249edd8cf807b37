import { rmSync } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { openCoach } from './app-stack'
import { BENCH_ATHLETES, BENCH_DAYS, writeBenchSquad } from './fixtures'

export interface BenchResult {
  name: string
  value: number
  unit: string
  target?: string
  /** The machine's 1-minute load average when the figure was taken (the machine is shared: figures are noisy). */
  load?: number
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

const TODAY = '2026-11-22'

/** Open (squad list + triage board) and single-run save, per-athlete files vs one big lowdb file, same data. */
export async function benchStore(): Promise<BenchResult[]> {
  const { dataDir, squad, docs } = writeBenchSquad(TODAY)
  const results: BenchResult[] = []
  const label = `${BENCH_ATHLETES} athletes × ${Math.round(BENCH_DAYS / 365)} y daily`

  // First open builds the summary cache; later opens are what a coach sees every day. Each is timed as the
  // coach waits for it: the service stack opening the folder, then the squad list and the triage board
  // answered through the dispatcher (athlete files keep loading in the background).
  const cold = performance.now()
  let coach = await openCoach(dataDir, TODAY)
  await coach.call('getSquadTriage', { today: TODAY })
  const coldMs = performance.now() - cold
  await coach.services.close()
  const warm: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    const next = await openCoach(dataDir, TODAY)
    const list = await next.call<{ athletes: unknown[] }>('getSquad')
    const board = await next.call<{ athletes: unknown[] }>('getSquadTriage', { today: TODAY })
    warm.push(performance.now() - t)
    if (list.athletes.length !== BENCH_ATHLETES || board.athletes.length !== BENCH_ATHLETES) throw new Error('squad list or board incomplete')
    await next.services.db.athletesReady
    await coach.services.close()
    coach = next
  }
  const db = coach.services.db
  warm.sort((a, b) => a - b)
  results.push({ name: `open squad → squad list + triage board through the dispatcher, warm (${label}), median of 5`, value: percentile(warm, 50), unit: 'ms', target: '≤ 150' })
  results.push({ name: 'open squad → triage board, first time (no summary cache)', value: coldMs, unit: 'ms' })

  const saves: number[] = []
  // Athletes load on demand: open this one first, as its page would, so the figure is the save alone.
  const doc = await db.athlete(squad.athletes[7]!.id)
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
