import { describe, expect, it } from 'vitest'
import { PAIN_LIMITS, painFlagsByWeek, painFlagsForWeek, type PainLogEntry, painOutsideLimits } from '../../../shared/load/pain-monitoring'

// Calendar used below: 2024-04-01 is a Monday; 2024-03-31 (Sunday) is the last day of the week of 2024-03-25.
const ids = (entries: PainLogEntry[], week: string) => painFlagsForWeek(entries, week).map((f) => f.id)

describe('PAIN_LIMITS', () => {
  it('holds the pain-monitoring model limits', () => {
    expect(PAIN_LIMITS.during).toBe(5)
    expect(PAIN_LIMITS.after).toBe(5)
    expect(PAIN_LIMITS.safeMax).toBe(2)
    expect(PAIN_LIMITS.settledMorning).toBe(2)
    expect(PAIN_LIMITS.morningRiseMin).toBe(1)
  })
})

describe('pain-during-above-limit', () => {
  it('flags pain during above 5, not at 5', () => {
    expect(ids([{ date: '2024-04-02', painDuring: 6 }], '2024-04-01')).toEqual(['pain-during-above-limit'])
    expect(ids([{ date: '2024-04-02', painDuring: 5 }], '2024-04-01')).toEqual([])
    expect(ids([{ date: '2024-04-02', painDuring: 5.5 }], '2024-04-01')).toEqual(['pain-during-above-limit'])
  })

  it('counts Sunday in the week before, Monday in the week after', () => {
    const entries = [{ date: '2024-03-31', painDuring: 7 }]
    expect(ids(entries, '2024-03-25')).toEqual(['pain-during-above-limit'])
    expect(ids(entries, '2024-04-01')).toEqual([])
    const monday = [{ date: '2024-04-01', painDuring: 7 }]
    expect(ids(monday, '2024-04-01')).toEqual(['pain-during-above-limit'])
    expect(ids(monday, '2024-03-25')).toEqual([])
  })

  it('moves a mid-week date back to its Monday', () => {
    const flags = painFlagsForWeek([{ date: '2024-04-02', painDuring: 8 }], '2024-04-05')
    expect(flags).toHaveLength(1)
    expect(flags[0]?.weekStart).toBe('2024-04-01')
  })

  it('lists every offending run in one flag', () => {
    const flags = painFlagsForWeek(
      [
        { date: '2024-04-04', painDuring: 7 },
        { date: '2024-04-02', painDuring: 6 },
        { date: '2024-04-03', painDuring: 2 },
      ],
      '2024-04-01',
    )
    expect(flags).toHaveLength(1)
    expect(flags[0]?.detail).toContain('6/10 on 2024-04-02, 7/10 on 2024-04-04')
    expect(flags[0]?.detail).not.toContain('2024-04-03')
  })
})

describe('next-morning-not-settled', () => {
  it('flags next-morning pain above 2', () => {
    expect(ids([{ date: '2024-04-02', painAfter: 4, painNextMorning: 3 }], '2024-04-01')).toEqual(['next-morning-not-settled'])
  })
  it('does not flag pain that came down to 2 or less by the morning', () => {
    expect(ids([{ date: '2024-04-02', painAfter: 5, painNextMorning: 2 }], '2024-04-01')).toEqual([])
    expect(ids([{ date: '2024-04-02', painAfter: 0, painNextMorning: 0 }], '2024-04-01')).toEqual([])
  })
  it('flags pain that grew overnight even inside the safe zone', () => {
    const flags = painFlagsForWeek([{ date: '2024-04-02', painAfter: 1, painNextMorning: 2 }], '2024-04-01')
    expect(flags.map((f) => f.id)).toEqual(['next-morning-not-settled'])
    expect(flags[0]?.detail).toContain('up from 1/10')
  })
  it('needs a next-morning score: missing, null and NaN are "not logged", not 0', () => {
    expect(ids([{ date: '2024-04-02', painAfter: 5 }], '2024-04-01')).toEqual([])
    expect(ids([{ date: '2024-04-02', painAfter: 5, painNextMorning: null }], '2024-04-01')).toEqual([])
    expect(ids([{ date: '2024-04-02', painAfter: 5, painNextMorning: Number.NaN }], '2024-04-01')).toEqual([])
  })
})

