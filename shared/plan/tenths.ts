// Distances in whole tenths of a kilometre, so that rounding can never push a week or a run past a limit.

/** Slack for floating-point comparisons against the limits. */
export const EPS = 1e-7

/** Kilometres to whole tenths, rounding down (never above the given distance). */
export function tenthsDown(km: number): number {
  return Math.floor(km * 10 + 1e-9)
}

export function kmOf(tenths: number): number {
  return tenths / 10
}

export function fmtKm(tenths: number): string {
  return (tenths / 10).toFixed(1)
}
