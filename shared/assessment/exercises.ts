// Exercise and advice catalog. Doses come from section D of the clinical reference (clinical-and-peers.md);
// where the reference gives a target but no dose, the dose is marked as a CalfCoach convention.
// Text is written for the coach, in our own words.

import type { FactorId, ReferralId } from './schema'

/** How much the item loads the painful leg: used to hold items back while a referral says stop running. */
export type Loading = 'none' | 'weight-bearing' | 'calf'

export interface Exercise {
  readonly id: string
  readonly title: string
  readonly dose: string
  readonly purpose: string
  /** Factors that call for this item, or 'everyone' (general advice shown whatever was found). */
  readonly forFactors: readonly FactorId[] | 'everyone'
  /** Referrals that call for this item (e.g. advice to pause running); empty for most items. */
  readonly forReferrals: readonly ReferralId[]
  readonly loading: Loading
  readonly source: string
}

export const EXERCISES = [
  {
    id: 'keep-running-comfortably',
    title: 'Keep running, but only at a comfortable level',
    dose:
      'Cut distance and pace back to what stays comfortable: pain no more than 2/10 during the run and gone by the next morning. Do not stop altogether; build back up once ankle range and hip strength have improved.',
    purpose:
      'Keeps the calf and hip muscles loaded so they do not lose strength, while staying under the level that provokes the pain.',
    forFactors: 'everyone',
    forReferrals: [],
    loading: 'calf',
    source: 'calf-pain-in-runners (how to fix it); Silbernagel 2007 pain-monitoring model (clinical-and-peers C1)',
  },
  {
    id: 'calf-stretch-straight-knee',
    title: 'Calf stretch with the knee straight (gastrocnemius)',
    dose: '5 holds of 30 s, twice a day, every day for at least 3 weeks; spread stretches through the day, not only around runs.',
    purpose: 'Lengthens the two-joint calf muscle to win back ankle bend; expect small gains (under 1 cm on knee-to-wall).',
    forFactors: ['restricted-ankle-dorsiflexion'],
    forReferrals: [],
    loading: 'calf',
    source: 'Dinh 2011; Radford 2006 (clinical-and-peers D); calf-pain-in-runners',
  },
  {
    id: 'calf-stretch-bent-knee',
    title: 'Calf stretch with the knee bent (soleus)',
    dose: '5 holds of 30 s, twice a day, every day for at least 3 weeks; same routine as the straight-knee stretch.',
    purpose: 'Targets the deeper soleus, which the straight-knee stretch misses; knee-to-wall is done with a bent knee.',
    forFactors: ['restricted-ankle-dorsiflexion'],
    forReferrals: [],
    loading: 'calf',
    source: 'Dinh 2011; Radford 2006 (clinical-and-peers D)',
  },
  {
    id: 'hip-flexor-stretch',
    title: 'Half-kneeling hip-flexor stretch',
    dose: '2 holds of 30 s each side, daily. Tuck the pelvis under (posterior tilt) before leaning forward. No runner-specific dose exists; this is the general ACSM dose.',
    purpose: 'Eases short hip flexors after long sitting, so the hip can extend fully at push-off.',
    forFactors: ['gluteus-maximus-inhibition'],
    forReferrals: [],
    loading: 'none',
    source: 'ACSM stretching guideline; Vigotsky 2016 (clinical-and-peers D, A3); calf-pain-in-runners',
  },
  {
    id: 'glute-bridge',
    title: 'Glute bridge, progressing to single-leg bridge',
    dose: 'Banded bridge 3 × 10, building to 3 × 15; then single-leg (marching) bridge 2 × 10 up to 3 × 12; 3 days a week.',
    purpose: 'Isolates and strengthens the gluteus maximus so the calves and hamstrings do not have to make up for it.',
    forFactors: ['gluteus-maximus-inhibition'],
    forReferrals: [],
    loading: 'none',
    source: 'J Orthop Surg Res 2020 RCT table 2 (clinical-and-peers D); calf-pain-in-runners',
  },
  {
    id: 'clamshells',
    title: 'Clamshells with a band',
    dose: 'Start with 2 × 15 each side, holding 2–4 s at the top; band just above the knees, hips at about 45°, knees at 90°; use a stronger band as it gets easy.',
    purpose: 'Strengthens the hip external rotators and gluteus medius that keep the thigh from rolling in.',
    forFactors: ['hip-abductor-weakness'],
    forReferrals: [],
    loading: 'none',
    source: 'runmechanics clamshell protocol (clinical-and-peers D); calf-pain-in-runners',
  },
  {
    id: 'side-lying-hip-abduction',
    title: 'Side-lying hip abduction (back against a wall)',
    dose: 'First week 2 × 10, second week 3 × 10, then 3 × 12–15 each side, 3–4 days a week; slide the heel up the wall to keep the work in gluteus medius.',
    purpose: 'Builds the hip abductors that hold the pelvis level over the standing leg.',
    forFactors: ['hip-abductor-weakness'],
    forReferrals: [],
    loading: 'none',
    source: 'J Orthop Surg Res 2020 RCT table 2; Outside Online glute medius guide (clinical-and-peers D)',
  },
  {
    id: 'standing-hip-hike',
    title: 'Standing hip hikes',
    dose: '3 × 10 each side with a 2-s hold at the top, building to 3 × 20; later progress to single-leg squats 2 × 10 up to 3 × 12.',
    purpose: 'Trains the standing-leg gluteus medius to lift and hold the pelvis, the job it does in every stride.',
    forFactors: ['hip-abductor-weakness', 'excessive-pronation'],
    forReferrals: [],
    loading: 'weight-bearing',
    source: 'J Orthop Surg Res 2020 RCT table 2; Bellville AC (clinical-and-peers D); calf-pain-in-runners',
  },
  {
    id: 'single-leg-heel-raises',
    title: 'Single-leg heel raises for calf endurance',
    dose: 'Straight knee, steady rhythm of one rise every 2 s (60 bpm metronome), to fatigue on each leg; aim for 25–30 good reps per side and for the sides to be within about 10 % of each other. 3 sets on alternate days is a CalfCoach convention; the reference gives the target, not the frequency.',
    purpose: 'Builds the endurance the calf needs to push the body forward thousands of times per run.',
    forFactors: ['calf-endurance-deficit'],
    forReferrals: [],
    loading: 'calf',
    source: 'Hébert-Losier 2017 heel-raise norms; clinic convention 25–30 reps (clinical-and-peers A2, C5, D)',
  },
  {
    id: 'footwear-advice',
    title: 'Footwear: fewer days in heels or flat unsupportive shoes',
    dose: 'Keep high heels and flat unsupportive shoes (flip-flops, ballet flats, sheepskin boots) to occasional wear, fewer than 4 days a week; wear a supportive everyday shoe the rest of the time.',
    purpose: 'Heels keep the calf short all day; very flat, floppy shoes give it no help. Either can leave the calf tight before the run starts.',
    forFactors: ['footwear'],
    forReferrals: [],
    loading: 'none',
    source: 'calf-pain-in-runners (practitioner opinion; no trial evidence in the reference)',
  },
  {
    id: 'cap-single-run-distance',
    title: 'Keep every run within 110 % of the recent longest run',
    dose: 'No single run more than 10 % longer than the longest run of the previous 30 days; grow the long run in small steps.',
    purpose: 'A single run far beyond the recent longest was the load pattern most linked to running injuries in a large runner cohort.',
    forFactors: ['training-load-spike'],
    forReferrals: [],
    loading: 'none',
    source: 'Frandsen/Nielsen 2025 BJSM, Garmin-RUNSAFE (clinical-and-peers C2)',
  },
  {
    id: 'eccentric-heel-drops',
    title: 'Eccentric heel drops (once a physio confirms Achilles tendinopathy)',
    dose: '3 × 15 with the knee straight and 3 × 15 with the knee bent, twice a day, every day for 12 weeks; lower on the sore leg, rise on the good one; mild pain is acceptable.',
    purpose: 'The best-studied loading programme for a painful mid-portion Achilles tendon.',
    forFactors: [],
    forReferrals: ['suspected-achilles-tendinopathy'],
    loading: 'calf',
    source: 'Alfredson 1998 (clinical-and-peers D, B1)',
  },
  {
    id: 'hold-progression-until-seen',
    title: 'Do not increase running until a clinician has checked',
    dose: 'Hold distance and pace at or below the current comfortable level until the referral has been seen.',
    purpose: 'Some findings need a physio or sports doctor to rule out a problem that more running would make worse.',
    forFactors: [],
    forReferrals: [
      'suspected-dvt',
      'suspected-compartment-syndrome',
      'suspected-vascular-entrapment',
      'suspected-nerve-root',
      'suspected-achilles-tendinopathy',
      'energy-availability-concern',
      'persistent-pain-after-running',
      'not-improving-with-conservative-care',
      'suspected-arterial-claudication',
    ],
    loading: 'none',
    source: 'clinical-and-peers B2 (amber: refer before progressing)',
  },
  {
    id: 'stop-running-and-get-checked',
    title: 'Stop running and get checked',
    dose: 'No running (and no calf stretching or massage) until a clinician has seen the runner; see the referral for how soon.',
    purpose: 'These findings point to a problem that running, or working on the calf, could make worse.',
    forFactors: [],
    forReferrals: [
      'possible-pulmonary-embolism',
      'suspected-dvt',
      'suspected-calf-strain',
      'suspected-tendon-rupture',
      'suspected-vascular-entrapment',
      'suspected-stress-fracture',
      'possible-cauda-equina',
    ],
    loading: 'none',
    source: 'clinical-and-peers B1/B2',
  },
] as const satisfies readonly Exercise[]

export type ExerciseId = (typeof EXERCISES)[number]['id']

const BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]))

export function exerciseById(id: string): Exercise | undefined {
  return BY_ID.get(id)
}

/**
 * Catalog items for a set of factors: 'everyone' items first, then items for the given factors in the
 * order the factors are listed (so the most likely factor's exercises come first). No duplicates.
 * Referral-only items (stop / hold advice) are not included; the diagnosis adds those.
 */
export function exercisesForFactors(factorIds: readonly FactorId[]): Exercise[] {
  const out: Exercise[] = EXERCISES.filter((e) => e.forFactors === 'everyone')
  const seen = new Set(out.map((e) => e.id))
  for (const factor of factorIds) {
    for (const e of EXERCISES as readonly Exercise[]) {
      if (e.forFactors !== 'everyone' && e.forFactors.includes(factor) && !seen.has(e.id)) {
        seen.add(e.id)
        out.push(e)
      }
    }
  }
  return out
}

/** Catalog items called for by a referral (e.g. stop-running advice). */
export function exercisesForReferrals(referralIds: readonly ReferralId[]): Exercise[] {
  return (EXERCISES as readonly Exercise[]).filter((e) => e.forReferrals.some((r) => referralIds.includes(r)))
}
