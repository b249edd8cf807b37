import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { URGENCY_RANK } from '../../../shared/assessment/diagnose'
import { REFERRAL_IDS, type ReferralId, type Urgency } from '../../../shared/assessment/schema'
import { clinicalInputFromAthlete, computeClinicalState } from '../../../shared/clinical'
import { addDays } from '../../../shared/dates'
import { assessment, clearance, input } from './fixtures'

const TODAY = '2026-03-04'

function record(id: string, date: string, inputData: object) {
  return { id, date, createdAt: `${date}T10:00:00.000Z`, input: inputData }
}

describe('clinicalInputFromAthlete (issue 10 items 1, 2)', () => {
  it('diagnoses every assessment: a referral from an older one stays open after a newer, quieter one', () => {
    const digest = clinicalInputFromAthlete(
      {
        assessments: [record('a2', '2026-02-20', { symptoms: { swelling: false } }), record('a1', '2026-02-01', { symptoms: { swelling: true } })],
        runs: [],
      },
      TODAY,
    )
    expect(digest.assessments.map((a) => a.id)).toEqual(['a1', 'a2'])
    const state = computeClinicalState(digest, TODAY)
    expect(state.colour).toBe('red')
    expect(state.openReferrals[0]).toMatchObject({ referralId: 'suspected-dvt', raisedByAssessmentId: 'a1', notFoundInLatestAssessment: true })
  })

  it('migrates the old plan "referral cleared on" date into clearances marked as migrated (item 2)', () => {
    const digest = clinicalInputFromAthlete(
      {
        assessments: [record('a1', '2026-02-01', { symptoms: { location: 'achilles', morningStiffness: true } })],
        runs: [],
        plans: [
          {
            request: {
              referralClearedOn: '2026-02-10',
              diagnosis: {
                triage: 'amber',
                referrals: [{ id: 'suspected-achilles-tendinopathy', urgency: 'before-progressing', because: ['x'] }],
                pattern: { id: 'exertional-calf-overload', fit: 'partial' },
                factors: [],
                recommendations: [],
                missing: [],
              },
            },
          },
        ],
      },
      TODAY,
    )
    expect(digest.clearances).toEqual([
      expect.objectContaining({ referralId: 'suspected-achilles-tendinopathy', date: '2026-02-10', outcome: 'cleared', migrated: true }),
    ])
    const state = computeClinicalState(digest, TODAY)
    expect(state.openReferrals).toEqual([])
    expect(state.clearances[0]?.closedReferral).toBe(true)
  })

  it('keeps 12 weeks of log, later runs, and the 4 weeks before the last run', () => {
    const run = (date: string) => ({ date, distanceKm: 5 })
    const recent = clinicalInputFromAthlete({ assessments: [], runs: [run('2025-11-01'), run('2026-01-01'), run('2026-03-10')] }, TODAY)
    expect(recent.runs.map((r) => r.date)).toEqual(['2026-01-01', '2026-03-10'])
    const quiet = clinicalInputFromAthlete({ assessments: [], runs: [run('2025-10-01'), run('2025-10-20'), run('2025-11-01')] }, TODAY)
    expect(quiet.runs.map((r) => r.date)).toEqual(['2025-10-20', '2025-11-01'])
  })
})

// ---------------------------------------------------------------------------------------------------------
// Issue 10 item 2 property: a newer assessment never closes a referral and never lowers its urgency.

const urgencyArb = fc.constantFrom<Urgency>('emergency', 'same-day', 'before-progressing')
const referralsArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...(REFERRAL_IDS as readonly ReferralId[])), urgencyArb), {
  selector: ([id]) => id,
  maxLength: 4,
})
const historyArb = fc.record({
  assessments: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), referralsArb), { maxLength: 5 }),
  clearances: fc.array(fc.tuple(fc.constantFrom(...(REFERRAL_IDS as readonly ReferralId[])), fc.integer({ min: 0, max: 80 })), { maxLength: 4 }),
  newer: referralsArb,
  newerOffset: fc.integer({ min: 81, max: 90 }),
})

