import { useState } from 'react'
import { isIsoDate } from '../../../../shared/dates'
import type { SquadTriageEntry } from '../../../../shared/api/channels/runs'
import type { Athlete, Group } from '../../../../shared/domain/squad'
import { fromDisplayDistance, parseDuration, unitLabel, type DistanceUnit } from '../../../../shared/units'
import { ApiCallError, call } from '../../api'
import { FormError } from '../../components/FormError'
import { TableHead } from '../../components/Table'
import { GroupSelect } from '../squad/GroupSelect'
import '../clinical/clinical.css'
import { localToday, readNumber } from './run-form'

interface Row {
  distance: string
  duration: string
  painDuring: string
  painAfter: string
  notes: string
}
type RowField = keyof Row
type RowErrors = Partial<Record<RowField | 'athlete', string>>

const EMPTY: Row = { distance: '', duration: '', painDuring: '', painAfter: '', notes: '' }

const ISSUE_FIELD: Record<string, RowField | 'athlete'> = {
  athleteId: 'athlete',
  distanceKm: 'distance',
  durationSec: 'duration',
  painDuring: 'painDuring',
  painAfter: 'painAfter',
  notes: 'notes',
}

/** The board entries the form needs: who must not run, in the words of their clinical status. */
type AthleteStatus = Pick<SquadTriageEntry, 'athleteId' | 'headline' | 'runningAllowance'>

/**
 * One group session for several athletes: a shared date, then a row per athlete. Rows left without a
 * distance are not logged. Every row is checked (here and again in main) before anything is saved, and
 * main saves the session for everyone or for no one. An athlete whose clinical state allows no running is
 * marked in their row, and again beside the save button once a distance is typed for them: logging what
 * happened is still allowed, but the coach cannot miss it.
 */
