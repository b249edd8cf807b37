import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays } from '../../../shared/dates'
import { athleteStatus, compareStatus, statusSortKey, type StatusRun } from '../../../shared/load/status'

// today = Wednesday 2024-04-17. This week starts Mon 04-15, last week Mon 04-08.
const today = '2024-04-17'
const ids = (s: ReturnType<typeof athleteStatus>) => s.reasons.map((r) => r.id)

/** Four easy runs a week, steady 6 km, pain-free, ending the day before `end`. */
function steady(end: string, weeks = 6): StatusRun[] {
  const runs: StatusRun[] = []
  for (let d = 1; d <= weeks * 7; d += 2) runs.push({ date: addDays(end, -d), distanceKm: 6, painDuring: 1, painAfter: 1, painNextMorning: 0 })
  return runs.reverse()
}

describe('athleteStatus', () => {
  it('green triage and a clean log → green', () => {
    const s = athleteStatus({ latestTriage: 'green', runs: steady(today), today })
    expect(s.level).toBe('green')
    expect(ids(s)).toEqual(['triage-green'])
  })

  it('no assessment and no runs → green with two informational reasons', () => {
    const s = athleteStatus({ latestTriage: null, runs: [], today })
    expect(s.level).toBe('green')
    expect(s.reasons.map((r) => [r.id, r.level])).toEqual([
      ['no-assessment', 'info'],
      ['no-runs', 'info'],
    ])
  })

  it('red triage is red even with a perfect log', () => {
    const s = athleteStatus({ latestTriage: 'red', runs: steady(today), today })
    expect(s.level).toBe('red')
    expect(s.reasons[0]?.id).toBe('triage-red')
  })

  it('red triage is always red whatever the log (property)', () => {
    const run = fc.record({
      date: fc.integer({ min: -120, max: 5 }).map((d) => addDays(today, d)),
      distanceKm: fc.double({ min: 0.5, max: 50, noNaN: true }),
      painDuring: fc.option(fc.integer({ min: 0, max: 10 })),
      painAfter: fc.option(fc.integer({ min: 0, max: 10 })),
      painNextMorning: fc.option(fc.integer({ min: 0, max: 10 })),
    })
    fc.assert(
      fc.property(fc.array(run, { maxLength: 60 }), (runs) => {
        expect(athleteStatus({ latestTriage: 'red', runs, today }).level).toBe('red')
      }),
      { numRuns: 200 },
    )
  })

  it('green or amber triage is never better than the worst flag (property)', () => {
    const run = fc.record({
      date: fc.integer({ min: -60, max: 0 }).map((d) => addDays(today, d)),
      distanceKm: fc.double({ min: 0.5, max: 50, noNaN: true }),
      painDuring: fc.option(fc.integer({ min: 0, max: 10 })),
      painNextMorning: fc.option(fc.integer({ min: 0, max: 10 })),
    })
    const rank = { red: 0, amber: 1, green: 2 } as const
    fc.assert(
      fc.property(fc.constantFrom('amber' as const, 'green' as const), fc.array(run, { maxLength: 40 }), (triage, runs) => {
        const s = athleteStatus({ latestTriage: triage, runs, today })
        expect(rank[s.level]).toBeLessThanOrEqual(rank[triage])
        if (s.reasons.some((r) => r.level === 'red')) expect(s.level).toBe('red')
      }),
      { numRuns: 200 },
    )
  })

  it('pain during above 5 this week → red even with green triage', () => {
    const runs = [...steady('2024-04-15'), { date: '2024-04-16', distanceKm: 5, painDuring: 7 }]
    const s = athleteStatus({ latestTriage: 'green', runs, today })
    expect(s.level).toBe('red')
    expect(s.reasons[0]).toMatchObject({ id: 'pain-during-above-limit', level: 'red', date: '2024-04-15' })
    expect(s.reasons[0]?.text).toMatch(/^This week: /)
  })

  it('pain during above 5 last week still counts; three weeks ago does not', () => {
    const lastWeek = athleteStatus({ latestTriage: 'green', runs: [{ date: '2024-04-14', distanceKm: 5, painDuring: 8 }], today })
    expect(lastWeek.level).toBe('red')
    expect(lastWeek.reasons[0]?.text).toMatch(/^Last week: /)
    const old = athleteStatus({ latestTriage: 'green', runs: [{ date: '2024-03-28', distanceKm: 5, painDuring: 8 }], today })
    expect(old.level).toBe('green')
    expect(ids(old)).not.toContain('pain-during-above-limit')
  })

  it('next-morning pain not settled → amber', () => {
    const runs = [...steady('2024-04-15'), { date: '2024-04-16', distanceKm: 6, painDuring: 3, painAfter: 4, painNextMorning: 4 }]
    const s = athleteStatus({ latestTriage: 'green', runs, today })
    expect(s.level).toBe('amber')
    expect(ids(s)).toContain('next-morning-not-settled')
  })

  it('morning pain rising week on week → amber', () => {
    const runs = [
      { date: '2024-04-09', distanceKm: 6, painNextMorning: 0 },
      { date: '2024-04-11', distanceKm: 6, painNextMorning: 0 },
      { date: '2024-04-15', distanceKm: 6, painNextMorning: 1, painAfter: 2 },
      { date: '2024-04-16', distanceKm: 6, painNextMorning: 1, painAfter: 2 },
    ]
    const s = athleteStatus({ latestTriage: 'green', runs, today })
    expect(s.level).toBe('amber')
    expect(ids(s)).toEqual(['morning-pain-rising', 'triage-green'])
  })

  it('a run beyond the 30-day longest in the last 14 days → amber; older → green', () => {
    const base = steady('2024-04-10')
    const recent = athleteStatus({ latestTriage: 'green', runs: [...base, { date: '2024-04-12', distanceKm: 9 }], today })
    expect(recent.level).toBe('amber')
    expect(recent.reasons.find((r) => r.id === 'run-beyond-30d-longest')).toMatchObject({ level: 'amber', date: '2024-04-12' })
    const older = athleteStatus({ latestTriage: 'green', runs: [...steady('2024-03-25'), { date: '2024-03-28', distanceKm: 9 }, ...steady(today, 2)], today })
    expect(ids(older)).not.toContain('run-beyond-30d-longest')
  })

  it('ignores runs dated after today', () => {
    const s = athleteStatus({ latestTriage: 'green', runs: [...steady(today), { date: '2024-04-18', distanceKm: 40, painDuring: 9 }], today })
    expect(s.level).toBe('green')
  })

  describe('stopped logging', () => {
    const lastRun = '2024-03-30' // 18 days before today
    it('is informational after regular pain-free logging (colour stays green)', () => {
      const s = athleteStatus({ latestTriage: 'green', runs: steady(addDays(lastRun, 1)), today })
      expect(s.level).toBe('green')
      const r = s.reasons.find((x) => x.id === 'stopped-logging')
      expect(r).toMatchObject({ level: 'info', date: lastRun })
      expect(r?.text).toContain('18 days')
    })
    it('is amber when the last run was painful (> 2/10)', () => {
      const runs = [...steady(lastRun), { date: lastRun, distanceKm: 6, painDuring: 4 }]
      const s = athleteStatus({ latestTriage: 'green', runs, today })
      expect(s.level).toBe('amber')
      expect(s.reasons.find((x) => x.id === 'stopped-logging')?.text).toContain('4/10')
    })
    it('needs previous regular logging (4 runs in 28 days) and more than 14 days of silence', () => {
      const sparse = [
        { date: '2024-03-10', distanceKm: 5 },
        { date: '2024-03-20', distanceKm: 5 },
        { date: '2024-03-30', distanceKm: 5 },
      ]
      expect(ids(athleteStatus({ latestTriage: 'green', runs: sparse, today }))).not.toContain('stopped-logging')
      const fourteen = steady(addDays(today, -13)) // last run 14 days ago: not yet
      expect(ids(athleteStatus({ latestTriage: 'green', runs: fourteen, today }))).not.toContain('stopped-logging')
      const fifteen = steady(addDays(today, -14)) // last run 15 days ago
      expect(ids(athleteStatus({ latestTriage: 'green', runs: fifteen, today }))).toContain('stopped-logging')
    })
  })

  it('combines: amber triage + high pain → red, reasons most serious first', () => {
    const runs = [{ date: '2024-04-16', distanceKm: 5, painDuring: 7, painAfter: 5, painNextMorning: 4 }]
    const s = athleteStatus({ latestTriage: 'amber', runs, today })
    expect(s.level).toBe('red')
    expect(s.reasons.map((r) => r.level)).toEqual(['red', 'amber', 'amber'])
    expect(ids(s)).toEqual(['pain-during-above-limit', 'triage-amber', 'next-morning-not-settled'])
  })

  it('the ACWR trend is never a reason', () => {
    // A big but rule-abiding ramp after a long steady block: no reason mentions the ratio.
    const runs: StatusRun[] = []
    for (let i = 0; i < 60; i++) runs.push({ date: addDays('2024-02-15', i), distanceKm: i < 50 ? 3 : 3.3 })
    const s = athleteStatus({ latestTriage: 'green', runs, today })
    expect(s.reasons.every((r) => !/acwr|acute|chronic/i.test(r.id + r.text))).toBe(true)
  })

  it('rejects a bad today', () => {
    expect(() => athleteStatus({ latestTriage: null, runs: [], today: '17/04/2024' })).toThrow(/ISO date/)
  })
})