describe('morning-pain-rising', () => {
  const prev = [
    { date: '2024-03-26', painNextMorning: 1 },
    { date: '2024-03-31', painNextMorning: 1 },
  ]
  it('flags a rise of one point or more in the weekly mean (1.0 → 2.0)', () => {
    const entries = [...prev, { date: '2024-04-02', painNextMorning: 2 }, { date: '2024-04-04', painNextMorning: 2 }]
    const flags = painFlagsForWeek(entries, '2024-04-01')
    expect(flags.map((f) => f.id)).toEqual(['morning-pain-rising'])
    expect(flags[0]?.detail).toContain('2.0/10 this week')
    expect(flags[0]?.detail).toContain('1.0/10 in the week of 2024-03-25')
  })
  it('does not flag a rise below one point (1.0 → 1.5)', () => {
    const entries = [...prev, { date: '2024-04-02', painNextMorning: 1 }, { date: '2024-04-04', painNextMorning: 2 }]
    expect(ids(entries, '2024-04-01')).toEqual([])
  })
  it('does not flag when the previous week has no morning score', () => {
    expect(ids([{ date: '2024-04-02', painNextMorning: 2 }, { date: '2024-03-27', painDuring: 1 }], '2024-04-01')).toEqual([])
  })
  it('compares with the calendar week just before, not the last week with data', () => {
    const twoWeeksBefore = [{ date: '2024-03-19', painNextMorning: 0 }]
    expect(ids([...twoWeeksBefore, { date: '2024-04-02', painNextMorning: 2 }], '2024-04-01')).toEqual([])
  })
  it('can raise all three flags at once, in a fixed order', () => {
    const entries = [...prev, { date: '2024-04-03', painDuring: 7, painAfter: 6, painNextMorning: 4 }]
    expect(ids(entries, '2024-04-01')).toEqual(['pain-during-above-limit', 'next-morning-not-settled', 'morning-pain-rising'])
  })
})

describe('painFlagsByWeek', () => {
  it('returns every week with entries, in order, with empty arrays for clean weeks', () => {
    const map = painFlagsByWeek([
      { date: '2024-04-10', painDuring: 6 },
      { date: '2024-03-31', painDuring: 1 },
      { date: 'not-a-date', painDuring: 9 },
    ])
    expect([...map.keys()]).toEqual(['2024-03-25', '2024-04-08'])
    expect(map.get('2024-03-25')).toEqual([])
    expect(map.get('2024-04-08')?.map((f) => f.id)).toEqual(['pain-during-above-limit'])
  })
  it('is empty for no entries', () => {
    expect(painFlagsByWeek([]).size).toBe(0)
  })
})

describe('one run against the limits (what tables and charts highlight)', () => {
  const day = '2026-12-01'
  it('marks pain during and after above their limits and a next morning that has not settled, and nothing at the limits', () => {
    const { during, after, settledMorning } = PAIN_LIMITS
    expect(painOutsideLimits({ date: day, painDuring: during, painAfter: after, painNextMorning: settledMorning })).toEqual({})
    expect(Object.keys(painOutsideLimits({ date: day, painDuring: during + 1, painAfter: after + 1, painNextMorning: settledMorning + 1 }))).toEqual(['during', 'after', 'nextMorning'])
    // 2/10 the next morning is settled, unless it is worse than straight after the run.
    expect(painOutsideLimits({ date: day, painAfter: 1, painNextMorning: 2 }).nextMorning).toMatch(/worse than straight after/)
    expect(painOutsideLimits({ date: day, painAfter: 2, painNextMorning: 2 })).toEqual({})
    // Not logged is never read as 0 (nor as above a limit).
    expect(painOutsideLimits({ date: day, painDuring: null, painAfter: Number.NaN, painNextMorning: 1 })).toEqual({})
  })
})
