import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { generateDemoSquad } from '../../../shared/demo/demo-squad'
import { checkPlanSafety } from '../../../shared/plan/index'
import { loggedRunsForPlan, suggestPlanRequest, type DefaultsRun } from '../../../shared/plan/defaults'
import { planVsActual } from '../../../shared/plan/plan-vs-actual'
import { generatePlan, PlanRequest } from '../../../shared/plan/index'

const TODAY = '2026-03-02'

/** `weeks` weeks ending today with runs of `km` on the given day offsets (days before today, mod 7). */
function weekly(weeks: number, km: number[], pain: Partial<DefaultsRun> = {}, end = TODAY): DefaultsRun[] {
  const runs: DefaultsRun[] = []
  for (let d = weeks * 7 - 1; d >= 0; d--) {
    const slot = d % 7
    const v = km[slot]
    if (v) runs.push({ date: addDays(end, -d), distanceKm: v, ...pain })
  }
  return runs
}

describe('suggestPlanRequest', () => {
  it('averages the last 4 weeks, takes the 30-day longest run, the run days and a target from history', () => {
    // 20 weeks at 40 km (10+10+20), then 4 weeks at 20 km (5+5+10).
    const old = weekly(20, [0, 10, 0, 10, 0, 0, 20], {}, addDays(TODAY, -28))
    const recent = weekly(4, [0, 5, 0, 5, 0, 0, 10])
    const s = suggestPlanRequest([...old, ...recent], TODAY)
    expect(s.request.currentWeeklyKm).toBe(20)
    expect(s.request.longestRunLast30DaysKm).toBe(10)
    expect(s.request.runDaysPerWeek).toBe(3)
    expect(s.request.targetWeeklyKm).toBe(40)
    expect(s.request.targetLongRunKm).toBe(20)
    expect(s.request.startDate).toBe(TODAY)
    expect(s.basis.targetWeeklyKm).toMatch(/Best 4-week average/)
    expect(s.fromLog).toBe(true)
  })

  it('leaves out weeks over the pain limits, and falls back to 80 % of the smallest when all are', () => {
    const calm = weekly(4, [0, 5, 0, 5, 0, 0, 10], { painDuring: 1, painNextMorning: 0 })
    // Make the most recent week painful and bigger.
    const painful = [{ date: addDays(TODAY, -1), distanceKm: 12, painDuring: 7, painNextMorning: 4 }]
    const s = suggestPlanRequest([...calm, ...painful], TODAY)
    expect(s.request.currentWeeklyKm).toBe(20)
    expect(s.basis.currentWeeklyKm).toMatch(/1 painful week left out/)

    const allPainful = weekly(4, [0, 5, 0, 5, 0, 0, 10], { painDuring: 6 })
    const t = suggestPlanRequest(allPainful, TODAY)
    expect(t.request.currentWeeklyKm).toBe(16)
    expect(t.basis.currentWeeklyKm).toMatch(/80 %/)
  })

  it('gives safe general defaults without a log and ignores runs after today', () => {
    const s = suggestPlanRequest([{ date: addDays(TODAY, 3), distanceKm: 30 }], TODAY)
    expect(s.fromLog).toBe(false)
    expect(s.request).toMatchObject({ currentWeeklyKm: 10, runDaysPerWeek: 3, targetWeeklyKm: 10 })
    expect(s.request.longestRunLast30DaysKm).toBe(3)
    expect(s.basis.currentWeeklyKm).toMatch(/No runs in the last 4 weeks/)
  })

  it('always suggests a valid request that generates a safe plan, whatever the log (property)', () => {
    const run = fc.record({
      day: fc.integer({ min: 0, max: 200 }),
      km: fc.double({ min: 0.05, max: 60, noNaN: true }),
      pain: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      morning: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(run, { maxLength: 120 }), (rs) => {
        const runs = rs.map((r) => ({ date: addDays(TODAY, -r.day), distanceKm: r.km, painDuring: r.pain, painNextMorning: r.morning }))
        const s = suggestPlanRequest(runs, TODAY)
        expect(PlanRequest.safeParse(s.request).success).toBe(true)
        const request = PlanRequest.parse({ ...s.request, runs: loggedRunsForPlan(runs, TODAY, TODAY) })
        expect(checkPlanSafety(generatePlan(request), request)).toEqual([])
      }),
      { numRuns: 150 },
    )
  })
})