describe('statusSortKey', () => {
  it('sorts the squad so whoever needs attention comes first', () => {
    const squad = {
      calm: athleteStatus({ latestTriage: 'green', runs: steady(today), today }),
      silent: athleteStatus({ latestTriage: 'green', runs: steady('2024-03-30'), today }),
      amberTriage: athleteStatus({ latestTriage: 'amber', runs: steady(today), today }),
      amberTwice: athleteStatus({
        latestTriage: 'amber',
        runs: [...steady('2024-04-15'), { date: '2024-04-16', distanceKm: 6, painAfter: 3, painNextMorning: 3 }],
        today,
      }),
      redPain: athleteStatus({ latestTriage: 'green', runs: [{ date: '2024-04-16', distanceKm: 5, painDuring: 8 }], today }),
      redBoth: athleteStatus({ latestTriage: 'red', runs: [{ date: '2024-04-16', distanceKm: 5, painDuring: 8 }], today }),
    }
    const order = Object.entries(squad)
      .sort(([, a], [, b]) => compareStatus(a, b))
      .map(([name]) => name)
    expect(order).toEqual(['redBoth', 'redPain', 'amberTwice', 'amberTriage', 'silent', 'calm'])
    expect(statusSortKey(squad.redBoth)).toBeLessThan(statusSortKey(squad.calm))
  })
})
