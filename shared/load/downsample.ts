// Shape-keeping reduction of long series for charts (recharts slows down badly with many points).
// Re-exported from chart-data.ts.

/**
 * Reduces a series to at most `maxPoints` points while keeping its shape: the first and last points
 * are always kept, and the rest is split into equal buckets that each keep their minimum and maximum
 * `value` (in original order). The global minimum and maximum therefore always survive.
 */
export function downsample<T>(points: readonly T[], maxPoints: number, value: (p: T) => number): T[] {
  const limit = Math.trunc(maxPoints)
  if (points.length <= limit) return [...points]
  if (limit <= 0) return []
  if (limit === 1) {
    // One point: the one with the largest absolute value is the most telling.
    let best = 0
    points.forEach((p, i) => {
      if (Math.abs(value(p)) > Math.abs(value(points[best] as T))) best = i
    })
    return [points[best] as T]
  }
  if (limit < 4) {
    let lo = 0
    let hi = 0
    points.forEach((p, i) => {
      if (value(p) < value(points[lo] as T)) lo = i
      if (value(p) > value(points[hi] as T)) hi = i
    })
    const keep = new Set([lo, hi])
    for (const edge of [0, points.length - 1]) if (keep.size < limit) keep.add(edge)
    return [...keep].sort((a, b) => a - b).map((i) => points[i] as T)
  }
  const first = 0
  const last = points.length - 1
  const inner = last - first - 1
  const bucketCount = Math.floor((limit - 2) / 2)
  const keep: number[] = [first]
  for (let b = 0; b < bucketCount; b++) {
    const from = first + 1 + Math.floor((b * inner) / bucketCount)
    const to = first + 1 + Math.floor(((b + 1) * inner) / bucketCount)
    if (from >= to) continue
    let lo = from
    let hi = from
    for (let i = from; i < to; i++) {
      const v = value(points[i] as T)
      if (v < value(points[lo] as T)) lo = i
      if (v > value(points[hi] as T)) hi = i
    }
    if (lo === hi) keep.push(lo)
    else keep.push(Math.min(lo, hi), Math.max(lo, hi))
  }
  keep.push(last)
  return keep.map((i) => points[i] as T)
}
