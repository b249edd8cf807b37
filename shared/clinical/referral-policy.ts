// What each referral means for running, in one table keyed by the frozen referral ids of the rules engine
// (shared/assessment/schema.ts ReferralId). The rules decide WHETHER a referral is raised and how urgently;
// this table decides what an open referral does to running, which cross-training is allowed meanwhile, and
// which return-to-run path follows once a clinician has cleared it. Every screen, the plan generator and the
// CLI read it through the clinical state (state.ts), never their own copy.
//
// Sources (clinical-and-peers.md):
//   B1 DVT row "same-day medical referral; stop exercise" (and chest pain/breathlessness = emergency);
//   B1 calf strain row "stop running; graded rehab"; B1 Achilles row "refer if sudden pop (rupture)";
//   B1 bone stress row "stop running, refer (imaging)"; B1 PAES row "vascular referral"; B1 RED-S row
//   "refer; do not progress mileage" (a risk modifier for bone stress injury);
//   B2 RED: every emergency/same-day finding means stop and be seen today;
//   C1 bone tolerance "no pain expected during return-to-run; pain <= 2/10 on readiness tests at most";
//   C5 readiness battery, calf-capacity gate and walk-run ladder; C5 Achilles protocol (hop pain < 1-2/10,
//   no more than 20 % distance increase per week).

import type { ReferralId, Urgency } from '../assessment/schema'

/**
 * When an open referral stops running:
 * - 'always': at any urgency (issue 10 item 3);
 * - 'if-urgent': only when it needs a clinician today (emergency or same-day);
 * - 'with-bone-findings': at any urgency when a bone stress referral is open at the same time, otherwise
 *   only when urgent (energy availability is a risk modifier for bone stress, B1 RED-S row).
 */
export type StopRule = 'always' | 'if-urgent' | 'with-bone-findings'

export type CrossTrainingKind = 'cycling' | 'pool-running'

export interface CrossTrainingPolicy {
  /** False: no exercise of this kind until seen (a suspected clot: no exercise at all). */
  readonly allowed: boolean
  readonly kinds: readonly CrossTrainingKind[]
  /** Highest pain (0-10) the cross-training may cause; null when not allowed. */
  readonly painLimit: number | null
  /** One plain sentence for the coach. */
  readonly note: string
}

/** How the runner returns to running after a clinician has cleared the referral. */
export type ReturnPath = 'bone' | 'tendon' | 'muscle' | 'vascular' | 'general'

export interface ReturnPathPolicy {
  readonly path: ReturnPath
  /** Highest pain (0-10) allowed on the readiness tests and during the walk-run ladder. */
  readonly painLimit: number
  /** Checks made before each increase of running (beyond the pain-monitoring model). */
  readonly checksBeforeIncrease: readonly ('hop-pain' | 'heel-raise-pain')[]
  /** Largest rise of weekly distance while returning (0.1 = 10 %). */
  readonly maxWeeklyIncrease: number
  /** Add one new kind of load at a time (never a new session type and more distance in the same week). */
  readonly oneNewLoadPerWeek: boolean
  readonly source: string
}

export interface ReferralPolicy {
  readonly id: ReferralId
  readonly stopsRunning: StopRule
  readonly crossTraining: CrossTrainingPolicy
  readonly returnToRun: ReturnPathPolicy
  readonly source: string
}

/** Pain limits used below (clinical-and-peers.md C1: 0-2/10 is the safe zone; bone allows no more). */
export const SAFE_PAIN_MAX = 2

const NO_EXERCISE: CrossTrainingPolicy = {
  allowed: false,
  kinds: [],
  painLimit: null,
  note: 'No exercise at all until a doctor has seen the runner: a possible clot must not be pushed around by working muscles.',
}

const NOT_UNTIL_SEEN: CrossTrainingPolicy = {
  allowed: false,
  kinds: [],
  painLimit: null,
  note: 'No cross-training until a clinician has seen the runner and said what is safe.',
}

const LOW_IMPACT: CrossTrainingPolicy = {
  allowed: true,
  kinds: ['cycling', 'pool-running'],
  painLimit: SAFE_PAIN_MAX,
  note: `Cycling or pool running may replace running sessions, as long as the leg stays at ${SAFE_PAIN_MAX}/10 or less during and the next morning.`,
}

const BONE_RETURN: ReturnPathPolicy = {
  path: 'bone',
  painLimit: SAFE_PAIN_MAX,
  checksBeforeIncrease: ['hop-pain'],
  maxWeeklyIncrease: 0.1,
  oneNewLoadPerWeek: false,
  source: 'clinical-and-peers.md C1 (bone: pain <= 2/10 at most) and C5 (readiness battery, walk-run ladder)',
}