export function GroupSession({
  athletes,
  statuses,
  groups,
  unit,
  onSaved,
  onCancel,
}: {
  athletes: readonly Athlete[]
  statuses: readonly AthleteStatus[]
  groups: readonly Group[]
  unit: DistanceUnit
  onSaved(count: number, date: string): Promise<void>
  onCancel(): void
}) {
  const [date, setDate] = useState(localToday())
  const [dateError, setDateError] = useState<string | null>(null)
  const [groupId, setGroupId] = useState('')
  const [rows, setRows] = useState<Record<string, Row>>({})
  const [errors, setErrors] = useState<Record<string, RowErrors>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const u = unitLabel(unit)
  const visible = athletes.filter((a) => !a.archived && (!groupId || a.groupIds.includes(groupId)))
  const row = (id: string) => rows[id] ?? EMPTY
  const filled = visible.filter((a) => row(a.id).distance.trim() !== '')
  const mustNotRun = new Map(statuses.filter((st) => st.runningAllowance === 'none').map((st) => [st.athleteId, st.headline]))
  const filledMustNotRun = filled.filter((a) => mustNotRun.has(a.id))

  function validate() {
    const all: Record<string, RowErrors> = {}
    const entries: { athleteId: string; distanceKm: number; durationSec?: number; painDuring?: number; painAfter?: number; notes?: string }[] = []
    for (const a of filled) {
      const r = row(a.id)
      const e: RowErrors = {}
      const d = readNumber(r.distance)
      if (d === null || Number.isNaN(d) || d <= 0) e.distance = `a distance in ${u} above 0`
      const entry: (typeof entries)[number] = { athleteId: a.id, distanceKm: d && d > 0 ? Math.round(fromDisplayDistance(d, unit) * 1e6) / 1e6 : 0 }
      if (r.duration.trim()) {
        const s = parseDuration(r.duration)
        if (s === null) e.duration = 'h:mm:ss, mm:ss or minutes'
        else entry.durationSec = s
      }
      for (const f of ['painDuring', 'painAfter'] as const) {
        const p = readNumber(r[f])
        if (p === null) continue
        if (Number.isNaN(p) || p < 0 || p > 10) e[f] = '0 to 10'
        else entry[f] = p
      }
      if (r.notes.trim()) entry.notes = r.notes.trim()
      if (Object.keys(e).length) all[a.id] = e
      entries.push(entry)
    }
    return { all, entries }
  }

  async function submit() {
    setFormError(null)
    const dErr = !isIsoDate(date) ? 'use a real date' : date > localToday() ? 'the session cannot be in the future' : null
    setDateError(dErr)
    if (filled.length === 0) {
      setFormError('Enter a distance for at least one athlete.')
      return
    }
    const { all, entries } = validate()
    setErrors(all)
    if (dErr || Object.keys(all).length) {
      setFormError('Please fix the marked rows. Nothing was saved.')
      return
    }
    setSaving(true)
    try {
      const res = await call('addRunsForGroup', { date, entries })
      setRows({})
      await onSaved(res.added.length, date)
    } catch (e) {
      const next: Record<string, RowErrors> = {}
      if (e instanceof ApiCallError) {
        for (const issue of e.issues) {
          const m = /^entries\.(\d+)\.(\w+)/.exec(issue.path)
          const entry = m ? entries[Number(m[1])] : undefined
          const field = m ? ISSUE_FIELD[m[2] ?? ''] : undefined
          if (entry && field) next[entry.athleteId] = { ...next[entry.athleteId], [field]: issue.message }
          if (issue.path === 'date') setDateError(issue.message)
        }
      }
      setErrors(next)
      setFormError((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  const input = (a: Athlete, field: RowField, label: string, extra: { inputMode?: 'decimal'; placeholder?: string } = {}) => {
    const id = `gs-${a.id}-${field}`
    const error = errors[a.id]?.[field]
    return (
      <td className={error ? 'field-invalid' : undefined}>
        <label htmlFor={id} className="sr-only">
          {label} for {a.name}
        </label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          {...extra}
          value={row(a.id)[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setRows((rs) => ({ ...rs, [a.id]: { ...row(a.id), [field]: e.target.value } }))}
        />
        {error && (
          <div className="error" id={`${id}-error`}>
            {error}
          </div>
        )}
      </td>
    )
  }

  return (
    <form
      className="panel group-session"
      aria-label="Log a group session"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel()
      }}
    >
      <h2>Log a group session</h2>
      <p className="muted">One date for everyone; fill in a distance for each athlete who ran. Rows without a distance are left out. Enter saves.</p>
      <div className="filters">
        <label htmlFor="gs-date">Date</label>
        <input id="gs-date" type="date" value={date} max={localToday()} aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? 'gs-date-error' : undefined} onChange={(e) => setDate(e.target.value)} />
        {dateError && (
          <span className="error" id="gs-date-error">
            {dateError}
          </span>
        )}
        <label htmlFor="gs-group">Show</label>
        <GroupSelect id="gs-group" groups={groups} value={groupId} noneLabel="Everyone" onChange={setGroupId} />
      </div>
      <div className="table-scroll">
        <table className="group-session-table" aria-label="Runs in this session">
          <TableHead columns={['Athlete', `Distance (${u})`, 'Duration', 'Pain during (0–10)', 'Pain after (0–10)', 'Notes']} />
          <tbody>
            {visible.map((a) => (
              <tr key={a.id} data-testid="group-session-row">
                <th scope="row">
                  {a.name}
                  {mustNotRun.has(a.id) && <span className="must-not-run">Must not run: {mustNotRun.get(a.id)}</span>}
                  {errors[a.id]?.athlete && <div className="error">{errors[a.id]?.athlete}</div>}
                </th>
                {input(a, 'distance', 'Distance', { inputMode: 'decimal' })}
                {input(a, 'duration', 'Duration', { placeholder: '45:30' })}
                {input(a, 'painDuring', 'Pain during', { inputMode: 'decimal' })}
                {input(a, 'painAfter', 'Pain after', { inputMode: 'decimal' })}
                {input(a, 'notes', 'Notes')}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {filledMustNotRun.length > 0 && (
        <p className="form-error" role="alert" data-testid="group-session-must-not-run">
          Check before saving: {filledMustNotRun.map((a) => `${a.name} must not run (${mustNotRun.get(a.id)})`).join('; ')}.
        </p>
      )}
      <FormError message={formError} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          Save session{filled.length ? ` for ${filled.length} ${filled.length === 1 ? 'athlete' : 'athletes'}` : ''}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
