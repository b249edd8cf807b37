import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayNumber, fromDayNumber } from '../../../shared/dates'
import type { Diagnosis, FactorId, ReferralId, Urgency } from '../../../shared/assessment/schema'
import { FACTOR_IDS, REFERRAL_IDS } from '../../../shared/assessment/schema'
import {
  checkPlanSafety,
  generatePlan,
  MAX_PLAN_WEEKS,
  PlanOutput,
  PlanRequest,
  regeneratePlan,
  type PlanRequestInput,
} from '../../../shared/plan'
import { AMBER, diagnosis, RED } from './fixtures'

// ---------------------------------------------------------------------------------------------------------
// Arbitrary valid requests, covering the whole input space the schema allows (plus logs, re-tests, amber…)

const km = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: Math.ceil(min * 10), max: Math.floor(max * 10) }).map((t) => t / 10),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  )

const pain = fc.option(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })), {
  nil: undefined,
})

const loggedRun = fc.record({
  offset: fc.integer({ min: -40, max: 380 }),
  km: km(0, 40),
  painDuring: fc.option(pain, { nil: undefined }),
  painAfter: pain,
  painNextMorning: fc.option(fc.oneof(pain, fc.constant(null)), { nil: undefined }),
})

const factors = fc.subarray([...FACTOR_IDS] as FactorId[]).chain((ids) =>
  fc.tuple(...ids.map(() => fc.constantFrom('high', 'moderate', 'low') as fc.Arbitrary<'high' | 'moderate' | 'low'>)).map((ls) =>
    ids.map((id, i) => ({ id, likelihood: ls[i] ?? 'low', evidence: ['generated'] })),
  ),
)

const diagnosisArb: fc.Arbitrary<Diagnosis | undefined> = fc.oneof(
  fc.constant(undefined),
  factors.map((f) => diagnosis({ factors: f })),
  factors.map((f) => ({ ...AMBER, factors: f })),
  fc.constant(RED),
)

const requestArb: fc.Arbitrary<PlanRequest> = fc
  .record({
    start: fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2028-12-31') }),
    runDaysPerWeek: fc.integer({ min: 1, max: 7 }),
    currentWeeklyKm: km(1, 160),
    longestRunLast30DaysKm: km(1, 45),
    targetWeeklyKm: km(1, 200),
    targetLongRunKm: fc.option(km(1, 45), { nil: undefined }),
    diagnosis: diagnosisArb,
    runs: fc.option(fc.array(loggedRun, { maxLength: 40 }), { nil: undefined }),
    todayOffset: fc.option(fc.integer({ min: -10, max: 400 }), { nil: undefined }),
    clearedOffset: fc.option(fc.integer({ min: -10, max: 200 }), { nil: undefined }),
    retests: fc.option(
      fc.array(fc.record({ offset: fc.integer({ min: 0, max: 200 }), a: fc.boolean(), h: fc.boolean() }), { maxLength: 6 }),
      { nil: undefined },
    ),
    maxWeeks: fc.option(fc.integer({ min: 1, max: MAX_PLAN_WEEKS }), { nil: undefined }),
    settleWeeks: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
    lighterWeekEvery: fc.option(fc.integer({ min: 3, max: 4 }), { nil: undefined }),
  })
  .map((g) => {
    const startDate = fromDayNumber(g.start)
    const perDay = 0.5 * g.runDaysPerWeek
    const targetWeeklyKm = Math.max(g.targetWeeklyKm, perDay)
    const input: PlanRequestInput = {
      startDate,
      currentWeeklyKm: Math.max(g.currentWeeklyKm, perDay),
      longestRunLast30DaysKm: g.longestRunLast30DaysKm,
      targetWeeklyKm,
      runDaysPerWeek: g.runDaysPerWeek,
    }
    if (g.targetLongRunKm !== undefined) input.targetLongRunKm = Math.min(g.targetLongRunKm, targetWeeklyKm)
    if (g.diagnosis) input.diagnosis = g.diagnosis
    if (g.runs) {
      input.runs = g.runs.map((r) => {
        const run: NonNullable<PlanRequestInput['runs']>[number] = { date: addDays(startDate, r.offset), km: r.km }
        if (r.painDuring !== undefined) run.painDuring = r.painDuring
        if (r.painAfter !== undefined) run.painAfter = r.painAfter
        if (r.painNextMorning !== undefined) run.painNextMorning = r.painNextMorning
        return run
      })
    }
    if (g.todayOffset !== undefined) input.today = addDays(startDate, g.todayOffset)
    if (g.clearedOffset !== undefined) input.referralClearedOn = addDays(startDate, g.clearedOffset)
    if (g.retests) {
      input.retests = g.retests.map((r) => ({ date: addDays(startDate, r.offset), ankleRangeImproved: r.a, hipStrengthImproved: r.h }))
    }
    if (g.maxWeeks !== undefined) input.maxWeeks = g.maxWeeks
    if (g.settleWeeks !== undefined) input.settleWeeks = g.settleWeeks
    if (g.lighterWeekEvery !== undefined) input.lighterWeekEvery = g.lighterWeekEvery
    return PlanRequest.parse(input)
  })

