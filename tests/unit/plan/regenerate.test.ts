// Regenerating a plan keeps the weeks already begun and adapts the rest (issue 5).

import { describe, expect, it } from 'vitest'
import { generatePlan, regeneratePlan } from '../../../shared/plan'
import { clone, expectSafe, RED, request, week } from './fixtures'

describe('regeneration', () => {
  const first = generatePlan(request({ today: '2026-01-05' }))

  it('keeps the weeks already begun unchanged and adapts the rest to new logs', () => {
    const req = request({
      today: '2026-02-11',
      runs: [{ date: '2026-02-10', km: 8, painDuring: 7, painNextMorning: 1 }],
    })
    const plan = regeneratePlan(first, req)
    expectSafe(plan, req)
    expect(plan.keptWeeks).toBe(6)
    expect(plan.weeks.slice(0, 6)).toEqual(first.weeks.slice(0, 6))
    expect(week(first, 7).plannedKm).toBeGreaterThan(week(first, 6).plannedKm)
    expect(week(plan, 7).plannedKm).toBe(week(plan, 6).plannedKm)
    expect(plan.adaptations.find((a) => a.weekIndex === 7)?.action).toBe('hold')
  })

  it('keeps the past even when the targets change', () => {
    const req = request({ today: '2026-01-28', targetWeeklyKm: 24, runDaysPerWeek: 4 })
    const plan = regeneratePlan(first, req)
    expectSafe(plan, req)
    expect(plan.weeks.slice(0, 4)).toEqual(first.weeks.slice(0, 4))
    for (const w of plan.weeks.slice(4)) {
      expect(w.runs).toHaveLength(4)
      expect(w.plannedKm).toBeLessThanOrEqual(24)
    }
    expect(plan.targetReached).toBe(true)
  })

  it('keeps the original start date', () => {
    const plan = regeneratePlan(first, request({ startDate: '2026-01-12', today: '2026-01-13' }))
    expect(plan.weeks[0]?.startDate).toBe('2026-01-05')
    expect(plan.weeks.slice(0, 2)).toEqual(first.weeks.slice(0, 2))
    expect(plan.notes.join(' ')).toMatch(/original start date/)
  })

  it('keeps nothing without a today, and regenerating an unchanged request changes nothing', () => {
    const none = regeneratePlan(first, request())
    expect(none.keptWeeks).toBe(0)
    const same = regeneratePlan(first, request({ today: '2026-01-05' }))
    expect(same.weeks).toEqual(first.weeks)
  })

  it('a regenerated plan can itself be regenerated', () => {
    const mid = regeneratePlan(first, request({ today: '2026-01-20' }))
    const later = regeneratePlan(mid, request({ today: '2026-02-20' }))
    expect(later.weeks.slice(0, 7)).toEqual(mid.weeks.slice(0, 7))
    expect(later.keptWeeks).toBe(7)
  })

  it('a red diagnosis on regeneration refers first', () => {
    const plan = regeneratePlan(first, request({ today: '2026-02-01', diagnosis: RED }))
    expect(plan.status).toBe('refer-first')
    expect(plan.weeks).toEqual([])
  })

  it('does not mutate the previous plan', () => {
    const before = clone(first)
    regeneratePlan(first, request({ today: '2026-02-11', runs: [{ date: '2026-02-10', km: 8, painDuring: 9 }] }))
    expect(first).toEqual(before)
  })
})
