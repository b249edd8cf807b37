// Exercise selection: the daily stretches for everyone, the exercises for the likely factors, and for amber
// triage the advice of the referral (held until the referral is cleared).

import type { Diagnosis, FactorId, Referral } from '../assessment/schema'
import { exerciseById, exercisesForFactors, exercisesForReferrals, type Exercise } from '../assessment/exercises'
import { PLAN_RULES } from './rules'
import type { PlanExercise, PlanPhase } from './schema'

/** Calf and hip-flexor stretching, daily, for everyone (the seed's core advice). */
const DAILY_STRETCH_IDS = ['calf-stretch-straight-knee', 'calf-stretch-bent-knee', 'hip-flexor-stretch'] as const
/** Catalog advice that belongs to the settle phase only. */
const SETTLE_ONLY_IDS = new Set(['keep-running-comfortably'])
const HOLD_FOR_REFERRAL_ID = 'hold-progression-until-seen'
const NEVER_IN_A_RUNNING_PLAN = new Set(['stop-running-and-get-checked'])

export interface ExerciseSets {
  daily: Exercise[]
  settleOnly: Exercise[]
  factorItems: Exercise[]
  holdItems: Exercise[]
  afterClearance: Exercise[]
}

const LIKELIHOOD_RANK: Record<string, number> = { high: 0, moderate: 1, low: 2 }

/** `holdReferrals`: the referrals that hold running until cleared (their advice joins the plan). */
export function exerciseSets(diagnosis: Diagnosis | undefined, holdReferrals: readonly Referral[]): ExerciseSets {
  const daily = DAILY_STRETCH_IDS.map((id) => exerciseById(id)).filter((e): e is Exercise => e !== undefined)
  const likely = (diagnosis?.factors ?? [])
    .filter((f) => (PLAN_RULES.exerciseLikelihoods as readonly string[]).includes(f.likelihood))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (LIKELIHOOD_RANK[a.f.likelihood] ?? 9) - (LIKELIHOOD_RANK[b.f.likelihood] ?? 9) || a.i - b.i)
    .map(({ f }) => f.id as FactorId)
  const forFactors = exercisesForFactors(likely)
  const settleOnly = forFactors.filter((e) => SETTLE_ONLY_IDS.has(e.id))
  const factorItems = forFactors.filter((e) => !SETTLE_ONLY_IDS.has(e.id))
  const referralItems = exercisesForReferrals(holdReferrals.map((r) => r.id)).filter((e) => !NEVER_IN_A_RUNNING_PLAN.has(e.id))
  return {
    daily,
    settleOnly,
    factorItems,
    holdItems: referralItems.filter((e) => e.id === HOLD_FOR_REFERRAL_ID),
    afterClearance: referralItems.filter((e) => e.id !== HOLD_FOR_REFERRAL_ID),
  }
}

export function weekExercises(sets: ExerciseSets, phase: PlanPhase, held: boolean, clearedAmber: boolean): PlanExercise[] {
  const out: PlanExercise[] = []
  const seen = new Set<string>()
  const add = (list: readonly Exercise[]) => {
    for (const e of list) {
      if (seen.has(e.id)) continue
      seen.add(e.id)
      out.push({ id: e.id, title: e.title, dose: e.dose })
    }
  }
  add(sets.daily)
  if (held) add(sets.holdItems)
  if (phase === 'settle') add(sets.settleOnly)
  add(sets.factorItems)
  if (clearedAmber && !held) add(sets.afterClearance)
  return out
}
