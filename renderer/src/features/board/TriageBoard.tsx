import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import type { SquadTriage, SquadTriageEntry } from '../../../../shared/api/channels/runs'
import { expandSquadBoard } from '../../../../shared/api/squad-board'
import { call } from '../../api'
import { useAppData } from '../../app-data'
import { TableHead } from '../../components/Table'
import { type RowPlacement, rowCountFor, VirtualBody } from '../../components/VirtualBody'
import { hrefFor } from '../../route'
import { Sparkline } from '../log/charts/Sparkline'
import { GroupSession } from '../log/GroupSession'
import { GroupSelect } from '../squad/GroupSelect'
import { SquadExports } from '../report/SquadExports'
import '../log/log.css'
import { useDistanceText } from '../../components/use-distance-text'
import { StatusBadge } from '../clinical/StatusBadge'
import type { DistanceUnit } from '../../../../shared/units'

/** The board is split by what each colour asks of the coach (the colour itself comes from the clinical state). */
const GROUP_TITLE: Record<SquadTriageEntry['level'], string> = {
  red: 'See a clinician today or stop running',
  amber: 'Hold: do not increase running',
  green: 'Progress as planned',
}

/** Shown for each athlete; the rest of the reasons sit behind "more". */
const REASONS_SHOWN = 2

/** Reasons behind an athlete's status, each marked with its own level. */
function ReasonList({ reasons }: { reasons: SquadTriageEntry['reasons'] }) {
  const distanceText = useDistanceText()
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={`${r.id}-${i}`} className={`reason-${r.level}`}>
          {distanceText(r.text)}
        </li>
      ))}
    </ul>
  )
}

const COLUMNS = 5

/** A line of the board: a heading row where a colour starts, or one athlete. */
type BoardLine = { kind: 'group'; level: SquadTriageEntry['level'] } | { kind: 'athlete'; entry: SquadTriageEntry }

const lineKey = (line: BoardLine) => (line.kind === 'group' ? `group-${line.level}` : line.entry.athleteId)

/** The athletes (already in board order) with a heading row before the first of each colour. */
function boardLines(rows: readonly SquadTriageEntry[]): BoardLine[] {
  const lines: BoardLine[] = []
  rows.forEach((entry, i) => {
    if (i === 0 || rows[i - 1]?.level !== entry.level) lines.push({ kind: 'group', level: entry.level })
    lines.push({ kind: 'athlete', entry })
  })
  return lines
}

const GroupRow = memo(function GroupRow({ level, rowIndex, index, measureRef }: RowPlacement & { level: SquadTriageEntry['level'] }) {
  return (
    <tr ref={measureRef} aria-rowindex={rowIndex} data-index={index} className={`board-group board-group-${level}`} data-testid="board-group">
      <th scope="rowgroup" colSpan={COLUMNS}>
        {GROUP_TITLE[level]}
      </th>
    </tr>
  )
})

/** One athlete's line on the board; drawn again only when that athlete's entry or its place changes. */
const BoardRow = memo(function BoardRow({ entry: a, unit, rowIndex, index, measureRef }: RowPlacement & { entry: SquadTriageEntry; unit: DistanceUnit }) {
  const shown = a.reasons.slice(0, REASONS_SHOWN)
  const more = a.reasons.slice(REASONS_SHOWN)
  return (
    <tr ref={measureRef} aria-rowindex={rowIndex} data-index={index} data-testid="board-row" data-level={a.level}>
      <th scope="row">
        <a href={hrefFor({ name: 'athlete', id: a.athleteId, tab: 'runs' })}>{a.name}</a>
        {a.locked && <span className="badge badge-red"> Locked</span>}
      </th>
      <td>
        <StatusBadge colour={a.level} headline={a.headline} />
      </td>
      <td>
        <ReasonList reasons={shown} />
        {more.length > 0 && (
          <details>
            <summary>{more.length} more</summary>
            <ReasonList reasons={more} />
          </details>
        )}
      </td>
      <td>
        <Sparkline points={a.sparkline} unit={unit} />
      </td>
      <td>{a.lastRunDate ?? '–'}</td>
    </tr>
  )
})

