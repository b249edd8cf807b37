import { describe, expect, it } from 'vitest'
import type { Run } from '../../../shared/domain/run'
import { athleteOverviewFacts, OVERVIEW_LIST_LENGTH, OVERVIEW_WEEKS, type OverviewPlan } from '../../../shared/overview/athlete-overview'
import type { PlanWeek } from '../../../shared/plan/schema'

const TODAY = '2026-12-02' // a Wednesday

function run(id: string, date: string, km: number, notes?: string): Run {
  return { id, date, distanceKm: km, painDuring: 2, ...(notes ? { notes } : {}) } as Run
}

function week(index: number, startDate: string, endDate: string, dates: string[]): PlanWeek {
  return {
    index,
    startDate,
    endDate,
    phase: 'rebuild',
    lighterWeek: false,
    plannedKm: dates.length * 5,
    longRunKm: 5,
    runs: dates.map((date) => ({ date, km: 5, kind: 'easy' as const })),
    exercises: [],
    gate: null,
    retestDate: null,
    focus: '',
  }
}

const PLAN: OverviewPlan = {
  label: 'Back to 30 km',
  output: {
    status: 'ok',
    weeks: [week(1, '2026-11-23', '2026-11-29', ['2026-11-24', '2026-11-27']), week(2, '2026-11-30', '2026-12-06', ['2026-12-01', '2026-12-03', '2026-12-06']), week(3, '2026-12-07', '2026-12-13', ['2026-12-08', '2026-12-10', '2026-12-11', '2026-12-13'])],
  },
}

describe('athleteOverviewFacts', () => {
  const runs = [run('r1', '2026-12-01', 4, 'felt tight'), run('r2', '2026-11-24', 5), run('r3', '2026-09-01', 9, 'old'), run('r4', '2026-12-09', 6, 'in the future')]

  it('takes the plan week containing today with what was logged in it so far', () => {
    const f = athleteOverviewFacts({ runs, assessments: [], activePlan: PLAN, today: TODAY })
    expect(f.thisPlanWeek).toMatchObject({ index: 2, plannedKm: 15, plannedRuns: 3, loggedKm: 4, loggedRuns: 1, when: 'current' })
  })

  it('lists the sessions from today on, soonest first, at most five', () => {
    const f = athleteOverviewFacts({ runs, assessments: [], activePlan: PLAN, today: TODAY })
    expect(f.upcoming.map((r) => r.date)).toEqual(['2026-12-03', '2026-12-06', '2026-12-08', '2026-12-10', '2026-12-11'])
    expect(f.upcoming).toHaveLength(OVERVIEW_LIST_LENGTH)
  })

  it('has no plan week or sessions without an active plan, or for a refer-first plan', () => {
    for (const activePlan of [null, { ...PLAN, output: { ...PLAN.output, status: 'refer-first' as const } }]) {
      const f = athleteOverviewFacts({ runs, assessments: [], activePlan, today: TODAY })
      expect(f.thisPlanWeek).toBeNull()
      expect(f.upcoming).toEqual([])
    }
  })

  it('shows the last eight Monday weeks, ending with this week, from the same series as the runs chart', () => {
    const f = athleteOverviewFacts({ runs, assessments: [], activePlan: null, today: TODAY })
    expect(f.weeks).toHaveLength(OVERVIEW_WEEKS)
    expect(f.weeks.at(-1)).toMatchObject({ start: '2026-11-30', km: 4, runs: 1 })
    expect(f.weeks.at(-2)).toMatchObject({ start: '2026-11-23', km: 5 })
    expect(f.weeks[0]!.start).toBe('2026-10-12')
    // The September run is outside the eight weeks; the future one is not logged yet.
    expect(f.weeks.reduce((a, w) => a + w.km, 0)).toBe(9)
  })

  it('merges run and assessment notes newest first, skipping empty ones and future dates', () => {
    const f = athleteOverviewFacts({
      runs,
      assessments: [
        { id: 'a1', date: '2026-11-30', note: 'Soleus weak on the left' },
        { id: 'a2', date: '2026-11-29', note: '   ' },
      ],
      activePlan: null,
      today: TODAY,
    })
    expect(f.notes.map((n) => [n.kind, n.text])).toEqual([
      ['run', 'felt tight'],
      ['assessment', 'Soleus weak on the left'],
      ['run', 'old'],
    ])
  })
})
