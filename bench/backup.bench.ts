import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { BackupStore } from '../electron/services/store/backups'
import { nodeFileOps } from '../electron/services/store/file-ops'
import type { BenchResult } from './store.bench'
import { median } from './timing'
import { writeBenchSquad } from './fixtures'

const ATHLETES = Number(process.env.BENCH_BACKUP_ATHLETES ?? 1000)
const DAYS = Number(process.env.BENCH_BACKUP_DAYS ?? 365)

/** Bytes on disk under a folder, counting each hard-linked file once. */
function uniqueBytes(dir: string, seen = new Set<number>()): number {
  let total = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) total += uniqueBytes(p, seen)
    else {
      const s = statSync(p)
      if (!seen.has(s.ino)) {
        seen.add(s.ino)
        total += s.size
      }
    }
  }
  return total
}

/** Daily backup when one athlete changed, and the disk 10 such backups take, at 1000 athletes. */
export async function benchBackup(): Promise<BenchResult[]> {
  const { dataDir } = writeBenchSquad('2026-11-22', ATHLETES, DAYS) as { dataDir: string }
  let clock = Date.parse('2026-11-22T06:00:00Z')
  const store = new BackupStore(dataDir, nodeFileOps, () => new Date((clock += 86_400_000)))
  const t0 = performance.now()
  await store.create('auto')
  const first = performance.now() - t0
  const samples: number[] = []
  for (let i = 0; i < 10; i++) {
    const file = path.join(dataDir, 'athletes', `ath-bench-${String(i).padStart(3, '0')}.json`)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { runs: { notes?: string }[] }
    doc.runs[0] = { ...doc.runs[0], notes: `changed ${i}` }
    await nodeFileOps.writeAtomic(file, JSON.stringify(doc))
    const t = performance.now()
    await store.create('auto')
    samples.push(performance.now() - t)
  }
  const data = uniqueBytes(path.join(dataDir, 'athletes')) + statSync(path.join(dataDir, 'squad.json')).size
  const backups = uniqueBytes(store.root)
  return [
    { name: `first backup, ${ATHLETES} athletes × ${DAYS} days`, value: first, unit: 'ms' },
    { name: `daily backup, 1 athlete changed (${ATHLETES} athletes)`, value: median(samples), unit: 'ms', target: '≤ 100 ms' },
    { name: `disk of 10 backups ÷ data size`, value: backups / data, unit: '×', target: '≤ 1.2×' },
  ]
}
