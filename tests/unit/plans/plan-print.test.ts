// The plan PDF export and the print data behind it (split from plan-service.test.ts).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PlanDefaults, PrintData } from '../../../shared/api/channels/plans'
import type { PlanRecord } from '../../../shared/domain/documents'
import { athleteWithLog, defaultsRequest, FACTORS_ASSESSMENT, RED_ASSESSMENT, setupPlans, T0 } from './helpers'

describe('exportPlanPdf', () => {
  async function withPlan() {
    const t = await setupPlans()
    const id = await athleteWithLog(t, 'Maya Costa')
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    return { t, id, plan }
  }

  it('asks where to save, renders the print route with the page size from settings and writes the PDF', async () => {
    const { t, id, plan } = await withPlan()
    await t.call('updateSettings', { pdfPageSize: 'Letter' })
    const target = path.join(t.dataDir, 'maya-plan.pdf')
    t.dialogs.savePaths.push(target)
    const r = await t.call<{ path: string; bytes: number; pages: number }>('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(r).toEqual({ path: target, bytes: t.pdf.bytes.byteLength, pages: 2 })
    expect(readFileSync(target)).toEqual(Buffer.from(t.pdf.bytes))
    expect(t.dialogs.asked).toEqual([{ title: 'Export Maya Costa’s plan as PDF', defaultName: `Maya-Costa-plan-${T0}.pdf`, extensions: ['pdf'] }])
    expect(t.pdf.requests).toEqual([{ hash: `#/print/plan/${id}/${plan.id}`, pageSize: 'Letter', headerTitle: 'Maya Costa — return-to-distance plan' }])
    // No temp files left behind.
    expect(t.listDir(t.dataDir).filter((f) => f.includes('.tmp-'))).toEqual([])
  })

  it('adds the .pdf extension when the chosen name has none', async () => {
    const { t, id, plan } = await withPlan()
    t.dialogs.savePaths.push(path.join(t.dataDir, 'handout'))
    const r = await t.call<{ path: string }>('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(r.path).toBe(path.join(t.dataDir, 'handout.pdf'))
    expect(existsSync(path.join(t.dataDir, 'handout.pdf'))).toBe(true)
  })

  it('writes nothing and renders nothing when the dialog is cancelled', async () => {
    const { t, id, plan } = await withPlan()
    const before = t.listDir(t.dataDir).sort()
    const r = await t.call('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(r).toEqual({ path: null, bytes: 0, pages: null })
    expect(t.pdf.requests).toEqual([])
    expect(t.listDir(t.dataDir).sort()).toEqual(before)
  })

  it('writes nothing and says why when the PDF cannot be made', async () => {
    const { t, id, plan } = await withPlan()
    t.pdf.fail = 'The print view did not finish drawing within 15 s; no PDF was written.'
    const target = path.join(t.dataDir, 'never.pdf')
    t.dialogs.savePaths.push(target)
    const before = t.listDir(t.dataDir).sort()
    const r = await t.dispatch('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toMatch(/^The PDF could not be made \(The print view did not finish drawing/)
    expect(r.error.message).toMatch(/No file was written\.$/)
    expect(existsSync(target)).toBe(false)
    expect(t.listDir(t.dataDir).sort()).toEqual(before)
  })

  it('refuses bytes that are not a PDF, and reports an unwritable folder as a storage error', async () => {
    const { t, id, plan } = await withPlan()
    t.pdf.bytes = new TextEncoder().encode('<html>oops</html>')
    t.dialogs.savePaths.push(path.join(t.dataDir, 'a.pdf'))
    const r1 = await t.dispatch('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(r1.ok ? '' : r1.error.message).toMatch(/not a PDF/)
    expect(existsSync(path.join(t.dataDir, 'a.pdf'))).toBe(false)

    t.pdf.bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
    t.dialogs.savePaths.push(path.join(t.dataDir, 'no-such-folder', 'b.pdf'))
    const r2 = await t.dispatch('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(r2.ok ? '' : r2.error.code).toBe('storage')
    expect(r2.ok ? '' : r2.error.message).toMatch(/Could not write b\.pdf \(ENOENT\)\. Nothing was exported\./)
  })
})

describe('getPrintData', () => {
  it('has the plan, the assessment, the exercise sheet with doses, the pain rules and aggregated runs', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    await t.call('saveAssessment', { athleteId: id, date: T0, input: FACTORS_ASSESSMENT })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, request: defaultsRequest(d, { targetWeeklyKm: 40 }) })
    const p = await t.call<PrintData>('getPrintData', { athleteId: id, planId: plan.id })
    expect(p.athlete.name).toBe('Maya Costa')
    expect(p.referFirst).toBe(false)
    expect(p.assessment?.date).toBe(T0)
    expect(p.assessment?.triage).toBe('green')
    const stretch = p.exercises.find((e) => e.id === 'calf-stretch-straight-knee')
    expect(stretch?.dose).toMatch(/5 holds of 30 s/)
    expect(stretch?.weeks).toBe(`every week (1–${plan.output.weeks.length})`)
    expect(p.painRules[0]).toMatch(/up to 5 out of 10 is acceptable/)
    expect(p.weekly.granularity).toBe('week')
    expect(p.weekly.points).toHaveLength(12)
    expect(p.weekly.points.reduce((a, w) => a + w.km, 0)).toBe(22 * 8)
    expect(p.planVsActual).toHaveLength(plan.output.weeks.length)
    expect(p.planVsActual[0]).toMatchObject({ index: 1, loggedKm: 0, when: 'current' })
    expect(p.planVsActual[1]).toMatchObject({ loggedKm: null, when: 'future' })
  })

  it('puts the referral first and no running for a red athlete, even on an older running plan', async () => {
    const t = await setupPlans()
    const id = await athleteWithLog(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, acknowledged: true, request: d.request })
    await t.call('saveAssessment', { athleteId: id, date: T0, input: RED_ASSESSMENT })
    const p = await t.call<PrintData>('getPrintData', { athleteId: id, planId: plan.id })
    expect(p.referFirst).toBe(true)
    // Worded from the one clinical state: which open referral stops running, and since when.
    expect(p.referFirstReason).toBe(`Since this plan was made, a referral that stops running was raised (Possible blood clot in the leg (DVT), ${T0}), so the running plan is withheld until a clinician has seen the runner and the clearance is recorded.`)
    expect(p.headline).toBe('Red: see a clinician today, no running')
    expect(p.referrals.map((r) => r.id)).toEqual(['suspected-dvt'])
    expect(p.planVsActual).toEqual([])
    expect(p.exercises.map((e) => e.id)).toEqual(['stop-running-and-get-checked'])

    const red = await t.call<PlanRecord>('savePlan', { athleteId: id, request: d.request })
    const q = await t.call<PrintData>('getPrintData', { athleteId: id, planId: red.id })
    expect(q.plan.output.status).toBe('refer-first')
    expect(q.referFirstReason).toBeNull()
    expect(q.referrals[0]?.title).toMatch(/clot/i)
  })
})
