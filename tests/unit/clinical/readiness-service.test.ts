import { describe, expect, it } from 'vitest'
import type { JudgedReadinessTest } from '../../../shared/api/channels/clinical'
import type { ClinicalStateDto } from '../../../shared/api/channels/clinical-state'
import type { PlanDefaults } from '../../../shared/api/channels/plans'
import { addDays } from '../../../shared/dates'
import type { PlanRecord } from '../../../shared/domain/documents'
import { addRuns, RED_ASSESSMENT, setupPlans, steadyRuns, T0 } from '../plans/helpers'

// Readiness tests through the channels (issue 10 item 4, reference C5), and the plan that follows the recorded
// clearances and readiness tests: refer first while the clot referral is open, readiness gates once it is
// cleared, then walk-run once a test passes.

type Setup = Awaited<ReturnType<typeof setupPlans>>

const PASSING = { walk30MinPainFree: true, singleLegHops: 12, hopPain: 1, singleLegHeelRaises: { left: 27, right: 26 }, heelRaisePain: 0 }

/** A runner with a same-day suspected DVT (stops running), assessed on T0. */
async function clotAthlete(t: Setup): Promise<string> {
  const id = await t.athlete('Rosa Reid')
  await addRuns(t.call, id, steadyRuns(T0, 6))
  await t.call('saveAssessment', { athleteId: id, date: T0, input: RED_ASSESSMENT })
  return id
}

async function clear(t: Setup, id: string, date: string): Promise<void> {
  await t.call('recordClearance', { athleteId: id, referralId: 'suspected-dvt', date, clearedBy: { role: 'doctor', name: 'Dr Lee' }, outcome: 'cleared' })
}

describe('recordReadinessTest / listReadinessTests', () => {
  it('judges each test in main and moves the state from readiness gates to the walk-run ladder', async () => {
    const t = await setupPlans()
    const id = await clotAthlete(t)
    t.advance(4)
    await clear(t, id, addDays(T0, 2))
    const gated = await t.call<ClinicalStateDto>('getClinicalState', { athleteId: id })
    expect([gated.colour, gated.runningAllowance, gated.returnToRun?.status]).toEqual(['amber', 'none', 'readiness-tests'])

    const failing = await t.call<JudgedReadinessTest>('recordReadinessTest', { athleteId: id, date: addDays(T0, 3), ...PASSING, singleLegHops: 8, hopPain: 3 })
    expect(failing.result.passed).toBe(false)
    expect(failing.result.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(['hops', 'hop-pain'])
    expect((await t.call<ClinicalStateDto>('getClinicalState', { athleteId: id })).returnToRun?.status).toBe('readiness-tests')

    const passing = await t.call<JudgedReadinessTest>('recordReadinessTest', { athleteId: id, date: addDays(T0, 4), ...PASSING })
    expect(passing.result.passed).toBe(true)
    expect(passing.painLimit).toBe(2)
    const after = await t.call<ClinicalStateDto>('getClinicalState', { athleteId: id })
    expect([after.returnToRun?.status, after.runningAllowance]).toEqual(['walk-run-ladder', 'progress'])

    const listed = await t.call<JudgedReadinessTest[]>('listReadinessTests', { athleteId: id })
    expect(listed.map((x) => [x.test.date, x.result.passed])).toEqual([
      [addDays(T0, 4), true],
      [addDays(T0, 3), false],
    ])
    await t.services.reopen()
    expect(await t.call<JudgedReadinessTest[]>('listReadinessTests', { athleteId: id })).toHaveLength(2)
  })

  it.each([
    ['a date in the future', { date: addDays(T0, 30) }, /future/],
    ['a date before the clearance', { date: addDays(T0, 1) }, /clearance is dated/],
    ['a fractional hop count', { singleLegHops: 10.5 }, /whole number of hops/],
    ['hop pain above 10', { hopPain: 11 }, /at most 10/],
    ['a missing heel-raise side', { singleLegHeelRaises: { left: 25 } }, /singleLegHeelRaises\.right/],
    ['an unknown field', { jumps: 3 }, /unknown field/],
  ])('refuses %s with a specific message and changes nothing', async (_label, change, message) => {
    const t = await setupPlans()
    const id = await clotAthlete(t)
    t.advance(4)
    await clear(t, id, addDays(T0, 2))
    const before = t.readAthleteFile(id)
    const r = await t.dispatch('recordReadinessTest', { athleteId: id, date: addDays(T0, 3), ...PASSING, ...change })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-input')
    expect(r.error.message).toMatch(message)
    expect(t.readAthleteFile(id)).toBe(before)
  })

  it('refuses a test while no return to running is under way (the referral is still open)', async () => {
    const t = await setupPlans()
    const id = await clotAthlete(t)
    t.advance(2)
    const before = t.readAthleteFile(id)
    const r = await t.dispatch('recordReadinessTest', { athleteId: id, date: addDays(T0, 1), ...PASSING })
    expect(r.ok ? '' : r.error.message).toMatch(/not returning to running after a cleared stop-running referral/)
    expect(t.readAthleteFile(id)).toBe(before)
  })
})

describe('the plan follows the recorded clearances and readiness tests', () => {
  it('refer first while open; once cleared the plan starts with the readiness gate, then walk-run after a pass', async () => {
    const t = await setupPlans()
    const id = await clotAthlete(t)
    const open = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(open.referFirst).toBe(true)
    // A request cannot clear the referral itself: only the recorded clearance counts.
    const forged = await t.call<PlanRecord>('savePlan', {
      athleteId: id,
      request: { ...open.request, clearances: [{ referralId: 'suspected-dvt', date: T0, outcome: 'cleared' }] },
    })
    expect(forged.output.status).toBe('refer-first')

    t.advance(4)
    await clear(t, id, addDays(T0, 2))
    const cleared = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    expect(cleared.referFirst).toBe(false)
    const gated = await t.call<PlanRecord>('savePlan', { athleteId: id, request: { ...cleared.request, startDate: addDays(T0, 4) } })
    expect(gated.output.status).toBe('ok')
    expect(gated.output.returnToRun).toMatchObject({ referralIds: ['suspected-dvt'], readiness: 'pending' })
    expect(gated.output.weeks[0]?.gate).toMatch(/readiness tests/)

    await t.call('recordReadinessTest', { athleteId: id, date: addDays(T0, 4), ...PASSING })
    const ladder = await t.call<PlanRecord>('regeneratePlan', { athleteId: id })
    expect(ladder.output.returnToRun?.readiness).toBe('passed')
    expect(ladder.output.weeks[0]?.runs.every((r) => r.kind === 'walk-run')).toBe(true)
  })
})
