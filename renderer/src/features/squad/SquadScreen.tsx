import { memo, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import type { SquadTriage } from '../../../../shared/api/channels/runs'
import { DEFAULT_SQUAD_LIST_VIEW, type Athlete, type SquadListView, type SquadSortColumn } from '../../../../shared/domain/squad'
import { expandSquadBoard } from '../../../../shared/api/squad-board'
import { call } from '../../api'
import { useAppData } from '../../app-data'
import { RowActions, type SortableColumn, SortableTableHead } from '../../components/Table'
import { useToast } from '../../components/Toasts'
import { type RowPlacement, rowCountFor, VirtualBody } from '../../components/VirtualBody'
import { navigate } from '../../route'
import { tableDate } from '../../dates'
import { type DistanceUnit, formatDistance } from '../../../../shared/units'
import { StatusBadge } from '../clinical/StatusBadge'
import { useDistanceText } from '../../components/use-distance-text'
import { AthleteForm } from './AthleteForm'
import { GroupManager } from './GroupManager'
import { GroupSelect } from './GroupSelect'
import { buildSquadIndex, clickSort, type SortDirection, type SquadEntry, SquadSearchIndex, sortSquad } from './squad-sort'

type ClinicalEntry = SquadTriage['athletes'][number]

const entryKey = (entry: SquadEntry) => entry.athlete.id
const COLUMNS = 8

/** The list's columns, each a sort button; the stored ids are in shared/domain/squad.ts. */
const SQUAD_COLUMNS: readonly SortableColumn<SquadSortColumn>[] = [
  { key: 'name', label: 'Name' },
  { key: 'age', label: 'Age' },
  { key: 'groups', label: 'Groups' },
  { key: 'status', label: 'Status' },
  { key: 'lastRun', label: 'Last run' },
  { key: 'weekDistance', label: 'This week' },
  { key: 'weekPain', label: 'Highest pain this week' },
]

interface SquadRowProps extends RowPlacement {
  entry: SquadEntry
  highlighted: boolean
  unit: DistanceUnit
  distanceText(text: string): string
  onToggleArchived(athlete: Athlete): void
}

/**
 * One athlete's row; drawn again only when that athlete, its status, its place or its highlight changes. A
 * search that only moves it (its place in the list) updates its `<tr>` alone: the cells are not drawn again.
 */
const SquadRow = memo(function SquadRow({ entry, highlighted, unit, distanceText, onToggleArchived, rowIndex, index, measureRef }: SquadRowProps) {
  return (
    <tr ref={measureRef} aria-rowindex={rowIndex} data-index={index} id={`squad-row-${entry.athlete.id}`} data-testid="squad-row" className={highlighted ? 'just-changed' : undefined}>
      <SquadCells entry={entry} unit={unit} distanceText={distanceText} onToggleArchived={onToggleArchived} />
    </tr>
  )
})

type SquadCellsProps = Pick<SquadRowProps, 'entry' | 'unit' | 'distanceText' | 'onToggleArchived'>

/** A row's cells: what the athlete and its status say, whatever its place in the list. */
const SquadCells = memo(function SquadCells({ entry, unit, distanceText, onToggleArchived }: SquadCellsProps) {
  const a = entry.athlete
  return (
    <>
      <td>
        <a href={`#/athlete/${a.id}/overview`}>{a.name}</a>
        {a.demo && <span className="badge badge-demo">Demo</span>}
      </td>
      <td>{entry.age ?? '—'}</td>
      <td>{entry.groupNames || '—'}</td>
      <SquadStatusCells entry={entry.clinical} unit={unit} distanceText={distanceText} />
      <RowActions>
        <button type="button" onClick={() => navigate({ name: 'athlete', id: a.id, tab: 'overview' })} aria-label={`Open ${a.name}`}>
          Open
        </button>
        <button type="button" onClick={() => onToggleArchived(a)} aria-label={`${a.archived ? 'Restore' : 'Archive'} ${a.name}`}>
          {a.archived ? 'Restore' : 'Archive'}
        </button>
      </RowActions>
    </>
  )
})

/** The squad list: search, sort and group filter; archived athletes are hidden unless asked for. */
export function SquadScreen() {
  const { squad, status, refresh, saveSettings } = useAppData()
  const [query, setQuery] = useState('')
  // Sort and filters as the coach last left them (a saved setting), changed here at once and saved behind.
  const [changedView, setChangedView] = useState<SquadListView | null>(null)
  const view = changedView ?? squad?.settings.squadList ?? DEFAULT_SQUAD_LIST_VIEW
  const { sort, direction, showArchived } = view
  // A group deleted since the view was saved means every group again.
  const groupId = squad?.groups.some((g) => g.id === view.groupId) ? view.groupId : ''
  const [adding, setAdding] = useState(false)
  const [managingGroups, setManagingGroups] = useState(false)
  const [demoError, setDemoError] = useState<string | null>(null)
  // The clinical status of every active athlete, from the same channel (and service) as the triage board.
  const [triage, setTriage] = useState<SquadTriage | null>(null)
  const distanceText = useDistanceText()
  // The athlete just added or brought back: scrolled into view and marked for a moment.
  const [highlightId, setHighlightId] = useState<string | null>(null)
  const notify = useToast()
  const today = new Date().toISOString().slice(0, 10)
  useEffect(() => {
    let live = true
    call('getSquadBoard')
      .then((t) => live && setTriage(expandSquadBoard(t)))
      .catch(() => live && setTriage(null))
    return () => {
      live = false
    }
    // The athletes (or the first day of the week) changing means new figures; a saved sort does not.
  }, [squad?.athletes, squad?.settings.weekStartsOn])
  const changeView = useCallback(
    (patch: Partial<SquadListView>) => {
      const next = { ...view, ...patch }
      setChangedView(next)
      saveSettings({ squadList: next }).catch(() => notify({ text: 'This sort and filter could not be saved; the list uses them until CalfCoach closes.' }))
    },
    [view, saveSettings, notify],
  )
  // The list follows each keystroke in the same frame as the letter: a keystroke costs a text test of the
  // athletes still matching and the rows whose place changed, so it is not deferred (useDeferredValue drew
  // the list one frame after the letter, on every keystroke; see bench/scale-worker.ts).
  const search = query.trim().toLocaleLowerCase()
  const groupName = useMemo(() => new Map((squad?.groups ?? []).map((g) => [g.id, g.name])), [squad])
  const index = useMemo(() => buildSquadIndex(squad?.athletes ?? [], groupName, triage, today), [squad?.athletes, groupName, triage, today])
  // Sorted and indexed once per squad, board or sort change; a keystroke only filters.
  const searchIndex = useMemo(() => new SquadSearchIndex(sortSquad(index, sort, direction)), [index, sort, direction])
  // The same list object while the athletes shown are the same, so the table is not drawn again.
  const visible = useMemo(() => searchIndex.filter({ search, groupId, showArchived }), [searchIndex, search, groupId, showArchived])
  const onSort = useCallback((column: SquadSortColumn) => changeView(clickSort(view, column)), [changeView, view])

  const onToggleArchived = useCallback(
    async (a: Athlete) => {
      const archived = !a.archived
      await call('setAthleteArchived', { id: a.id, archived })
      await refresh()
      notify({
        text: archived ? `Archived ${a.name}.` : `Brought ${a.name} back from the archive.`,
        undo: async () => {
          await call('setAthleteArchived', { id: a.id, archived: !archived })
          await refresh()
          setHighlightId(a.id)
        },
      })
    },
    [refresh, notify],
  )
  const unit = squad?.settings.distanceUnit ?? 'km'
  const renderRow = useCallback(
    (entry: SquadEntry, placement: RowPlacement) => (
      <SquadRow entry={entry} highlighted={entry.athlete.id === highlightId} unit={unit} distanceText={distanceText} onToggleArchived={onToggleArchived} {...placement} />
    ),
    [highlightId, unit, distanceText, onToggleArchived],
  )

  const archivedCount = useMemo(() => (squad?.athletes ?? []).filter((a) => a.archived).length, [squad?.athletes])
  if (!squad) return <p>Loading squad…</p>

  const addForm = adding && (
    <AthleteForm
      groups={squad.groups}
      onClose={() => setAdding(false)}
      onSaved={async (athlete) => {
        setAdding(false)
        await refresh()
        setHighlightId(athlete.id)
        notify({ text: `Added ${athlete.name} to the squad.` })
      }}
    />
  )

  if (squad.athletes.length === 0 && status?.readOnlyReason) {
    // Never offer "first run" over data we could not open: the coach would think the squad is gone.
    return (
      <section className="first-run" aria-labelledby="readonly-title">
        <h1 id="readonly-title">Your squad could not be opened for editing</h1>
        <p>{status.readOnlyReason}</p>
        <p>Your data folder has not been changed. It is at <code>{status.dataDir}</code>.</p>
      </section>
    )
  }

  if (squad.athletes.length === 0) {
    return (
      <section className="first-run" aria-labelledby="first-run-title">
        <h1 id="first-run-title">Welcome to CalfCoach</h1>
        <p>
          Keep your squad’s calf-pain screenings, run logs and return-to-distance plans on this computer. Start by adding your first athlete, or
          explore a generated demo club with months of runs, pain scores and assessments.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add athlete
          </button>
          <button
            type="button"
            onClick={async () => {
              try {
                await call('loadDemoSquad')
                await refresh()
              } catch (e) {
                setDemoError((e as Error).message)
              }
            }}
          >
            Load demo squad
          </button>
        </div>
        {demoError && <p role="alert" className="error">{demoError}</p>}
        {addForm}
      </section>
    )
  }

  return (
    <section aria-labelledby="squad-title">
      <div className="toolbar">
        <h1 id="squad-title">Squad</h1>
        <div className="spacer" />
        <button type="button" onClick={() => setManagingGroups(true)}>
          Groups…
        </button>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add athlete
        </button>
      </div>
      <div className="filters" role="search">
        <label htmlFor="squad-search">Search</label>
        <input id="squad-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, email or notes" />
        <label htmlFor="squad-group">Group</label>
        <GroupSelect id="squad-group" groups={squad.groups} value={groupId} noneLabel="All groups" onChange={(id) => changeView({ groupId: id })} />
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => changeView({ showArchived: e.target.checked })} />
          Show archived ({archivedCount})
        </label>
      </div>
      <SquadTable visible={visible} showArchived={showArchived} sort={sort} direction={direction} onSort={onSort} renderRow={renderRow} highlightId={highlightId} />
      {visible.length === 0 && <p className="muted">No athletes match these filters.</p>}
      {addForm}
      {managingGroups && <GroupManager groups={squad.groups} onClose={() => setManagingGroups(false)} onChanged={refresh} />}
    </section>
  )
}

