import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PlanDefaults, PrintData } from '../../../shared/api/channels/plans'
import { addDays } from '../../../shared/dates'
import type { PlanRecord } from '../../../shared/domain/documents'
import { painRulesText } from '../../../shared/plan/index'
import { addRuns, FACTORS_ASSESSMENT, RED_ASSESSMENT, setupPlans, steadyRuns, T0 } from './helpers'

// The refer-first PDF is a one-page referral letter (issue 10 item 8): its content comes from main with the
// print data. The page count is checked on the real PDF in tests/e2e/plan.spec.ts.

type Setup = Awaited<ReturnType<typeof setupPlans>>

async function redAthlete(t: Setup): Promise<{ id: string; plan: PlanRecord }> {
  const id = await t.athlete('Rosa Reid')
  await addRuns(t.call, id, steadyRuns(T0, 4, 6, 10, { painDuring: 4, painAfter: 3, painNextMorning: 2 }))
  await t.call('saveAssessment', { athleteId: id, date: T0, input: RED_ASSESSMENT })
  const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
  const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, request: d.request })
  return { id, plan }
}

describe('the referral letter in the print data', () => {
  it('states the findings, why they matter, the urgency, what to tell the clinician and what the runner was told', async () => {
    const t = await setupPlans()
    const { id, plan } = await redAthlete(t)
    expect(plan.output.status).toBe('refer-first')
    const p = await t.call<PrintData>('getPrintData', { athleteId: id, planId: plan.id })
    const letter = p.letter!
    expect(p.referFirst).toBe(true)
    expect(letter.urgency).toBe('same-day')
    expect(letter.referrals.map((r) => [r.id, r.urgency, r.stopsRunning, r.since])).toEqual([['suspected-dvt', 'same-day', true, T0]])
    expect(letter.referrals[0]!.title).toBe('Possible blood clot in the leg (DVT)')
    expect(letter.referrals[0]!.because.join(' ')).toMatch(/swollen/)
    expect(letter.referrals[0]!.whyItMatters).toMatch(/^A clot in a deep calf vein/)
    expect(letter.tellClinician).toContain('Running logged in the last 4 weeks: 88 km over 12 runs; last run 2026-03-01.')
    expect(letter.tellClinician).toContain('Worst pain during a run in the last 2 weeks: 4 out of 10.')
    expect(letter.tellClinician).toContain('The runner has been asked not to run until you have seen them.')
    expect(letter.runnerTold[0]).toMatch(/^Do not run until a clinician has seen you\./)
    expect(letter.runnerTold.join(' ')).toMatch(/No exercise at all until a doctor has seen the runner/)
    // No running pain rule anywhere in the letter.
    const text = JSON.stringify(letter)
    for (const rule of painRulesText()) expect(text).not.toContain(rule)
    expect(text).not.toMatch(/5 out of 10 is acceptable/)
  })

  it('lists an open referral the latest assessment no longer found, and prints nothing of the kind for a running plan', async () => {
    const t = await setupPlans()
    const { id, plan } = await redAthlete(t)
    t.advance(3)
    await t.call('saveAssessment', { athleteId: id, date: addDays(T0, 3), input: FACTORS_ASSESSMENT })
    const p = await t.call<PrintData>('getPrintData', { athleteId: id, planId: plan.id })
    expect(p.letter?.referrals.map((r) => [r.id, r.notFoundInLatestAssessment])).toEqual([['suspected-dvt', true]])

    const green = await t.athlete('Maya Costa')
    await addRuns(t.call, green, steadyRuns(T0, 8))
    await t.call('saveAssessment', { athleteId: green, date: T0, input: FACTORS_ASSESSMENT })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: green })
    const running = await t.call<PlanRecord>('savePlan', { athleteId: green, request: d.request })
    const q = await t.call<PrintData>('getPrintData', { athleteId: green, planId: running.id })
    expect([q.referFirst, q.letter]).toEqual([false, null])
  })

  it('exports under a referral-letter name and header', async () => {
    const t = await setupPlans()
    const { id, plan } = await redAthlete(t)
    const target = path.join(t.dataDir, 'rosa-letter.pdf')
    t.dialogs.savePaths.push(target)
    await t.call('exportPlanPdf', { athleteId: id, planId: plan.id })
    expect(t.dialogs.asked).toEqual([{ title: 'Export Rosa Reid’s referral letter as PDF', defaultName: `Rosa-Reid-referral-letter-${T0}.pdf`, extensions: ['pdf'] }])
    expect(t.pdf.requests.map((r) => r.headerTitle)).toEqual(['Rosa Reid — referral letter'])
  })
})
