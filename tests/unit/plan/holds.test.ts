// Triage and the settle gate: refer-first, the amber hold until the referral is cleared, and the re-test
// that opens the rebuild (issue 5).

import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { generatePlan } from '../../../shared/plan'
import { AMBER, expectSafe, nonLighter, RED, request, week } from './fixtures'

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
