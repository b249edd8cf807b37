// Clearances and readiness tests for the demo squad (issue 10): the 'return-to-run' runner's calf strain was
// cleared by the club physio with a restriction, and the first readiness test a few days later did not pass
// yet, so the board shows a runner in the readiness gates. Pure and deterministic for a given date.

import type { Clearance } from '../clinical/clearance'
import type { ReadinessTest } from '../clinical/readiness'
import { addDays } from '../dates'
import type { Athlete } from '../domain/squad'
import { DEMO_STRAIN_DAYS_AGO } from './demo-assessments'
import type { DemoStory } from './demo-squad'

const CLEARED_DAYS_AGO = 8
const TESTED_DAYS_AGO = 3

/** The day a runner was told to stop (no runs are logged from then on), or null when they were not. */
export function demoStoppedRunningOn(story: DemoStory, today: string): string | null {
  return story === 'return-to-run' ? addDays(today, -DEMO_STRAIN_DAYS_AGO) : null
}

export function demoClearances(athlete: Athlete, story: DemoStory, today: string): Clearance[] {
  if (story !== 'return-to-run') return []
  return [
    {
      id: `clr-${athlete.id.replace(/^ath-/, '')}-1`,
      referralId: 'suspected-calf-strain',
      date: addDays(today, -CLEARED_DAYS_AGO),
      clearedBy: { role: 'physiotherapist', name: 'Nora Quinlan (club physio)' },
      outcome: 'cleared-with-restrictions',
      restrictions: 'Flat routes only and no sprints for the first four weeks back.',
    },
  ]
}

export function demoReadinessTests(story: DemoStory, today: string): ReadinessTest[] {
  if (story !== 'return-to-run') return []
  // Walks without pain, but the hops still hurt and the injured side is well short on heel raises.
  return [{ date: addDays(today, -TESTED_DAYS_AGO), walk30MinPainFree: true, singleLegHops: 10, hopPain: 3, singleLegHeelRaises: { left: 19, right: 27 }, heelRaisePain: 2 }]
}
