// The pain rules the athlete takes home (PDF, plan view), in plain words.
//
// Source: the pain-monitoring model of Silbernagel et al. 2007 (AJSM), adapted from Thomeé 1997, as
// summarised in shared/reference/clinical-and-peers.md §C1. The numbers come from PAIN_LIMITS in
// shared/load/pain-monitoring.ts so the text always matches the flags the app raises and the plan reacts to.
// The wording is ours.

import { PAIN_LIMITS } from '../load/pain-monitoring'

export interface PainRule {
  readonly id: 'during' | 'after' | 'morning' | 'trend' | 'what-counts' | 'plan-reacts' | 'stop-and-call'
  readonly text: string
}

export const PAIN_RULES: readonly PainRule[] = [
  {
    id: 'during',
    text:
      `Some pain during a run is allowed: up to ${PAIN_LIMITS.during} out of 10 is acceptable, and ` +
      `0–${PAIN_LIMITS.safeMax} out of 10 is the comfortable zone to aim for. If it climbs above ` +
      `${PAIN_LIMITS.during}, ease off or walk the rest of the way, and tell your coach.`,
  },
  {
    id: 'after',
    text:
      `Pain after the run may also reach ${PAIN_LIMITS.after} out of 10, as long as it has settled by the next ` +
      `morning: back down to ${PAIN_LIMITS.settledMorning} out of 10 or less, and no worse than it was just after the run.`,
  },
  {
    id: 'morning',
    text:
      'How the calf feels the morning after a run matters more than how the run itself felt. ' +
      'Write down the next-morning score after every run.',
  },
  {
    id: 'trend',
    text: 'Morning pain and stiffness should not creep up from one week to the next.',
  },
  {
    id: 'what-counts',
    text:
      'Score pain from 0 (none) to 10 (the worst imaginable). Log three numbers for each run: during, ' +
      'straight after, and the next morning.',
  },
  {
    id: 'plan-reacts',
    text:
      'A week that breaks any of these rules is never followed by an increase: the next week repeats the ' +
      'same distance or steps back. A week that keeps to them moves on as planned.',
  },
  {
    id: 'stop-and-call',
    text:
      'Stop running and contact your coach or a doctor straight away if the calf becomes swollen, warm or red, ' +
      'if it hurts at rest or at night, if the foot goes numb, tingly, cold or pale, or if you notice chest pain ' +
      'or breathlessness.',
  },
]

export const PAIN_RULES_SOURCE =
  'Based on the pain-monitoring model (Silbernagel et al. 2007, adapted from Thomeé 1997).'

/** The rules as plain strings, in order, followed by the source line. */
export function painRulesText(): string[] {
  return [...PAIN_RULES.map((r) => r.text), PAIN_RULES_SOURCE]
}
