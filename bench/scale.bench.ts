// Issue 15's table: what a coach waits for at 200 athletes × 3 years and 1000 × 10 (2000 × 10 with
// BENCH_SCALE_2000=1), each figure next to its goal. Each size runs in its own process (scale-worker.ts)
// so the memory figure is that of one app's main process. 1000 × 10 writes ~1.5 GB of fixtures into
// .tmp/bench-fixtures the first time (minutes), then reuses them.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import type { BenchResult } from './store.bench'

const OUT_DIR = path.resolve(process.env['CALFCOACH_OUT_DIR'] ?? 'out')

function sizes(): [number, number][] {
  const only = process.env['BENCH_SCALE_SIZES']
  if (only) return only.split(',').map((s) => s.split('x').map(Number) as [number, number])
  return [[200, 3], [1000, 10], ...(process.env['BENCH_SCALE_2000'] ? ([[2000, 10]] as [number, number][]) : [])]
}

/** Gzipped bytes of the JavaScript the first screen loads: the entry and the chunks index.html preloads. */
function firstScreenGzipKb(): number {
  const index = path.join(OUT_DIR, 'renderer', 'index.html')
  if (!existsSync(index)) return NaN
  const html = readFileSync(index, 'utf8')
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!)
  let bytes = 0
  for (const src of new Set(scripts)) bytes += gzipSync(readFileSync(path.join(OUT_DIR, 'renderer', src.replace(/^\.?\//, '')))).length
  return bytes / 1024
}

export async function benchScale(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [{ name: 'renderer JS for the first screen, gzip', value: firstScreenGzipKb(), unit: 'KB', target: '≤ 200 KB', load: os.loadavg()[0] }]
  const tsx = path.resolve('node_modules', '.bin', 'tsx')
  for (const [athletes, years] of sizes()) {
    process.stderr.write(`  ${athletes} athletes × ${years} years…\n`)
    const out = execFileSync(tsx, [path.join(__dirname, 'scale-worker.ts'), String(athletes), String(years)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
    rows.push(...(JSON.parse(out.trim().split('\n').at(-1)!) as BenchResult[]))
  }
  return rows
}