/** PLAN_PROPERTY_RUNS scales the run counts (e.g. 50 for a long local hunt). */
const SCALE = Math.max(1, Number(process.env.PLAN_PROPERTY_RUNS ?? 1))
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) })

function report(req: PlanRequest, plan: PlanOutput): string {
  const v = checkPlanSafety(plan, req)
  return v.length === 0 ? '' : JSON.stringify({ violations: v.slice(0, 5), req }, null, 1)
}

// ---------------------------------------------------------------------------------------------------------

describe('every generated plan obeys every safety rule', () => {
  it('for any valid request', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const plan = generatePlan(req)
        expect(report(req, plan)).toBe('')
        expect(PlanOutput.safeParse(plan).success).toBe(true)
        expect(plan.weeks.length).toBeLessThanOrEqual(req.maxWeeks ?? MAX_PLAN_WEEKS)
        if (req.diagnosis?.triage === 'red') {
          expect(plan.status).toBe('refer-first')
          expect(plan.weeks.flatMap((w) => w.runs)).toEqual([])
        } else {
          expect(plan.status).toBe('ok')
          expect(plan.weeks.length).toBeGreaterThan(0)
        }
      }),
      runs(400),
    )
  })

  it('and the same request always gives the same plan', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        expect(generatePlan(req)).toEqual(generatePlan(structuredClone(req)))
      }),
      runs(60),
    )
  })

  it('regenerating from a later day keeps the weeks already begun and stays safe', () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.integer({ min: 1, max: 400 }),
        fc.array(loggedRun, { maxLength: 15 }),
        fc.option(fc.integer({ min: 1, max: 250 }), { nil: undefined }),
        (req, laterBy, newRuns, newTarget) => {
          const first = generatePlan(req)
          const today = addDays(req.today ?? req.startDate, laterBy)
          const next = PlanRequest.parse({
            ...req,
            today,
            runs: [
              ...(req.runs ?? []),
              ...newRuns.map((r) => ({ date: addDays(req.startDate, r.offset), km: r.km, painDuring: r.painDuring ?? null })),
            ],
            ...(newTarget !== undefined
              ? { targetWeeklyKm: Math.max(newTarget, 0.5 * req.runDaysPerWeek), targetLongRunKm: undefined }
              : {}),
          })
          const plan = regeneratePlan(first, next)
          expect(report(next, plan)).toBe('')
          if (first.status === 'ok' && plan.status === 'ok') {
            const begun = first.weeks.filter((w) => w.startDate < today)
            expect(plan.keptWeeks).toBe(begun.length)
            expect(plan.weeks.slice(0, begun.length)).toEqual(begun)
          }
        },
      ),
      runs(250),
    )
  })
})

// ---------------------------------------------------------------------------------------------------------
// Issue 10 item 3: no plan contains a run while a stop-running referral is open, whatever the triage label,
// the clearances and the readiness tests say. "Open" and "stops running" are worked out here from the
// reference list (clinical-and-peers.md B1 actions), not from the generator's code.

