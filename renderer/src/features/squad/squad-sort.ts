import type { SquadTriage } from '../../../../shared/api/channels/runs'
import { ageOn } from '../../../../shared/dates'
import type { Athlete, SquadListView, SquadSortColumn } from '../../../../shared/domain/squad'

type ClinicalEntry = SquadTriage['athletes'][number]
export type SortDirection = SquadListView['direction']

/** One athlete in the list with what search and sorting need, worked out once per squad change, not per keystroke. */
export interface SquadEntry {
  athlete: Athlete
  /** Name, notes and email in lower case: a keystroke in the search box only tests `includes`. */
  searchText: string
  age: number | null
  groupNames: string
  /** The athlete's line of the board (the one clinical state); undefined for archived athletes. */
  clinical: ClinicalEntry | undefined
  /** Place on the triage board (who needs attention first); athletes not on it come last. */
  rank: number
}

/** Joins the squad index with the board's summary of each athlete (never worked out again here). */
export function buildSquadIndex(athletes: readonly Athlete[], groupName: ReadonlyMap<string, string>, triage: SquadTriage | null, today: string): SquadEntry[] {
  const board = new Map((triage?.athletes ?? []).map((e, i) => [e.athleteId, { e, rank: i }]))
  return athletes.map((athlete) => ({
    athlete,
    searchText: `${athlete.name}\n${athlete.notes}\n${athlete.email}`.toLocaleLowerCase(),
    age: athlete.dateOfBirth ? ageOn(athlete.dateOfBirth, today) : null,
    groupNames: athlete.groupIds.map((id) => groupName.get(id)).filter(Boolean).join(', '),
    clinical: board.get(athlete.id)?.e,
    rank: board.get(athlete.id)?.rank ?? Number.MAX_SAFE_INTEGER,
  }))
}

/** What each column sorts on; null means "nothing to sort on" and always goes last, whichever the direction. */
const SORT_VALUE: Record<SquadSortColumn, (e: SquadEntry) => string | number | null> = {
  name: (e) => e.athlete.name,
  age: (e) => e.age,
  groups: (e) => e.groupNames || null,
  // The board's own order: who needs attention first.
  status: (e) => (e.clinical ? e.rank : null),
  lastRun: (e) => e.clinical?.lastRunDate ?? null,
  weekDistance: (e) => e.clinical?.weekKm ?? null,
  weekPain: (e) => e.clinical?.weekMaxPain ?? null,
}

/**
 * The direction a column sorts in when first clicked: the one a coach usually wants (most recent run,
 * most distance and most pain first; names A to Z; status by who needs attention first).
 */
export const FIRST_DIRECTION: Record<SquadSortColumn, SortDirection> = {
  name: 'ascending',
  age: 'ascending',
  groups: 'ascending',
  status: 'ascending',
  lastRun: 'descending',
  weekDistance: 'descending',
  weekPain: 'descending',
}

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
}

const byName = (a: SquadEntry, b: SquadEntry) => a.athlete.name.localeCompare(b.athlete.name) || a.athlete.id.localeCompare(b.athlete.id)

/** A new list in the asked order; blanks last, ties by name, so the order never depends on the input's. */
export function sortSquad(entries: readonly SquadEntry[], sort: SquadSortColumn, direction: SortDirection): SquadEntry[] {
  const value = SORT_VALUE[sort]
  const sign = direction === 'ascending' ? 1 : -1
  const keyed = entries.map((entry) => ({ entry, key: value(entry) }))
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? byName(a.entry, b.entry) : a.key === null ? 1 : -1
    return sign * compareValues(a.key, b.key) || byName(a.entry, b.entry)
  })
  return keyed.map((k) => k.entry)
}

/** The view after a click on a column heading: the same column flips, another starts in its usual direction. */
export function clickSort(view: SquadListView, column: SquadSortColumn): SquadListView {
  const direction = view.sort === column ? (view.direction === 'ascending' ? 'descending' : 'ascending') : FIRST_DIRECTION[column]
  return { ...view, sort: column, direction }
}

/** What the list shows of the sorted squad: the search (trimmed, lower case), one group or all (''), archived or active. */
export interface SquadFilter {
  search: string
  groupId: string
  showArchived: boolean
}

/** The list's filter for one athlete: the definition the search index below must always agree with. */
export function entryMatches(e: SquadEntry, { search, groupId, showArchived }: SquadFilter): boolean {
  return (showArchived ? e.athlete.archived : !e.athlete.archived) && (!groupId || e.athlete.groupIds.includes(groupId)) && (!search || e.searchText.includes(search))
}

/** How many filtered lists an index keeps (a backspace finds its list again; a long session stays small). */
const KEPT_RESULTS = 64

/**
 * The sorted squad made ready for filtering, once per squad, board or sort change, so that a keystroke
 * costs only the text test of the athletes it can still match, and gives back the very same list object
 * when its result did not change: the table (and every row in it) is then not drawn again at all.
 * - the athletes of a group / archive choice are picked once, and an empty search returns that list;
 * - a longer search (one holding the one before, as typing does) only tests what the one before matched;
 * - lists already worked out (backspace, retyping) are returned as they were.
 */
export class SquadSearchIndex {
  private readonly bases = new Map<string, readonly SquadEntry[]>()
  private readonly results = new Map<string, readonly SquadEntry[]>()
  private last: { filter: SquadFilter; rows: readonly SquadEntry[] } | null = null

  constructor(readonly sorted: readonly SquadEntry[]) {}

  filter(filter: SquadFilter): readonly SquadEntry[] {
    const key = `${filter.showArchived ? 1 : 0}\u0000${filter.groupId}\u0000${filter.search}`
    let rows = this.results.get(key)
    if (!rows) {
      rows = this.compute(filter)
      // The same athletes as the list shown before: hand that list back, so nothing is drawn again.
      const last = this.last?.rows
      if (last && sameRows(last, rows)) rows = last
      if (this.results.size >= KEPT_RESULTS) this.results.delete(this.results.keys().next().value as string)
      this.results.set(key, rows)
    }
    this.last = { filter, rows }
    return rows
  }

  private compute(filter: SquadFilter): readonly SquadEntry[] {
    const base = this.base(filter)
    if (!filter.search) return base
    const last = this.last
    // Every text holding the new search also holds any part of it: only what the last search matched can match.
    const narrowed = last && last.filter.search && last.filter.groupId === filter.groupId && last.filter.showArchived === filter.showArchived && filter.search.includes(last.filter.search)
    const from = narrowed ? last.rows : base
    return from.filter((e) => e.searchText.includes(filter.search))
  }

  private base({ groupId, showArchived }: SquadFilter): readonly SquadEntry[] {
    const key = `${showArchived ? 1 : 0}\u0000${groupId}`
    let rows = this.bases.get(key)
    if (!rows) {
      rows = this.sorted.filter((e) => entryMatches(e, { search: '', groupId, showArchived }))
      this.bases.set(key, rows)
    }
    return rows
  }
}

function sameRows(a: readonly SquadEntry[], b: readonly SquadEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i])
}
