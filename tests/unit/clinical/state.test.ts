import { describe, expect, it } from 'vitest'
import { ClinicalInput, computeClinicalState } from '../../../shared/clinical'
import { assessment, clearance, input, readiness, run } from './fixtures'

// 2026-03-02 is a Monday: "this week" runs 03-02..03-08, last week 02-23..03-01, the week before 02-16..02-22.
const TODAY = '2026-03-04'

describe('clinical state colours (issue 10 item 1)', () => {
  it('a plain overloaded runner with no referral and quiet pain is green and may progress', () => {
    const s = computeClinicalState(
      input({ assessments: [assessment('a1', '2026-02-20')], runs: [run('2026-02-24', 5, { painDuring: 2, painNextMorning: 1 })] }),
      TODAY,
    )
    expect(s.colour).toBe('green')
    expect(s.runningAllowance).toBe('progress')
    expect(s.openReferrals).toEqual([])
    expect(s.actions.map((a) => a.code)).not.toContain('see-clinician-today')
    expect(s.nextReviewDate).toBe('2026-04-03') // 6 weeks after the assessment (B2: no change after ~6 weeks)
  })

  it('a same-day referral is red, needs a clinician today and stops running (B2 RED)', () => {
    const s = computeClinicalState(input({ assessments: [assessment('a1', '2026-03-03', [['suspected-dvt', 'same-day']])] }), TODAY)
    expect(s.colour).toBe('red')
    expect(s.runningAllowance).toBe('none')
    expect(s.actions.map((a) => a.code)).toEqual(expect.arrayContaining(['see-clinician-today', 'stop-running', 'record-clearance']))
    expect(s.nextReviewDate).toBe(TODAY)
    expect(s.crossTraining?.allowed).toBe(false)
  })

  it('a before-progressing bone stress referral is red because it stops running (B1 bone stress row)', () => {
    const s = computeClinicalState(
      input({ assessments: [assessment('a1', '2026-03-03', [['suspected-stress-fracture', 'before-progressing']])] }),
      TODAY,
    )
    expect(s.colour).toBe('red')
    expect(s.reasons[0]?.code).toBe('referral-stops-running')
    expect(s.runningAllowance).toBe('none')
    expect(s.crossTraining).toMatchObject({ allowed: true, painLimit: 2 })
  })

  it('a before-progressing Achilles referral is amber: hold, do not stop (B2 AMBER)', () => {
    const s = computeClinicalState(
      input({ assessments: [assessment('a1', '2026-03-03', [['suspected-achilles-tendinopathy', 'before-progressing']])] }),
      TODAY,
    )
    expect(s.colour).toBe('amber')
    expect(s.runningAllowance).toBe('hold')
    expect(s.crossTraining).toBeNull()
  })

  it('7/10 during a run is amber (pain outside the limits), not red: red is only for referrals (C1 "> 5 high risk")', () => {
    const s = computeClinicalState(input({ assessments: [assessment('a1', '2026-02-01')], runs: [run('2026-03-03', 6, { painDuring: 7 })] }), TODAY)
    expect(s.colour).toBe('amber')
    expect(s.runningAllowance).toBe('hold')
    expect(s.reasons.map((r) => r.code)).toContain('pain-during-above-limit')
    expect(s.actions.map((a) => a.code)).not.toContain('re-assess')
  })

  it('pain outside the limits two weeks running adds re-assess (issue 10 item 1, C1)', () => {
    const s = computeClinicalState(
      input({
        assessments: [assessment('a1', '2026-02-01')],
        runs: [run('2026-02-25', 6, { painDuring: 7 }), run('2026-03-03', 6, { painDuring: 6 })],
      }),
      TODAY,
    )
    expect(s.actions.map((a) => a.code)).toContain('re-assess')
    expect(s.nextReviewDate).toBe(TODAY)
  })

  it('morning pain rising two weeks running adds re-assess (C1 "must not increase week to week")', () => {
    const s = computeClinicalState(
      input({
        assessments: [assessment('a1', '2026-02-01')],
        runs: [
          run('2026-02-17', 5, { painAfter: 2, painNextMorning: 0 }),
          run('2026-02-24', 5, { painAfter: 2, painNextMorning: 1 }),
          run('2026-03-02', 5, { painAfter: 2, painNextMorning: 2 }),
        ],
      }),
      TODAY,
    )
    expect(s.reasons.map((r) => r.code)).toContain('morning-pain-rising')
    expect(s.actions.map((a) => a.code)).toContain('re-assess')
  })

  it('a run more than 10 % beyond the longest of the previous 30 days is amber (C2, Frandsen 2025)', () => {
    const s = computeClinicalState(
      input({ assessments: [assessment('a1', '2026-02-01')], runs: [run('2026-02-20', 10), run('2026-03-01', 12)] }),
      TODAY,
    )
    expect(s.colour).toBe('amber')
    expect(s.reasons.map((r) => r.code)).toContain('run-beyond-30d-longest')
  })

  it('no assessment: the red-flag screen is incomplete and the action is to assess', () => {
    const s = computeClinicalState(input(), TODAY)
    expect(s.redFlagScreen.complete).toBe(false)
    expect(s.actions.map((a) => a.code)).toContain('assess')
    expect(s.reasons.map((r) => r.code)).toContain('no-assessment')
  })

  it('an incomplete screen counts its unanswered questions', () => {
    const s = computeClinicalState(
      input({ assessments: [assessment('a1', '2026-03-01', [], { complete: false, unanswered: ['q1', 'q2'] })] }),
      TODAY,
    )
    expect(s.redFlagScreen).toEqual({ complete: false, unanswered: ['q1', 'q2'] })
    expect(s.reasons.find((r) => r.code === 'red-flag-screen-incomplete')?.text).toMatch(/2 red-flag questions/)
  })
})

