import { Fragment, useState } from 'react'
import { useFocusAfterCommit } from '../../components/use-focus-after-commit'
import type { PlanOutput, PlannedRun, PlanRunKind } from '../../../../shared/plan/schema'
import { formatDistance, fromDisplayDistance, toDisplayDistance, unitLabel, type DistanceUnit } from '../../../../shared/units'
import { useDistanceText } from '../../components/use-distance-text'
import { SaveCancelActions, TableHead } from '../../components/Table'
import { readNumber } from '../log/run-form'
import { dateRange, KIND_LABEL, PHASE_LABEL, shortDate, weekday } from './format'

export interface SessionEdit {
  weekIndex: number
  runIndex: number
  km: number
  kind: PlanRunKind
}

interface Props {
  output: PlanOutput
  unit: DistanceUnit
  /** ISO date: weeks that ended before it are marked done. */
  today: string
  /** When given, each session has an Edit button; resolves to an error message when the edit is refused. */
  onEditSession?: (edit: SessionEdit) => Promise<string | null>
  /** Keeps element ids unique when two plans are on the page (a preview under the active plan). */
  idPrefix?: string
}

function EditRow({ weekIndex, runIndex, run, unit, onSave, onCancel }: {
  weekIndex: number
  runIndex: number
  run: PlannedRun
  unit: DistanceUnit
  onSave(edit: SessionEdit): Promise<string | null>
  onCancel(): void
}) {
  const [distance, setDistance] = useState(String(Math.round(toDisplayDistance(run.km, unit) * 10) / 10))
  const [kind, setKind] = useState<PlanRunKind>(run.kind)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = `edit-w${weekIndex}-r${runIndex}`
  const save = async () => {
    const value = readNumber(distance)
    if (value === null || !Number.isFinite(value) || value <= 0) {
      setError(`Enter a distance in ${unitLabel(unit)} greater than 0.`)
      return
    }
    setBusy(true)
    const refused = await onSave({ weekIndex, runIndex, km: Math.round(fromDisplayDistance(value, unit) * 1000) / 1000, kind })
    setBusy(false)
    if (refused) setError(refused)
  }
  return (
    <>
      <tr className="editing">
        <td>
          {weekday(run.date)} {shortDate(run.date)}
        </td>
        <td>
          <label className="sr-only" htmlFor={`${id}-kind`}>
            Session type, week {weekIndex} run {runIndex + 1}
          </label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as PlanRunKind)}>
            {(Object.keys(KIND_LABEL) as PlanRunKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </td>
        <td>
          <label className="sr-only" htmlFor={`${id}-km`}>
            Distance ({unitLabel(unit)}), week {weekIndex} run {runIndex + 1}
          </label>
          <input
            id={`${id}-km`}
            autoFocus
            className="plan-km-input"
            inputMode="decimal"
            value={distance}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setDistance(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save()
              if (e.key === 'Escape') onCancel()
            }}
          />{' '}
          {unitLabel(unit)}
        </td>
        <SaveCancelActions saveLabel="Save session" saving={busy} onSave={() => void save()} onCancel={onCancel} />
      </tr>
      {error && (
        <tr className="editing">
          <td colSpan={4}>
            <p className="form-error plan-refusal" id={`${id}-error`} role="alert">
              {error}
            </p>
          </td>
        </tr>
      )}
    </>
  )
}

/** The plan week by week: phase, lighter-week badge, focus and gate, each run, and the exercises with doses. */
export function PlanWeeks({ output, unit, today, onEditSession, idPrefix = 'plan' }: Props) {
  const engineSentence = useDistanceText(unit)
  const [editing, setEditing] = useState<string | null>(null)
  const focusLater = useFocusAfterCommit()
  /** Leaves the edit row and puts the focus back on the session's Edit button (keyboard users stay in place). */
  const stopEditing = (key: string) => {
    setEditing(null)
    focusLater(`edit-session-${key}`)
  }
  return (
    <ol className="plan-weeks" aria-label="Plan week by week">
      {output.weeks.map((w) => {
        const done = w.endDate < today
        const current = w.startDate <= today && today <= w.endDate
        return (
          <li key={w.index} className={`plan-week phase-${w.phase}${done ? ' week-done' : ''}`} aria-labelledby={`${idPrefix}-week-${w.index}`}>
            <h4 id={`${idPrefix}-week-${w.index}`} className="plan-week-title">
              <span>Week {w.index}</span> <span className="muted">{dateRange(w.startDate, w.endDate)}</span>{' '}
              <span className={`badge phase-badge phase-badge-${w.phase}`}>{PHASE_LABEL[w.phase]}</span>
              {w.lighterWeek && <span className="badge badge-lighter">Lighter week</span>}
              {w.retestDate && <span className="badge badge-retest">Re-test {shortDate(w.retestDate)}</span>}
              {current && <span className="badge badge-current">This week</span>}
              {done && <span className="badge">Done</span>}
              <span className="plan-week-total">{formatDistance(w.plannedKm, unit)}</span>
            </h4>
            <p className="plan-focus">{engineSentence(w.focus)}</p>
            {w.gate && (
              <p className="plan-gate">
                <strong>Gate: </strong>
                {engineSentence(w.gate)}
              </p>
            )}
            <table className="plan-runs">
              <caption className="sr-only">Runs in week {w.index}</caption>
              <TableHead columns={['Day', 'Session', 'Distance']} actions />
              <tbody>
                {w.runs.map((r, ri) => {
                  const key = `${w.index}-${ri}`
                  if (editing === key && onEditSession) {
                    return (
                      <EditRow
                        key={key}
                        weekIndex={w.index}
                        runIndex={ri}
                        run={r}
                        unit={unit}
                        onCancel={() => stopEditing(key)}
                        onSave={async (edit) => {
                          const refused = await onEditSession(edit)
                          if (!refused) stopEditing(key)
                          return refused
                        }}
                      />
                    )
                  }
                  return (
                    <Fragment key={key}>
                      <tr>
                        <td>
                          {weekday(r.date)} {shortDate(r.date)}
                        </td>
                        <td>
                          {KIND_LABEL[r.kind]}
                          {r.detail && <div className="plan-run-detail">{engineSentence(r.detail)}</div>}
                        </td>
                        <td>{formatDistance(r.km, unit)}</td>
                        <td>
                          {onEditSession && (
                            <div className="row-actions">
                              <button type="button" id={`edit-session-${key}`} aria-label={`Edit run ${ri + 1} of week ${w.index}`} onClick={() => setEditing(key)}>
                                Edit
                              </button>
                            </div>
                          )}
                        </td>
                      </tr>
                    </Fragment>
                  )
                })}
              </tbody>
            </table>
            <details className="plan-exercises">
              <summary>
                Exercises this week ({w.exercises.length})
              </summary>
              <ul>
                {w.exercises.map((e) => (
                  <li key={e.id}>
                    <strong>{e.title}</strong> — {e.dose}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        )
      })}
    </ol>
  )
}
