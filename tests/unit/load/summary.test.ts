import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeClinicalState } from '../../../shared/clinical'
import { addDays } from '../../../shared/dates'
import { athleteClinicalInput } from '../../../shared/domain/athlete-clinical'
import type { Run } from '../../../shared/domain/run'
import { SUMMARY_WINDOW_DAYS, summariseAthlete, summaryServes } from '../../../shared/domain/summary'
import { sparkline } from '../../../shared/load/chart-data'

const START = '2024-01-01'
const pain = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null })
const run = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  distanceKm: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 40, noNaN: true })),
  painDuring: pain,
  painAfter: pain,
  painNextMorning: pain,
})

function toRuns(raw: { day: number; distanceKm: number; painDuring: number | null; painAfter: number | null; painNextMorning: number | null }[]): Run[] {
  return raw.map((r, i) => ({ id: `run-${i}`, date: addDays(START, r.day), distanceKm: r.distanceKm, painDuring: r.painDuring, painAfter: r.painAfter, painNextMorning: r.painNextMorning, createdAt: 'x', updatedAt: 'x' }))
}

describe('athlete summary', () => {
  it('answers the board like the whole record on its own day and every later day (same clinical state)', () => {
    // A few runs in the months around the summary's day (where a too-short window would show), or many
    // over a longer history; "today" is often within a week of the summary's day.
    const few = fc.array(run.map((r) => ({ ...r, day: 280 + (r.day % 140) })), { maxLength: 6 })
    fc.assert(
      fc.property(fc.oneof(few, fc.array(run, { maxLength: 150 })), fc.integer({ min: 0, max: 6 }), fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), (raw, asOfShift, later) => {
        const runs = toRuns(raw)
        const asOf = addDays(START, 400 + asOfShift)
        const today = addDays(asOf, later)
        const summary = summariseAthlete({ runs, assessments: [] }, asOf, null)
        expect(summaryServes(summary, today)).toBe(true)
        // The clinical state from the summary's digest is the state from the whole record, on any later day.
        expect(computeClinicalState(summary.clinical, today)).toEqual(computeClinicalState(athleteClinicalInput(null, { runs, assessments: [] }, today), today))
        expect(sparkline(summary.recentRuns, today)).toEqual(sparkline(runs, today))
      }),
      { numRuns: Number(process.env['SUMMARY_RUNS'] ?? 300) },
    )
  })

  it('keeps the oldest sparkline week when the summary was made on a Sunday and runs are sparse', () => {
    // The two runs are more than 28 days apart, so only the window (not the "stopped logging" tail) keeps the older one.
    const sunday = '2024-06-09'
    const runs = toRuns([]).concat(
      [-83, -51].map((back, i) => ({ id: `run-s${i}`, date: addDays(sunday, back), distanceKm: 5, createdAt: 'x', updatedAt: 'x' })),
    )
    const summary = summariseAthlete({ runs, assessments: [] }, sunday, null)
    expect(sparkline(summary.recentRuns, sunday)[0]).toEqual({ weekStart: '2024-03-18', km: 5, maxPain: null })
  })

  it('keeps only the window and the activity before the last older run, not the whole history', () => {
    const runs = toRuns(Array.from({ length: 400 }, (_, day) => ({ day, distanceKm: 5, painDuring: 1, painAfter: null, painNextMorning: null })))
    const asOf = addDays(START, 399)
    const summary = summariseAthlete({ runs, assessments: [] }, asOf, null)
    expect(summary.runCount).toBe(400)
    expect(summary.recentRuns[0]!.date).toBe(addDays(asOf, -SUMMARY_WINDOW_DAYS - 28))
    expect(summary.recentRuns.length).toBe(SUMMARY_WINDOW_DAYS + 1 + 28)
    expect(summaryServes(summary, addDays(asOf, -1))).toBe(false)
  })
})
