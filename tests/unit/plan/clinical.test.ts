// Plans follow the clinical policy (issue 10 items 3, 4, 7, 9). Each test names its reference line.

import { describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../../shared/assessment/schema'
import { checkPlanSafety, generatePlan, type PlanOutput } from '../../../shared/plan'
import { clone, diagnosis, expectSafe, request, week } from './fixtures'

const ALL_RUNS = (plan: PlanOutput) => plan.weeks.flatMap((w) => w.runs)

const NIGHT_PAIN_DVT: Diagnosis = diagnosis({
  triage: 'amber',
  referrals: [{ id: 'suspected-dvt', urgency: 'before-progressing', because: ['night pain in the calf'] }],
})
const GREEN_WITH_SAME_DAY: Diagnosis = diagnosis({
  triage: 'green',
  referrals: [{ id: 'suspected-dvt', urgency: 'same-day', because: ['swollen calf after a flight'] }],
})
const BONE: Diagnosis = diagnosis({
  triage: 'amber',
  referrals: [{ id: 'suspected-stress-fracture', urgency: 'before-progressing', because: ['focal tenderness on the shin'] }],
})
const BONE_AND_ENERGY: Diagnosis = diagnosis({
  triage: 'amber',
  referrals: [
    { id: 'suspected-stress-fracture', urgency: 'before-progressing', because: ['painful hop'] },
    { id: 'energy-availability-concern', urgency: 'before-progressing', because: ['absent periods'] },
  ],
})
const RUPTURE: Diagnosis = diagnosis({
  triage: 'red',
  referrals: [{ id: 'suspected-tendon-rupture', urgency: 'same-day', because: ['pop at the Achilles'] }],
})

describe('stop-running referrals give a refer-first plan with no running (issue 10 item 3)', () => {
  it('a DVT raised by night pain alone refers first, with no exercise at all (clinical-and-peers.md B1 DVT row)', () => {
    const req = request({ diagnosis: NIGHT_PAIN_DVT })
    const plan = generatePlan(req)
    expect(plan.status).toBe('refer-first')
    expect(plan.weeks).toEqual([])
    expect(ALL_RUNS(plan)).toEqual([])
    expect(plan.crossTraining).toMatchObject({ allowed: false })
    expect(plan.painRules.join(' ')).not.toMatch(/5\/10|5 out of 10/)
    expectSafe(plan, req)
  })

  it('a green-labelled diagnosis carrying a same-day referral refers first (item 9: never the label alone)', () => {
    const req = request({ diagnosis: GREEN_WITH_SAME_DAY })
    const plan = generatePlan(req)
    expect(plan.status).toBe('refer-first')
    expect(plan.referrals?.map((r) => r.id)).toEqual(['suspected-dvt'])
  })

  it('suspected bone stress refers first and offers cycling or pool running at 2/10 (B1 bone stress row, C1 bone)', () => {
    const plan = generatePlan(request({ diagnosis: BONE }))
    expect(plan.status).toBe('refer-first')
    expect(plan.crossTraining).toMatchObject({ allowed: true, kinds: ['cycling', 'pool-running'], painLimit: 2 })
    expect(plan.notes.join(' ')).toMatch(/cycling or pool running/)
  })

  it('energy availability alone holds; beside bone stress it refers first (B1 RED-S row)', () => {
    const energyOnly = diagnosis({
      triage: 'amber',
      referrals: [{ id: 'energy-availability-concern', urgency: 'before-progressing', because: ['absent periods'] }],
    })
    const hold = generatePlan(request({ diagnosis: energyOnly, today: '2026-01-05' }))
    expect(hold.status).toBe('ok')
    expect(hold.awaitingReferralClearance).toBe(true)
    expect(generatePlan(request({ diagnosis: BONE_AND_ENERGY })).status).toBe('refer-first')
  })

  it('checkPlanSafety catches a run while a stop-running referral is open', () => {
    const req = request({ diagnosis: BONE })
    const ok = generatePlan(request())
    const broken = clone(ok)
    const v = checkPlanSafety(broken, req).map((x) => x.rule)
    expect(v).toContain('stop-running')
    expect(v).toContain('refer-first')
  })
})

describe('clearances and the return to running (issue 10 items 2, 4, 9; clinical-and-peers.md C5)', () => {
  it('a cleared bone stress injury starts with the readiness tests and walk-run, with the 2/10 bone limit (C1, C5)', () => {
    const req = request({
      diagnosis: BONE,
      clearances: [{ referralId: 'suspected-stress-fracture', date: '2026-01-02', outcome: 'cleared' }],
    })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.status).toBe('ok')
    expect(plan.returnToRun).toMatchObject({ path: 'bone', painLimit: 2, readiness: 'pending', clearedOn: '2026-01-02' })
    expect(week(plan, 1).gate).toMatch(/readiness tests/)
    expect(week(plan, 1).gate).toMatch(/30 min/)
    expect(week(plan, 1).runs.every((r) => r.kind === 'walk-run')).toBe(true)
    // The ladder starts at about 1.6 km a session (C5 walk-run ladder), not at the old 20 km a week.
    expect(week(plan, 1).plannedKm).toBeLessThanOrEqual(4.8)
    const gates = plan.weeks.map((w) => w.gate ?? '').join(' ')
    expect(gates).toMatch(/no more than 2\/10 during runs/)
    expect(gates).not.toMatch(/no more than 5\/10 during runs/)
  })

  it('a passed readiness test is reported; a failed one keeps the gate (C5 battery)', () => {
    const base = { diagnosis: BONE, clearances: [{ referralId: 'suspected-stress-fracture' as const, date: '2026-01-02', outcome: 'cleared' as const }] }
    const test = { date: '2026-01-03', walk30MinPainFree: true, singleLegHops: 12, hopPain: 1, singleLegHeelRaises: { left: 27, right: 28 } }
    expect(generatePlan(request({ ...base, readinessTests: [test] })).returnToRun?.readiness).toBe('passed')
    expect(generatePlan(request({ ...base, readinessTests: [{ ...test, hopPain: 3 }] })).returnToRun?.readiness).toBe('pending')
  })

  it('on a bone return, 3/10 during a run fails the week (C1: pain <= 2/10 at most); without a return it would not', () => {
    const clearances = [{ referralId: 'suspected-stress-fracture' as const, date: '2026-01-02', outcome: 'cleared' as const }]
    const runs = [{ date: '2026-01-14', km: 1.5, painDuring: 3 }]
    const sore = generatePlan(request({ diagnosis: BONE, clearances, today: '2026-01-20', runs }))
    expect(sore.adaptations.some((a) => a.action === 'settle-extended' && a.flags.includes('pain-during-above-limit'))).toBe(true)
    const ordinary = generatePlan(request({ today: '2026-01-20', runs }))
    expect(ordinary.adaptations.some((a) => a.flags.includes('pain-during-above-limit'))).toBe(false)
  })

  it('a red diagnosis whose referral was cleared is no longer refer-first (item 9)', () => {
    const req = request({
      diagnosis: RUPTURE,
      clearances: [{ referralId: 'suspected-tendon-rupture', date: '2026-01-02', outcome: 'cleared-with-restrictions', restrictions: 'no hills' }],
    })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.status).toBe('ok')
    expect(plan.returnToRun?.path).toBe('tendon')
  })

  it('an Achilles return checks hop and heel-raise pain before increases and never switches to continuous running in a week that adds distance (C5 Achilles protocol)', () => {
    const req = request({
      diagnosis: RUPTURE,
      currentWeeklyKm: 20,
      targetWeeklyKm: 25,
      clearances: [{ referralId: 'suspected-tendon-rupture', date: '2026-01-02', outcome: 'cleared' }],
    })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    const rebuild = plan.weeks.filter((w) => /Go up to/.test(w.gate ?? ''))
    expect(rebuild.length).toBeGreaterThan(0)
    for (const w of rebuild) expect(w.gate).toMatch(/single-leg hops and single-leg heel raises/)
    plan.weeks.forEach((w, i) => {
      const prev = plan.weeks[i - 1]
      if (!prev) return
      const switched = prev.runs.every((r) => r.kind === 'walk-run') && w.runs.every((r) => r.kind !== 'walk-run')
      if (switched) expect(w.plannedKm).toBeLessThanOrEqual(prev.plannedKm)
    })
  })

  it('a cleared Achilles tendinopathy hold checks hop and heel-raise pain at 2/10 before each increase (C5 Achilles protocol)', () => {
    const req = request({
      diagnosis: diagnosis({ triage: 'amber', referrals: [{ id: 'suspected-achilles-tendinopathy', urgency: 'before-progressing', because: ['morning stiffness'] }] }),
      clearances: [{ referralId: 'suspected-achilles-tendinopathy', date: '2026-01-02', outcome: 'cleared' }],
    })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    const rebuild = plan.weeks.filter((w) => /Go up to/.test(w.gate ?? ''))
    expect(rebuild.length).toBeGreaterThan(0)
    for (const w of rebuild) expect(w.gate).toMatch(/check 10 single-leg hops and single-leg heel raises: pain must stay at 2\/10 or less/)
    // A plain overload plan asks for no tendon checks.
    const plain = generatePlan(request({ diagnosis: diagnosis() }))
    for (const w of plain.weeks) expect(w.gate ?? '').not.toMatch(/single-leg hops/)
  })

  it('clearing one referral never clears another: the energy concern still holds after bone is cleared (item 4)', () => {
    const req = request({
      diagnosis: BONE_AND_ENERGY,
      today: '2026-01-05',
      clearances: [{ referralId: 'suspected-stress-fracture', date: '2026-01-02', outcome: 'cleared' }],
    })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(plan.status).toBe('ok')
    expect(plan.awaitingReferralClearance).toBe(true)
    expect(plan.weeks.every((w) => w.phase === 'settle')).toBe(true)
  })

  it('referralClearedOn keeps working as before for an amber diagnosis', () => {
    const amber = diagnosis({
      triage: 'amber',
      referrals: [{ id: 'suspected-achilles-tendinopathy', urgency: 'before-progressing', because: ['morning stiffness'] }],
    })
    const viaOld = generatePlan(request({ diagnosis: amber, today: '2026-01-20', referralClearedOn: '2026-01-28' }))
    const viaNew = generatePlan(
      request({
        diagnosis: amber,
        today: '2026-01-20',
        clearances: [{ referralId: 'suspected-achilles-tendinopathy', date: '2026-01-28', outcome: 'cleared' }],
      }),
    )
    expect(viaNew.weeks).toEqual(viaOld.weeks)
    expect(viaOld.awaitingReferralClearance).toBe(false)
  })
})

