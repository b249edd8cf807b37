// Held-out cases (issue 10 "Tests"): runners described from the reference, not from the rules' own tuning
// cases. Each case names the reference line it comes from and states the exact referrals (id and urgency)
// the diagnosis must raise and the kind of plan that follows (refer-first, hold or progress). The clinical
// state built from the same assessment must agree with the plan: refer-first = red, hold = amber,
// progress = green (one answer on every screen, issue 10 item 1).
//
// The baseline is the source blog's runner (calf-pain-in-runners.txt): tight, crampy calves that come on a
// while into the run, get worse as it goes on and fade soon after stopping, no injury moment, little next-day
// soreness; here in both legs, as reference B1 says simple overload often is (CLASSIC below).

import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../shared/assessment/diagnose'
import type { AssessmentInput, Diagnosis, ReferralId, Urgency } from '../../../shared/assessment/schema'
import { assessmentDigest, computeClinicalState, CLINICAL_INPUT_VERSION } from '../../../shared/clinical'
import { generatePlan, PlanRequest } from '../../../shared/plan'
import { CLEAN, withPatch } from '../assessment/fixtures'

type PlanKind = 'refer-first' | 'hold' | 'progress'

interface HeldOutCase {
  name: string
  /** The reference line the case is built from (clinical-and-peers.md section, or the seed text). */
  ref: string
  input: AssessmentInput
  referrals: Partial<Record<ReferralId, Urgency>>
  plan: PlanKind
}

// The assessment fixtures' all-clear record (every red-flag question answered "no", normal tests), made into the
// blog's runner: both calves, cramping/tight/heavy, 4 weeks, calf endurance clearly short on both sides for a
// woman of 34 (A2: average 27; 6 reps short is beyond the test's noise).
const CLASSIC: AssessmentInput = withPatch(CLEAN, {
  athlete: { ageYears: 34 },
  symptoms: { side: 'both', character: ['cramping', 'tight', 'heavy'], calfCircumferenceDifferenceCm: 0, weeksSinceOnset: 4 },
  history: { vascularRiskFactors: ['none-of-these'] },
  screening: { singleLegHeelRaiseReps: { left: 19, right: 20 }, kneeToWallCm: { left: 11, right: 11.5 } },
})

const like = (patch: Parameters<typeof withPatch>[1]) => withPatch(CLASSIC, patch)

