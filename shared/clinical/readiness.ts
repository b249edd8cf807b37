// Readiness tests before the first run after a stop-running referral has been cleared (issue 10 item 4).
//
// Source: clinical-and-peers.md C5 readiness battery (walk 30 min; single-leg hop 10-15; pain <= 2/10
// acceptable, ideally 0) and the calf-capacity gate (>= 25-30 single-leg heel raises each side, within about
// 10 % of the other side); C1 bone tolerance (pain <= 2/10 on readiness tests at most).

import { z } from 'zod'
import { IsoDate, PainScore } from '../domain/common'

export const READINESS_RULES = {
  /** Brisk walk without pain (C5). */
  walkMinutes: 30,
  /** Single-leg hops on the affected leg (C5: 10-15). */
  minHops: 10,
  /** Heel raises on each side (C5 calf-capacity gate, lower end of 25-30). */
  minHeelRaises: 25,
  /** Largest side-to-side difference in heel raises, as a share of the better side (C5: within ~10 %). */
  maxHeelRaiseAsymmetry: 0.1,
} as const

const reps = (what: string) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int({ error: `must be a whole number of ${what}` })
    .min(0, { error: 'must be at least 0' })
    .max(300, { error: 'must be at most 300' })

export const ReadinessTest = z.strictObject({
  date: IsoDate,
  /** Walked 30 minutes briskly without pain. */
  walk30MinPainFree: z.boolean({ error: 'must be true or false' }),
  /** Single-leg hops done on the affected leg. */
  singleLegHops: reps('hops'),
  /** Worst pain during the hops, 0-10. */
  hopPain: PainScore,
  singleLegHeelRaises: z.strictObject({ left: reps('heel raises'), right: reps('heel raises') }),
  /** Worst pain during the heel raises, 0-10 (optional). */
  heelRaisePain: PainScore.optional(),
})
export type ReadinessTest = z.infer<typeof ReadinessTest>

export type ReadinessCheckId = 'walk' | 'hops' | 'hop-pain' | 'heel-raises' | 'heel-raise-symmetry' | 'heel-raise-pain'

export interface ReadinessCheck {
  id: ReadinessCheckId
  passed: boolean
  text: string
}

export interface ReadinessResult {
  date: string
  passed: boolean
  checks: ReadinessCheck[]
}

/** Judges one readiness test against the pain limit of the return path (2/10 for every path today). */
export function judgeReadiness(test: ReadinessTest, painLimit: number): ReadinessResult {
  const r = READINESS_RULES
  const { left, right } = test.singleLegHeelRaises
  const better = Math.max(left, right)
  const gap = better === 0 ? 0 : (better - Math.min(left, right)) / better
  const checks: ReadinessCheck[] = [
    {
      id: 'walk',
      passed: test.walk30MinPainFree,
      text: test.walk30MinPainFree ? `Walked ${r.walkMinutes} min without pain.` : `Could not yet walk ${r.walkMinutes} min without pain.`,
    },
    {
      id: 'hops',
      passed: test.singleLegHops >= r.minHops,
      text: `${test.singleLegHops} single-leg hops (at least ${r.minHops} needed).`,
    },
    {
      id: 'hop-pain',
      passed: test.hopPain <= painLimit,
      text: `Hop pain ${test.hopPain}/10 (at most ${painLimit}/10 allowed).`,
    },
    {
      id: 'heel-raises',
      passed: Math.min(left, right) >= r.minHeelRaises,
      text: `Heel raises ${left} left, ${right} right (at least ${r.minHeelRaises} each side).`,
    },
    {
      id: 'heel-raise-symmetry',
      passed: gap <= r.maxHeelRaiseAsymmetry + 1e-9,
      text: `The sides differ by ${Math.round(gap * 100)} % (at most ${Math.round(r.maxHeelRaiseAsymmetry * 100)} %).`,
    },
  ]
  if (test.heelRaisePain !== undefined) {
    checks.push({
      id: 'heel-raise-pain',
      passed: test.heelRaisePain <= painLimit,
      text: `Heel-raise pain ${test.heelRaisePain}/10 (at most ${painLimit}/10 allowed).`,
    })
  }
  return { date: test.date, passed: checks.every((c) => c.passed), checks }
}
