import { describe, expect, it } from 'vitest'
import { parsePlanRequest, PlanRequest, type PlanRequestInput } from '../../../shared/plan'
import { AMBER, TYPICAL } from './fixtures'

function errors(input: unknown): string[] {
  const r = parsePlanRequest(input)
  if (r.ok) throw new Error('expected the request to be rejected')
  return r.errors
}

function errorFor(input: unknown, field: string): string {
  const line = errors(input).find((e) => e.startsWith(`${field}: `))
  if (!line) throw new Error(`no error for ${field}: ${JSON.stringify(errors(input))}`)
  return line
}

describe('PlanRequest accepts', () => {
  it('the minimal contract input', () => {
    expect(parsePlanRequest(TYPICAL)).toEqual({ ok: true, value: TYPICAL })
  })

  it('the full contract input plus the app-side fields, with null pain scores', () => {
    const full: PlanRequestInput = {
      ...TYPICAL,
      targetLongRunKm: 12,
      diagnosis: AMBER,
      runs: [
        { date: '2026-01-06', km: 5, painDuring: 3, painNextMorning: 1 },
        { date: '2026-01-08', km: 0, painDuring: null, painAfter: null, painNextMorning: null },
      ],
      today: '2026-01-10',
      referralClearedOn: '2026-01-09',
      retests: [{ date: '2026-01-18', ankleRangeImproved: true, hipStrengthImproved: false, note: 'KTW 8 → 9.5 cm' }],
      maxWeeks: 30,
      settleWeeks: 3,
      lighterWeekEvery: 3,
    }
    expect(parsePlanRequest(full).ok).toBe(true)
  })
})

describe('PlanRequest rejects, naming the field', () => {
  it('a missing required field', () => {
    const { startDate: _omit, ...rest } = TYPICAL
    expect(errorFor(rest, 'startDate')).toMatch(/expected string|required/)
    const { targetWeeklyKm: _t, ...noTarget } = TYPICAL
    expect(errorFor(noTarget, 'targetWeeklyKm')).toMatch(/is required/)
  })

  it('an impossible date', () => {
    expect(errorFor({ ...TYPICAL, startDate: '2026-02-30' }, 'startDate')).toMatch(/real calendar date/)
    expect(errorFor({ ...TYPICAL, today: '5 Jan' }, 'today')).toMatch(/YYYY-MM-DD/)
  })

  it('run days outside 1–7 or not whole', () => {
    expect(errorFor({ ...TYPICAL, runDaysPerWeek: 0 }, 'runDaysPerWeek')).toMatch(/at least 1/)
    expect(errorFor({ ...TYPICAL, runDaysPerWeek: 8 }, 'runDaysPerWeek')).toMatch(/at most 7/)
    expect(errorFor({ ...TYPICAL, runDaysPerWeek: 2.5 }, 'runDaysPerWeek')).toMatch(/whole number/)
  })

  it('distances out of range or of the wrong type', () => {
    expect(errorFor({ ...TYPICAL, currentWeeklyKm: -3 }, 'currentWeeklyKm')).toMatch(/at least 1 km/)
    expect(errorFor({ ...TYPICAL, currentWeeklyKm: '20' }, 'currentWeeklyKm')).toMatch(/number of kilometres/)
    expect(errorFor({ ...TYPICAL, longestRunLast30DaysKm: 0.5 }, 'longestRunLast30DaysKm')).toMatch(/at least 1 km/)
    expect(errorFor({ ...TYPICAL, targetWeeklyKm: 1000 }, 'targetWeeklyKm')).toMatch(/at most 300 km/)
  })

  it('too many run days for the volume, and a long run above the weekly target', () => {
    expect(errorFor({ ...TYPICAL, currentWeeklyKm: 2, runDaysPerWeek: 6 }, 'runDaysPerWeek')).toMatch(/use at most 4/)
    expect(errorFor({ ...TYPICAL, targetWeeklyKm: 2, runDaysPerWeek: 6 }, 'targetWeeklyKm')).toMatch(/at least 3 km/)
    expect(errorFor({ ...TYPICAL, targetLongRunKm: 31 }, 'targetLongRunKm')).toMatch(/not be more than the target weekly/)
  })

  it('unknown fields, at the top and inside runs', () => {
    expect(errorFor({ ...TYPICAL, targetKm: 30 }, 'targetKm')).toMatch(/unknown field "targetKm"/)
    expect(errorFor({ ...TYPICAL, runs: [{ date: '2026-01-06', km: 5, pace: 6 }] }, 'runs[0].pace')).toMatch(/unknown field/)
  })

  it('a bad entry deep in runs, re-tests and the diagnosis', () => {
    const runs = [
      { date: '2026-01-06', km: 5 },
      { date: '2026-01-07', km: 5, painDuring: 11 },
    ]
    expect(errorFor({ ...TYPICAL, runs }, 'runs[1].painDuring')).toMatch(/at most 10/)
    expect(errorFor({ ...TYPICAL, runs: [{ date: '2026-01-06', km: -1 }] }, 'runs[0].km')).toMatch(/at least 0 km/)
    expect(errorFor({ ...TYPICAL, retests: [{ date: '2026-01-18', ankleRangeImproved: 'yes', hipStrengthImproved: true }] }, 'retests[0].ankleRangeImproved')).toMatch(/true or false/)
    expect(errorFor({ ...TYPICAL, diagnosis: { ...AMBER, triage: 'purple' } }, 'diagnosis.triage')).toBeTruthy()
  })

  it('out-of-range app-side options', () => {
    expect(errorFor({ ...TYPICAL, maxWeeks: 53 }, 'maxWeeks')).toMatch(/at most 52/)
    expect(errorFor({ ...TYPICAL, lighterWeekEvery: 5 }, 'lighterWeekEvery')).toMatch(/at most 4/)
    expect(errorFor({ ...TYPICAL, settleWeeks: 1 }, 'settleWeeks')).toMatch(/at least 2/)
  })

  it('something that is not an object', () => {
    expect(errors(null)).toEqual(['(plan request): the plan request must be a JSON object'])
    expect(errors([1, 2])[0]).toMatch(/must be a JSON object/)
  })

  it('the zod schema itself rejects the same input (as the IPC layer uses it)', () => {
    expect(PlanRequest.safeParse({ ...TYPICAL, runDaysPerWeek: 9 }).success).toBe(false)
  })
})