interface SquadTableProps {
  visible: readonly SquadEntry[]
  showArchived: boolean
  sort: SquadSortColumn
  direction: SortDirection
  onSort(column: SquadSortColumn): void
  renderRow(entry: SquadEntry, placement: RowPlacement): ReactNode
  highlightId: string | null
}

/** The list itself: not drawn again by a keystroke that leaves the same athletes shown (the same `visible`). */
const SquadTable = memo(function SquadTable({ visible, showArchived, sort, direction, onSort, renderRow, highlightId }: SquadTableProps) {
  return (
    <table className="squad-table" aria-rowcount={rowCountFor(visible)}>
      <caption className="sr-only">{showArchived ? 'Archived athletes' : 'Active athletes'}</caption>
      <SortableTableHead columns={SQUAD_COLUMNS} sort={sort} direction={direction} onSort={onSort} actions numbered />
      <VirtualBody rows={visible} columns={COLUMNS} estimateRowHeight={60} rowKey={entryKey} renderRow={renderRow} revealKey={highlightId} />
    </table>
  )
})

/** Status (with its most serious reason), last run, this week's distance and highest pain, all from the board's summary. */
function SquadStatusCells({ entry, unit, distanceText }: { entry: ClinicalEntry | undefined; unit: DistanceUnit; distanceText(text: string): string }) {
  if (!entry) {
    return (
      <>
        <td className="muted">—</td>
        <td>—</td>
        <td>—</td>
        <td>—</td>
      </>
    )
  }
  return (
    <>
      <td data-testid="squad-status">
        <StatusBadge colour={entry.level} headline={entry.headline} />
        {entry.topReason && <div className="muted squad-status-reason">{distanceText(entry.topReason)}</div>}
      </td>
      <td data-testid="squad-last-run">{entry.lastRunDate ? tableDate(entry.lastRunDate) : '—'}</td>
      <td data-testid="squad-week-distance">{formatDistance(entry.weekKm, unit)}</td>
      <td data-testid="squad-week-pain">{entry.weekMaxPain === null ? '—' : `${entry.weekMaxPain}/10`}</td>
    </>
  )
}