describe('a newer assessment never closes a referral (issue 10 item 2)', () => {
  it('every referral open before a newer assessment is still open after it, at the same or a higher urgency', () => {
    const start = '2025-12-01'
    fc.assert(
      fc.property(historyArb, (h) => {
        const assessments = h.assessments.map(([d, refs], i) => assessment(`a${i}`, addDays(start, d), refs))
        const clearances = h.clearances.map(([id, d]) => clearance(id, addDays(start, d)))
        const today = addDays(start, 95)
        const before = computeClinicalState(input({ assessments, clearances }), today)
        const after = computeClinicalState(
          input({ assessments: [...assessments, assessment('newer', addDays(start, h.newerOffset), h.newer)], clearances }),
          today,
        )
        for (const open of before.openReferrals) {
          const still = after.openReferrals.find((r) => r.referralId === open.referralId)
          expect(still).toBeDefined()
          expect(URGENCY_RANK[still?.urgency ?? 'before-progressing']).toBeLessThanOrEqual(URGENCY_RANK[open.urgency])
          expect(still?.since).toBe(open.since)
        }
        if (before.colour === 'red') expect(after.colour).toBe('red')
      }),
      { numRuns: 200 },
    )
  })
})

// Issue 10 "Tests" property at the level every screen reads: adding a finding (a referral, or a more urgent
// one) to any assessment never lowers any urgency, never turns a colour milder and never allows more running.

const COLOUR_RANK = { red: 0, amber: 1, green: 2 } as const
const ALLOWANCE_RANK = { none: 0, hold: 1, progress: 2 } as const
const outcomeArb = fc.constantFrom<'cleared' | 'cleared-with-restrictions' | 'something-else-found'>('cleared', 'cleared-with-restrictions', 'something-else-found')

describe('adding a finding never lowers any urgency (issue 10 properties)', () => {
  it('every open referral stays open at the same or a more urgent level; colour and running allowance never relax', () => {
    const start = '2025-12-01'
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), referralsArb), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.constantFrom(...(REFERRAL_IDS as readonly ReferralId[])), fc.integer({ min: 0, max: 80 }), outcomeArb), { maxLength: 4 }),
        fc.nat(),
        fc.tuple(fc.constantFrom(...(REFERRAL_IDS as readonly ReferralId[])), urgencyArb),
        (history, clearanceList, pick, [extraId, extraUrgency]) => {
          const assessments = history.map(([d, refs], i) => assessment(`a${i}`, addDays(start, d), refs))
          const clearances = clearanceList.map(([id, d, outcome]) => clearance(id, addDays(start, d), outcome))
          const k = pick % assessments.length
          const target = assessments[k]
          if (!target) return
          const existing = target.referrals.find((r) => r.id === extraId)
          // Adding: a new referral, or the same one at a more urgent level (never a milder one).
          if (existing && URGENCY_RANK[existing.urgency] <= URGENCY_RANK[extraUrgency]) return
          const added = {
            ...target,
            referrals: [...target.referrals.filter((r) => r.id !== extraId), { id: extraId, urgency: extraUrgency, because: ['added finding'] }],
          }
          const withFinding = assessments.map((a, i) => (i === k ? added : a))
          const before = computeClinicalState(input({ assessments, clearances }), TODAY)
          const after = computeClinicalState(input({ assessments: withFinding, clearances }), TODAY)
          for (const open of before.openReferrals) {
            const still = after.openReferrals.find((r) => r.referralId === open.referralId)
            expect(still, open.referralId).toBeDefined()
            expect(URGENCY_RANK[still?.urgency ?? 'before-progressing']).toBeLessThanOrEqual(URGENCY_RANK[open.urgency])
          }
          expect(COLOUR_RANK[after.colour]).toBeLessThanOrEqual(COLOUR_RANK[before.colour])
          expect(ALLOWANCE_RANK[after.runningAllowance]).toBeLessThanOrEqual(ALLOWANCE_RANK[before.runningAllowance])
        },
      ),
      { numRuns: 300 },
    )
  })
})
