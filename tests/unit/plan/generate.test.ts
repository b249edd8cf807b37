import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import {
  checkPlanSafety,
  generatePlan,
  PLAN_RULES,
  PlanOutput,
  regeneratePlan,
  type PlanOutput as PlanOutputT,
  type PlanRequest,
} from '../../../shared/plan'
import { AMBER, clone, diagnosis, nonLighter, RED, request, week } from './fixtures'

function expectSafe(plan: PlanOutputT, req: PlanRequest) {
  expect(checkPlanSafety(plan, req)).toEqual([])
  expect(() => PlanOutput.parse(plan)).not.toThrow()
}

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
    const req = request({ currentWeeklyKm: 5, longestRunLast30DaysKm: 3, targetWeeklyKm: 300, runDaysPerWeek: 7 })
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

describe('red triage', () => {
  it('refers first: no running weeks, the referrals with their reasons', () => {
    const req = request({ diagnosis: RED })
    const plan = generatePlan(req)
    expect(plan.status).toBe('refer-first')
    expect(plan.weeks).toEqual([])
    expect(plan.referrals).toEqual(RED.referrals)
    expect(plan.referrals?.[0]?.because[0]).toMatch(/swollen/)
    expectSafe(plan, req)
  })
})

describe('amber triage', () => {
  it('holds in settle, without any increase, until the referral is cleared', () => {
    const req = request({ diagnosis: AMBER, today: '2026-01-20' })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.status).toBe('ok')
    expect(plan.awaitingReferralClearance).toBe(true)
    expect(plan.targetReached).toBe(false)
    expect(plan.weeks.length).toBeGreaterThanOrEqual(4)
    for (const w of plan.weeks) {
      expect(w.phase).toBe('settle')
      expect(w.retestDate).toBeNull()
      expect(w.gate).toMatch(/suspected achilles tendinopathy/)
      expect(w.exercises.map((e) => e.id)).toContain('hold-progression-until-seen')
    }
    expect(new Set(nonLighter(plan).map((w) => w.plannedKm))).toEqual(new Set([20]))
    expect(plan.adaptations.some((a) => a.action === 'referral-hold')).toBe(true)
  })

  it('releases after the clearance date: re-test after clearance, then rebuild', () => {
    const req = request({ diagnosis: AMBER, today: '2026-01-20', referralClearedOn: '2026-01-28' })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.awaitingReferralClearance).toBe(false)
    expect(plan.targetReached).toBe(true)
    const retest = plan.weeks.find((w) => w.retestDate !== null)!
    expect(retest.retestDate! >= '2026-01-28').toBe(true)
    const firstRebuild = plan.weeks.find((w) => w.phase !== 'settle')!
    expect(firstRebuild.startDate > '2026-01-28').toBe(true)
    for (const w of plan.weeks) if (addDays(w.startDate, 6) < '2026-01-28') expect(w.phase).toBe('settle')
    // After clearance the hold advice goes and the referral-specific work appears.
    expect(firstRebuild.exercises.map((e) => e.id)).not.toContain('hold-progression-until-seen')
    expect(firstRebuild.exercises.map((e) => e.id)).toContain('eccentric-heel-drops')
  })
})

describe('settle gate', () => {
  it('a failed re-test keeps the runner in settle and re-tests the next week', () => {
    const req = request({ today: '2026-01-21', retests: [{ date: '2026-01-18', ankleRangeImproved: false, hipStrengthImproved: true }] })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(plan, 3).phase).toBe('settle')
    expect(week(plan, 3).plannedKm).toBe(20)
    expect(week(plan, 3).retestDate).toBe('2026-01-25')
    expect(week(plan, 4).phase).not.toBe('settle')
    const a = plan.adaptations.find((x) => x.weekIndex === 3)
    expect(a?.action).toBe('settle-extended')
    expect(a?.because).toMatch(/ankle range/)
  })

  it('a passed re-test moves on to the rebuild', () => {
    const req = request({ today: '2026-01-21', retests: [{ date: '2026-01-18', ankleRangeImproved: true, hipStrengthImproved: true }] })
    const plan = generatePlan(req)
    expect(week(plan, 3).phase).toBe('rebuild')
    expect(plan.adaptations).toEqual([])
  })

  it('a re-test that is past and unrecorded does not count as passed', () => {
    const req = request({ today: '2026-01-21', retests: [] })
    const plan = generatePlan(req)
    expect(week(plan, 3).phase).toBe('settle')
    expect(plan.adaptations[0]?.because).toMatch(/no re-test result was recorded/)
  })

  it('pain outside the limits in the re-test week fails the gate', () => {
    const req = request({ runs: [{ date: '2026-01-17', km: 8, painDuring: 7, painNextMorning: 1 }] })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(plan, 3).phase).toBe('settle')
    expect(plan.adaptations.find((a) => a.weekIndex === 3)?.because).toMatch(/pain went outside the limits/)
  })
})

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
