// Property tests (fast-check): output validity, "red flags win always", and "missing data never invents".

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REFERRAL_POLICY, referralStopsRunning } from '../../../shared/clinical/referral-policy'
import { LIKELIHOOD_RANK, TRIAGE_RANK, URGENCY_RANK, diagnose } from '../../../shared/assessment/diagnose'
import { exerciseById } from '../../../shared/assessment/exercises'
import { AssessmentInput, Diagnosis, type Diagnosis as DiagnosisT } from '../../../shared/assessment/schema'
import { CLEAN, assessmentArb, keepLeaves, leaves, nearThresholdArb, withPatch, type Leaf } from './fixtures'

const RUNS = { numRuns: 400 }

/** Red-flag findings a coach could add to any assessment (each overrides whatever was recorded). */
const RED_FLAG_FINDINGS: ReadonlyArray<{ name: string; patch: Parameters<typeof withPatch>[1] }> = [
  { name: 'chest pain', patch: { symptoms: { chestPainOrBreathlessness: true } } },
  { name: 'swelling', patch: { symptoms: { swelling: true } } },
  { name: 'warmth', patch: { symptoms: { warmthOrRedness: true } } },
  { name: 'girth +4 cm', patch: { symptoms: { calfCircumferenceDifferenceCm: 4 } } },
  { name: 'bruising', patch: { symptoms: { bruising: true } } },
  { name: 'pop', patch: { symptoms: { popOrKickSensation: true } } },
  { name: 'sudden onset', patch: { symptoms: { onset: 'sudden' } } },
  { name: 'unable to heel raise', patch: { symptoms: { unableToHeelRaise: true } } },
  { name: 'pain at rest', patch: { symptoms: { painAtRest: true } } },
  { name: 'night pain', patch: { symptoms: { nightPain: true } } },
  { name: 'numbness', patch: { symptoms: { numbnessOrTingling: true } } },
  { name: 'foot weakness', patch: { symptoms: { footWeakness: true } } },
  { name: 'cold foot', patch: { symptoms: { coldOrPaleFoot: true } } },
  { name: 'focal bone tenderness', patch: { symptoms: { focalBoneTenderness: true } } },
  { name: 'painful hop', patch: { symptoms: { painfulHop: true } } },
  { name: 'back pain', patch: { symptoms: { backPainOrRadiatingPain: true } } },
  { name: 'morning stiffness', patch: { symptoms: { morningStiffness: true } } },
  { name: 'surgery', patch: { history: { recentSurgeryOrImmobilisation: true } } },
  { name: 'travel', patch: { history: { recentLongHaulTravel: true } } },
  { name: 'previous DVT', patch: { history: { previousDvt: true } } },
  { name: 'cancer', patch: { history: { activeCancer: true } } },
  { name: 'previous BSI', patch: { history: { previousBoneStressInjury: true } } },
  { name: 'irregular periods', patch: { history: { irregularOrAbsentPeriods: true } } },
  { name: 'takes 45 min to settle', patch: { symptoms: { settlesAfterStoppingMinutes: 45 } } },
  // Added by issue 10
  { name: 'forced to stop', patch: { symptoms: { forcedToStop: true } } },
  { name: 'muscle hernia', patch: { symptoms: { muscleHernia: true } } },
  { name: 'saddle numbness', patch: { symptoms: { saddleNumbnessOrBladderBowelChange: true } } },
  { name: 'symptoms 14 weeks', patch: { symptoms: { weeksSinceOnset: 14 } } },
]

/** The clean story, partly left out, with a few red flags already present: where a lowered triage would show. */
const cleanWithFlagsArb = fc
  .tuple(fc.infiniteStream(fc.boolean()), fc.subarray([...RED_FLAG_FINDINGS], { maxLength: 3 }))
  .map(([mask, flags]) => {
    const it = mask[Symbol.iterator]()
    let input = keepLeaves(CLEAN, () => it.next().value as boolean)
    for (const f of flags) input = withPatch(input, f.patch)
    return input
  })

