import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffRecords } from '../../../electron/services/store/club/records'

/**
 * diffRecords is what a club save writes: a version for every new or changed record and a tombstone for
 * every record gone, nothing for the rest (it skips the walk for removals when every old key is still there).
 */
describe('diffRecords', () => {
  const keys = fc.constantFrom('c:runs/a', 'c:runs/b', 'c:runs/c', 'o:settings/unit', 's:athleteName')
  const map = fc.array(fc.tuple(keys, fc.integer({ min: 0, max: 3 })), { maxLength: 5 }).map((pairs) => new Map<string, unknown>(pairs))
  it('writes exactly the records added, changed and removed (a removal and an addition in one write too)', () => {
    fc.assert(
      fc.property(map, map, (before, next) => {
        let n = 0
        const out = diffRecords(before, next, {}, () => `h${++n}`, 'me')
        const expected = new Set([...next].filter(([k, v]) => !before.has(k) || before.get(k) !== v).map(([k]) => k))
        for (const k of before.keys()) if (!next.has(k)) expected.add(k)
        expect(new Set(Object.keys(out))).toEqual(expected)
        for (const [k, env] of Object.entries(out)) expect(env.deleted).toBe(!next.has(k))
      }),
      { numRuns: 300 },
    )
  })
})
