import { describe, expect, it } from 'vitest'
import { clinicalInputFromAthlete, computeClinicalState, type ClinicalState } from '../../../shared/clinical/index'
import { Clearance } from '../../../shared/clinical/clearance'
import { ReadinessTest } from '../../../shared/clinical/readiness'
import { type DemoAthlete, generateDemoSquad } from '../../../shared/demo/demo-squad'

// Every clinical state is visible in the demo squad (issue 10, Tests): red, amber, green, a referral that
// waits for its clearance although the newest assessment no longer found it, and a runner cleared after a
// stop-running referral who is in the readiness gates.

const TODAY = '2026-03-10'
const squad = generateDemoSquad(new Date(`${TODAY}T10:00:00.000Z`))
const stateOf = (a: DemoAthlete): ClinicalState => computeClinicalState(clinicalInputFromAthlete(a, TODAY), TODAY)
const byStory = (story: string): DemoAthlete => {
  const found = squad.athletes.filter((a) => a.athlete.notes === `Demo story: ${story}.`)
  expect(found, story).toHaveLength(1)
  return found[0]!
}

describe('demo squad clinical states', () => {
  it('shows red, amber and green runners', () => {
    const colours = squad.athletes.filter((a) => !a.athlete.archived).map((a) => stateOf(a).colour)
    for (const colour of ['red', 'amber', 'green'] as const) expect(colours.filter((c) => c === colour).length, colour).toBeGreaterThan(0)
  })

  it("'awaiting-clearance': an open referral the newest assessment did not find, waiting for its clearance", () => {
    const a = byStory('awaiting clearance')
    const s = stateOf(a)
    expect(s.openReferrals.map((r) => [r.referralId, r.notFoundInLatestAssessment])).toEqual([['suspected-nerve-root', true]])
    expect(s.colour).toBe('amber')
    expect(s.actions.find((x) => x.code === 'record-clearance')?.text).toMatch(/^Not found in the latest assessment: record the clearance/)
    expect(a.clearances).toEqual([])
  })

  it("'return-to-run': a cleared calf strain in the readiness gates, its first test not yet passed", () => {
    const a = byStory('return to run')
    const s = stateOf(a)
    expect(s.openReferrals).toEqual([])
    expect([s.colour, s.runningAllowance, s.returnToRun?.status]).toEqual(['amber', 'none', 'readiness-tests'])
    expect(s.returnToRun?.referralIds).toEqual(['suspected-calf-strain'])
    expect(s.returnToRun?.restrictions).toEqual(['Flat routes only and no sprints for the first four weeks back.'])
    expect(s.returnToRun?.latestTest?.passed).toBe(false)
    // Stored records are valid as the store reads them, and no run is logged after the runner was told to stop.
    for (const c of a.clearances) expect(Clearance.safeParse(c).success).toBe(true)
    for (const t of a.readinessTests) expect(ReadinessTest.safeParse(t).success).toBe(true)
    const strain = a.assessments[0]!.date
    expect(a.runs.length).toBeGreaterThan(0)
    expect(a.runs.every((r) => r.date < strain)).toBe(true)
  })

  it('only the two clinical stories carry clearances or readiness tests', () => {
    const withRecords = squad.athletes.filter((a) => a.clearances.length > 0 || a.readinessTests.length > 0).map((a) => a.athlete.notes)
    expect(withRecords).toEqual(['Demo story: return to run.'])
  })
})