/** Every active athlete's status with the reasons and a 12-week sparkline, the ones needing attention first. */
export function TriageBoard() {
  const { squad } = useAppData()
  const [board, setBoard] = useState<SquadTriage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [groupId, setGroupId] = useState('')
  const [logging, setLogging] = useState(false)
  const [message, setMessage] = useState('')

  const load = useCallback(async () => {
    try {
      // The board's entries in their compact form (fewer bytes across IPC), as getSquadTriage gives them.
      setBoard(expandSquadBoard(await call('getSquadBoard')))
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load, squad])

  const unit = squad?.settings.distanceUnit ?? 'km'
  const rows = useMemo(() => (board?.athletes ?? []).filter((a) => !groupId || a.groupIds.includes(groupId)), [board, groupId])
  const lines = useMemo(() => boardLines(rows), [rows])
  const renderLine = useCallback(
    (line: BoardLine, placement: RowPlacement) =>
      line.kind === 'group' ? <GroupRow level={line.level} {...placement} /> : <BoardRow entry={line.entry} unit={unit} {...placement} />,
    [unit],
  )

  if (!squad) return <p>Loading…</p>
  const counts = { red: 0, amber: 0, green: 0 }
  for (const a of rows) counts[a.level]++
  const today = rows.filter((a) => a.seeClinicianToday).length

  return (
    <section aria-labelledby="board-title">
      <div className="toolbar">
        <h1 id="board-title">Triage board</h1>
        <div className="spacer" />
        <button type="button" className="primary" aria-expanded={logging} onClick={() => setLogging((v) => !v)}>
          Log a group session
        </button>
      </div>
      <p className="muted">
        Who needs attention first. Red: a referral is open that needs a clinician today or stops running until a clinician clears it. Amber: hold or
        reduce, because of a referral to see before progressing, pain outside the limits, a run more than 10 % beyond the longest of the previous 30
        days, or readiness tests still to pass. Green: progress as planned. Every screen shows the same status.
      </p>
      {message && (
        <p role="status" className="ok">
          {message}
        </p>
      )}
      {logging && (
        <GroupSession
          athletes={squad.athletes}
          statuses={board?.athletes ?? []}
          groups={squad.groups}
          unit={unit}
          onCancel={() => setLogging(false)}
          onSaved={async (count, date) => {
            setLogging(false)
            setMessage(`Logged the session on ${date} for ${count} ${count === 1 ? 'athlete' : 'athletes'}.`)
            await load()
          }}
        />
      )}
      <div className="filters">
        <label htmlFor="board-group">Group</label>
        <GroupSelect id="board-group" groups={squad.groups} value={groupId} noneLabel="All groups" onChange={setGroupId} />
        <span className="muted" data-testid="board-counts">
          {counts.red} red ({today} to see a clinician today) · {counts.amber} amber · {counts.green} green
        </span>
      </div>
      <SquadExports groupId={groupId || null} groupLabel={squad.groups.find((g) => g.id === groupId)?.name ?? 'everyone'} />
      {error && (
        <p className="form-error" role="alert">
          Could not build the board: {error}
        </p>
      )}
      {!board && !error && <p>Working out everyone’s status…</p>}
      {board && rows.length === 0 && <p>No active athletes{groupId ? ' in this group' : ''}.</p>}
      {rows.length > 0 && (
        <table className="board-table" aria-label="Athletes by who needs attention first" aria-rowcount={rowCountFor(lines)}>
          <TableHead
            numbered
            columns={[
              'Athlete',
              'Status',
              'Why',
              <>
                Last 12 weeks <span className="muted header-hint">(bars: distance, line: highest pain)</span>
              </>,
              'Last run',
            ]}
          />
          <VirtualBody rows={lines} columns={COLUMNS} estimateRowHeight={58} rowKey={lineKey} renderRow={renderLine} />
        </table>
      )}
    </section>
  )
}
