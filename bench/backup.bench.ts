import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { BackupStore } from '../electron/services/store/backups'
import { nodeFileOps } from '../electron/services/store/file-ops'
import { WriteCoordinator } from '../electron/services/store/write-coordinator'
import type { BenchResult } from './store.bench'
import { mainThreadCpuMs, median } from './timing'
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
  // The daily backup as the app takes it: alongside saves (a coordinator nobody else holds here).
  const writes = new WriteCoordinator()
  const samples: number[] = []
  const busy: number[] = []
  const cpu: number[] = []
  let longestStall = 0
  for (let i = 0; i < 10; i++) {
    const file = path.join(dataDir, 'athletes', `ath-bench-${String(i).padStart(3, '0')}.json`)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { runs: { notes?: string }[] }
    doc.runs[0] = { ...doc.runs[0], notes: `changed ${i}` }
    await nodeFileOps.writeAtomic(file, JSON.stringify(doc))
    // Main-process blocking: the time the event loop was busy (not waiting on the disk) during the backup.
    const stalls = monitorEventLoopDelay({ resolution: 10 })
    stalls.enable()
    const loop = performance.eventLoopUtilization()
    const cpu0 = mainThreadCpuMs()
    const t = performance.now()
    await store.create('auto', writes)
    samples.push(performance.now() - t)
    cpu.push(mainThreadCpuMs() - cpu0)
    busy.push(performance.eventLoopUtilization(loop).active)
    stalls.disable()
    longestStall = Math.max(longestStall, stalls.max / 1e6)
  }
  const data = uniqueBytes(path.join(dataDir, 'athletes')) + statSync(path.join(dataDir, 'squad.json')).size
  const backups = uniqueBytes(store.root)
  return [
    { name: `first backup, ${ATHLETES} athletes × ${DAYS} days`, value: first, unit: 'ms' },
    { name: `daily backup, 1 athlete changed (${ATHLETES} athletes), wall time in the background`, value: median(samples), unit: 'ms' },
    { name: `daily backup, 1 athlete changed: main-process busy time`, value: median(busy), unit: 'ms', target: '≤ 100 ms' },
    { name: `daily backup, 1 athlete changed: main-thread CPU time (the stat-and-link pass runs in a worker)`, value: median(cpu), unit: 'ms' },
    { name: `daily backup: longest single main-process stall`, value: longestStall, unit: 'ms' },
    { name: `disk of 10 backups ÷ data size`, value: backups / data, unit: '×', target: '≤ 1.2×' },
  ]
}
