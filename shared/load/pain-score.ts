// Which pain score a chart or estimate reads from a logged run.

import type { PainLogEntry } from './pain-monitoring'

/** Which pain score the weekly pain lines use. 'worst' = the highest of during/after/next morning. */
export type PainMeasure = 'during' | 'after' | 'nextMorning' | 'worst'

export function painScore(run: PainLogEntry, measure: PainMeasure): number | null {
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)
  switch (measure) {
    case 'during':
      return ok(run.painDuring) ? run.painDuring : null
    case 'after':
      return ok(run.painAfter) ? run.painAfter : null
    case 'nextMorning':
      return ok(run.painNextMorning) ? run.painNextMorning : null
    case 'worst': {
      const values = [run.painDuring, run.painAfter, run.painNextMorning].filter(ok)
      return values.length ? Math.max(...values) : null
    }
  }
}
