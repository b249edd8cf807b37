import { describe, expect, it } from 'vitest'
import type { PlanDefaults, PlanPreview, PlanSummary } from '../../../shared/api/channels/plans'
import { addDays } from '../../../shared/dates'
import type { PlanRecord } from '../../../shared/domain/documents'
import { checkPlanSafety } from '../../../shared/plan/index'
import { AMBER_ASSESSMENT, athleteWithLog, defaultsRequest, FACTORS_ASSESSMENT, RED_ASSESSMENT, setupPlans, T0 } from './helpers'

describe('planDefaults', () => {
  it('suggests the comfortable weekly distance, longest run, run days and target from the log', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(d.today).toBe(T0)
    expect(d.request.currentWeeklyKm).toBe(22)
    expect(d.request.longestRunLast30DaysKm).toBe(10)
    expect(d.request.runDaysPerWeek).toBe(3)
    expect(d.request.targetWeeklyKm).toBeGreaterThanOrEqual(22)
    expect(d.request.startDate).toBe(T0)
    expect(d.request.runs).toBeUndefined()
    expect(d.request.diagnosis).toBeUndefined()
    expect(d.fromLog).toBe(true)
    expect(d.assessment).toBeNull()
    expect(d.referFirst).toBe(false)
    expect(d.basis.currentWeeklyKm).toMatch(/Average of the 4 weeks/)
  })

  it('carries the latest assessment: red means refer first, amber means hold', async () => {
    const t = await setupPlans()
    const red = await athleteWithLog(t, 'Red Runner')
    await t.call('saveAssessment', { athleteId: red, date: T0, input: RED_ASSESSMENT })
    const dr = await t.call<PlanDefaults>('planDefaults', { athleteId: red })
    expect(dr.referFirst).toBe(true)
    expect(dr.assessment?.triage).toBe('red')
    expect(dr.assessment?.referrals.map((r) => r.id)).toEqual(['suspected-dvt'])
    expect(dr.assessment?.referrals[0]?.title).toMatch(/clot/i)

    const amber = await athleteWithLog(t, 'Amber Runner')
    await t.call('saveAssessment', { athleteId: amber, date: T0, input: AMBER_ASSESSMENT })
    const da = await t.call<PlanDefaults>('planDefaults', { athleteId: amber })
    expect(da.referFirst).toBe(false)
    expect(da.holdForReferral).toBe(true)
  })
})

describe('previewPlan', () => {
  it('returns a safe generated plan with the log and the assessment, and saves nothing', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    await t.call('saveAssessment', { athleteId: id, date: T0, input: FACTORS_ASSESSMENT })
    const before = t.readAthleteFile(id)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const p = await t.call<PlanPreview>('previewPlan', { athleteId: id, request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    expect(p.output.status).toBe('ok')
    expect(p.violations).toEqual([])
    expect(p.output.weeks.length).toBeGreaterThan(5)
    expect(p.output.weeks[0]?.plannedKm).toBe(22)
    expect(p.today).toBe(T0)
    expect(p.loggedRuns).toBe(13) // 30 days before the start: 4 weeks + 1 run
    expect(p.assessment?.factors.map((f) => f.id)).toContain('hip-abductor-weakness')
    // Factor exercises from the assessment, with doses.
    const ids = p.output.weeks[0]?.exercises.map((e) => e.id) ?? []
    expect(ids).toEqual(expect.arrayContaining(['calf-stretch-straight-knee', 'hip-flexor-stretch', 'single-leg-heel-raises', 'clamshells']))
    expect(t.readAthleteFile(id)).toBe(before)
    expect(t.services.db.athleteDoc(id).data.plans).toEqual([])
  })

  it('uses the latest assessment even when the request leaves the diagnosis out: red gives refer-first', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    await t.call('saveAssessment', { athleteId: id, date: T0, input: RED_ASSESSMENT })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(d.request.diagnosis?.triage).toBe('red')
    const { diagnosis: _dropped, ...withoutDiagnosis } = d.request
    const p = await t.call<PlanPreview>('previewPlan', { athleteId: id, request: withoutDiagnosis })
    expect(p.output.status).toBe('refer-first')
    expect(p.output.weeks).toEqual([])
    expect(p.output.referrals?.map((r) => r.id)).toEqual(['suspected-dvt'])
  })

  it('answers invalid requests with the field named', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const r = await t.dispatch('previewPlan', { athleteId: id, request: { ...d.request, runDaysPerWeek: 9 } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input')
      expect(r.error.issues?.some((i) => i.path === 'request.runDaysPerWeek')).toBe(true)
    }
  })
})

