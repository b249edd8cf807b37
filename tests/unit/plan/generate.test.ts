// The generator's shape on typical, tiny and large requests, and the exercises it picks (issue 5).

import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { generatePlan, PLAN_RULES } from '../../../shared/plan'
import { diagnosis, expectSafe, nonLighter, request, week } from './fixtures'

describe('typical plan (20 → 30 km, 3 runs a week)', () => {
  const req = request({ diagnosis: diagnosis() })
  const plan = generatePlan(req)

  it('is ok, safe, and reaches the target', () => {
    expect(plan.status).toBe('ok')
    expect(plan.referrals).toBeUndefined()
    expect(plan.targetReached).toBe(true)
    expectSafe(plan, req)
  })

  it('settles for two weeks at the comfortable level, with the re-test at the end of week 2', () => {
    expect(week(plan, 1).phase).toBe('settle')
    expect(week(plan, 2).phase).toBe('settle')
    expect(week(plan, 1).plannedKm).toBe(20)
    expect(week(plan, 2).plannedKm).toBe(20)
    expect(week(plan, 1).retestDate).toBeNull()
    expect(week(plan, 2).retestDate).toBe('2026-01-18')
    const gate = week(plan, 2).gate ?? ''
    expect(gate).toContain('2026-01-18')
    expect(gate).toMatch(/ankle range/i)
    expect(gate).toMatch(/hip strength/i)
    expect(gate).toMatch(/5\/10/)
    expect(gate).toMatch(/next morning/)
  })

  it('rebuilds by 10 % with a 25 % lighter week every fourth week', () => {
    expect(week(plan, 3).phase).toBe('rebuild')
    expect(week(plan, 3).plannedKm).toBe(22)
    expect(week(plan, 3).gate).toMatch(/pain limits/)
    expect(week(plan, 4).lighterWeek).toBe(true)
    expect(week(plan, 4).plannedKm).toBe(16.5)
    expect(week(plan, 5).plannedKm).toBe(24.2)
    expect(plan.weeks.filter((w) => w.lighterWeek).map((w) => w.index)).toEqual(
      plan.weeks.filter((w) => w.index % 4 === 0).map((w) => w.index),
    )
  })

  it('ends with at least two weeks held at the target in the return phase', () => {
    const ret = nonLighter(plan).filter((w) => w.phase === 'return')
    expect(ret.length).toBeGreaterThanOrEqual(PLAN_RULES.consolidationWeeks)
    for (const w of ret) expect(w.plannedKm).toBe(30)
    const last = plan.weeks[plan.weeks.length - 1]
    expect(last?.phase).toBe('return')
    const firstReturn = plan.weeks.find((w) => w.phase === 'return')
    expect(firstReturn?.gate).toMatch(/Target reached/)
    // Phases never go backwards in a plan without pain.
    const order = { settle: 0, rebuild: 1, return: 2 }
    plan.weeks.forEach((w, i) => {
      if (i > 0) expect(order[w.phase]).toBeGreaterThanOrEqual(order[plan.weeks[i - 1]!.phase])
    })
  })

  it('plans the set number of runs, one long run that is the longest, on distinct days', () => {
    for (const w of plan.weeks) {
      expect(w.runs).toHaveLength(3)
      expect(w.runs.filter((r) => r.kind === 'long')).toHaveLength(1)
      const long = w.runs.find((r) => r.kind === 'long')!
      expect(Math.max(...w.runs.map((r) => r.km))).toBe(long.km)
      expect(w.longRunKm).toBe(long.km)
      expect(new Set(w.runs.map((r) => r.date)).size).toBe(3)
      for (const r of w.runs) expect(r.date >= w.startDate && r.date <= addDays(w.startDate, 6)).toBe(true)
    }
  })

  it('chooses exercises from the factors, with daily calf and hip-flexor stretching for everyone', () => {
    for (const w of plan.weeks) {
      const ids = w.exercises.map((e) => e.id)
      expect(ids).toEqual(expect.arrayContaining(['calf-stretch-straight-knee', 'calf-stretch-bent-knee', 'hip-flexor-stretch']))
      // hip-abductor-weakness (moderate) brings the lateral-hip work
      expect(ids).toEqual(expect.arrayContaining(['clamshells', 'side-lying-hip-abduction']))
      expect(ids.includes('keep-running-comfortably')).toBe(w.phase === 'settle')
      expect(ids).not.toContain('stop-running-and-get-checked')
      for (const e of w.exercises) expect(e.dose.length).toBeGreaterThan(10)
    }
  })

  it('is deterministic', () => {
    expect(generatePlan(req)).toEqual(plan)
  })

  it('carries the pain rules in plain words', () => {
    const text = plan.painRules.join(' ')
    expect(text).toMatch(/up to 5 out of 10/)
    expect(text).toMatch(/settled by the next/)
    expect(text).toMatch(/Silbernagel/)
  })
})

