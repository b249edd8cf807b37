import type { ImportPreviewRow, ReadyImportPreview } from '../../../../shared/api/channels/runs'
import { formatDistance, formatDuration, formatPace, paceSecPerUnit, type DistanceUnit } from '../../../../shared/units'
import { TableHead } from '../../components/Table'

/** What the coach has chosen in the preview: rows to import, notes to leave out, pain onsets to use. */
export interface PreviewChoices {
  /** Among the rows shown. */
  selected: Set<number>
  dropNotes: Set<number>
  acceptOnset: Set<number>
  /** Among the rows main did not send (a big export). */
  notShown: 'preselected' | 'importable' | 'none'
}

/** How many runs the Import button would add (before duplicates found at write time). */
export function choiceCount(preview: ReadyImportPreview, choices: PreviewChoices): number {
  const rest = choices.notShown === 'preselected' ? preview.notShown.preselected : choices.notShown === 'importable' ? preview.notShown.importable : 0
  return choices.selected.size + rest
}

const ZONE_SOURCE: Record<NonNullable<NonNullable<ImportPreviewRow['details']>['timeZoneSource']>, string> = {
  file: 'from the file',
  profile: "athlete's profile",
  computer: "this computer's",
}

function statusText(row: ImportPreviewRow): string {
  if (row.status === 'skipped') return row.problems.join(' ') || 'Cannot be imported.'
  if (row.status === 'duplicate') return 'Already in the log: importing it again adds nothing.'
  const notes = [...row.flags, ...row.problems]
  if (row.similarToExisting) notes.unshift('A run on this day with about the same distance is already in the log; tick it only if it is a different run.')
  if (notes.length === 0) return 'Ready'
  return `Check before importing: ${notes.join(' ')}`
}

const ROW_CLASS: Record<ImportPreviewRow['status'], string> = { ready: 'ok', check: 'warn', similar: 'warn', skipped: 'skip', duplicate: 'dup' }

function onsetText(onset: NonNullable<NonNullable<ImportPreviewRow['details']>['painOnset']>, unit: DistanceUnit): string {
  const parts = [onset.km !== null ? `at ${formatDistance(onset.km, unit, 1)}` : null, onset.minutes !== null ? `after ${onset.minutes} min` : null]
  return parts.filter(Boolean).join(', ')
}

function toggled(set: Set<number>, n: number, on: boolean): Set<number> {
  const next = new Set(set)
  if (on) next.add(n)
  else next.delete(n)
  return next
}

/** The rows of an import preview: what each is, when it started and in which time zone, and its status. */
export function ImportPreviewTable({
  preview,
  choices,
  unit,
  onChange,
}: {
  preview: ReadyImportPreview
  choices: PreviewChoices
  unit: DistanceUnit
  onChange(next: PreviewChoices): void
}) {
  const { selected } = choices
  const selectable = preview.rows.filter((r) => r.run && !r.duplicate)
  const allSelected =
    selectable.length > 0 && selectable.every((r) => selected.has(r.rowNumber)) && (preview.notShown.rows === 0 || choices.notShown === 'importable')
  return (
    <div className="table-scroll import-table">
      <table aria-label="Rows in the file">
        <TableHead
          columns={[
            <input
              type="checkbox"
              aria-label="Select every row that can be imported"
              checked={allSelected}
              disabled={selectable.length === 0}
              onChange={(e) =>
                onChange({ ...choices, selected: e.target.checked ? new Set(selectable.map((r) => r.rowNumber)) : new Set(), notShown: e.target.checked ? 'importable' : 'none' })
              }
            />,
            'Row',
            'Activity',
            'Start (local)',
            'Date',
            'Distance',
            'Duration',
            'Pace',
            'Pain during',
            'Notes',
            'Status',
          ]}
        />
        <tbody>
          {preview.rows.map((row) => {
            const d = row.details
            const pace = row.run && typeof row.run.durationSec === 'number' ? paceSecPerUnit(row.run.distanceKm, row.run.durationSec, unit) : null
            return (
              <tr key={row.rowNumber} className={`import-${ROW_CLASS[row.status]}`} data-testid="import-row" data-status={row.status}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Import row ${row.rowNumber}`}
                    checked={selected.has(row.rowNumber)}
                    disabled={!row.run || row.duplicate}
                    onChange={(e) => onChange({ ...choices, selected: toggled(selected, row.rowNumber, e.target.checked) })}
                  />
                </td>
                <td>
                  {row.rowNumber}
                  {row.origin && (
                    <div className="muted" data-testid="import-origin">
                      {row.origin.file}
                      {row.origin.row > 0 && row.origin.file !== 'activities.csv' && !preview.fileName.endsWith('.zip') ? `, row ${row.origin.row}` : ''}
                    </div>
                  )}
                </td>
                <td>
                  {d?.sport ?? '–'}
                  {d?.name && <div className="muted">{d.name}</div>}
                </td>
                <td>
                  {d?.startTime ?? '–'}
                  {d?.timeZoneSource && (
                    <div className="muted" data-testid="import-zone">
                      {d.timeZone ? `${d.timeZone} (${ZONE_SOURCE[d.timeZoneSource]})` : 'local time, as written in the file'}
                    </div>
                  )}
                </td>
                <td>{row.run?.date ?? '–'}</td>
                <td>{row.run ? formatDistance(row.run.distanceKm, unit, 2) : '–'}</td>
                <td>{typeof row.run?.durationSec === 'number' ? formatDuration(row.run.durationSec) : '–'}</td>
                <td>{pace !== null ? formatPace(pace, unit) : '–'}</td>
                <td>{typeof row.run?.painDuring === 'number' ? row.run.painDuring : '–'}</td>
                <td>
                  {row.run && d?.notes ? (
                    <>
                      <label className="import-note">
                        <input
                          type="checkbox"
                          checked={!choices.dropNotes.has(row.rowNumber)}
                          onChange={(e) => onChange({ ...choices, dropNotes: toggled(choices.dropNotes, row.rowNumber, !e.target.checked) })}
                        />{' '}
                        {d.notes}
                      </label>
                      {d.painOnset && (
                        <label className="import-onset">
                          <input
                            type="checkbox"
                            checked={choices.acceptOnset.has(row.rowNumber)}
                            onChange={(e) => onChange({ ...choices, acceptOnset: toggled(choices.acceptOnset, row.rowNumber, e.target.checked) })}
                          />{' '}
                          Pain onset {onsetText(d.painOnset, unit)}? (“{d.painOnset.text}”)
                        </label>
                      )}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{statusText(row)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
