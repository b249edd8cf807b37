import { useRef, useState } from 'react'
import type { Run } from '../../../../shared/domain/run'
import { formatDistance, unitLabel, type DistanceUnit } from '../../../../shared/units'
import { ApiCallError, call } from '../../api'
import { FormError } from '../../components/FormError'
import { useToast } from '../../components/Toasts'
import { longDate } from '../../dates'
import { emptyRunForm, fieldForIssue, localToday, parseRunForm, remainingErrors, type RunField, type RunFormErrors, type RunFormValues } from './run-form'

interface FieldSpec {
  field: RunField
  label: string
  placeholder?: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  type?: 'date' | 'text'
  wide?: boolean
}

export function quickAddFields(unit: DistanceUnit): FieldSpec[] {
  const u = unitLabel(unit)
  return [
    { field: 'date', label: 'Date', type: 'date' },
    { field: 'distance', label: `Distance (${u})`, placeholder: unit === 'mi' ? '4.0' : '6.5', inputMode: 'decimal' },
    { field: 'duration', label: 'Duration', placeholder: '45:30' },
    { field: 'painDuring', label: 'Pain during (0–10)', placeholder: '0', inputMode: 'decimal' },
    { field: 'painAfter', label: 'Pain after (0–10)', placeholder: '0', inputMode: 'decimal' },
    { field: 'painNextMorning', label: 'Next morning (0–10)', placeholder: '–', inputMode: 'decimal' },
    { field: 'onset', label: `Pain onset (${u} or min)`, placeholder: unit === 'mi' ? '3 or 20 min' : '5 or 20 min' },
    { field: 'performance', label: 'Performance %', placeholder: '100', inputMode: 'decimal' },
    { field: 'notes', label: 'Notes', placeholder: 'surface, shoes, how it felt', wide: true },
  ]
}

/**
 * The keyboard-first entry row: type, Tab to the next field, Enter saves. After a save the row clears
 * (the date stays) and focus returns to the distance, ready for the next run.
 */
export function QuickAdd({ athleteId, unit, disabled, onSaved }: { athleteId: string; unit: DistanceUnit; disabled?: boolean; onSaved(run: Run): Promise<void> }) {
  const [values, setValues] = useState<RunFormValues>(() => emptyRunForm())
  const [errors, setErrors] = useState<RunFormErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const distanceRef = useRef<HTMLInputElement>(null)
  const notify = useToast()

  async function submit() {
    if (saving) return
    const parsed = parseRunForm(values, unit, { today: localToday() })
    if (!parsed.ok) {
      setErrors(parsed.errors)
      setFormError('Please fix the marked fields. Nothing was saved.')
      return
    }
    setSaving(true)
    try {
      const saved = await call('addRun', { athleteId, run: parsed.run })
      setErrors({})
      setFormError(null)
      setValues(emptyRunForm(values.date))
      notify({ text: `Saved the run on ${longDate(parsed.run.date)} (${formatDistance(parsed.run.distanceKm, unit)}).` })
      await onSaved(saved)
      distanceRef.current?.focus()
    } catch (e) {
      const next: RunFormErrors = {}
      if (e instanceof ApiCallError) for (const issue of e.issues) {
        const f = fieldForIssue(issue.path)
        if (f && !next[f]) next[f] = issue.message
      }
      setErrors(next)
      setFormError((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="quick-add"
      aria-label="Quick add run"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <div className="quick-add-row">
        {quickAddFields(unit).map((spec) => {
          const id = `qa-${spec.field}`
          const error = errors[spec.field]
          return (
            <div key={spec.field} className={`qa-field${spec.wide ? ' qa-wide' : ''}${error ? ' field-invalid' : ''}`}>
              <label htmlFor={id}>{spec.label}</label>
              <input
                id={id}
                ref={spec.field === 'distance' ? distanceRef : undefined}
                type={spec.type ?? 'text'}
                inputMode={spec.inputMode}
                placeholder={spec.placeholder}
                value={values[spec.field]}
                max={spec.type === 'date' ? localToday() : undefined}
                autoComplete="off"
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => {
                  const next = { ...values, [spec.field]: e.target.value }
                  setValues(next)
                  const still = remainingErrors(errors, next, unit, { today: localToday() })
                  setErrors(still)
                  if (Object.keys(still).length === 0) setFormError(null)
                }}
              />
              {error && (
                <div className="error" id={`${id}-error`}>
                  {error}
                </div>
              )}
            </div>
          )
        })}
        <div className="qa-field qa-submit">
          <button type="submit" className="primary" disabled={disabled || saving}>
            Add run
          </button>
        </div>
      </div>
      <p className="hint muted">Tab moves between fields; Enter saves. Leave pain fields empty if not known yet, and fill them in later with Edit.</p>
      <FormError message={formError} />
    </form>
  )
}
