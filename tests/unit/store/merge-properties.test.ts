import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HybridClock } from '../../../electron/services/store/club/hlc'
import { diffRecords, type Envelope, liveValues, mergeRecords, type RecordMap } from '../../../electron/services/store/club/records'

/**
 * Random interleavings of add / edit / delete from 2–4 installations, each writing only its own record
 * map and reading the others' at random moments (as a sync tool would deliver them).
 */
type Step = { who: number; kind: 'add' | 'edit' | 'delete' | 'sync'; key: number; value: number; from: number }

const RUNS = Number(process.env.MERGE_PROPERTY_RUNS ?? 200)
const seed = process.env.CALFCOACH_TEST_SEED ? Number(process.env.CALFCOACH_TEST_SEED) : undefined

const stepArb = (n: number) =>
  fc.record({
    who: fc.integer({ min: 0, max: n - 1 }),
    kind: fc.constantFrom('add', 'edit', 'delete', 'sync') as fc.Arbitrary<Step['kind']>,
    key: fc.integer({ min: 0, max: 5 }),
    value: fc.integer({ min: 0, max: 1000 }),
    from: fc.integer({ min: 0, max: n - 1 }),
  })

function simulate(n: number, steps: Step[]) {
  let tick = 0
  const wall = () => 1_700_000_000_000 + Math.floor(tick / 3)
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `ins-${i}`,
    clock: new HybridClock(`ins-${i}`, wall),
    own: {} as Record<string, Envelope>,
    seen: [] as RecordMap[],
  }))
  const acked: { key: string; env: Envelope }[] = []
  for (const s of steps) {
    tick++
    const me = nodes[s.who]!
    if (s.kind === 'sync') {
      const other = nodes[s.from]!
      me.seen[s.from] = { ...other.own }
      for (const env of Object.values(other.own)) me.clock.observe(env.hlc)
      continue
    }
    const merged = mergeRecords([me.own, ...me.seen.filter(Boolean)])
    const before = liveValues(merged)
    const next = new Map(before)
    const key = `c:runs/r${s.key}`
    if (s.kind === 'add' && !before.has(key)) next.set(key, { v: s.value, by: me.id })
    else if (s.kind === 'edit' && before.has(key)) next.set(key, { v: s.value, by: me.id })
    else if (s.kind === 'delete' && before.has(key)) next.delete(key)
    else continue
    const changes = diffRecords(before, next, merged, () => me.clock.now(), me.id)
    Object.assign(me.own, changes)
    for (const [k, env] of Object.entries(changes)) acked.push({ key: k, env })
  }
  return { nodes, acked }
}

describe('merging installations’ records', () => {
  it('is commutative, associative and idempotent; deletes stick; nothing acknowledged is lost unless replaced', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(stepArb(n), { minLength: 1, maxLength: 60 }))),
        ([n, steps]) => {
          const { nodes, acked } = simulate(n, steps)
          const maps = nodes.map((x) => x.own)
          const all = mergeRecords(maps)
          // Commutative: any order gives the same result.
          expect(mergeRecords([...maps].reverse())).toEqual(all)
          // Associative: merging merged parts gives the same result.
          expect(mergeRecords([mergeRecords(maps.slice(0, 1)), mergeRecords(maps.slice(1))])).toEqual(all)
          // Idempotent: merging again (or merging a file with its own copy) changes nothing.
          expect(mergeRecords([all, ...maps, all])).toEqual(all)
          for (const { key, env } of acked) {
            const final = all[key]!
            // Every acknowledged write survives unless a later one (by the clock) replaced it.
            expect(final.hlc >= env.hlc).toBe(true)
            if (final.hlc === env.hlc) expect(final).toEqual(env)
          }
          // Deletes stick: a deleted record only comes back through a later write that saw the delete or raced it with a newer stamp.
          for (const [key, env] of Object.entries(all)) {
            const deletes = acked.filter((a) => a.key === key && a.env.deleted)
            for (const d of deletes) if (!env.deleted) expect(env.hlc > d.env.hlc).toBe(true)
          }
        },
      ),
      { numRuns: RUNS, ...(seed !== undefined ? { seed } : {}) },
    )
  })

  it('an edit made after reading another coach’s change wins, even when that coach’s clock runs ahead', () => {
    const ahead = new HybridClock('ins-a', () => 2_000_000_000_000)
    const behind = new HybridClock('ins-b', () => 1_000_000_000_000)
    const first = ahead.now()
    behind.observe(first)
    expect(behind.now() > first).toBe(true)
  })
})
