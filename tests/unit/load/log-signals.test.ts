import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { logSignals, type SignalRun } from '../../../shared/load/log-signals'

// What the run/pain log says (shared/load/log-signals.ts), which the clinical state turns into reasons. These
// cases came from the squad-status tests of shared/load/status.ts, deleted once every screen read the clinical
// state (issue 10); the colours are the clinical state's business and are tested in tests/unit/clinical.

// today = Wednesday 2024-04-17. This week starts Mon 04-15, last week Mon 04-08.
const today = '2024-04-17'

/** Runs every other day, steady 6 km, pain-free, ending the day before `end`. */
function steady(end: string, weeks = 6): SignalRun[] {
  const runs: SignalRun[] = []
  for (let d = 1; d <= weeks * 7; d += 2) runs.push({ date: addDays(end, -d), distanceKm: 6, painDuring: 1, painAfter: 1, painNextMorning: 0 })
  return runs.reverse()
}

const flagsOf = (runs: SignalRun[], weeksAgo: number) => logSignals(runs, today).painWeeks[weeksAgo]!.flags.map((f) => f.id)

describe('log signals', () => {
  it('a clean log raises nothing', () => {
    const s = logSignals(steady(today), today)
    expect(s.painWeeks.every((w) => w.flags.length === 0)).toBe(true)
    expect(s.breaches).toEqual([])
    expect(s.stoppedLogging).toBeNull()
    expect(s.lastRunDate).toBe(addDays(today, -1))
  })

  it('pain during above 5 is flagged in its own week: this week, last week; three weeks ago is outside', () => {
    expect(flagsOf([...steady('2024-04-15'), { date: '2024-04-16', distanceKm: 5, painDuring: 7 }], 0)).toContain('pain-during-above-limit')
    expect(flagsOf([{ date: '2024-04-14', distanceKm: 5, painDuring: 8 }], 1)).toContain('pain-during-above-limit')
    const old = logSignals([{ date: '2024-03-28', distanceKm: 5, painDuring: 8 }], today)
    expect(old.painWeeks.flatMap((w) => w.flags)).toEqual([])
  })

  it('next-morning pain not settled, and morning pain rising week on week', () => {
    expect(flagsOf([...steady('2024-04-15'), { date: '2024-04-16', distanceKm: 6, painDuring: 3, painAfter: 4, painNextMorning: 4 }], 0)).toContain('next-morning-not-settled')
    const rising = [
      { date: '2024-04-09', distanceKm: 6, painNextMorning: 0 },
      { date: '2024-04-11', distanceKm: 6, painNextMorning: 0 },
      { date: '2024-04-15', distanceKm: 6, painNextMorning: 1, painAfter: 2 },
      { date: '2024-04-16', distanceKm: 6, painNextMorning: 1, painAfter: 2 },
    ]
    expect(flagsOf(rising, 0)).toEqual(['morning-pain-rising'])
  })

  it('a run beyond the 30-day longest counts for 14 days', () => {
    const recent = logSignals([...steady('2024-04-10'), { date: '2024-04-12', distanceKm: 9 }], today)
    expect(recent.breaches.map((b) => b.run.date)).toEqual(['2024-04-12'])
    const older = logSignals([...steady('2024-03-25'), { date: '2024-03-28', distanceKm: 9 }, ...steady(today, 2)], today)
    expect(older.breaches).toEqual([])
  })

  it('ignores runs dated after today and runs of no distance', () => {
    const s = logSignals([...steady(today), { date: '2024-04-18', distanceKm: 40, painDuring: 9 }, { date: '2024-04-16', distanceKm: 0, painDuring: 9 }], today)
    expect(s.painWeeks.flatMap((w) => w.flags)).toEqual([])
    expect(s.lastRunDate).toBe(addDays(today, -1))
  })

  describe('stopped logging', () => {
    const lastRun = '2024-03-30' // 18 days before today
    it('after regular logging, with the last run’s pain', () => {
      expect(logSignals(steady(addDays(lastRun, 1)), today).stoppedLogging).toMatchObject({ lastRunDate: lastRun, daysSince: 18, painful: false })
      const painful = logSignals([...steady(lastRun), { date: lastRun, distanceKm: 6, painDuring: 4 }], today).stoppedLogging
      expect(painful).toMatchObject({ lastPain: 4, painful: true })
    })
    it('needs previous regular logging (4 runs in 28 days) and more than 14 days of silence', () => {
      const sparse = [
        { date: '2024-03-10', distanceKm: 5 },
        { date: '2024-03-20', distanceKm: 5 },
        { date: '2024-03-30', distanceKm: 5 },
      ]
      expect(logSignals(sparse, today).stoppedLogging).toBeNull()
      expect(logSignals(steady(addDays(today, -13)), today).stoppedLogging).toBeNull() // last run 14 days ago: not yet
      expect(logSignals(steady(addDays(today, -14)), today).stoppedLogging).not.toBeNull() // 15 days ago
    })
  })

  it('rejects a bad today', () => {
    expect(() => logSignals([], '17/04/2024')).toThrow(/ISO date/)
  })
})
