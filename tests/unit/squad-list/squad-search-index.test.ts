import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Athlete } from '../../../shared/domain/squad'
import { buildSquadIndex, entryMatches, type SquadEntry, type SquadFilter, SquadSearchIndex, sortSquad } from '../../../renderer/src/features/squad/squad-sort'

const TODAY = '2026-12-02'
const GROUPS = new Map([['grp-a', 'Masters'], ['grp-b', 'Beginners'], ['grp-c', 'Juniors']])

/** The squad list's filter as it was written inline in SquadScreen before the index: the index must agree with it exactly. */
function oldFilter(sorted: readonly SquadEntry[], { search, groupId, showArchived }: SquadFilter): SquadEntry[] {
  return sorted.filter((e) => (showArchived ? e.athlete.archived : !e.athlete.archived) && (!groupId || e.athlete.groupIds.includes(groupId)) && (!search || e.searchText.includes(search)))
}

// A small alphabet, so that typed searches often match part of the squad and often narrow it.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'n', 'É', ' ', '1', '2'), minLength: 0, maxLength: 6 })
const athleteArb = fc.record({
  name: word,
  notes: word,
  email: word,
  archived: fc.boolean(),
  groupIds: fc.subarray(['grp-a', 'grp-b', 'grp-c']),
})
const squadArb = fc.array(athleteArb, { maxLength: 40 }).map((list) =>
  list.map((a, i) => ({ id: `ath-${i}`, sex: 'female', dateOfBirth: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...a }) as unknown as Athlete),
)
/** What a coach does to the filters: type a character, delete one, clear the box, pick a group, flip "show archived". */
const stepArb = fc.oneof(
  fc.record({ type: fc.constantFrom('a', 'b', 'e', 'n', 'é', ' ', '1', '2') }),
  fc.constant({ backspace: true as const }),
  fc.constant({ clear: true as const }),
  fc.record({ group: fc.constantFrom('', 'grp-a', 'grp-b', 'grp-c', 'grp-gone') }),
  fc.constant({ archived: true as const }),
)

describe('squad search index', () => {
  it('shows exactly the athletes, in exactly the order, that the inline filter did, through any sequence of typing and filter changes', () => {
    fc.assert(
      fc.property(squadArb, fc.array(stepArb, { maxLength: 30 }), fc.constantFrom('name', 'status', 'groups') as fc.Arbitrary<'name' | 'status' | 'groups'>, (athletes, steps, sort) => {
        const sorted = sortSquad(buildSquadIndex(athletes, GROUPS, null, TODAY), sort, 'ascending')
        const index = new SquadSearchIndex(sorted)
        let query = ''
        let filter: SquadFilter = { search: '', groupId: '', showArchived: false }
        for (const step of steps) {
          if ('type' in step) query += step.type
          else if ('backspace' in step) query = query.slice(0, -1)
          else if ('clear' in step) query = ''
          else if ('group' in step) filter = { ...filter, groupId: step.group }
          else filter = { ...filter, showArchived: !filter.showArchived }
          // As the screen derives it from the box.
          filter = { ...filter, search: query.trim().toLocaleLowerCase() }
          const shown = index.filter(filter)
          expect(shown).toEqual(oldFilter(sorted, filter))
          expect(shown.every((e) => entryMatches(e, filter))).toBe(true)
        }
      }),
      { numRuns: Number(process.env['SQUAD_SEARCH_RUNS'] ?? 300) },
    )
  })

  it('gives back the very same list while the athletes shown stay the same, so the table is not drawn again', () => {
    const athletes = ['Bench athlete 1', 'Bench athlete 2', 'Bench athlete 10', 'Other runner'].map(
      (name, i) => ({ id: `ath-${i}`, name, notes: '', email: '', archived: false, groupIds: [], sex: 'female', dateOfBirth: null }) as unknown as Athlete,
    )
    const index = new SquadSearchIndex(sortSquad(buildSquadIndex(athletes, GROUPS, null, TODAY), 'name', 'ascending'))
    const all = index.filter({ search: '', groupId: '', showArchived: false })
    expect(all).toHaveLength(4)
    const b = index.filter({ search: 'b', groupId: '', showArchived: false })
    expect(b.map((e) => e.athlete.name)).toEqual(['Bench athlete 1', 'Bench athlete 10', 'Bench athlete 2'])
    // Typing on without changing who matches: the same object.
    expect(index.filter({ search: 'be', groupId: '', showArchived: false })).toBe(b)
    expect(index.filter({ search: 'bench athlete', groupId: '', showArchived: false })).toBe(b)
    const one = index.filter({ search: 'bench athlete 1', groupId: '', showArchived: false })
    expect(one.map((e) => e.athlete.name)).toEqual(['Bench athlete 1', 'Bench athlete 10'])
    // Backspace finds the list it had.
    expect(index.filter({ search: 'bench athlete', groupId: '', showArchived: false })).toBe(b)
    expect(index.filter({ search: '', groupId: '', showArchived: false })).toBe(all)
  })
})
