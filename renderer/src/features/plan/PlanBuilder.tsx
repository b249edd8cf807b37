import { type FormEvent, useState } from 'react'
import { hrefFor } from '../../route'
import type { PlanDefaults, PlanPreview } from '../../../../shared/api/channels/plans'
import type { PlanRecord } from '../../../../shared/domain/documents'
import type { PlanRequestInput } from '../../../../shared/plan/schema'
import { fromDisplayDistance, localiseDistanceText, toDisplayDistance, unitLabel, type DistanceUnit } from '../../../../shared/units'
import { ApiCallError, call } from '../../api'
import { describedBy, Field } from '../../components/Field'
import { FormError } from '../../components/FormError'
import { readNumber } from '../log/run-form'
import { redFlagQuestion } from '../assessment/labels'
import { PlanWeeks } from './PlanWeeks'

interface Values {
  label: string
  startDate: string
  current: string
  longest: string
  target: string
  targetLong: string
  runDays: string
  lighterEvery: string
  maxWeeks: string
}
type Key = keyof Values
type Errors = Partial<Record<Key, string>>

const REQUEST_FIELD: Record<string, Key> = {
  startDate: 'startDate',
  currentWeeklyKm: 'current',
  longestRunLast30DaysKm: 'longest',
  targetWeeklyKm: 'target',
  targetLongRunKm: 'targetLong',
  runDaysPerWeek: 'runDays',
  lighterWeekEvery: 'lighterEvery',
  maxWeeks: 'maxWeeks',
}

function shown(km: number | undefined, unit: DistanceUnit): string {
  return km === undefined ? '' : String(Math.round(toDisplayDistance(km, unit) * 10) / 10)
}

export function initialValues(d: PlanDefaults, unit: DistanceUnit): Values {
  return {
    label: '',
    startDate: d.request.startDate,
    current: shown(d.request.currentWeeklyKm, unit),
    longest: shown(d.request.longestRunLast30DaysKm, unit),
    target: shown(d.request.targetWeeklyKm, unit),
    targetLong: shown(d.request.targetLongRunKm, unit),
    runDays: String(d.request.runDaysPerWeek),
    lighterEvery: String(d.request.lighterWeekEvery ?? 4),
    maxWeeks: '',
  }
}

/** Builds the request from the form, or the field errors the coach must fix first. */
function toRequest(v: Values, unit: DistanceUnit): { request: PlanRequestInput } | { errors: Errors } {
  const errors: Errors = {}
  const u = unitLabel(unit)
  const distance = (key: Key, required: boolean): number | undefined => {
    const n = readNumber(v[key])
    if (n === null) {
      if (required) errors[key] = `enter a distance in ${u}`
      return undefined
    }
    if (!Number.isFinite(n) || n <= 0) {
      errors[key] = `must be a number of ${u} greater than 0`
      return undefined
    }
    return Math.round(fromDisplayDistance(n, unit) * 1000) / 1000
  }
  const current = distance('current', true)
  const longest = distance('longest', true)
  const target = distance('target', true)
  const targetLong = distance('targetLong', false)
  const maxWeeks = readNumber(v.maxWeeks)
  if (maxWeeks !== null && !(Number.isInteger(maxWeeks) && maxWeeks >= 1 && maxWeeks <= 52)) errors.maxWeeks = 'must be a whole number of weeks from 1 to 52'
  if (!v.startDate) errors.startDate = 'choose the first day of the plan'
  if (Object.keys(errors).length > 0 || current === undefined || longest === undefined || target === undefined) return { errors }
  const request: PlanRequestInput = {
    startDate: v.startDate,
    currentWeeklyKm: current,
    longestRunLast30DaysKm: longest,
    targetWeeklyKm: target,
    runDaysPerWeek: Number(v.runDays),
    lighterWeekEvery: Number(v.lighterEvery),
    ...(targetLong !== undefined ? { targetLongRunKm: targetLong } : {}),
    ...(maxWeeks !== null ? { maxWeeks } : {}),
  }
  return { request }
}

