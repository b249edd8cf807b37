import { readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BenchResult } from './store.bench'

/**
 * Runs every `bench/*.bench.ts` module's exported `bench…` functions in turn (one at a time, so they do
 * not compete for the two cores), prints a table and writes the results as JSON.
 */
async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'bench/results.json')
  const only = process.env['BENCH_ONLY']
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort()
  const results: (BenchResult & { suite: string })[] = []
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as Record<string, unknown>
    for (const [name, fn] of Object.entries(mod)) {
      if (!name.startsWith('bench') || typeof fn !== 'function') continue
      if (only && !name.toLowerCase().includes(only.toLowerCase())) continue
      process.stderr.write(`running ${file} › ${name}…\n`)
      const started = performance.now()
      const load = os.loadavg()[0]
      try {
        const rows = (await fn()) as BenchResult[]
        for (const r of rows) results.push({ suite: name, load, ...r })
      } catch (error) {
        results.push({ suite: name, name: `FAILED: ${(error as Error).message}`, value: NaN, unit: '' })
      }
      process.stderr.write(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    }
  }
  const width = Math.max(...results.map((r) => r.name.length), 10)
  // Load: the 1-minute load average when the figure was taken (2 cores shared with other jobs: compare with care).
  console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(12)}  unit  ${'load'.padStart(5)}  target`)
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(12)}  ----  -----  ------`)
  for (const r of results) {
    const value = Number.isFinite(r.value) ? (Math.abs(r.value) >= 100 ? r.value.toFixed(0) : r.value.toFixed(2)) : 'n/a'
    console.log(`${r.name.padEnd(width)}  ${value.padStart(12)}  ${r.unit.padEnd(4)}  ${(r.load?.toFixed(2) ?? '').padStart(5)}  ${r.target ?? ''}`)
  }
  const payload = { ranAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), results }
  writeFileSync(out, `${JSON.stringify(payload, null, 2)}\n`)
  console.log(`\nJSON written to ${out}`)
  if (results.some((r) => r.name.startsWith('FAILED'))) process.exitCode = 1
}

void main()
