/**
 * Loose inputs the security review found, each refused with a field message (and the ones that must
 * still pass, passing): ids named like Windows devices, hidden characters in names and notes, runs of
 * 5e-324 km, dated 2200 or with pain starting beyond their distance, and CSV cells a spreadsheet would
 * run as formulas after leading spaces or in full-width form.
 */
import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/api/contract'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { EntityId } from '../../../shared/domain/common'
import { latestRunDate } from '../../../shared/domain/input-guards'
import { csvEscapeCell } from '../../../electron/services/import/csv-export'
import { draft } from '../../support/temp'

const today = new Date().toISOString().slice(0, 10)
const run = (extra: Record<string, unknown> = {}) => ({ date: today, distanceKm: 5, ...extra })

function issues(method: 'addRun' | 'createAthlete' | 'createGroup' | 'addRunsForGroup', input: unknown): { path: string; message: string }[] {
  const parsed = contract[method].input.safeParse(input)
  return parsed.success ? [] : toFieldIssues(parsed.error)
}

describe('ids', () => {
  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'lpt9', 'aux-1', 'nul-abc', 'con-x'])('refuses the Windows device name %s', (id) => {
    const result = EntityId.safeParse(id)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Windows reserves for devices/)
  })

  // The first line of defence against path traversal (the store's resolveInside is the second): an id
  // becomes a file name, so nothing that could name another folder or a hidden file gets through.
  it.each(['../squad', 'ath/../../x', 'ath.json', '.hidden', 'ath\\x', 'Ath-1', 'ath 1', 'ab', 'ath-%2e%2e'])('refuses %s, which is not a safe file name', (id) => {
    expect(EntityId.safeParse(id).success).toBe(false)
  })

  it.each(['ath-mk2x-1', 'console-1', 'company', 'auxiliary', 'nulla', 'com-1', 'lpt'])('still accepts %s', (id) => {
    expect(EntityId.safeParse(id).success).toBe(true)
  })
})

describe('names and notes', () => {
  const hostile: [string, RegExp][] = [
    ['Ada\u0000Byrne', /control character/],
    ['Ada\u0007', /control character/],
    ['Ada\u009b', /control character/],
    ['\u202eenyrB adA', /text-direction/],
    ['Ada\u2066Byrne\u2069', /text-direction/],
    ['Ada \ud800 Byrne', /broken character/],
    ['Ada \udc00', /broken character/],
  ]

  it.each(hostile)('an athlete name %j is refused on the name field', (name, message) => {
    const found = issues('createAthlete', draft(name))
    expect(found.map((i) => i.path)).toEqual(['name'])
    expect(found[0]!.message).toMatch(message)
  })

  it('a name with a line break is refused; notes may keep line breaks and tabs but not other controls', () => {
    expect(issues('createAthlete', draft('Ada\nByrne')).map((i) => i.path)).toEqual(['name'])
    expect(issues('createAthlete', draft('Ada Byrne', { notes: 'line one\nline two\ttabbed\r\n' }))).toEqual([])
    expect(issues('createAthlete', draft('Ada Byrne', { notes: 'bell\u0007' })).map((i) => i.path)).toEqual(['notes'])
    expect(issues('createAthlete', draft('Ada Byrne', { notes: 'x\u202ey' })).map((i) => i.path)).toEqual(['notes'])
  })

  it('real names in any script, emoji included, pass', () => {
    for (const name of ['Zoë Ní Bhriain', 'محمد علي', 'יעל כהן', '王小明', 'Ana 🏃‍♀️', 'Łukasz Żółć']) {
      expect(issues('createAthlete', draft(name)), name).toEqual([])
    }
  })

  it('group names and run notes get the same check', () => {
    expect(issues('createGroup', { name: 'Tuesday\u202e' }).map((i) => i.path)).toEqual(['name'])
    expect(issues('addRun', { athleteId: 'ath-abc', run: run({ notes: 'ok\u0000' }) }).map((i) => i.path)).toEqual(['run.notes'])
    expect(issues('addRun', { athleteId: 'ath-abc', run: run({ shoes: 'Pegasus\n40' }) }).map((i) => i.path)).toEqual(['run.shoes'])
  })
})

describe('runs', () => {
  it.each([
    [{ distanceKm: 5e-324 }, 'run.distanceKm', /at least 10 m/],
    [{ distanceKm: 0.009 }, 'run.distanceKm', /at least 10 m/],
    [{ date: '2200-01-01' }, 'run.date', /more than a day in the future/],
    [{ painOnsetKm: 300 }, 'run.painOnsetKm', /further into the run than the run’s own distance/],
  ])('%j is refused on %s', (extra, path, message) => {
    const found = issues('addRun', { athleteId: 'ath-abc', run: run(extra) })
    expect(found.map((i) => i.path)).toEqual([path])
    expect(found[0]!.message).toMatch(message)
  })

  it('the edges pass: exactly 10 m, tomorrow (time zones), pain at the very end of the run', () => {
    expect(issues('addRun', { athleteId: 'ath-abc', run: run({ distanceKm: 0.01 }) })).toEqual([])
    expect(issues('addRun', { athleteId: 'ath-abc', run: run({ date: latestRunDate() }) })).toEqual([])
    expect(issues('addRun', { athleteId: 'ath-abc', run: run({ painOnsetKm: 5 }) })).toEqual([])
  })

  it('a group session refuses a far-future date and a 5 m run per athlete', () => {
    expect(issues('addRunsForGroup', { date: '2200-01-01', entries: [{ athleteId: 'ath-abc', distanceKm: 5 }] }).map((i) => i.path)).toEqual(['date'])
    expect(issues('addRunsForGroup', { date: today, entries: [{ athleteId: 'ath-abc', distanceKm: 0.005 }] }).map((i) => i.path)).toEqual(['entries.0.distanceKm'])
  })
})

describe('CSV export escaping', () => {
  it.each([' =1+1', '  +cmd', '\u3000@SUM(A1)', '\u00a0-2+3', '＝HYPERLINK("x")', '＋1', '－1', '＠A1', ' ＝1', '\t=1', '\r=1'])('escapes %j', (cell) => {
    expect(csvEscapeCell(cell).replace(/^"/, '').startsWith("'")).toBe(true)
  })

  it.each(['Pegasus 40', 'easy - felt good', 'a=b', '5 km', ''])('leaves %j alone', (cell) => {
    expect(csvEscapeCell(cell).replace(/^"/, '').startsWith("'")).toBe(false)
  })
})
