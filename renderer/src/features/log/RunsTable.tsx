import { Fragment, useCallback, useEffect, useMemo, useState } from 'react'
import type { Run, RunInput } from '../../../../shared/domain/run'
import { runsVsLongest30d } from '../../../../shared/load/metrics'
import { painOutsideLimits } from '../../../../shared/load/pain-monitoring'
import { formatDistance, formatDuration, formatPace, paceSecPerUnit, toDisplayDistance, unitLabel, type DistanceUnit } from '../../../../shared/units'
import { ApiCallError, call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DateText } from '../../components/DateText'
import { longDate, tableDate } from '../../dates'
import { FormError } from '../../components/FormError'
import { useToast } from '../../components/Toasts'
import { RowActions, SaveCancelActions, TableHead } from '../../components/Table'
import { useFocusAfterCommit } from '../../components/use-focus-after-commit'
import { RecordAuthor } from '../athlete/record-authors'
import { quickAddFields } from './QuickAdd'
import { fieldForIssue, localToday, parseRunForm, remainingErrors, runToForm, type RunFormErrors, type RunFormValues } from './run-form'

const PAGE = 50

const SOURCE_LABELS: Record<string, string> = { manual: 'Typed', fit: 'FIT file', gpx: 'GPX file', csv: 'CSV file', demo: 'Demo' }

function pain(v: number | null | undefined): string {
  return typeof v === 'number' ? String(v) : '–'
}

/** A pain score, highlighted with the reason when the pain-monitoring model's limits say it is outside them. */
function painCell(v: number | null | undefined, outside: string | undefined) {
  return (
    <td className={outside ? 'pain-high' : undefined} title={outside}>
      {pain(v)}
      {outside && <span className="sr-only"> ({outside})</span>}
    </td>
  )
}

/** What addRun needs to put a deleted run back: everything but the stored identity and timestamps. */
function runInputOf(run: Run): RunInput {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...input } = run
  return input
}

function onsetText(run: Run, unit: DistanceUnit): string {
  if (typeof run.painOnsetKm === 'number') return formatDistance(run.painOnsetKm, unit)
  if (typeof run.painOnsetMinutes === 'number') return `${run.painOnsetMinutes} min`
  return '–'
}