describe('exercises by factor', () => {
  it('adds heel raises for calf endurance, footwear advice for footwear, and leaves low-likelihood factors out', () => {
    const plan = generatePlan(
      request({
        diagnosis: diagnosis({
          factors: [
            { id: 'calf-endurance-deficit', likelihood: 'high', evidence: ['18 heel raises'] },
            { id: 'footwear', likelihood: 'moderate', evidence: ['heels 5 days a week'] },
            { id: 'gluteus-maximus-inhibition', likelihood: 'low', evidence: ['maybe'] },
          ],
        }),
      }),
    )
    const ids = week(plan, 3).exercises.map((e) => e.id)
    expect(ids).toContain('single-leg-heel-raises')
    expect(ids).toContain('footwear-advice')
    expect(ids).not.toContain('glute-bridge')
    expect(week(plan, 2).gate).toMatch(/heel raises/)
  })

  it('without a diagnosis gives the daily stretches only and says so', () => {
    const plan = generatePlan(request())
    expect(week(plan, 3).exercises.map((e) => e.id)).toEqual([
      'calf-stretch-straight-knee',
      'calf-stretch-bent-knee',
      'hip-flexor-stretch',
    ])
    expect(plan.notes.join(' ')).toMatch(/No assessment/)
  })
})

describe('tiny target (below the current volume)', () => {
  const req = request({ currentWeeklyKm: 12, longestRunLast30DaysKm: 5, targetWeeklyKm: 8, runDaysPerWeek: 2 })
  const plan = generatePlan(req)

  it('settles at the target, skips the rebuild and returns after the gate', () => {
    expectSafe(plan, req)
    expect(plan.weeks.some((w) => w.phase === 'rebuild')).toBe(false)
    expect(week(plan, 1).plannedKm).toBe(8)
    expect(week(plan, 3).phase).toBe('return')
    expect(plan.targetReached).toBe(true)
    for (const w of plan.weeks) expect(w.plannedKm).toBeLessThanOrEqual(8)
    expect(plan.notes.join(' ')).toMatch(/below the current/)
  })

  it('does not switch a runner who was not starting low to walk–run', () => {
    for (const w of plan.weeks) for (const r of w.runs) expect(r.kind).not.toBe('walk-run')
  })
})

describe('large target', () => {
  it('builds 20 → 120 km over 6 days with a 32 km long run, safely, within the cap', () => {
    const req = request({ currentWeeklyKm: 20, targetWeeklyKm: 120, targetLongRunKm: 32, runDaysPerWeek: 6 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.targetReached).toBe(true)
    expect(plan.weeks.length).toBeLessThanOrEqual(52)
    const last = plan.weeks[plan.weeks.length - 1]!
    expect(last.plannedKm).toBe(120)
    expect(last.longRunKm).toBe(32)
    for (const w of plan.weeks) expect(w.longRunKm).toBeLessThanOrEqual(32)
  })

  it('stops at 52 weeks and says so when the target is out of reach', () => {
    // Out of reach even with the walk–run block growth of the first weeks (issue 10 item 7).
    const req = request({ currentWeeklyKm: 5, longestRunLast30DaysKm: 3, targetWeeklyKm: 300, runDaysPerWeek: 3 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.weeks).toHaveLength(52)
    expect(plan.targetReached).toBe(false)
    expect(plan.notes.join(' ')).toMatch(/not reached.*52 weeks/)
    expect(plan.weeks.some((w) => w.phase === 'return')).toBe(false)
  })

  it('honours a smaller maxWeeks', () => {
    const req = request({ targetWeeklyKm: 100, maxWeeks: 10 })
    const plan = generatePlan(req)
    expect(plan.weeks).toHaveLength(10)
    expect(plan.targetReached).toBe(false)
    expectSafe(plan, req)
  })

  it('keeps a long-run target that the weekly target cannot carry and explains it', () => {
    const req = request({ targetWeeklyKm: 30, targetLongRunKm: 25, runDaysPerWeek: 4 })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.notes.join(' ')).toMatch(/long run stops at about 15\.0 km/)
    expect(Math.max(...plan.weeks.map((w) => w.longRunKm))).toBeLessThanOrEqual(15)
  })
})
