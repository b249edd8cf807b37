import { readFileSync } from 'node:fs'

/** Shared timing helpers for the benchmarks: medians of repeated synchronous calls after a warm-up. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** The p-th percentile of unsorted samples (the sample at that rank, no interpolation). */
export function percentileOf(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

/** Median milliseconds per call of `fn` over `repeats` runs, after `warmUp` untimed calls. */
export function medianMs(fn: () => unknown, repeats: number, warmUp = 1): number {
  for (let i = 0; i < warmUp; i++) fn()
  const samples: number[] = []
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

/**
 * CPU time of this process's main thread so far, in ms (Linux: /proc schedstat; NaN elsewhere). Unlike the
 * event loop's busy time it does not count the time the thread waited for a core, so on a loaded machine
 * it is the figure to compare; a worker thread's time is not in it.
 */
export function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
  } catch {
    return Number.NaN
  }
}