/** The log, newest first, with edit in place (Enter saves, Escape cancels) and delete after a confirmation. */
export function RunsTable({
  athleteId,
  runs,
  unit,
  locked,
  onChanged,
  highlightId = null,
  onHighlight = () => {},
}: {
  athleteId: string
  runs: readonly Run[]
  unit: DistanceUnit
  locked: boolean
  onChanged(): Promise<void>
  /** A run to scroll into view and mark (just added, or brought back by Undo). */
  highlightId?: string | null
  onHighlight?(runId: string): void
}) {
  const [shown, setShown] = useState(PAGE)
  const [editing, setEditing] = useState<{ id: string; values: RunFormValues; errors: RunFormErrors; message: string | null } | null>(null)
  const [deleting, setDeleting] = useState<Run | null>(null)
  const focusLater = useFocusAfterCommit()
  const [deleteError, setDeleteError] = useState<string | null>(null)
  const notify = useToast()
  const closeDelete = useCallback(() => setDeleting(null), [])

  useEffect(() => {
    if (!highlightId) return
    document.getElementById(`run-row-${highlightId}`)?.scrollIntoView({ block: 'nearest' })
  }, [highlightId, runs])

  const breaches = useMemo(() => {
    const map = new Map<string, number>()
    for (const c of runsVsLongest30d(runs)) if (c.breaksLongestRunRule && c.ratio !== null) map.set(c.run.id, c.ratio)
    return map
  }, [runs])
  const newestFirst = useMemo(() => [...runs].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)), [runs])
  const fields = quickAddFields(unit)
  const u = unitLabel(unit)

  async function save() {
    if (!editing) return
    const current = runs.find((r) => r.id === editing.id)
    if (!current) return
    const base = {
      ...(current.source ? { source: current.source } : {}),
      ...(current.surface !== undefined ? { surface: current.surface } : {}),
      ...(current.shoes !== undefined ? { shoes: current.shoes } : {}),
    }
    const parsed = parseRunForm(editing.values, unit, { today: localToday(), base })
    if (!parsed.ok) {
      setEditing({ ...editing, errors: parsed.errors, message: 'Please fix the marked fields. Nothing was saved.' })
      return
    }
    try {
      await call('updateRun', { athleteId, runId: editing.id, run: parsed.run })
      const id = editing.id
      setEditing(null)
      notify({ text: `Saved your changes to the run on ${longDate(parsed.run.date)}.` })
      await onChanged()
      focusLater(`edit-${id}`)
    } catch (e) {
      const errors: RunFormErrors = {}
      if (e instanceof ApiCallError) for (const issue of e.issues) {
        const f = fieldForIssue(issue.path)
        if (f && !errors[f]) errors[f] = issue.message
      }
      setEditing({ ...editing, errors, message: (e as Error).message })
    }
  }

  if (runs.length === 0) return <p className="muted">No runs logged yet. Add the first one above, or import a file from a watch or app.</p>

  return (
    <>
      <div className="table-scroll">
        <table className="runs-table" aria-label="Runs">
          <TableHead columns={['Date', `Distance (${u})`, 'Duration', 'Pace', 'Pain during', 'Pain after', 'Next morning', 'Pain onset', 'Perf. %', 'Notes']} actions />
          <tbody>
            {newestFirst.slice(0, shown).map((run) => {
              if (editing?.id === run.id) {
                return (
                  <Fragment key={run.id}>
                    <tr className="editing" data-testid="run-row-editing">
                      {fields.map((spec) => {
                        const id = `edit-${run.id}-${spec.field}`
                        const error = editing.errors[spec.field]
                        // The edit row has no pace cell: skip a column before pain so the inputs line up with the headers.
                        return (
                          <Fragment key={spec.field}>
                            {spec.field === 'painDuring' && <td aria-hidden="true" />}
                            <td className={error ? 'field-invalid' : undefined}>
                              <label htmlFor={id} className="sr-only">
                                Edit {spec.label.charAt(0).toLowerCase() + spec.label.slice(1)}
                              </label>
                              <input
                                id={id}
                                className="cell-input"
                                type={spec.type ?? 'text'}
                                inputMode={spec.inputMode}
                                value={editing.values[spec.field]}
                                autoFocus={spec.field === 'distance'}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={error ? `${id}-error` : undefined}
                                onChange={(e) => {
                                  const values = { ...editing.values, [spec.field]: e.target.value }
                                  const errors = remainingErrors(editing.errors, values, unit, { today: localToday() })
                                  setEditing({ ...editing, values, errors, message: Object.keys(errors).length ? editing.message : null })
                                }}
                                onKeyDown={(e) => {
                                  if (e.key === 'Enter') {
                                    e.preventDefault()
                                    void save()
                                  } else if (e.key === 'Escape') {
                                    e.preventDefault()
                                    setEditing(null)
                                    focusLater(`edit-${run.id}`)
                                  }
                                }}
                              />
                              {error && (
                                <div className="error" id={`${id}-error`}>
                                  {error}
                                </div>
                              )}
                            </td>
                          </Fragment>
                        )
                      })}
                      <SaveCancelActions saveLabel="Save" onSave={() => void save()} onCancel={() => setEditing(null)} />
                    </tr>
                    {editing.message && (
                      <tr>
                        <td colSpan={11} className="form-error" role="alert">
                          {editing.message}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                )
              }
              const ratio = breaches.get(run.id)
              const outside = painOutsideLimits(run)
              return (
                <tr key={run.id} id={`run-row-${run.id}`} data-testid="run-row" className={run.id === highlightId ? 'just-changed' : undefined}>
                  <td>
                    <DateText iso={run.date} />
                    {ratio !== undefined && (
                      <span className="badge badge-amber flag" title="More than 10 % beyond the longest run of the previous 30 days (Frandsen et al. 2025)">
                        ▲ +{Math.round((ratio - 1) * 100)} %<span className="sr-only"> beyond the longest run of the previous 30 days</span>
                      </span>
                    )}
                  </td>
                  <td data-testid="run-distance">{toDisplayDistance(run.distanceKm, unit).toFixed(2)}</td>
                  <td>{typeof run.durationSec === 'number' ? formatDuration(run.durationSec) : '–'}</td>
                  <td>{typeof run.durationSec === 'number' ? formatPace(paceSecPerUnit(run.distanceKm, run.durationSec, unit), unit) : '–'}</td>
                  {painCell(run.painDuring, outside.during)}
                  {painCell(run.painAfter, outside.after)}
                  {painCell(run.painNextMorning, outside.nextMorning)}
                  <td>{onsetText(run, unit)}</td>
                  <td>{typeof run.performancePercent === 'number' ? run.performancePercent : '–'}</td>
                  <td className="notes-cell">
                    {run.notes || ''}
                    {run.source && run.source.kind !== 'manual' && <span className="muted source"> {SOURCE_LABELS[run.source.kind] ?? run.source.kind}</span>}
                    <RecordAuthor id={run.id} />
                  </td>
                  <RowActions>
                    <button
                      type="button"
                      id={`edit-${run.id}`}
                      disabled={locked}
                      aria-label={`Edit run on ${tableDate(run.date)}, ${formatDistance(run.distanceKm, unit)}`}
                      onClick={() => setEditing({ id: run.id, values: runToForm(run, unit), errors: {}, message: null })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="danger"
                      disabled={locked}
                      aria-label={`Delete run on ${tableDate(run.date)}, ${formatDistance(run.distanceKm, unit)}`}
                      onClick={() => {
                        setDeleteError(null)
                        setDeleting(run)
                      }}
                    >
                      Delete
                    </button>
                  </RowActions>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {runs.length > shown && (
        <div className="actions">
          <button type="button" onClick={() => setShown((n) => n + PAGE * 4)}>
            Show more ({runs.length - shown} older runs)
          </button>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this run?"
          confirmLabel="Delete run"
          onCancel={closeDelete}
          onConfirm={async () => {
            try {
              const removed = deleting
              await call('deleteRun', { athleteId, runId: removed.id })
              setDeleting(null)
              await onChanged()
              notify({
                text: `Deleted the run on ${longDate(removed.date)} (${formatDistance(removed.distanceKm, unit)}).`,
                undo: async () => {
                  const back = await call('addRun', { athleteId, run: runInputOf(removed) })
                  await onChanged()
                  onHighlight(back.id)
                },
              })
            } catch (e) {
              setDeleteError((e as Error).message)
            }
          }}
        >
          <p>
            The run on <strong>{longDate(deleting.date)}</strong> ({formatDistance(deleting.distanceKm, unit)}
            {typeof deleting.painDuring === 'number' ? `, pain during ${deleting.painDuring}/10` : ''}) will be removed from the log. You can undo this from the
            notice that follows.
          </p>
          <FormError message={deleteError} />
        </ConfirmDialog>
      )}
    </>
  )
}
