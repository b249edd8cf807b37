import { describe, expect, it } from 'vitest'
import { checkPlanSafety, generatePlan, type PlanOutput, type PlanRequest, type SafetyRule } from '../../../shared/plan'
import { AMBER, clone, RED, request, week } from './fixtures'

const req = request()
const good = generatePlan(req)

function rules(plan: PlanOutput, r: PlanRequest = req): SafetyRule[] {
  return [...new Set(checkPlanSafety(plan, r).map((v) => v.rule))]
}

/** Sets a week's runs and keeps plannedKm / longRunKm consistent with them. */
function setRuns(plan: PlanOutput, index: number, kms: number[]) {
  const w = week(plan, index)
  w.runs.forEach((r, i) => {
    r.km = kms[i] ?? r.km
  })
  w.plannedKm = Math.round(w.runs.reduce((a, r) => a + r.km, 0) * 10) / 10
  w.longRunKm = Math.max(...w.runs.map((r) => r.km))
}

describe('checkPlanSafety', () => {
  it('passes the generated plan', () => {
    expect(checkPlanSafety(good, req)).toEqual([])
  })

  it('catches a week that rises more than 10 %', () => {
    const bad = clone(good)
    // week 5 follows week 3 (22 km); 25 km is +13.6 %
    const w = week(bad, 5)
    setRuns(bad, 5, [w.runs[0]!.km + 0.4, w.runs[1]!.km + 0.4, w.runs[2]!.km])
    expect(week(bad, 5).plannedKm).toBeGreaterThan(22 * 1.1)
    const v = checkPlanSafety(bad, req)
    expect(v.map((x) => x.rule)).toContain('weekly-increase')
    expect(v.find((x) => x.rule === 'weekly-increase')?.weekIndex).toBe(5)
  })

  it('catches a first week above the current volume by more than 10 %', () => {
    const bad = clone(good)
    setRuns(bad, 1, [8, 8, 8.8])
    expect(rules(bad)).toContain('weekly-increase')
  })

  it('catches a run longer than 110 % of the longest run in the previous 30 days', () => {
    const bad = clone(good)
    const w = week(bad, 3) // long run 8.8 km after 8 km long runs
    setRuns(bad, 3, [w.runs[0]!.km - 1, w.runs[1]!.km, w.runs[2]!.km + 1]) // same weekly total, 9.8 km long run
    expect(week(bad, 3).plannedKm).toBe(week(good, 3).plannedKm)
    const v = checkPlanSafety(bad, req)
    expect(v.map((x) => x.rule)).toEqual(['single-run'])
    expect(v[0]?.message).toMatch(/9\.8 km run/)
  })

  it('counts logged runs (and only those in the 30-day window) when checking a run', () => {
    const bad = clone(good)
    const w = week(bad, 3)
    setRuns(bad, 3, [w.runs[0]!.km - 1, w.runs[1]!.km, w.runs[2]!.km + 1])
    const withRecentLog = { ...req, runs: [{ date: '2026-01-10', km: 9 }] }
    expect(rules(bad, withRecentLog)).not.toContain('single-run')
    const withOldLog = { ...req, runs: [{ date: '2025-12-01', km: 9 }] }
    expect(rules(bad, withOldLog)).toContain('single-run')
  })

  it('catches four weeks in a row without a lighter week', () => {
    const bad = clone(good)
    const w4 = week(bad, 4)
    w4.lighterWeek = false
    setRuns(bad, 4, week(good, 3).runs.map((r) => r.km))
    expect(rules(bad)).toContain('lighter-cadence')
  })

  it('catches a lighter week that is not 20–30 % lighter', () => {
    const bad = clone(good)
    setRuns(bad, 4, week(good, 3).runs.map((r) => Math.round(r.km * 9) / 10)) // only 10 % lighter
    expect(rules(bad)).toEqual(['lighter-size'])
    const tooMuch = clone(good)
    setRuns(tooMuch, 4, week(good, 3).runs.map((r) => Math.round(r.km * 5) / 10)) // 50 % lighter
    expect(rules(tooMuch)).toContain('lighter-size')
  })

  it('catches the wrong number of runs', () => {
    const bad = clone(good)
    week(bad, 6).runs.pop()
    setRuns(bad, 6, [])
    expect(rules(bad)).toContain('runs-per-week')
  })

  it('catches two long runs, or an easy run longer than the long run', () => {
    const two = clone(good)
    week(two, 6).runs[0]!.kind = 'long'
    expect(rules(two)).toContain('run-kinds')
    const longer = clone(good)
    const w = week(longer, 1)
    setRuns(longer, 1, [w.runs[0]!.km + 2.5, w.runs[1]!.km, w.runs[2]!.km - 2.5])
    expect(rules(longer)).toContain('run-kinds')
  })

  it('catches continuous runs where a very low start needs walk–run', () => {
    const low = request({ currentWeeklyKm: 4, longestRunLast30DaysKm: 2, targetWeeklyKm: 12 })
    const plan = generatePlan(low)
    expect(checkPlanSafety(plan, low)).toEqual([])
    const bad = clone(plan)
    const w = week(bad, 1)
    w.runs.forEach((r, i) => {
      r.kind = i === w.runs.length - 1 ? 'long' : 'easy'
    })
    expect(rules(bad, low)).toContain('walk-run')
  })

  it('catches a settle week that increases and an early move out of settle', () => {
    const bad = clone(good)
    setRuns(bad, 2, [6.5, 6.5, 8.5]) // 21.5 km: within 10 %, but settle must hold
    expect(rules(bad)).toContain('phases')
    const early = clone(good)
    week(early, 2).phase = 'rebuild'
    expect(rules(early)).toContain('phases')
  })

  it('catches a return week below the target and a week above it', () => {
    const bad = clone(good)
    week(bad, 5).phase = 'return'
    expect(rules(bad)).toContain('phases')
    const over = clone(good)
    const last = over.weeks[over.weeks.length - 1]!
    setRuns(over, last.index, last.runs.map((r) => r.km + 0.5))
    expect(rules(over)).toContain('target')
  })

  it('catches running in a red (refer-first) plan', () => {
    const red = request({ diagnosis: RED })
    const asOk = clone(good)
    expect(rules(asOk, red)).toContain('refer-first')
    const sneaky: PlanOutput = { ...clone(good), status: 'refer-first', referrals: RED.referrals }
    expect(rules(sneaky, red)).toContain('refer-first')
    expect(checkPlanSafety(generatePlan(red), red)).toEqual([])
  })

  it('catches a rebuild while an amber referral is not cleared', () => {
    const amber = request({ diagnosis: AMBER })
    expect(rules(good, amber)).toContain('amber-hold')
    expect(checkPlanSafety(generatePlan(amber), amber)).toEqual([])
  })

  it('catches a week without the daily stretches', () => {
    const bad = clone(good)
    week(bad, 3).exercises = week(bad, 3).exercises.filter((e) => e.id !== 'hip-flexor-stretch')
    expect(rules(bad)).toEqual(['daily-stretches'])
  })

  it('catches totals that do not match the runs, runs outside their week, and plans over 52 weeks', () => {
    const bad = clone(good)
    week(bad, 3).plannedKm = 30
    expect(rules(bad)).toContain('week-shape')
    const outside = clone(good)
    week(outside, 3).runs[0]!.date = '2026-01-01'
    expect(rules(outside)).toContain('week-shape')
    const long = clone(good)
    while (long.weeks.length < 53) long.weeks.push(clone(long.weeks[long.weeks.length - 1]!))
    expect(rules(long)).toContain('length')
  })
})