describe('savePlan, history and the active plan', () => {
  it("names a plan the coach left unnamed in the coach's distance unit", async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    await t.call('updateSettings', { distanceUnit: 'mi' })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    // 40 km is 24.85 mi: the name says what the coach reads everywhere else.
    expect(plan.label).toBe(`24.9 mi a week from ${T0}`)
  })

  it('saves each plan as the active one and keeps the earlier ones as history', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const first = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, label: 'First go', request: defaultsRequest(d, { targetWeeklyKm: 30 }) })
    t.advance(1)
    const second = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 35 }) })
    expect(first.active).toBe(true)
    expect(second.label).toBe(`35 km a week from ${T0}`)
    const onDisk = JSON.parse(t.readAthleteFile(id)) as { plans: PlanRecord[] }
    expect(onDisk.plans.map((p) => [p.id, p.active])).toEqual([
      [first.id, false],
      [second.id, true],
    ])
    // The stored request carries what the plan was generated from: today and the logged runs.
    expect(onDisk.plans[1]?.request.today).toBe(addDays(T0, 1))
    expect(onDisk.plans[1]?.request.runs?.length).toBe(13)
    expect(checkPlanSafety(second.output, second.request)).toEqual([])

    const list = await t.call<PlanSummary[]>('listPlans', { athleteId: id })
    expect(list.map((p) => p.id)).toEqual([second.id, first.id])
    expect(list[0]).toMatchObject({ active: true, status: 'ok', startDate: T0, targetWeeklyKm: 35 })

    const again = await t.call<PlanRecord>('setActivePlan', { athleteId: id, planId: first.id })
    expect(again.active).toBe(true)
    expect(t.services.db.athleteDoc(id).data.plans.map((p) => p.active)).toEqual([true, false])
    expect((await t.call<PlanRecord>('getPlan', { athleteId: id, planId: second.id })).label).toBe(second.label)
    const missing = await t.dispatch('getPlan', { athleteId: id, planId: 'plan-nope' })
    expect(missing.ok ? null : missing.error.code).toBe('not-found')
  })
})

describe('deletePlan and its Undo (restorePlan)', () => {
  it('removes a plan and puts back exactly the stored record, in its place; active only if no other plan is', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const first = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 30 }) })
    t.advance(1)
    const second = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 35 }) })
    const stored = () => t.services.db.athleteDoc(id).data.plans
    const before = structuredClone(stored())

    await t.call('deletePlan', { athleteId: id, planId: first.id })
    expect(stored().map((p) => p.id)).toEqual([second.id])
    expect(JSON.parse(t.readAthleteFile(id)).plans.map((p: PlanRecord) => p.id)).toEqual([second.id])
    await t.call('restorePlan', { athleteId: id, planId: first.id })
    expect(stored()).toEqual(before)

    // The active plan deleted, another made active meanwhile: it comes back as history.
    await t.call('deletePlan', { athleteId: id, planId: second.id })
    await t.call('setActivePlan', { athleteId: id, planId: first.id })
    const back = await t.call<PlanRecord>('restorePlan', { athleteId: id, planId: second.id })
    expect(back.active).toBe(false)
    expect(stored().map((p) => [p.id, p.active])).toEqual([[first.id, true], [second.id, false]])

    // Undo twice, or for a plan never deleted here, is refused with words a coach can read.
    const again = await t.dispatch('restorePlan', { athleteId: id, planId: second.id })
    expect(again.ok ? null : again.error.message).toMatch(/can no longer be brought back/)
    expect(stored().map((p) => p.id)).toEqual([first.id, second.id])
  })
})

