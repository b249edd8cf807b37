/** Shared timing helpers for the benchmarks: medians of repeated synchronous calls after a warm-up. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
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
