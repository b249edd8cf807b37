// Benchmark of the calf-pain rules core, wired into `npm run bench` by the lead.
//   - diagnose throughput: assessments diagnosed per second over at least one second of work;
//   - whole-squad triage: 500 generated athletes diagnosed and grouped by triage, in milliseconds (best of 5).
// Inputs are generated with a seeded PRNG so runs are comparable.

import { diagnose } from '../shared/assessment/diagnose'
import type { AssessmentInput, Triage } from '../shared/assessment/schema'
import { seededRandom as mulberry32 } from '../shared/demo/random'


/** A realistic club runner: mostly complete, a few red flags, some tests not done. */
export function generateAssessment(rand: () => number): AssessmentInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const maybe = (p: number) => rand() < p
  const range = (lo: number, hi: number, step = 1) => Math.round((lo + rand() * (hi - lo)) / step) * step
  const flag = (p: number) => maybe(p)
  const sex = pick(['female', 'male'] as const)
  const ageYears = range(18, 70)
  return {
    athlete: { sex, ageYears },
    symptoms: {
      location: pick(['calf', 'calf', 'calf', 'achilles', 'shin'] as const),
      side: pick(['left', 'right', 'left', 'right', 'both'] as const),
      onset: maybe(0.9) ? 'gradual' : 'sudden',
      character: [pick(['tight', 'cramping', 'dull', 'aching', 'heavy', 'sharp'] as const)],
      startsAfterMinutes: range(0, 40),
      worsensAsRunContinues: maybe(0.8),
      settlesAfterStoppingMinutes: maybe(0.03) ? null : range(0, 25),
      nextMorningPain: range(0, 6),
      swelling: flag(0.03),
      numbnessOrTingling: flag(0.05),
      footWeakness: flag(0.02),
      coldOrPaleFoot: flag(0.01),
      nightPain: flag(0.03),
      painAtRest: flag(0.05),
      focalBoneTenderness: flag(0.04),
      ...(maybe(0.7) ? { painfulHop: flag(0.05), chestPainOrBreathlessness: flag(0.005) } : {}),
      weeksSinceOnset: range(0, 20),
    },
    history: {
      previousCalfInjury: flag(0.2),
      previousBoneStressInjury: flag(0.05),
      hormonalContraceptiveOrHrt: sex === 'female' ? flag(0.3) : false,
      irregularOrAbsentPeriods: sex === 'female' ? flag(0.08) : false,
      recentLongHaulTravel: flag(0.03),
      monthsRunning: range(1, 120),
    },
    screening: {
      kneeToWallCm: { left: range(6, 15, 0.5), right: range(6, 15, 0.5) },
      singleLegHeelRaiseReps: { left: range(8, 40), right: range(8, 40) },
      ...(maybe(0.7) ? { thomasTest: { left: pick(['positive', 'negative'] as const), right: pick(['positive', 'negative'] as const) } } : {}),
      singleLegSquat: { left: pick(['good', 'fair', 'poor'] as const), right: pick(['good', 'fair', 'poor'] as const) },
      trendelenburg: { left: pick(['positive', 'negative'] as const) },
      ...(maybe(0.4) ? { hipAbductionNmPerKg: { left: range(0.8, 2, 0.01), right: range(0.8, 2, 0.01) } } : {}),
      footPostureIndex: { left: range(-4, 11), right: range(-4, 11) },
      ...(maybe(0.5) ? { singleLegBridgeReps: { left: range(8, 35), right: range(8, 35) } } : {}),
    },
    lifestyle: { sittingHoursPerDay: range(2, 11), highHeelsDaysPerWeek: range(0, 5), unsupportiveFlatShoesDaysPerWeek: range(0, 5) },
    training: {
      weeklyKm: range(5, 60),
      weeklyKmFourWeeksAgo: range(5, 50),
      longestRunLast30DaysKm: range(4, 20),
      longestRunThisWeekKm: range(3, 24),
    },
  }
}

export function generateSquad(size: number, seed = 20240601): AssessmentInput[] {
  const rand = mulberry32(seed)
  return Array.from({ length: size }, () => generateAssessment(rand))
}

/** Diagnoses everyone and returns the squad grouped by triage (what the squad board needs). */
export function triageSquad(squad: readonly AssessmentInput[]): Record<Triage, number[]> {
  const out: Record<Triage, number[]> = { red: [], amber: [], green: [] }
  squad.forEach((input, i) => out[diagnose(input).triage].push(i))
  return out
}

export async function benchDiagnose(): Promise<{ name: string; value: number; unit: string }[]> {
  const pool = generateSquad(1000, 7)
  let sink = 0

  // Warm-up so the JIT has settled before timing.
  for (const input of pool) sink += diagnose(input).factors.length

  let count = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < 1000) {
    for (let i = 0; i < 200; i++) {
      const input = pool[count % pool.length] as AssessmentInput
      sink += diagnose(input).referrals.length
      count++
    }
    elapsed = performance.now() - start
  }
  const perSecond = Math.round((count / elapsed) * 1000)

  const squad = generateSquad(500)
  let best = Infinity
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now()
    const grouped = triageSquad(squad)
    const t = performance.now() - t0
    sink += grouped.red.length
    best = Math.min(best, t)
  }

  if (sink < 0) throw new Error('unreachable: keeps the work observable')
  return [
    { name: 'assessment diagnoses per second', value: perSecond, unit: 'assessments/s' },
    { name: 'whole-squad triage, 500 athletes', value: Math.round(best * 100) / 100, unit: 'ms' },
  ]
}