describe('referrals persist until cleared (issue 10 item 2)', () => {
  it('a newer assessment without the finding does not close it and says so', () => {
    const s = computeClinicalState(
      input({
        assessments: [assessment('a1', '2026-02-10', [['suspected-dvt', 'same-day']]), assessment('a2', '2026-03-01')],
      }),
      TODAY,
    )
    expect(s.colour).toBe('red')
    expect(s.openReferrals).toHaveLength(1)
    expect(s.openReferrals[0]).toMatchObject({
      referralId: 'suspected-dvt',
      since: '2026-02-10',
      raisedByAssessmentId: 'a1',
      notFoundInLatestAssessment: true,
      stopsRunning: true,
    })
    expect(s.actions.find((a) => a.code === 'record-clearance')?.text).toMatch(/Not found in the latest assessment/)
  })

  it('a newer, milder finding never lowers the urgency', () => {
    const s = computeClinicalState(
      input({
        assessments: [
          assessment('a1', '2026-02-10', [['suspected-compartment-syndrome', 'same-day']]),
          assessment('a2', '2026-03-01', [['suspected-compartment-syndrome', 'before-progressing']]),
        ],
      }),
      TODAY,
    )
    expect(s.openReferrals[0]?.urgency).toBe('same-day')
    expect(s.colour).toBe('red')
  })

  it('a clearance for the referral closes it and is kept in the history', () => {
    const s = computeClinicalState(
      input({
        assessments: [assessment('a1', '2026-02-10', [['suspected-achilles-tendinopathy', 'before-progressing']])],
        clearances: [clearance('suspected-achilles-tendinopathy', '2026-02-20')],
      }),
      TODAY,
    )
    expect(s.openReferrals).toEqual([])
    expect(s.colour).toBe('green')
    expect(s.clearances).toHaveLength(1)
    expect(s.clearances[0]?.closedReferral).toBe(true)
  })

  it('an energy-availability concern is closed only by its own clearance (item 4)', () => {
    const s = computeClinicalState(
      input({
        assessments: [
          assessment('a1', '2026-02-10', [
            ['suspected-stress-fracture', 'before-progressing'],
            ['energy-availability-concern', 'before-progressing'],
          ]),
        ],
        clearances: [clearance('suspected-stress-fracture', '2026-02-20')],
      }),
      TODAY,
    )
    expect(s.openReferrals.map((r) => r.referralId)).toEqual(['energy-availability-concern'])
    expect(s.colour).toBe('amber')
  })

  it('an old clearance does not close a later referral of the same id; a later clearance does', () => {
    const base = {
      assessments: [assessment('a1', '2026-01-10', [['suspected-dvt', 'same-day']]), assessment('a2', '2026-02-15', [['suspected-dvt', 'same-day']])],
    }
    const once = computeClinicalState(input({ ...base, clearances: [clearance('suspected-dvt', '2026-01-12')] }), TODAY)
    expect(once.openReferrals.map((r) => [r.referralId, r.since])).toEqual([['suspected-dvt', '2026-02-15']])
    expect(once.clearances[0]?.closedReferral).toBe(true)
    const twice = computeClinicalState(
      input({ ...base, clearances: [clearance('suspected-dvt', '2026-01-12'), clearance('suspected-dvt', '2026-02-16')] }),
      TODAY,
    )
    expect(twice.openReferrals).toEqual([])
  })

  it('a clearance on the day of the assessment closes what it raised', () => {
    const s = computeClinicalState(
      input({
        assessments: [assessment('a1', '2026-02-10', [['suspected-nerve-root', 'before-progressing']])],
        clearances: [clearance('suspected-nerve-root', '2026-02-10')],
      }),
      TODAY,
    )
    expect(s.openReferrals).toEqual([])
  })

  it('"something else found" closes the referral but holds and asks for a re-assessment until one is done', () => {
    const parts = {
      assessments: [assessment('a1', '2026-02-10', [['suspected-compartment-syndrome', 'before-progressing']])],
      clearances: [clearance('suspected-compartment-syndrome', '2026-02-20', 'something-else-found')],
    }
    const s = computeClinicalState(input(parts), TODAY)
    expect(s.openReferrals).toEqual([])
    expect(s.colour).toBe('amber')
    expect(s.actions.map((a) => a.code)).toContain('re-assess')
    const after = computeClinicalState(input({ ...parts, assessments: [...parts.assessments, assessment('a2', '2026-03-01')] }), TODAY)
    expect(after.colour).toBe('green')
  })

  // Clearance history order (episodes.ts): the latest clearance by date decides the outcome of the referral.
  describe('clearance history order: the latest clearance by date wins for that referral', () => {
    const raised = [assessment('a1', '2026-02-01', [['suspected-dvt', 'same-day']])]
    const elseFound = clearance('suspected-dvt', '2026-02-03', 'something-else-found')
    const cleared = clearance('suspected-dvt', '2026-02-10', 'cleared')

    it('"cleared" after "something else found": cleared, the return to running starts from the later date', () => {
      // Given in either order, the dates decide.
      for (const clearances of [[elseFound, cleared], [cleared, elseFound]]) {
        const s = computeClinicalState(input({ assessments: raised, clearances }), TODAY)
        expect(s.openReferrals).toEqual([])
        expect(s.reasons.map((r) => r.code)).not.toContain('something-else-found')
        expect(s.returnToRun?.clearedOn).toBe('2026-02-10')
        expect(s.returnToRun?.status).toBe('readiness-tests')
        // Both clearances stay in the history and both answered the referral.
        expect(s.clearances.map((c) => [c.date, c.outcome, c.closedReferral])).toEqual([
          ['2026-02-03', 'something-else-found', true],
          ['2026-02-10', 'cleared', true],
        ])
      }
    })

    it('"something else found" after "cleared": no return to running, no running until re-assessed', () => {
      const later = clearance('suspected-dvt', '2026-02-20', 'something-else-found')
      const s = computeClinicalState(input({ assessments: raised, clearances: [later, cleared] }), TODAY)
      expect(s.openReferrals).toEqual([])
      expect(s.returnToRun).toBeNull()
      expect(s.reasons.find((r) => r.code === 'something-else-found')?.date).toBe('2026-02-20')
      expect(s.runningAllowance).toBe('none')
      expect(s.actions.map((a) => a.code)).toContain('re-assess')
      // The re-assessment ends the "something else found" hold.
      const after = computeClinicalState(input({ assessments: [...raised, assessment('a2', '2026-02-25')], clearances: [later, cleared] }), TODAY)
      expect(after.runningAllowance).toBe('progress')
    })

    it('a clearance after a later assessment raised the referral again belongs to the new episode', () => {
      const again = [...raised, assessment('a2', '2026-02-15', [['suspected-dvt', 'same-day']])]
      const s = computeClinicalState(input({ assessments: again, clearances: [elseFound] }), TODAY)
      expect(s.openReferrals.map((r) => [r.referralId, r.since])).toEqual([['suspected-dvt', '2026-02-15']])
      const closed = computeClinicalState(input({ assessments: again, clearances: [elseFound, clearance('suspected-dvt', '2026-02-16')] }), TODAY)
      expect(closed.openReferrals).toEqual([])
      expect(closed.returnToRun?.clearedOn).toBe('2026-02-16')
    })
  })
})

