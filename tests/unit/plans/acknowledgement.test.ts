import { describe, expect, it } from 'vitest'
import type { PlanDefaults, PrintData } from '../../../shared/api/channels/plans'
import type { PlanRecord } from '../../../shared/domain/documents'
import { addRuns, FACTORS_ASSESSMENT, RED_ASSESSMENT, setupPlans, steadyRuns, T0 } from './helpers'

// A running plan built without an assessment, or on one whose red-flag screen is incomplete, needs the coach's
// explicit acknowledgement (issue 10 item 5): main refuses without it and saves nothing, stores it in the plan,
// and the print data carries it for the PDF.

type Setup = Awaited<ReturnType<typeof setupPlans>>

async function runner(t: Setup, name: string) {
  const id = await t.athlete(name)
  await addRuns(t.call, id, steadyRuns(T0, 6))
  return id
}

const request = (d: PlanDefaults) => ({ ...d.request, targetWeeklyKm: 30 })

async function refusal(t: Setup, payload: Record<string, unknown>) {
  const r = await t.dispatch('savePlan', payload)
  if (r.ok) throw new Error('expected the plan to be refused')
  return r.error
}

describe('plan acknowledgement', () => {
  it('no assessment: refused without the tick (nothing saved), stored with it and printed', async () => {
    const t = await setupPlans()
    const id = await runner(t, 'Nia Noassessment')
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(d.acknowledgement).toMatchObject({ reason: 'no-assessment', unanswered: [] })
    expect(d.acknowledgement?.text).toMatch(/^I understand that this runner has had no calf-pain assessment/)

    const before = t.readAthleteFile(id)
    for (const acknowledged of [undefined, false]) {
      const error = await refusal(t, { athleteId: id, request: request(d), ...(acknowledged === undefined ? {} : { acknowledged }) })
      expect(error.code).toBe('invalid-input')
      expect(error.message).toBe('Plan not saved: this runner has no assessment yet. Finish the assessment first, or tick the acknowledgement to build the plan anyway.')
      expect(error.issues?.map((i) => i.path)).toEqual(['acknowledged'])
    }
    expect(t.readAthleteFile(id)).toBe(before)

    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, request: request(d), acknowledged: true })
    expect(plan.acknowledgement).toEqual({ reason: 'no-assessment', text: d.acknowledgement!.text, assessmentId: null, unanswered: [], at: new Date(`${T0}T10:00:00`).toISOString() })
    expect(t.services.db.athleteDoc(id).data.plans[0]?.acknowledgement?.reason).toBe('no-assessment')
    const print = await t.call<PrintData>('getPrintData', { athleteId: id, planId: plan.id })
    expect(print.plan.acknowledgement?.text).toBe(d.acknowledgement!.text)
    expect(print.headline).toBe('Green: progress as planned')
  })

  it('an incomplete red-flag screen names the questions not asked; a complete one needs nothing', async () => {
    const t = await setupPlans()
    const id = await runner(t, 'Ivy Incomplete')
    await t.call('saveAssessment', { athleteId: id, date: T0, input: { symptoms: { location: 'calf', swelling: false } } })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(d.acknowledgement?.reason).toBe('red-flag-screen-incomplete')
    expect(d.acknowledgement?.unanswered).toContain('symptoms.chestPainOrBreathlessness')
    expect(d.acknowledgement?.unanswered).not.toContain('symptoms.swelling')
    const n = d.acknowledgement!.unanswered.length
    expect(d.acknowledgement?.text).toBe(`I understand that in the latest assessment ${n} red-flag questions were not asked, so a serious cause of the calf pain has not been ruled out. I am building this plan anyway.`)
    expect((await refusal(t, { athleteId: id, request: request(d) })).message).toMatch(/red-flag screen is incomplete/)
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, request: request(d), acknowledged: true })
    const latestId = t.services.db.athleteDoc(id).data.assessments[0]!.id
    expect(plan.acknowledgement).toMatchObject({ reason: 'red-flag-screen-incomplete', assessmentId: latestId, unanswered: d.acknowledgement!.unanswered })

    const complete = await runner(t, 'Cora Complete')
    await t.call('saveAssessment', { athleteId: complete, date: T0, input: FACTORS_ASSESSMENT })
    const dc = await t.call<PlanDefaults>('planDefaults', { athleteId: complete })
    expect(dc.acknowledgement).toBeNull()
    expect((await t.call<PlanRecord>('savePlan', { athleteId: complete, request: request(dc) })).acknowledgement).toBeUndefined()
  })

  it('a refer-first sheet needs no acknowledgement: it is no running plan', async () => {
    const t = await setupPlans()
    const id = await runner(t, 'Rae Refer')
    await t.call('saveAssessment', { athleteId: id, date: T0, input: { ...RED_ASSESSMENT, history: undefined } })
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(d.referFirst).toBe(true)
    const plan = await t.call<PlanRecord>('savePlan', { athleteId: id, request: d.request })
    expect(plan.output.status).toBe('refer-first')
    expect(plan.acknowledgement).toBeUndefined()
  })

  it('regenerating keeps the acknowledgement for the same situation and refuses a changed one', async () => {
    const t = await setupPlans()
    const id = await runner(t, 'Reg Regen')
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    const first = await t.call<PlanRecord>('savePlan', { athleteId: id, request: request(d), acknowledged: true })
    const again = await t.call<PlanRecord>('regeneratePlan', { athleteId: id })
    expect(again.acknowledgement).toEqual(first.acknowledgement)

    // Now an assessment with an incomplete screen: the no-assessment acknowledgement does not cover it.
    await t.call('saveAssessment', { athleteId: id, date: T0, input: { symptoms: { location: 'calf' } } })
    const plansBefore = t.services.db.athleteDoc(id).data.plans.length
    const r = await t.dispatch('regeneratePlan', { athleteId: id })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/^Not regenerated: the latest assessment’s red-flag screen is incomplete/)
    expect(t.services.db.athleteDoc(id).data.plans.length).toBe(plansBefore)
  })
})