describe('recent pain and real schedules (issue 10 item 7)', () => {
  it('pain outside the limits in the two weeks before the start: week 1 holds below the current distance and asks for a re-assessment (C1)', () => {
    const req = request({ runs: [{ date: '2025-12-30', km: 6, painDuring: 7, painNextMorning: 5 }] })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    expect(week(plan, 1).plannedKm).toBeLessThan(20)
    expect(plan.adaptations[0]).toMatchObject({ weekIndex: 1, action: 'step-back' })
    expect(plan.reassess).toBe(true)
    expect(plan.notes.join(' ')).toMatch(/Re-assess/)
    const quiet = generatePlan(request({ runs: [{ date: '2025-12-30', km: 6, painDuring: 1, painNextMorning: 0 }] }))
    expect(week(quiet, 1).plannedKm).toBe(20)
    expect(quiet.reassess).toBeUndefined()
  })

  it('pain three weeks before the start does not count', () => {
    const plan = generatePlan(request({ runs: [{ date: '2025-12-16', km: 6, painDuring: 7 }] }))
    expect(week(plan, 1).plannedKm).toBe(20)
  })

  it('runs fall on the chosen weekdays, the long run on the chosen day', () => {
    const req = request({ runDays: ['tue', 'thu', 'sat'], longRunDay: 'tue' })
    const plan = generatePlan(req)
    expectSafe(plan, req)
    for (const w of plan.weeks) {
      const days = w.runs.map((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay())
      expect(days).toEqual([2, 4, 6])
      expect(w.runs[0]?.kind).toBe('long')
    }
  })

  it('with run days but no long-run day, the long run goes on the weekend', () => {
    const plan = generatePlan(request({ runDays: ['mon', 'wed', 'sat'] }))
    const w = week(plan, 3)
    const long = w.runs.find((r) => r.kind === 'long')
    expect(long && new Date(`${long.date}T00:00:00Z`).getUTCDay()).toBe(6)
  })

  it('with no run days and no long-run day, the long run still goes on the weekend, whatever day the plan starts', () => {
    // 2026-01-07 is a Wednesday, 2026-01-09 a Friday: plan weeks run Wednesday to Tuesday, Friday to Thursday.
    for (const startDate of ['2026-01-05', '2026-01-07', '2026-01-09']) {
      for (const runDaysPerWeek of [2, 3, 4]) {
        const req = request({ startDate, runDaysPerWeek })
        const plan = generatePlan(req)
        expectSafe(plan, req)
        for (const w of plan.weeks.slice(0, 6)) {
          const long = w.runs.find((r) => r.kind === 'long')
          expect(long && new Date(`${long.date}T00:00:00Z`).getUTCDay(), `${startDate} ${runDaysPerWeek} days`).toBe(0)
          expect(new Set(w.runs.map((r) => r.date)).size).toBe(runDaysPerWeek)
        }
      }
    }
  })

  it('the request rejects run days that do not match runDaysPerWeek, repeats, or a long-run day outside them', () => {
    expect(() => request({ runDays: ['mon', 'wed'] })).toThrow(/runDaysPerWeek is 3/)
    expect(() => request({ runDays: ['mon', 'mon', 'wed'] })).toThrow(/twice/)
    expect(() => request({ runDays: ['mon', 'wed', 'fri'], longRunDay: 'sun' })).toThrow(/one of the run days/)
  })
})