describe('return to running after a stop-running referral is cleared (issue 10 item 4, C5)', () => {
  const stopped = {
    assessments: [assessment('a1', '2026-02-01', [['suspected-stress-fracture', 'before-progressing']])],
    clearances: [clearance('suspected-stress-fracture', '2026-02-25', 'cleared-with-restrictions', 'flat ground only')],
  }

  it('no running until the readiness tests pass; the restrictions are kept', () => {
    const s = computeClinicalState(input(stopped), TODAY)
    expect(s.colour).toBe('amber')
    expect(s.runningAllowance).toBe('none')
    expect(s.returnToRun).toMatchObject({ status: 'readiness-tests', clearedOn: '2026-02-25', restrictions: ['flat ground only'] })
    expect(s.returnToRun?.path.path).toBe('bone')
    expect(s.actions.map((a) => a.code)).toContain('readiness-tests')
  })

  it('a passed readiness test opens the walk-run ladder (C5 battery)', () => {
    const s = computeClinicalState(input({ ...stopped, readinessTests: [readiness('2026-03-01')] }), TODAY)
    expect(s.returnToRun?.status).toBe('walk-run-ladder')
    expect(s.runningAllowance).toBe('progress')
    expect(s.colour).toBe('green')
  })

  it('bone: hop pain 3/10 fails the 0-2/10 limit (C1 bone tolerance)', () => {
    const s = computeClinicalState(input({ ...stopped, readinessTests: [readiness('2026-03-01', { hopPain: 3 })] }), TODAY)
    expect(s.returnToRun?.status).toBe('readiness-tests')
    expect(s.returnToRun?.latestTest?.checks.find((c) => c.id === 'hop-pain')?.passed).toBe(false)
  })

  it('heel raises under 25, or more than 10 % apart, fail the calf-capacity gate (C5)', () => {
    const few = computeClinicalState(input({ ...stopped, readinessTests: [readiness('2026-03-01', { singleLegHeelRaises: { left: 24, right: 30 } })] }), TODAY)
    expect(few.returnToRun?.status).toBe('readiness-tests')
    const apart = computeClinicalState(input({ ...stopped, readinessTests: [readiness('2026-03-01', { singleLegHeelRaises: { left: 26, right: 30 } })] }), TODAY)
    expect(apart.returnToRun?.latestTest?.checks.find((c) => c.id === 'heel-raise-symmetry')?.passed).toBe(false)
    const close = computeClinicalState(input({ ...stopped, readinessTests: [readiness('2026-03-01', { singleLegHeelRaises: { left: 27, right: 30 } })] }), TODAY)
    expect(close.returnToRun?.status).toBe('walk-run-ladder')
  })

  it('a readiness test from before the clearance does not count', () => {
    const s = computeClinicalState(input({ ...stopped, readinessTests: [readiness('2026-02-24')] }), TODAY)
    expect(s.returnToRun?.status).toBe('readiness-tests')
  })

  it('clearing a referral that never stopped running starts no return gate', () => {
    const s = computeClinicalState(
      input({
        assessments: [assessment('a1', '2026-02-01', [['suspected-achilles-tendinopathy', 'before-progressing']])],
        clearances: [clearance('suspected-achilles-tendinopathy', '2026-02-25')],
      }),
      TODAY,
    )
    expect(s.returnToRun).toBeNull()
  })
})