describe('loggedRunsForPlan', () => {
  it('keeps the runs from 30 days before the start up to today, oldest first, with missing pain as null', () => {
    const runs: DefaultsRun[] = [
      { date: addDays(TODAY, 5), distanceKm: 8 },
      { date: TODAY, distanceKm: 6, painDuring: 3 },
      { date: addDays(TODAY, -30), distanceKm: 5 },
      { date: addDays(TODAY, -31), distanceKm: 4 },
      { date: addDays(TODAY, -2), distanceKm: 0 },
    ]
    expect(loggedRunsForPlan(runs, TODAY, TODAY)).toEqual([
      { date: addDays(TODAY, -30), km: 5, painDuring: null, painAfter: null, painNextMorning: null },
      { date: TODAY, km: 6, painDuring: 3, painAfter: null, painNextMorning: null },
    ])
  })
})

describe('planVsActual', () => {
  it('sums logged distance and pain per plan week; weeks not begun have no logged value', () => {
    const plan = generatePlan(PlanRequest.parse({ startDate: TODAY, currentWeeklyKm: 20, longestRunLast30DaysKm: 8, targetWeeklyKm: 30, runDaysPerWeek: 3 }))
    const runs = [
      { date: TODAY, distanceKm: 5, painDuring: 2, painAfter: 4, painNextMorning: 1 },
      { date: addDays(TODAY, 3), distanceKm: 6, painDuring: 1 },
      { date: addDays(TODAY, 8), distanceKm: 7, painDuring: 6 },
      { date: addDays(TODAY, 9), distanceKm: 9, painDuring: 0 }, // after "today": not counted yet
    ]
    const points = planVsActual(plan.weeks, runs, addDays(TODAY, 8))
    expect(points[0]).toMatchObject({ index: 1, plannedKm: 20, loggedKm: 11, loggedRuns: 2, maxPain: 4, avgPain: 2.5, when: 'past' })
    expect(points[1]).toMatchObject({ index: 2, loggedKm: 7, maxPain: 6, when: 'current' })
    expect(points[2]).toMatchObject({ loggedKm: null, loggedRuns: 0, maxPain: null, when: 'future' })
    expect(points).toHaveLength(plan.weeks.length)
  })
})

describe('demo plans', () => {
  const today = new Date('2026-05-20T10:00:00Z')
  const squad = generateDemoSquad(today)
  const story = (i: number) => squad.athletes[i]!

  it('gives green and amber demo athletes a safe plan in progress, with the first version as history', () => {
    const withPlans = squad.athletes.filter((a) => a.plans.length > 0)
    expect(withPlans.length).toBeGreaterThanOrEqual(5)
    for (const a of withPlans) {
      expect(a.plans).toHaveLength(2)
      const [first, active] = a.plans as [(typeof a.plans)[number], (typeof a.plans)[number]]
      expect(first.active).toBe(false)
      expect(active.active).toBe(true)
      expect(active.output.status).toBe('ok')
      expect(active.output.keptWeeks).toBeGreaterThan(0)
      expect(active.output.weeks.slice(0, active.output.keptWeeks)).toEqual(first.output.weeks.slice(0, active.output.keptWeeks))
      expect(active.request.runs?.length).toBeGreaterThan(0)
      expect(checkPlanSafety(active.output, active.request)).toEqual([])
      expect(PlanRequest.safeParse(active.request).success).toBe(true)
    }
  })

  it('gives no plan to the red-flag and stopped-logging stories, and an amber hold to the amber one', () => {
    expect(story(2).plans).toEqual([]) // red-flag
    expect(story(4).plans).toEqual([]) // stopped-logging
    const amber = story(3).plans.find((p) => p.active)
    expect(amber?.request.diagnosis?.triage).toBe('amber')
    expect(amber?.output.awaitingReferralClearance).toBe(true)
  })

  it('is deterministic', () => {
    expect(generateDemoSquad(today).athletes.map((a) => a.plans)).toEqual(squad.athletes.map((a) => a.plans))
  })
})