const ALWAYS_STOP = new Set([
  'possible-pulmonary-embolism',
  'suspected-dvt',
  'suspected-stress-fracture',
  'suspected-calf-strain',
  'suspected-tendon-rupture',
  'suspected-vascular-entrapment',
  'possible-cauda-equina',
])

const referralsArb = fc
  .subarray([...REFERRAL_IDS] as ReferralId[], { minLength: 1 })
  .chain((ids) =>
    fc.tuple(...ids.map(() => fc.constantFrom<Urgency>('emergency', 'same-day', 'before-progressing'))).map((us) =>
      ids.map((id, i) => ({ id, urgency: us[i] ?? 'before-progressing', because: ['generated'] })),
    ),
  )

const clinicalRequestArb = fc
  .record({
    base: requestArb,
    triage: fc.constantFrom<'red' | 'amber' | 'green'>('red', 'amber', 'green'),
    referrals: referralsArb,
    clearances: fc.array(
      fc.record({
        pick: fc.nat(),
        offset: fc.integer({ min: -30, max: 60 }),
        outcome: fc.constantFrom<'cleared' | 'cleared-with-restrictions' | 'something-else-found'>(
          'cleared',
          'cleared-with-restrictions',
          'something-else-found',
        ),
      }),
      { maxLength: 4 },
    ),
    passedReadiness: fc.boolean(),
  })
  .map((g) => {
    const req: PlanRequest = {
      ...g.base,
      diagnosis: diagnosis({ triage: g.triage, referrals: g.referrals }),
      clearances: g.clearances.map((c) => ({
        referralId: g.referrals[c.pick % g.referrals.length]?.id ?? 'suspected-dvt',
        date: addDays(g.base.startDate, c.offset),
        outcome: c.outcome,
      })),
    }
    if (g.passedReadiness) {
      req.readinessTests = [
        { date: addDays(g.base.startDate, 61), walk30MinPainFree: true, singleLegHops: 12, hopPain: 0, singleLegHeelRaises: { left: 30, right: 30 } },
      ]
    }
    return PlanRequest.parse(req)
  })

function stopRunningOpen(req: PlanRequest): boolean {
  const referrals = req.diagnosis?.referrals ?? []
  // referralClearedOn (the old field) clears every referral of an amber diagnosis on that date.
  const legacy =
    req.diagnosis?.triage === 'amber' && req.referralClearedOn !== undefined
      ? referrals.map((r) => ({ referralId: r.id, date: req.referralClearedOn as string, outcome: 'cleared' as const }))
      : []
  const all = [...(req.clearances ?? []), ...legacy]
  // The latest clearance recorded for a referral (by date, then as given) decides its outcome: a "cleared"
  // after "something else found" clears it, "something else found" after "cleared" does not.
  const clearedForRunning = (id: string) => {
    const mine = all.filter((c) => c.referralId === id)
    const latest = mine.reduce<(typeof mine)[number] | undefined>((l, c) => (l === undefined || c.date >= l.date ? c : l), undefined)
    return latest !== undefined && latest.outcome !== 'something-else-found'
  }
  const open = referrals.filter((r) => !clearedForRunning(r.id))
  const boneOpen = open.some((r) => r.id === 'suspected-stress-fracture')
  return open.some(
    (r) =>
      ALWAYS_STOP.has(r.id) ||
      r.urgency === 'emergency' ||
      r.urgency === 'same-day' ||
      (r.id === 'energy-availability-concern' && boneOpen),
  )
}

describe('stop-running referrals (issue 10 item 3, clinical-and-peers.md B1)', () => {
  it('no plan contains a run while a stop-running referral is open, and every plan stays safe', () => {
    fc.assert(
      fc.property(clinicalRequestArb, (req) => {
        const plan = generatePlan(req)
        if (stopRunningOpen(req)) {
          expect(plan.status).toBe('refer-first')
          expect(plan.weeks.flatMap((w) => w.runs)).toEqual([])
        }
        expect(report(req, plan)).toBe('')
      }),
      runs(60),
    )
  })
})
