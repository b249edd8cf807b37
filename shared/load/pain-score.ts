// Which pain score a chart or estimate reads from a logged run.

import type { PainLogEntry } from './pain-monitoring'

/** Which pain score the weekly pain lines use. 'worst' = the highest of during/after/next morning. */
export type PainMeasure = 'during' | 'after' | 'nextMorning' | 'worst'

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

export function painScore(run: PainLogEntry, measure: PainMeasure): number | null {
  switch (measure) {
    case 'during':
      return ok(run.painDuring) ? run.painDuring : null
    case 'after':
      return ok(run.painAfter) ? run.painAfter : null
    case 'nextMorning':
      return ok(run.painNextMorning) ? run.painNextMorning : null
    case 'worst': {
      // Without an array per run: the board's sparkline reads this for every run of 12 weeks of every athlete.
      const worst = Math.max(
        ok(run.painDuring) ? run.painDuring : -Infinity,
        ok(run.painAfter) ? run.painAfter : -Infinity,
        ok(run.painNextMorning) ? run.painNextMorning : -Infinity,
      )
      return worst === -Infinity ? null : worst
    }
  }
}