const TENDON_RETURN: ReturnPathPolicy = {
  path: 'tendon',
  painLimit: SAFE_PAIN_MAX,
  checksBeforeIncrease: ['hop-pain', 'heel-raise-pain'],
  maxWeeklyIncrease: 0.1,
  oneNewLoadPerWeek: true,
  source: 'clinical-and-peers.md C5 Achilles protocol (hop pain < 1-2/10 before running and before increases)',
}

const MUSCLE_RETURN: ReturnPathPolicy = {
  path: 'muscle',
  painLimit: SAFE_PAIN_MAX,
  checksBeforeIncrease: ['heel-raise-pain'],
  maxWeeklyIncrease: 0.1,
  oneNewLoadPerWeek: false,
  source: 'clinical-and-peers.md C5 (readiness battery, calf-capacity gate >= 25 heel raises within 10 %)',
}

const VASCULAR_RETURN: ReturnPathPolicy = {
  path: 'vascular',
  painLimit: SAFE_PAIN_MAX,
  checksBeforeIncrease: [],
  maxWeeklyIncrease: 0.1,
  oneNewLoadPerWeek: false,
  source: 'clinical-and-peers.md C5 (readiness battery, walk-run ladder), after the doctor has cleared the vessels',
}

const GENERAL_RETURN: ReturnPathPolicy = {
  path: 'general',
  painLimit: SAFE_PAIN_MAX,
  checksBeforeIncrease: [],
  maxWeeklyIncrease: 0.1,
  oneNewLoadPerWeek: false,
  source: 'clinical-and-peers.md C5 (readiness battery, walk-run ladder)',
}

export const REFERRAL_POLICY: Readonly<Record<ReferralId, ReferralPolicy>> = {
  'possible-pulmonary-embolism': {
    id: 'possible-pulmonary-embolism',
    stopsRunning: 'always',
    crossTraining: NO_EXERCISE,
    returnToRun: VASCULAR_RETURN,
    source: 'clinical-and-peers.md B1 DVT row (chest pain or breathlessness = emergency), B2 RED',
  },
  'suspected-dvt': {
    id: 'suspected-dvt',
    stopsRunning: 'always',
    crossTraining: NO_EXERCISE,
    returnToRun: VASCULAR_RETURN,
    source: 'clinical-and-peers.md B1 DVT row ("same-day medical referral; stop exercise")',
  },
  'suspected-calf-strain': {
    id: 'suspected-calf-strain',
    stopsRunning: 'always',
    crossTraining: LOW_IMPACT,
    returnToRun: MUSCLE_RETURN,
    source: 'clinical-and-peers.md B1 calf strain row ("stop running; graded rehab")',
  },
  'suspected-tendon-rupture': {
    id: 'suspected-tendon-rupture',
    stopsRunning: 'always',
    crossTraining: NOT_UNTIL_SEEN,
    returnToRun: TENDON_RETURN,
    source: 'clinical-and-peers.md B1 Achilles row (sudden pop: rupture), B2 RED (cannot heel-raise after a pop)',
  },
  'suspected-compartment-syndrome': {
    id: 'suspected-compartment-syndrome',
    stopsRunning: 'if-urgent',
    crossTraining: LOW_IMPACT,
    returnToRun: GENERAL_RETURN,
    source: 'clinical-and-peers.md B1 CECS row (refer to a sports physician), B2 AMBER',
  },
  'suspected-vascular-entrapment': {
    id: 'suspected-vascular-entrapment',
    stopsRunning: 'always',
    crossTraining: NOT_UNTIL_SEEN,
    returnToRun: VASCULAR_RETURN,
    source: 'clinical-and-peers.md B1 PAES row (vascular referral), B2 RED (cold, pale or pulseless foot)',
  },
  'suspected-stress-fracture': {
    id: 'suspected-stress-fracture',
    stopsRunning: 'always',
    crossTraining: LOW_IMPACT,
    returnToRun: BONE_RETURN,
    source: 'clinical-and-peers.md B1 bone stress row ("stop running, refer (imaging)"), C1 bone pain limit',
  },
  'suspected-nerve-root': {
    id: 'suspected-nerve-root',
    stopsRunning: 'if-urgent',
    crossTraining: LOW_IMPACT,
    returnToRun: GENERAL_RETURN,
    source: 'clinical-and-peers.md B1 radiculopathy row (refer; emergency if cauda equina signs)',
  },
  'suspected-achilles-tendinopathy': {
    id: 'suspected-achilles-tendinopathy',
    stopsRunning: 'if-urgent',
    crossTraining: LOW_IMPACT,
    returnToRun: TENDON_RETURN,
    source: 'clinical-and-peers.md B1 Achilles row (manage with loading and pain monitoring), C5 Achilles protocol',
  },
  'energy-availability-concern': {
    id: 'energy-availability-concern',
    stopsRunning: 'with-bone-findings',
    crossTraining: {
      allowed: false,
      kinds: [],
      painLimit: null,
      note: 'Extra cross-training would widen the energy gap: wait for the sports doctor or dietitian.',
    },
    returnToRun: BONE_RETURN,
    source: 'clinical-and-peers.md B1 RED-S row ("refer; do not progress mileage"; a risk modifier for bone stress)',
  },
  // Added by i10-rules (issue 10 item 6):
  'possible-cauda-equina': {
    id: 'possible-cauda-equina',
    stopsRunning: 'always',
    crossTraining: NOT_UNTIL_SEEN,
    returnToRun: GENERAL_RETURN,
    source: 'clinical-and-peers.md B1 radiculopathy row (saddle anaesthesia, bladder/bowel change = emergency), B2 RED',
  },
  'persistent-pain-after-running': {
    id: 'persistent-pain-after-running',
    stopsRunning: 'if-urgent',
    crossTraining: LOW_IMPACT,
    returnToRun: GENERAL_RETURN,
    source: 'clinical-and-peers.md B2 AMBER (pain lasting > 20-30 min after stopping)',
  },
  'not-improving-with-conservative-care': {
    id: 'not-improving-with-conservative-care',
    stopsRunning: 'if-urgent',
    crossTraining: LOW_IMPACT,
    returnToRun: GENERAL_RETURN,
    source: 'clinical-and-peers.md B1 CECS row (no improvement after a trial of load management), B2 AMBER (~6 weeks)',
  },
  'suspected-arterial-claudication': {
    id: 'suspected-arterial-claudication',
    stopsRunning: 'if-urgent',
    crossTraining: NOT_UNTIL_SEEN,
    returnToRun: VASCULAR_RETURN,
    source: 'clinical-and-peers.md B0/B1 PAES row (exertional cramping quickly relieved by rest: vascular referral), B2 AMBER',
  },
}