function apiErrors(error: unknown): { errors: Errors; message: string } {
  if (!(error instanceof ApiCallError)) return { errors: {}, message: (error as Error).message }
  const errors: Errors = {}
  for (const issue of error.issues) {
    const field = REQUEST_FIELD[issue.path.replace(/^request\./, '').split('.')[0] ?? '']
    if (field && !errors[field]) errors[field] = issue.message
  }
  return { errors, message: Object.keys(errors).length ? 'Please fix the marked fields. Nothing was saved.' : error.message }
}

export function PlanBuilder({ athleteId, defaults, unit, locked, onSaved, onCancel }: {
  athleteId: string
  defaults: PlanDefaults
  unit: DistanceUnit
  locked: boolean
  onSaved(record: PlanRecord): void
  onCancel?: () => void
}) {
  const [values, setValues] = useState<Values>(() => initialValues(defaults, unit))
  const [errors, setErrors] = useState<Errors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [preview, setPreview] = useState<PlanPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [acknowledged, setAcknowledged] = useState(false)
  const [ackError, setAckError] = useState<string | null>(null)
  const u = unitLabel(unit)
  const amber = defaults.holdForReferral
  const ack = defaults.acknowledgement

  const set = (key: Key) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }))
    setPreview(null)
  }

  const run = async (mode: 'preview' | 'save') => {
    const built = toRequest(values, unit)
    if ('errors' in built) {
      setErrors(built.errors)
      setMessage('Please fix the marked fields.')
      return
    }
    setErrors({})
    setMessage(null)
    setBusy(true)
    try {
      if (mode === 'preview') {
        setPreview(await call('previewPlan', { athleteId, request: built.request }))
      } else {
        const record = await call('savePlan', {
          athleteId,
          request: built.request,
          ...(values.label.trim() ? { label: values.label.trim() } : {}),
          ...(ack ? { acknowledged } : {}),
        })
        onSaved(record)
      }
    } catch (error) {
      const e = apiErrors(error)
      setErrors(e.errors)
      // Main refuses a plan that needs the acknowledgement without it (the box is checked there, not here).
      const ackIssue = error instanceof ApiCallError ? error.fieldMessage('acknowledged') : undefined
      setAckError(ackIssue ?? null)
      setMessage(ackIssue !== undefined ? (error as Error).message : e.message)
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void run('save')
  }

  const num = (key: Key, label: string, hint?: string, required = true) => (
    <Field id={`plan-${key}`} label={label} error={errors[key]} {...(hint ? { hint } : {})}>
      <input
        id={`plan-${key}`}
        inputMode="decimal"
        value={values[key]}
        onChange={set(key)}
        required={required}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(`plan-${key}`, errors[key], hint)}
      />
    </Field>
  )

  return (
    <form className="plan-builder panel" aria-label="Plan builder" onSubmit={onSubmit} noValidate>
      <h3>Build a plan</h3>
      <p className="muted">
        Suggested from {defaults.fromLog ? 'the log' : 'general defaults (no runs in the last 4 weeks)'}
        {defaults.assessment ? ` and the assessment of ${defaults.assessment.date ?? 'the plan request'}` : ' (no assessment yet: only the daily stretches will be prescribed)'}. Every value can be changed.
      </p>
      {amber && (
        <p className="notice notice-warning plan-hold-note">
          Amber: the plan holds at the comfortable level until the referral has been seen. When the clinician has cleared the runner, record the clearance on the <a href={hrefFor({ name: 'athlete', id: athleteId, tab: 'referrals' })}>Referrals tab</a>; plans follow it.
        </p>
      )}
      {ack && (
        <div className={`plan-ack notice notice-warning${ackError ? ' field-invalid' : ''}`} data-testid="plan-acknowledgement">
          <input
            id="plan-ack"
            type="checkbox"
            checked={acknowledged}
            aria-invalid={ackError ? true : undefined}
            aria-describedby={[ack.unanswered.length ? 'plan-ack-missing' : '', ackError ? 'plan-ack-error' : ''].filter(Boolean).join(' ') || undefined}
            onChange={(e) => {
              setAcknowledged(e.target.checked)
              setAckError(null)
            }}
          />
          <div>
            <label htmlFor="plan-ack">{ack.text}</label>
            {ack.unanswered.length > 0 && (
              <p id="plan-ack-missing" className="muted">
                Not asked: {ack.unanswered.map(redFlagQuestion).join('; ')}.
              </p>
            )}
            {ackError && (
              <p id="plan-ack-error" className="error">
                {ackError}
              </p>
            )}
          </div>
        </div>
      )}
      <FormError message={message} />
      <div className="form-grid">
        <Field id="plan-label" label="Plan name (optional)">
          <input id="plan-label" value={values.label} maxLength={120} onChange={set('label')} />
        </Field>
        <Field id="plan-startDate" label="Start date" error={errors.startDate}>
          <input id="plan-startDate" type="date" value={values.startDate} onChange={set('startDate')} aria-invalid={errors.startDate ? true : undefined} aria-describedby={describedBy('plan-startDate', errors.startDate)} />
        </Field>
        {num('current', `Comfortable weekly distance now (${u})`, defaults.basis.currentWeeklyKm)}
        {num('longest', `Longest run in the last 30 days (${u})`, defaults.basis.longestRunLast30DaysKm)}
        {num('target', `Target weekly distance (${u})`, defaults.basis.targetWeeklyKm)}
        {num('targetLong', `Target long run (${u}, optional)`, defaults.basis.targetLongRunKm, false)}
        <Field id="plan-runDays" label="Run days a week" error={errors.runDays} hint={defaults.basis.runDaysPerWeek}>
          <select id="plan-runDays" value={values.runDays} onChange={set('runDays')} aria-describedby={describedBy('plan-runDays', errors.runDays, defaults.basis.runDaysPerWeek)}>
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field id="plan-lighterEvery" label="Lighter week" error={errors.lighterEvery}>
          <select id="plan-lighterEvery" value={values.lighterEvery} onChange={set('lighterEvery')}>
            <option value="4">Every 4th week (3 weeks building, then 1 lighter)</option>
            <option value="3">Every 3rd week (2 building, then 1 lighter: injury-prone or masters)</option>
          </select>
        </Field>
        {num('maxWeeks', 'Longest plan (weeks, optional)', 'Up to 52; empty means 52.', false)}
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run('preview')}>
          Preview plan
        </button>
        <button type="submit" className="primary" disabled={busy || locked}>
          Save plan
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {preview && (
        <section className="plan-preview" aria-labelledby="plan-preview-title">
          <h3 id="plan-preview-title">Preview (not saved)</h3>
          <p>
            {preview.output.status === 'refer-first'
              ? 'Refer first: no running plan.'
              : `${preview.output.weeks.length} weeks; ${preview.output.targetReached ? 'reaches and holds the target' : 'does not reach the target within the plan'}. Built with ${preview.loggedRuns} logged runs as of ${preview.today}.`}
          </p>
          {preview.violations.length > 0 && (
            <ul className="form-error">
              {preview.violations.map((v, i) => (
                <li key={i}>
                  {v.ruleName}: {v.message}
                </li>
              ))}
            </ul>
          )}
          {preview.output.notes.length > 0 && (
            <ul className="plan-notes">
              {preview.output.notes.map((n, i) => (
                <li key={i}>{localiseDistanceText(n, unit)}</li>
              ))}
            </ul>
          )}
          <PlanWeeks output={preview.output} unit={unit} today={preview.today} idPrefix="preview" />
        </section>
      )}
    </form>
  )
}
