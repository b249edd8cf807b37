// How each week's sessions are built: walk–run for low starts (and how a tiny base grows), the single-run
// rule, and the number of run days (issue 5; issue 10 item 7).

import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { generatePlan } from '../../../shared/plan'
import { diagnosis, expectSafe, request, week } from './fixtures'

describe('walk–run start', () => {
  it('starts a very low volume with walk–run sessions and moves to continuous running past 10 km', () => {
    const req = request({ startDate: '2026-01-07', currentWeeklyKm: 4, longestRunLast30DaysKm: 2, targetWeeklyKm: 20 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    const w1 = week(plan, 1)
    expect(w1.runs.every((r) => r.kind === 'walk-run')).toBe(true)
    expect(w1.runs[0]?.detail).toMatch(/walk 2 min, run 3 min/)
    for (const w of plan.weeks) {
      const ref = w.lighterWeek ? null : w.plannedKm
      if (ref !== null && ref < 10) expect(w.runs.every((r) => r.kind === 'walk-run')).toBe(true)
    }
    const last = plan.weeks[plan.weeks.length - 1]!
    expect(last.runs.some((r) => r.kind === 'long')).toBe(true)
    expect(plan.notes.join(' ')).toMatch(/walk–run/)
  })

  it('a tiny base grows in walk–run minutes: 1 km a week reaches 5 km a week within 12 weeks, safely (issue 10 item 7)', () => {
    const req = request({ currentWeeklyKm: 1, longestRunLast30DaysKm: 1, targetWeeklyKm: 10, runDaysPerWeek: 2 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    const first12 = plan.weeks.slice(0, 12)
    expect(Math.max(...first12.map((w) => w.plannedKm))).toBeGreaterThanOrEqual(5)
    // Each non-lighter week adds at most one 5-minute block (0.5 km) per session and at most half as much again
    // (C5 ladder step), or 10 % where that is more.
    let ref = 1
    for (const w of first12.filter((x) => !x.lighterWeek)) {
      expect(w.plannedKm).toBeLessThanOrEqual(Math.max(ref * 1.1, Math.min(ref + 0.5 * 2, ref * 1.5)) + 1e-9)
      ref = w.plannedKm
    }
    // The sessions say how long to walk–run, in minutes (about 10 min a km).
    for (const r of first12.flatMap((w) => w.runs.filter((x) => x.kind === 'walk-run'))) {
      expect(r.detail).toMatch(new RegExp(`about ${Math.round(r.km * 10)} min \\(about ${r.km.toFixed(1)} km\\)`))
    }
    expect(plan.notes.join(' ')).toMatch(/one 5-minute block/)
  })

  it('without the walk–run allowance the same runner would crawl at 10 % (the guard this test depends on)', () => {
    // A return after a stop keeps its path's 10 % limit: from the ladder's first rung the weeks rise by 10 % at most.
    const req = request({
      currentWeeklyKm: 1,
      longestRunLast30DaysKm: 1,
      targetWeeklyKm: 10,
      runDaysPerWeek: 2,
      diagnosis: diagnosis({ triage: 'amber', referrals: [{ id: 'suspected-stress-fracture', urgency: 'before-progressing', because: ['hop'] }] }),
      clearances: [{ referralId: 'suspected-stress-fracture', date: '2026-01-02', outcome: 'cleared' }],
    })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.returnToRun).toBeDefined()
    let ref = 1
    for (const w of plan.weeks.filter((x) => !x.lighterWeek)) {
      expect(w.plannedKm).toBeLessThanOrEqual(ref * 1.1 + 1e-9)
      ref = w.plannedKm
    }
  })

  it('uses walk–run when only the longest recent run is short', () => {
    const req = request({ currentWeeklyKm: 12, longestRunLast30DaysKm: 2.5, runDaysPerWeek: 5 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(plan, 1).runs.every((r) => r.kind === 'walk-run')).toBe(true)
    for (const r of week(plan, 1).runs) expect(r.km).toBeLessThanOrEqual(2.75)
  })
})

describe('single-run rule', () => {
  it('keeps every run within 110 % of the longest run of the previous 30 days, and notes when it limits the week', () => {
    const req = request({ currentWeeklyKm: 30, longestRunLast30DaysKm: 4, targetWeeklyKm: 40, runDaysPerWeek: 3 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(plan, 1).longRunKm).toBe(4.4)
    expect(week(plan, 1).plannedKm).toBeLessThan(30)
    expect(plan.notes.join(' ')).toMatch(/10 % longer than the longest run/)
  })

  it('counts logged runs as well as planned ones', () => {
    const base = request({ currentWeeklyKm: 30, longestRunLast30DaysKm: 4, targetWeeklyKm: 40 })
    const logged = request({
      currentWeeklyKm: 30,
      longestRunLast30DaysKm: 4,
      targetWeeklyKm: 40,
      runs: [{ date: '2026-01-03', km: 10 }],
    })
    const p = generatePlan(logged)
    expect(week(p, 1).longRunKm).toBeGreaterThan(week(generatePlan(base), 1).longRunKm)
    expect(week(p, 1).longRunKm).toBeLessThanOrEqual(11)
    expectSafe(p, logged)
  })
})

describe('run days', () => {
  it('one run a week: a single easy run, never a long one', () => {
    const req = request({ runDaysPerWeek: 1, currentWeeklyKm: 8, longestRunLast30DaysKm: 8, targetWeeklyKm: 12 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    for (const w of plan.weeks) {
      expect(w.runs).toHaveLength(1)
      expect(w.runs[0]?.kind).not.toBe('long')
    }
  })

  it('seven runs a week: one every day', () => {
    const req = request({ runDaysPerWeek: 7, currentWeeklyKm: 35, longestRunLast30DaysKm: 10, targetWeeklyKm: 50 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    for (const w of plan.weeks) expect(w.runs.map((r) => r.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => addDays(w.startDate, d)))
  })

  it('a 2:1 cycle puts a lighter week every third week', () => {
    const req = request({ lighterWeekEvery: 3 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.weeks.filter((w) => w.lighterWeek).map((w) => w.index)).toEqual(
      plan.weeks.filter((w) => w.index % 3 === 0).map((w) => w.index),
    )
  })
})
