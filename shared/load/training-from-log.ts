// The assessment's Training section worked out from the run log, so a coach with a logged runner starts
// from the runner's own figures instead of an empty section (issue 13, point 11). The windows are the
// ones the form's questions describe (shared/assessment/form-sections-measured.ts), counted back from the
// assessment's date D:
//
//   distance this week                 the 7 days D−6 … D
//   weekly distance four weeks ago     the 7 days D−34 … D−28
//   longest run in the previous 30 days the 30 days before this week, D−36 … D−7
//   longest run this week              the 7 days D−6 … D
//
// A window the log does not reach (the first logged run came after it ended) gives no figure rather than
// 0 km: not logged is not the same as not run. Distances are in km, to 0.1 km, like every stored distance.

import { addDays, isIsoDate } from '../dates'
import type { TrainingSection } from '../assessment/schema'
import type { z } from 'zod'

export interface LoggedDistance {
  date: string
  distanceKm: number
}

export type TrainingFigures = z.infer<typeof TrainingSection>

interface Window {
  from: number
  to: number
}

const WINDOWS = {
  thisWeek: { from: -6, to: 0 },
  fourWeeksAgo: { from: -34, to: -28 },
  before30Days: { from: -36, to: -7 },
} as const satisfies Record<string, Window>

const tenth = (km: number) => Math.round(km * 10) / 10

/** The Training answers the log supports on `date`; an empty object when it supports none. */
export function trainingFromLog(runs: readonly LoggedDistance[], date: string): TrainingFigures {
  if (!isIsoDate(date)) return {}
  const counted = runs.filter((r) => isIsoDate(r.date) && r.date <= date && Number.isFinite(r.distanceKm) && r.distanceKm > 0)
  if (counted.length === 0) return {}
  const firstRun = counted.reduce((first, r) => (r.date < first ? r.date : first), counted[0]!.date)
  const within = (w: Window) => {
    const from = addDays(date, w.from)
    const to = addDays(date, w.to)
    return { reached: firstRun <= to, km: counted.filter((r) => r.date >= from && r.date <= to).map((r) => r.distanceKm) }
  }
  const sum = (km: number[]) => tenth(km.reduce((a, b) => a + b, 0))
  const longest = (km: number[]) => tenth(km.reduce((a, b) => Math.max(a, b), 0))
  const out: TrainingFigures = {}
  const week = within(WINDOWS.thisWeek)
  if (week.reached) {
    out.weeklyKm = sum(week.km)
    out.longestRunThisWeekKm = longest(week.km)
  }
  const then = within(WINDOWS.fourWeeksAgo)
  if (then.reached) out.weeklyKmFourWeeksAgo = sum(then.km)
  const before = within(WINDOWS.before30Days)
  if (before.reached) out.longestRunLast30DaysKm = longest(before.km)
  return out
}
