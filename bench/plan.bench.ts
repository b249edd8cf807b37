// Plan generation time (issue 5): milliseconds per plan for a 20-week and a 52-week plan, each with a
// log of runs carrying pain scores (so the pain-flag adaptation runs every week), plus regeneration.
// The lead's `npm run bench` harness calls benchPlan().

import { addDays } from '../shared/dates'
import { generatePlan, PlanRequest, regeneratePlan, type PlanRequestInput } from '../shared/plan'
import { medianMs } from './timing'

const msPerCall = (fn: () => unknown, repeats: number) => medianMs(fn, repeats, 3)

/** Deterministic log: three runs a week for `weeks` weeks, pain mostly inside the limits. */
function log(startDate: string, weeks: number): NonNullable<PlanRequestInput['runs']> {
  let seed = 7
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  const runs: NonNullable<PlanRequestInput['runs']> = []
  for (let d = 0; d < weeks * 7; d++) {
    if (d % 7 !== 1 && d % 7 !== 3 && d % 7 !== 6) continue
    const painAfter = Math.floor(rand() * 4)
    runs.push({
      date: addDays(startDate, d),
      km: Math.round((4 + rand() * 6) * 10) / 10,
      painDuring: Math.floor(rand() * 5),
      painAfter,
      painNextMorning: Math.min(painAfter, 1),
    })
  }
  return runs
}

const START = '2026-01-05'

// 20 weeks: 18 → 60 km over 4 days (cut at maxWeeks 20), with a re-test record and pain logs for the first 8 weeks.
const TWENTY = PlanRequest.parse({
  startDate: START,
  currentWeeklyKm: 18,
  longestRunLast30DaysKm: 7,
  targetWeeklyKm: 60,
  runDaysPerWeek: 4,
  maxWeeks: 20,
  today: addDays(START, 56),
  runs: log(START, 8),
  retests: [{ date: '2026-01-18', ankleRangeImproved: true, hipStrengthImproved: true }],
} satisfies PlanRequestInput)

// 52 weeks (the cap): a target out of reach, 7 run days, a full year of pain logs.
const FIFTY_TWO = PlanRequest.parse({
  startDate: START,
  currentWeeklyKm: 6,
  longestRunLast30DaysKm: 2,
  targetWeeklyKm: 250,
  targetLongRunKm: 35,
  runDaysPerWeek: 7,
  runs: log(START, 52),
} satisfies PlanRequestInput)

export async function benchPlan(): Promise<{ name: string; value: number; unit: string }[]> {
  const twenty = generatePlan(TWENTY)
  const fiftyTwo = generatePlan(FIFTY_TWO)
  const later = PlanRequest.parse({ ...FIFTY_TWO, today: addDays(START, 26 * 7 + 2) })
  const repeats = 40
  return [
    { name: 'plan: 20-week case, weeks generated', value: twenty.weeks.length, unit: 'weeks' },
    { name: 'plan: 20-week case, generation time', value: msPerCall(() => generatePlan(TWENTY), repeats), unit: 'ms' },
    { name: 'plan: 52-week case, weeks generated', value: fiftyTwo.weeks.length, unit: 'weeks' },
    { name: 'plan: 52-week case, generation time', value: msPerCall(() => generatePlan(FIFTY_TWO), repeats), unit: 'ms' },
    {
      name: 'plan: 52-week case, regenerate from week 27',
      value: msPerCall(() => regeneratePlan(fiftyTwo, later), repeats),
      unit: 'ms',
    },
  ]
}