export function referralPolicy(id: ReferralId): ReferralPolicy {
  return REFERRAL_POLICY[id]
}

/** True when the referral needs a clinician today. */
export function isUrgent(urgency: Urgency): boolean {
  return urgency === 'emergency' || urgency === 'same-day'
}

/**
 * True when this open referral stops running. `openIds` are all referral ids open at the same time (an
 * energy-availability concern stops running only together with a bone stress referral, unless urgent).
 */
export function referralStopsRunning(id: ReferralId, urgency: Urgency, openIds: readonly ReferralId[]): boolean {
  if (isUrgent(urgency)) return true
  const rule = REFERRAL_POLICY[id].stopsRunning
  if (rule === 'always') return true
  if (rule === 'with-bone-findings') return openIds.includes('suspected-stress-fracture')
  return false
}

/** The cross-training allowed while these referrals are open: the strictest one wins (a clot allows none). */
export function crossTrainingFor(ids: readonly ReferralId[]): CrossTrainingPolicy | null {
  if (ids.length === 0) return null
  const policies = ids.map((id) => REFERRAL_POLICY[id].crossTraining)
  const banned = policies.find((p) => !p.allowed)
  if (banned) return policies.find((p) => p === NO_EXERCISE) ?? banned
  const kinds = (['cycling', 'pool-running'] as const).filter((k) => policies.every((p) => p.kinds.includes(k)))
  const painLimit = Math.min(...policies.map((p) => p.painLimit ?? SAFE_PAIN_MAX))
  return { allowed: kinds.length > 0, kinds, painLimit, note: policies[0]?.note ?? LOW_IMPACT.note }
}

const PATH_ORDER: readonly ReturnPath[] = ['bone', 'tendon', 'muscle', 'vascular', 'general']

/** The return-to-run path for a set of cleared referrals: the strictest path applies (bone first). */
export function returnPathFor(ids: readonly ReferralId[]): ReturnPathPolicy {
  const policies = ids.map((id) => REFERRAL_POLICY[id].returnToRun)
  const best = [...policies].sort((a, b) => PATH_ORDER.indexOf(a.path) - PATH_ORDER.indexOf(b.path))[0] ?? GENERAL_RETURN
  const checks = [...new Set(policies.flatMap((p) => p.checksBeforeIncrease))]
  return {
    ...best,
    painLimit: Math.min(...policies.map((p) => p.painLimit), best.painLimit),
    checksBeforeIncrease: checks,
    oneNewLoadPerWeek: policies.some((p) => p.oneNewLoadPerWeek),
  }
}