const CASES: HeldOutCase[] = [
  // --- plain calf overload: no referral (the opposite error of issue 10: these must not be sent to a clinician)
  { name: 'classic bilateral overload runner', ref: 'B1 overload row (gradual, tight, settles quickly); B2 GREEN', input: CLASSIC, referrals: {}, plan: 'progress' },
  { name: 'classic overload in one leg', ref: 'B1 overload row; seed text (cramping, heavy, tight, gone soon after stopping)', input: like({ symptoms: { side: 'left' } }), referrals: {}, plan: 'progress' },
  { name: 'both legs, pain from 20 min in, but the runner carries on', ref: 'B2 AMBER: bilateral pain is amber only when it stops the run', input: like({ symptoms: { startsAfterMinutes: 20 } }), referrals: {}, plan: 'progress' },
  { name: 'settles in exactly 10 min', ref: 'B1 overload row (settles quickly) vs CECS (10-20 min)', input: like({ symptoms: { settlesAfterStoppingMinutes: 10 } }), referrals: {}, plan: 'progress' },
  { name: 'oral contraceptive alone', ref: 'B1 DVT row: a risk factor scored with other signs, not a referral alone', input: like({ history: { hormonalContraceptiveOrHrt: true } }), referrals: {}, plan: 'progress' },
  { name: 'runner aged 45 with cramping that goes in 2 min, no vascular risk factor', ref: 'issue 10 item 6 (arterial check from 60, or 50 with a risk factor)', input: like({ athlete: { ageYears: 45 }, symptoms: { settlesAfterStoppingMinutes: 2 } }), referrals: {}, plan: 'progress' },
  { name: 'a 17-year-old with a weaker calf (no heel-raise norm under 20)', ref: 'A2 norm table starts at 20-29; side-to-side gap only', input: like({ athlete: { ageYears: 17 }, screening: { singleLegHeelRaiseReps: { left: 20, right: 28 } } }), referrals: {}, plan: 'progress' },
  { name: 'symptoms for 11 weeks', ref: 'B2 AMBER (~6 weeks without change) needs two assessments; 12 weeks alone (issue 10)', input: like({ symptoms: { weeksSinceOnset: 11 } }), referrals: {}, plan: 'progress' },

  // --- compartment syndrome: amber, hold until seen
  { name: 'both legs, the pain forces a stop at the same distance each run', ref: 'B2 AMBER: bilateral symmetrical exertional pain that stops the run at a reproducible distance', input: like({ symptoms: { forcedToStop: true } }), referrals: { 'suspected-compartment-syndrome': 'before-progressing' }, plan: 'hold' },
  { name: 'forced stop with numbness during runs, settling in 15 min', ref: 'B1 CECS row (numbness/tingling; resolves 10-20 min); B2 AMBER (numbness during runs)', input: like({ symptoms: { forcedToStop: true, numbnessOrTingling: true, settlesAfterStoppingMinutes: 15 } }), referrals: { 'suspected-compartment-syndrome': 'before-progressing' }, plan: 'hold' },
  { name: 'takes 20 min to settle', ref: 'B1 CECS row: resolves 10-20 min after stopping', input: like({ symptoms: { settlesAfterStoppingMinutes: 20 } }), referrals: { 'suspected-compartment-syndrome': 'before-progressing' }, plan: 'hold' },
  { name: 'a bulge in the shin muscle after runs', ref: 'B1 CECS row: palpable muscle hernia (45.9 % in CECS)', input: like({ symptoms: { muscleHernia: true } }), referrals: { 'suspected-compartment-syndrome': 'before-progressing' }, plan: 'hold' },
  { name: 'foot slaps on long runs', ref: 'B1 CECS row: weakness, foot drop/slap; B2 AMBER foot weakness during runs', input: like({ symptoms: { footWeakness: true } }), referrals: { 'suspected-compartment-syndrome': 'before-progressing' }, plan: 'hold' },

  // --- bone stress: stop running
  { name: 'focal shin tenderness and a painful single-leg hop', ref: 'B1 bone stress row: focal tenderness, pain with hopping → stop running, refer', input: like({ symptoms: { location: 'shin', focalBoneTenderness: true, painfulHop: true } }), referrals: { 'suspected-stress-fracture': 'before-progressing' }, plan: 'refer-first' },
  { name: 'painful hop with the pain labelled "calf"', ref: 'B1 bone stress row (hop test sensitivity 100 %); issue 10: whatever the location label says', input: like({ symptoms: { painfulHop: true } }), referrals: { 'suspected-stress-fracture': 'before-progressing' }, plan: 'refer-first' },
  { name: 'painful hop and shin pain at night', ref: 'B2 RED: pain at rest or at night in the shin', input: like({ symptoms: { location: 'shin', painfulHop: true, nightPain: true } }), referrals: { 'suspected-stress-fracture': 'same-day', 'suspected-dvt': 'before-progressing' }, plan: 'refer-first' },
  { name: 'bone tenderness with absent periods', ref: 'B1 RED-S row (risk modifier for bone stress: refer, do not progress)', input: like({ symptoms: { focalBoneTenderness: true }, history: { irregularOrAbsentPeriods: true } }), referrals: { 'suspected-stress-fracture': 'before-progressing', 'energy-availability-concern': 'before-progressing' }, plan: 'refer-first' },

  // --- energy availability alone: hold
  { name: 'absent periods, no bone sign', ref: 'B2 AMBER: amenorrhoea/RED-S flags', input: like({ history: { irregularOrAbsentPeriods: true } }), referrals: { 'energy-availability-concern': 'before-progressing' }, plan: 'hold' },
  { name: 'a previous stress fracture', ref: 'B2 AMBER: prior bone stress injury', input: like({ history: { previousBoneStressInjury: true } }), referrals: { 'energy-availability-concern': 'before-progressing' }, plan: 'hold' },

  // --- clots: stop, no exercise
  { name: 'one swollen, warm calf with no injury', ref: 'B2 RED: unilateral calf swelling/warmth/redness with no mechanism', input: like({ symptoms: { side: 'left', swelling: true, warmthOrRedness: true } }), referrals: { 'suspected-dvt': 'same-day' }, plan: 'refer-first' },
  { name: 'calf pain after a long-haul flight home from a marathon', ref: 'B1 DVT row: recent long-haul travel (esp. post-race); B2 RED', input: like({ history: { recentLongHaulTravel: true } }), referrals: { 'suspected-dvt': 'same-day' }, plan: 'refer-first' },
  { name: 'calf 3.5 cm bigger than the other', ref: 'B1 DVT row (Wells): calf swelling > 3 cm vs the other leg', input: like({ symptoms: { calfCircumferenceDifferenceCm: 3.5 } }), referrals: { 'suspected-dvt': 'same-day' }, plan: 'refer-first' },
  { name: 'calf pain at night only', ref: 'B1 DVT row: night pain (issue 10: a suspected clot stops running at any urgency)', input: like({ symptoms: { nightPain: true } }), referrals: { 'suspected-dvt': 'before-progressing' }, plan: 'refer-first' },
  { name: 'breathless with chest pain after calf pain', ref: 'B1 DVT row: chest pain/breathlessness = PE emergency', input: like({ symptoms: { chestPainOrBreathlessness: true } }), referrals: { 'possible-pulmonary-embolism': 'emergency' }, plan: 'refer-first' },

  // --- arteries
  { name: 'arterial claudication at 62: cramping that goes within 3 min of stopping', ref: 'B1 PAES row (relieved within seconds-minutes: vascular referral); issue 10 item 6 (60+)', input: like({ athlete: { ageYears: 62 }, symptoms: { settlesAfterStoppingMinutes: 3 } }), referrals: { 'suspected-arterial-claudication': 'before-progressing' }, plan: 'hold' },
  { name: 'a smoker with diabetes at 55, cramping that goes in 2 min', ref: 'issue 10 item 6 (50+ with a vascular risk factor); B1 PAES row', input: like({ athlete: { ageYears: 55 }, symptoms: { settlesAfterStoppingMinutes: 2 }, history: { vascularRiskFactors: ['smoking', 'diabetes'] } }), referrals: { 'suspected-arterial-claudication': 'before-progressing' }, plan: 'hold' },
  { name: 'young man whose foot goes cold and pale on runs', ref: 'B2 RED: cold/pale/pulseless foot; B1 PAES row', input: like({ athlete: { sex: 'male', ageYears: 24 }, symptoms: { side: 'right', coldOrPaleFoot: true } }), referrals: { 'suspected-vascular-entrapment': 'same-day' }, plan: 'refer-first' },

  // --- nerves
  { name: 'numb saddle area and a new change in bladder control', ref: 'B1 radiculopathy row: emergency if saddle anaesthesia or bladder/bowel change (cauda equina); B2 RED', input: like({ symptoms: { saddleNumbnessOrBladderBowelChange: true } }), referrals: { 'possible-cauda-equina': 'emergency' }, plan: 'refer-first' },
  { name: 'burning pain from the buttock to below the knee with back pain', ref: 'B2 AMBER: pain radiating from buttock/below knee with back pain', input: like({ symptoms: { side: 'left', backPainOrRadiatingPain: true } }), referrals: { 'suspected-nerve-root': 'before-progressing' }, plan: 'hold' },

  // --- muscle and tendon
  { name: 'sudden "kick in the calf" on a hill sprint, bruising days later', ref: 'B1 calf strain row: sudden pain, pop, bruising → stop running', input: like({ athlete: { sex: 'male', ageYears: 48 }, symptoms: { side: 'left', onset: 'sudden', popOrKickSensation: true, bruising: true } }), referrals: { 'suspected-calf-strain': 'before-progressing' }, plan: 'refer-first' },
  { name: 'a pop and now cannot rise onto the toes', ref: 'B2 RED: inability to weight-bear/heel-raise after a sudden pop', input: like({ symptoms: { side: 'left', onset: 'sudden', popOrKickSensation: true, unableToHeelRaise: true } }), referrals: { 'suspected-calf-strain': 'same-day', 'suspected-tendon-rupture': 'same-day' }, plan: 'refer-first' },
  { name: 'stiff Achilles first thing in the morning that warms up on the run', ref: 'B1 Achilles row: morning stiffness, warms up, then worse after', input: like({ symptoms: { location: 'achilles', side: 'left', morningStiffness: true } }), referrals: { 'suspected-achilles-tendinopathy': 'before-progressing' }, plan: 'hold' },

  // --- how the complaint behaves over time
  { name: 'pain that lasts 45 min after stopping', ref: 'B2 AMBER: pain lasting > 20-30 min after stopping', input: like({ symptoms: { settlesAfterStoppingMinutes: 45 } }), referrals: { 'persistent-pain-after-running': 'before-progressing' }, plan: 'hold' },
  { name: 'symptoms for 14 weeks despite easing off', ref: 'B0 (escalate when conservative management fails); B1 CECS row (no improvement after a trial of load management)', input: like({ symptoms: { weeksSinceOnset: 14 } }), referrals: { 'not-improving-with-conservative-care': 'before-progressing' }, plan: 'hold' },
]