describe('editPlanSession', () => {
  it('saves a safe edit, with the week total following and editedAt set', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    const lighter = plan.output.weeks.find((w) => w.lighterWeek)
    expect(lighter).toBeDefined()
    const easyIndex = lighter!.runs.findIndex((r) => r.kind === 'easy')
    const easy = lighter!.runs[easyIndex]!
    t.advance(1)
    const edited = await t.call<PlanRecord>('editPlanSession', { athleteId: id, planId: plan.id, weekIndex: lighter!.index, runIndex: easyIndex, km: easy.km - 0.3, kind: 'easy' })
    const week = edited.output.weeks[lighter!.index - 1]!
    expect(week.runs[easyIndex]?.km).toBeCloseTo(easy.km - 0.3, 5)
    expect(week.plannedKm).toBeCloseTo(lighter!.plannedKm - 0.3, 5)
    // The week's words follow the new total.
    expect(week.focus).toContain(`${(lighter!.plannedKm - 0.3).toFixed(1)} km`)
    expect(week.focus).not.toContain(`${lighter!.plannedKm.toFixed(1)} km`)
    expect(edited.editedAt).toBe(t.clock.now.toISOString())
    expect(checkPlanSafety(edited.output, edited.request)).toEqual([])
    expect(t.services.db.athleteDoc(id).data.plans[0]?.editedAt).toBe(edited.editedAt)
  })

  it('refuses an unsafe edit, names the broken rule and saves nothing', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    const before = t.readAthleteFile(id)
    const week3 = plan.output.weeks[2]!
    const longIndex = week3.runs.findIndex((r) => r.kind === 'long')
    const r = await t.dispatch('editPlanSession', { athleteId: id, planId: plan.id, weekIndex: 3, runIndex: longIndex, km: week3.longRunKm * 2, kind: 'long' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('conflict')
    expect(r.error.message).toMatch(/^Not saved:/)
    expect(r.error.message).toContain('the 30-day longest-run rule')
    expect(r.error.message).toContain('the 10 % weekly increase rule')
    expect(r.error.issues?.length).toBeGreaterThan(0)
    expect(t.readAthleteFile(id)).toBe(before)
    expect(t.services.db.athleteDoc(id).data.plans[0]?.editedAt).toBeNull()
  })

  it('refuses a session that does not exist, and any edit of a refer-first plan', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: d.request })
    const r1 = await t.dispatch('editPlanSession', { athleteId: id, planId: plan.id, weekIndex: 1, runIndex: 5, km: 5, kind: 'easy' })
    expect(r1.ok ? '' : r1.error.message).toMatch(/Week 1 has 3 runs; there is no run 6/)
    const r2 = await t.dispatch('editPlanSession', { athleteId: id, planId: plan.id, weekIndex: 52, runIndex: 0, km: 5, kind: 'easy' })
    expect(r2.ok ? '' : r2.error.code).toBe('not-found')

    await t.call('saveAssessment', { athleteId: id, date: T0, input: RED_ASSESSMENT })
    const red = await t.call<PlanRecord>('savePlan', { athleteId: id, request: d.request })
    expect(red.output.status).toBe('refer-first')
    const r3 = await t.dispatch('editPlanSession', { athleteId: id, planId: red.id, weekIndex: 1, runIndex: 0, km: 5, kind: 'easy' })
    expect(r3.ok ? '' : r3.error.message).toMatch(/refer-first plan has no running sessions/)
  })
})