/** Every referral of `weaker` is in `stronger`, at least as urgent; and triage is at least as serious. */
function expectNoSofterThan(stronger: DiagnosisT, weaker: DiagnosisT) {
  expect(TRIAGE_RANK[stronger.triage]).toBeLessThanOrEqual(TRIAGE_RANK[weaker.triage])
  for (const r of weaker.referrals) {
    const s = stronger.referrals.find((x) => x.id === r.id)
    expect(s, `referral ${r.id} disappeared`).toBeDefined()
    if (s) expect(URGENCY_RANK[s.urgency]).toBeLessThanOrEqual(URGENCY_RANK[r.urgency])
  }
}

describe('properties of diagnose()', () => {
  it('the generators only make valid assessments', () => {
    fc.assert(
      fc.property(fc.oneof(assessmentArb, nearThresholdArb), (input) => {
        expect(AssessmentInput.safeParse(input).success).toBe(true)
      }),
      RUNS,
    )
  })

  it('random valid assessments always produce a valid Diagnosis, deterministically', () => {
    fc.assert(
      fc.property(fc.oneof(assessmentArb, nearThresholdArb), (input) => {
        const d = diagnose(input)
        const parsed = Diagnosis.safeParse(d)
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true)
        expect(diagnose(input)).toEqual(d)
        // triage agrees with the referrals
        const urgent = d.referrals.some((r) => r.urgency !== 'before-progressing')
        expect(d.triage).toBe(urgent ? 'red' : d.referrals.length ? 'amber' : 'green')
        // factors sorted most likely first, no duplicates
        const ranks = d.factors.map((f) => LIKELIHOOD_RANK[f.likelihood])
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
        expect(new Set(d.factors.map((f) => f.id)).size).toBe(d.factors.length)
        expect(new Set(d.referrals.map((r) => r.id)).size).toBe(d.referrals.length)
        expect(new Set(d.recommendations.map((r) => r.id)).size).toBe(d.recommendations.length)
      }),
      RUNS,
    )
  })

  it('"keep running comfortably" appears exactly when no referral says stop', () => {
    fc.assert(
      fc.property(fc.oneof(assessmentArb, nearThresholdArb), (input) => {
        const d = diagnose(input)
        const ids = d.recommendations.map((r) => r.id)
        const stop = ids.includes('stop-running-and-get-checked')
        expect(ids.includes('keep-running-comfortably')).toBe(!stop)
        if (d.triage === 'red') expect(ids).toEqual(['stop-running-and-get-checked'])
        if (d.triage === 'green') expect(ids[0]).toBe('keep-running-comfortably')
      }),
      RUNS,
    )
  })

  it('never advises running, or any exercise that loads the calf, beside a stop-running referral (issue 10)', () => {
    fc.assert(
      fc.property(fc.oneof(cleanWithFlagsArb, assessmentArb, nearThresholdArb), (input) => {
        const d = diagnose(input)
        const ids = d.referrals.map((r) => r.id)
        const stops = d.referrals.some((r) => referralStopsRunning(r.id, r.urgency, ids))
        if (!stops) return
        const recs = d.recommendations.map((r) => r.id)
        expect(recs[0]).toBe('stop-running-and-get-checked')
        for (const id of recs) expect(exerciseById(id)?.loading, id).toBe('none')
        // A suspected clot: no exercise at all, so nothing can push a clot around.
        if (ids.some((id) => !REFERRAL_POLICY[id].crossTraining.allowed)) expect(recs).toEqual(['stop-running-and-get-checked'])
      }),
      RUNS,
    )
  })

  it('adding any red-flag finding never lowers triage (nor any referral)', () => {
    fc.assert(
      fc.property(
        fc.oneof(cleanWithFlagsArb, assessmentArb, nearThresholdArb),
        fc.constantFrom(...RED_FLAG_FINDINGS),
        (input, flag) => {
          // "Takes 45 min to settle" only adds a finding where settling was quicker or unknown; over
          // "does not settle" (null) or a longer time it would replace a stronger finding with a weaker one.
          const settles = input.symptoms?.settlesAfterStoppingMinutes
          fc.pre(!('settlesAfterStoppingMinutes' in (flag.patch.symptoms ?? {})) || settles === undefined || (settles !== null && settles < 45))
          const before = diagnose(input)
          const after = diagnose(withPatch(input, flag.patch))
          expect(TRIAGE_RANK[after.triage]).toBeLessThanOrEqual(TRIAGE_RANK[before.triage])
          expect(after.triage).not.toBe('green')
          // Issue 10: no urgency of any referral goes down when a finding is added.
          if (!('settlesAfterStoppingMinutes' in (flag.patch.symptoms ?? {}))) expectNoSofterThan(after, before)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('no combination of extra findings removes a referral or softens its urgency', () => {
    fc.assert(
      fc.property(fc.oneof(cleanWithFlagsArb, nearThresholdArb), fc.infiniteStream(fc.boolean()), (full, mask) => {
        const it = mask[Symbol.iterator]()
        const subset = keepLeaves(full, () => it.next().value as boolean)
        expectNoSofterThan(diagnose(full), diagnose(subset))
      }),
      RUNS,
    )
  })

  /**
   * The age is context, not a finding: at an age outside a norm table (heel raise under 20, the hip equation
   * outside 18-65) there is no norm, only side to side (issue 10); forgetting that age falls back to the most
   * lenient published norm, which may then count a very low value. So that age is never removed here; every
   * other removal is checked.
   */
  function keepsAgeOutsideNorms(full: AssessmentInput, leaf: Leaf): boolean {
    const age = full.athlete?.ageYears
    return leaf.join('.') === 'athlete.ageYears' && age !== undefined && (age < 20 || age >= 66)
  }

  it('removing a finding never adds a factor or raises its likelihood', () => {
    fc.assert(
      fc.property(fc.oneof(nearThresholdArb, assessmentArb), fc.nat(), (full, pick) => {
        const all = leaves(full)
        if (all.length === 0) return
        const drop = pick % all.length
        fc.pre(!(all[drop] && keepsAgeOutsideNorms(full, all[drop])))
        const reduced = keepLeaves(full, (_leaf, i) => i !== drop)
        const fullFactors = new Map(diagnose(full).factors.map((f) => [f.id, f.likelihood]))
        for (const f of diagnose(reduced).factors) {
          const was = fullFactors.get(f.id)
          expect(was, `factor ${f.id} appeared after removing ${all[drop]?.join('.')}`).toBeDefined()
          if (was) expect(LIKELIHOOD_RANK[f.likelihood]).toBeGreaterThanOrEqual(LIKELIHOOD_RANK[was])
        }
      }),
      RUNS,
    )
  })

  it('removing many findings at once never adds a factor', () => {
    fc.assert(
      fc.property(nearThresholdArb, fc.infiniteStream(fc.boolean()), (full, mask) => {
        const it = mask[Symbol.iterator]()
        const subset = keepLeaves(full, (leaf) => keepsAgeOutsideNorms(full, leaf) || (it.next().value as boolean))
        const fullIds = new Set(diagnose(full).factors.map((f) => f.id))
        for (const f of diagnose(subset).factors) expect(fullIds.has(f.id)).toBe(true)
      }),
      RUNS,
    )
  })

  it('missing data never crashes and never invents findings: an empty section adds nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('athlete', 'symptoms', 'history', 'screening', 'lifestyle', 'training'),
        (section) => {
          const d = diagnose({ [section]: {} } as AssessmentInput)
          expect(d.triage).toBe('green')
          expect(d.referrals).toEqual([])
          expect(d.factors).toEqual([])
          expect(d.missing.length).toBeGreaterThan(40)
        },
      ),
    )
  })

  it('the clean story stays green however much of it is left out', () => {
    fc.assert(
      fc.property(fc.infiniteStream(fc.boolean()), (mask) => {
        const it = mask[Symbol.iterator]()
        const d = diagnose(keepLeaves(CLEAN, () => it.next().value as boolean))
        expect(d.triage).toBe('green')
        expect(d.factors).toEqual([])
        expect(d.pattern.fit).not.toBe('atypical')
      }),
      { numRuns: 200 },
    )
  })
})
