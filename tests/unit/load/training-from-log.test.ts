import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { trainingFromLog } from '../../../shared/load/training-from-log'

const D = '2026-12-02'
const run = (daysBack: number, distanceKm: number) => ({ date: addDays(D, -daysBack), distanceKm })

describe('the Training section from the run log', () => {
  it('adds up the last 7 days and the 7 days four weeks before, and finds the longest runs either side of this week', () => {
    const runs = [
      run(0, 5), run(3, 8.25), run(6, 4), // this week: D-6 … D
      run(7, 21), run(20, 12), run(36, 30), run(37, 40), // the 30 days before this week: D-36 … D-7 (37 is outside)
      run(28, 6), run(34, 7), run(35, 50), // four weeks ago: D-34 … D-28 (35 is outside)
      run(-1, 99), // tomorrow: not yet run
    ]
    expect(trainingFromLog(runs, D)).toEqual({ weeklyKm: 17.3, longestRunThisWeekKm: 8.3, weeklyKmFourWeeksAgo: 13, longestRunLast30DaysKm: 50 })
  })

  it('says 0 km for a window the athlete was logging through without running, nothing for one before the first run', () => {
    expect(trainingFromLog([run(40, 10)], D)).toEqual({ weeklyKm: 0, longestRunThisWeekKm: 0, weeklyKmFourWeeksAgo: 0, longestRunLast30DaysKm: 0 })
    // First run 10 days ago: four weeks ago is unknown, not 0 km.
    expect(trainingFromLog([run(10, 10), run(2, 5)], D)).toEqual({ weeklyKm: 5, longestRunThisWeekKm: 5, longestRunLast30DaysKm: 10 })
    expect(trainingFromLog([], D)).toEqual({})
    expect(trainingFromLog([run(1, 0), run(2, Number.NaN)], D)).toEqual({})
    expect(trainingFromLog([run(1, 5)], 'not a date')).toEqual({})
  })
})
