// Logged pain adapts the weeks that follow (pain-monitoring model, clinical-and-peers.md C1).

import { describe, expect, it } from 'vitest'
import { generatePlan, PLAN_RULES } from '../../../shared/plan'
import { expectSafe, request, week } from './fixtures'

describe('logged-pain adaptation', () => {
  // Week 6 of TYPICAL runs 2026-02-09 … 2026-02-15 and plans 26.6 km; week 7 would rise to 29.2 km.
  const clean = generatePlan(request())

  it('good weeks progress exactly as planned', () => {
    const good = request({
      runs: [
        { date: '2026-02-10', km: 8, painDuring: 3, painAfter: 2, painNextMorning: 1 },
        { date: '2026-02-12', km: 8, painDuring: 4, painAfter: 3, painNextMorning: 2 },
        { date: '2026-02-15', km: 10.5, painDuring: 2, painAfter: 2, painNextMorning: 0 },
      ],
    })
    const plan = generatePlan(good)
    expect(plan.adaptations).toEqual([])
    expect(plan.weeks.map((w) => w.plannedKm)).toEqual(clean.weeks.map((w) => w.plannedKm))
    expect(week(plan, 7).plannedKm).toBeGreaterThan(week(plan, 6).plannedKm)
  })

  it('pain during above 5/10 → the next week holds instead of rising', () => {
    const req = request({ runs: [{ date: '2026-02-12', km: 8, painDuring: 6, painAfter: 2, painNextMorning: 1 }] })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(clean, 7).plannedKm).toBeGreaterThan(week(clean, 6).plannedKm)
    expect(week(plan, 7).plannedKm).toBe(week(plan, 6).plannedKm)
    const a = plan.adaptations.find((x) => x.weekIndex === 7)
    expect(a).toMatchObject({ action: 'hold', flags: ['pain-during-above-limit'] })
    expect(a?.because).toMatch(/week 6/)
    expect(a?.because).toMatch(/6\/10 on 2026-02-12/)
    expect(week(plan, 7).focus).toMatch(/Repeat/)
  })

  it('next-morning pain not settled → the next week steps back', () => {
    const req = request({ runs: [{ date: '2026-02-10', km: 8, painDuring: 3, painAfter: 3, painNextMorning: 4 }] })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(plan, 7).plannedKm).toBeLessThan(week(plan, 6).plannedKm)
    expect(week(plan, 7).plannedKm).toBeCloseTo(week(plan, 6).plannedKm * PLAN_RULES.stepBackTo, 0)
    expect(plan.adaptations.find((x) => x.weekIndex === 7)).toMatchObject({
      action: 'step-back',
      flags: ['next-morning-not-settled'],
    })
    // then it builds again from the lower level, never more than 10 % a week
    expect(week(plan, 9).plannedKm).toBeLessThanOrEqual(week(plan, 7).plannedKm * 1.1 + 1e-9)
  })

  it('morning pain rising week on week → hold', () => {
    const req = request({
      runs: [
        { date: '2026-02-03', km: 7, painNextMorning: 0 },
        { date: '2026-02-10', km: 8, painNextMorning: 2 },
      ],
    })
    const plan = generatePlan(req)
    expect(plan.adaptations.find((x) => x.weekIndex === 7)).toMatchObject({ action: 'hold', flags: ['morning-pain-rising'] })
  })

  it('pain before a lighter week is recorded against the lighter week', () => {
    const req = request({ runs: [{ date: '2026-01-21', km: 6, painDuring: 7 }] })
    const plan = generatePlan(req)
    expect(week(plan, 4).lighterWeek).toBe(true)
    expect(plan.adaptations.find((x) => x.weekIndex === 4)?.action).toBe('lighter-week')
  })

  it('works on plan weeks that do not start on a Monday', () => {
    // Plan starts on a Wednesday: week 6 runs 2026-02-11 … 2026-02-17.
    const req = request({ startDate: '2026-01-07', runs: [{ date: '2026-02-17', km: 8, painDuring: 8 }] })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    const a = plan.adaptations.find((x) => x.weekIndex === 7)
    expect(a?.action).toBe('hold')
    expect(a?.because).toContain('8/10 on 2026-02-17')
    expect(week(plan, 7).plannedKm).toBe(week(plan, 6).plannedKm)
  })
})