const REQUEST = { startDate: '2026-01-05', currentWeeklyKm: 20, longestRunLast30DaysKm: 8, targetWeeklyKm: 30, runDaysPerWeek: 3 }

function planKind(diagnosis: Diagnosis): PlanKind {
  const plan = generatePlan(PlanRequest.parse({ ...REQUEST, diagnosis }))
  if (plan.status === 'refer-first') {
    expect(plan.weeks.flatMap((w) => w.runs)).toEqual([])
    return 'refer-first'
  }
  return plan.awaitingReferralClearance ? 'hold' : 'progress'
}

const COLOUR: Record<PlanKind, 'red' | 'amber' | 'green'> = { 'refer-first': 'red', hold: 'amber', progress: 'green' }

describe(`held-out cases from the reference (${CASES.length})`, () => {
  it.each(CASES)('$name ($ref)', (c) => {
    const diagnosis = diagnose(c.input)
    expect(Object.fromEntries(diagnosis.referrals.map((r) => [r.id, r.urgency]))).toEqual(c.referrals)
    expect(planKind(diagnosis)).toBe(c.plan)
    const state = computeClinicalState(
      {
        version: CLINICAL_INPUT_VERSION,
        assessments: [assessmentDigest({ id: 'a1', date: '2026-01-05' }, diagnosis)],
        clearances: [],
        readinessTests: [],
        runs: [],
      },
      '2026-01-05',
    )
    expect(state.colour).toBe(COLOUR[c.plan])
    expect(state.runningAllowance).toBe(c.plan === 'refer-first' ? 'none' : c.plan === 'hold' ? 'hold' : 'progress')
  })

  it('covers every referral the reference asks a coach tool to flag', () => {
    const raised = new Set(CASES.flatMap((c) => Object.keys(c.referrals)))
    expect([...raised].sort()).toEqual(
      [
        'energy-availability-concern',
        'not-improving-with-conservative-care',
        'persistent-pain-after-running',
        'possible-cauda-equina',
        'possible-pulmonary-embolism',
        'suspected-achilles-tendinopathy',
        'suspected-arterial-claudication',
        'suspected-calf-strain',
        'suspected-compartment-syndrome',
        'suspected-dvt',
        'suspected-nerve-root',
        'suspected-stress-fracture',
        'suspected-tendon-rupture',
        'suspected-vascular-entrapment',
      ].sort(),
    )
  })
})