describe('the clinical digest is plain JSON', () => {
  it('survives a JSON round trip and validates', () => {
    const digest = input({
      assessments: [assessment('a1', '2026-02-01', [['suspected-dvt', 'same-day']])],
      clearances: [clearance('suspected-dvt', '2026-02-02')],
      readinessTests: [readiness('2026-02-10')],
      runs: [run('2026-02-20', 5, { painDuring: 1 })],
    })
    const back = ClinicalInput.parse(JSON.parse(JSON.stringify(digest)))
    expect(computeClinicalState(back, TODAY)).toEqual(computeClinicalState(digest, TODAY))
  })
})

describe('board order', () => {
  it('puts a runner who must see a doctor today above a runner with a painful run, and both above a quiet one', async () => {
    const { compareClinicalState } = await import('../../../shared/clinical')
    const clot = computeClinicalState(input({ assessments: [assessment('a1', '2026-03-03', [['suspected-dvt', 'same-day']])] }), TODAY)
    const sore = computeClinicalState(input({ assessments: [assessment('a1', '2026-02-01')], runs: [run('2026-03-03', 6, { painDuring: 7 })] }), TODAY)
    const quiet = computeClinicalState(input({ assessments: [assessment('a1', '2026-02-01')], runs: [run('2026-03-03', 6)] }), TODAY)
    expect([quiet, sore, clot].sort(compareClinicalState)).toEqual([clot, sore, quiet])
  })
})