describe('regeneratePlan', () => {
  it('continues from today with the new log, keeps the weeks already begun and the old version as history', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, label: 'Spring return', request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    // Two and a half weeks later: week 3 began, and week 2 had pain well over the limits.
    const week2 = plan.output.weeks[1]!
    for (const r of plan.output.weeks[0]!.runs) await t.call('addRun', { athleteId: id, run: { date: r.date, distanceKm: r.km, painDuring: 1, painAfter: 1, painNextMorning: 0 } })
    for (const r of week2.runs) await t.call('addRun', { athleteId: id, run: { date: r.date, distanceKm: r.km, painDuring: 7, painAfter: 6, painNextMorning: 5 } })
    t.advance(17)
    const today = addDays(T0, 17)
    const next = await t.call<PlanRecord>('regeneratePlan', { athleteId: id })
    expect(next.id).not.toBe(plan.id)
    expect(next.active).toBe(true)
    expect(next.label).toBe(`Spring return (regenerated ${today})`)
    expect(next.request.today).toBe(today)
    expect(next.request.runs?.filter((r) => r.date >= T0).length).toBe(6)
    expect(next.output.keptWeeks).toBe(3)
    expect(next.output.weeks.slice(0, 3)).toEqual(plan.output.weeks.slice(0, 3))
    expect(next.output.weeks[0]?.startDate).toBe(T0)
    expect(checkPlanSafety(next.output, next.request)).toEqual([])
    const docPlans = t.services.db.athleteDoc(id).data.plans
    expect(docPlans.map((p) => [p.id, p.active])).toEqual([
      [plan.id, false],
      [next.id, true],
    ])
    // The old version is unchanged.
    expect(docPlans[0]?.output).toEqual(plan.output)

    // Regenerating again does not pile up suffixes, and changes apply.
    t.advance(1)
    const third = await t.call<PlanRecord>('regeneratePlan', { athleteId: id, changes: { targetWeeklyKm: 30 } })
    expect(third.label).toBe(`Spring return (regenerated ${addDays(T0, 18)})`)
    expect(third.request.targetWeeklyKm).toBe(30)
    expect(third.output.weeks.every((w, i) => i < third.output.keptWeeks || w.plannedKm <= 30)).toBe(true)
  })

  it('releases an amber hold only when the referral is recorded as cleared, never through a plan request', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    await t.call('saveAssessment', { athleteId: id, date: T0, input: AMBER_ASSESSMENT })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const held = await t.call<PlanRecord>('savePlan', { athleteId: id, request: defaultsRequest(d, { targetWeeklyKm: 35 }) })
    expect(held.output.awaitingReferralClearance).toBe(true)
    expect(held.output.weeks.every((w) => w.phase === 'settle')).toBe(true)
    t.advance(3)
    // The old plan-level "cleared on" date no longer clears anything in the app: the header and the board
    // would still show the referral open, and the plan would progress beside them.
    const stillHeld = await t.call<PlanRecord>('regeneratePlan', { athleteId: id, changes: { referralClearedOn: addDays(T0, 2) } })
    expect(stillHeld.output.awaitingReferralClearance).toBe(true)
    expect(stillHeld.output.weeks.some((w) => w.phase === 'rebuild')).toBe(false)
    const referralIds = (held.request.diagnosis?.referrals ?? []).map((r) => r.id)
    expect(referralIds.length).toBeGreaterThan(0)
    for (const referralId of referralIds) {
      await t.call('recordClearance', { athleteId: id, referralId, date: addDays(T0, 2), clearedBy: { role: 'physiotherapist', name: 'Sam Ortiz' }, outcome: 'cleared' })
    }
    const cleared = await t.call<PlanRecord>('regeneratePlan', { athleteId: id })
    expect(cleared.output.awaitingReferralClearance).toBe(false)
    expect(cleared.output.weeks.some((w) => w.phase === 'rebuild')).toBe(true)
  })

  it('says so when there is no plan to regenerate', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const r = await t.dispatch('regeneratePlan', { athleteId: id })
    expect(r.ok ? '' : r.error.message).toMatch(/no active plan/)
  })
})
