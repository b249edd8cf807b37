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
