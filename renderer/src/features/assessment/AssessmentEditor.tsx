import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SavedAssessment } from '../../../../shared/api/channels/assessments'
import { ASSESSMENT_FORM, normFor } from '../../../../shared/assessment/form'
import { athleteFacts } from '../../../../shared/assessment/norms'
import { diagnoseAthleteAssessment } from '../../../../shared/domain/athlete-clinical'
import type { Athlete } from '../../../../shared/domain/squad'
import { trainingFromLog } from '../../../../shared/load/training-from-log'
import { ApiCallError, call } from '../../api'
import { useAppData } from '../../app-data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { FormError } from '../../components/FormError'
import { AssessmentField, SectionFieldset } from './FormFields'
import {
  buildInput,
  checkDraft,
  type DraftState,
  draftFromInput,
  errorsFromIssues,
  newDraft,
  profileAge,
  withTrainingFromLog,
} from './form-state'
import { ResultPanel } from './ResultPanel'
import { longDate } from '../../dates'

/** The value after it has stopped changing for `ms`: the result panel recomputes once the coach pauses. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/** Stands for the unsaved draft among the saved records (saved ids never contain brackets). */
const DRAFT_ID = '(draft)'

export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function answeredIn(input: Record<string, Record<string, unknown>>, sectionFields: readonly { path: readonly [string, string] }[]): number {
  return sectionFields.filter((f) => input[f.path[0]]?.[f.path[1]] !== undefined).length
}

/**
 * New or edited assessment: the form (generated from shared/assessment/form.ts) on the left, the live result
 * on the right. The result uses the pure shared `diagnose()` in the renderer (see the note in
 * shared/api/channels/assessments.ts); saving goes through main, which validates and stores the answers.
 */
export function AssessmentEditor({
  athlete,
  existing,
  others,
  readOnly,
  onSaved,
  onCancel,
}: {
  athlete: Athlete
  existing: SavedAssessment | null
  /** The athlete's saved assessments: the one before this assessment is part of its reading. */
  others: readonly SavedAssessment[]
  readOnly: boolean
  onSaved(saved: SavedAssessment): void
  onCancel(): void
}) {
  const today = localToday()
  const unit = useAppData().squad?.settings.distanceUnit ?? 'km'
  const [date, setDate] = useState(existing?.date ?? today)
  const [note, setNote] = useState(existing?.note ?? '')
  const [draft, setDraft] = useState<DraftState>(() => (existing ? draftFromInput(existing.input, unit) : newDraft(athlete, today, unit)))
  // How many Training boxes a new assessment took from the run log (the coach can change each one).
  const [fromLog, setFromLog] = useState(0)
  useEffect(() => {
    if (existing) return
    let live = true
    // Only boxes still empty when the log arrives are filled: anything typed meanwhile stays.
    call('getAthleteRecord', { athleteId: athlete.id })
      .then((record) => {
        if (!live) return
        setDraft((d) => {
          const { draft: next, filled } = withTrainingFromLog(d, trainingFromLog(record.runs, date || today))
          setFromLog(filled.length)
          return next
        })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
    // Once per new assessment: a later date change leaves the figures as they are (the coach may have checked them).
  }, [])
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [showErrorsNow, setShowErrorsNow] = useState(false)
  const [saving, setSaving] = useState(false)
  const [dirty, setDirty] = useState(false)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  // A new assessment is recorded after every saved one (the order "the previous assessment" is meant in).
  const [openedAt] = useState(() => new Date().toISOString())
  const formRef = useRef<HTMLFormElement>(null)
  const keepEditing = useCallback(() => setConfirmDiscard(false), [])
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Opening the form moves focus to its heading, so keyboard and screen-reader users start at the top.
  useEffect(() => headingRef.current?.focus(), [])

  const settled = useDebounced(draft, 150)
  // After a save attempt the messages follow every keystroke; otherwise they wait for the coach to pause.
  const checked = useMemo(() => checkDraft(showErrorsNow ? draft : settled), [showErrorsNow, draft, settled])
  // Read as main reads it: the profile fills a blank age or sex, and the assessment before this one counts.
  const diagnosis = useMemo(
    () => diagnoseAthleteAssessment(athlete, others, { id: existing?.id ?? DRAFT_ID, date: date || today, createdAt: existing?.createdAt ?? openedAt, input: checked.usable }),
    [athlete, others, existing, date, today, openedAt, checked.usable],
  )
  const facts = athleteFacts(checked.usable)
  const built = useMemo(() => buildInput(settled), [settled])
  const errors = { ...checked.errors, ...serverErrors }
  const dateError = serverErrors['date'] ?? (date === '' ? 'choose the date of the assessment' : date > today ? 'cannot be in the future' : undefined)
  const noteError = serverErrors['note']

  const change = (next: (d: DraftState) => DraftState) => {
    setDraft(next)
    setDirty(true)
    setServerErrors({})
    setFormError(null)
  }
  const events = {
    onValue: (key: string, value: unknown) => change((d) => ({ ...d, values: { ...d.values, [key]: value } })),
    onText: (key: string, text: string) => change((d) => ({ ...d, texts: { ...d.texts, [key]: text } })),
  }

  const onDate = (next: string) => {
    // Keep the pre-filled age in step with the date, unless the coach typed a different age.
    const before = profileAge(athlete, date)
    const after = profileAge(athlete, next)
    if (before !== undefined && after !== undefined && draft.texts['athlete.ageYears'] === String(before)) {
      setDraft((d) => ({ ...d, texts: { ...d.texts, 'athlete.ageYears': String(after) } }))
    }
    setDate(next)
    setDirty(true)
    setServerErrors(({ date: _dropped, ...rest }) => rest)
  }

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())

  async function save(e: FormEvent) {
    e.preventDefault()
    if (saving || readOnly) return
    const now = checkDraft(draft)
    const localDateError = date === '' || date > today
    if (!now.valid || localDateError) {
      setShowErrorsNow(true)
      setFormError('Please fix the highlighted fields. Nothing was saved.')
      focusFirstInvalid()
      return
    }
    setSaving(true)
    try {
      const saved = await call('saveAssessment', {
        athleteId: athlete.id,
        ...(existing ? { id: existing.id } : {}),
        date,
        input: now.valid,
        note,
      })
      setDirty(false)
      onSaved(saved)
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length > 0) {
        setServerErrors(errorsFromIssues(error.issues))
        setShowErrorsNow(true)
        setFormError(`${error.message} Nothing was saved.`)
        focusFirstInvalid()
      } else {
        setFormError((error as Error).message)
      }
    } finally {
      setSaving(false)
    }
  }

  const title = existing ? `Edit assessment of ${longDate(existing.date)}` : 'New assessment'
  const ignored = Object.keys(checked.errors).length
  return (
    <div className="as-editor">
      <form ref={formRef} className="as-form" aria-labelledby="as-editor-title" noValidate onSubmit={save}>
        <h2 id="as-editor-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        {readOnly && <p className="form-error">This record cannot be changed right now (read-only). You can still work through the questions.</p>}
        <div className="as-meta panel">
          <div className={`field${dateError ? ' field-invalid' : ''}`}>
            <label htmlFor="as-date">Assessment date</label>
            <input
              id="as-date"
              type="date"
              required
              max={today}
              value={date}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={dateError ? 'as-date-error' : undefined}
              onChange={(e) => onDate(e.target.value)}
            />
            {dateError && (
              <p className="error" id="as-date-error">
                {dateError}
              </p>
            )}
          </div>
          <div className={`field as-note${noteError ? ' field-invalid' : ''}`}>
            <label htmlFor="as-note">Note for the record</label>
            <textarea
              id="as-note"
              rows={2}
              maxLength={4000}
              value={note}
              aria-invalid={noteError ? true : undefined}
              onChange={(e) => {
                setNote(e.target.value)
                setDirty(true)
              }}
            />
            {noteError && <p className="error">{noteError}</p>}
          </div>
        </div>

        {ASSESSMENT_FORM.map((section) => (
          <SectionFieldset
            key={section.id}
            section={section}
            answered={answeredIn(built, section.fields)}
            note={section.id === 'training' && fromLog > 0 ? <p className="as-prefill" data-testid="training-from-log">Filled in from the run log up to {longDate(date || today)}; check and change any figure.</p> : undefined}
          >
            {section.fields.map((field) => (
              <AssessmentField
                key={`${field.path[0]}.${field.path[1]}`}
                field={field}
                state={draft}
                errors={errors}
                norm={normFor(field, facts)}
                disabled={saving}
                {...events}
              />
            ))}
          </SectionFieldset>
        ))}

        <div className="as-savebar">
          <FormError message={formError} />
          <div className="actions">
            <button type="submit" className="primary" disabled={saving || readOnly}>
              {saving ? 'Saving…' : existing ? 'Save changes' : 'Save assessment'}
            </button>
            <button type="button" onClick={() => (dirty ? setConfirmDiscard(true) : onCancel())}>
              Cancel
            </button>
          </div>
        </div>
      </form>
      <aside className="as-result panel" aria-label="Assessment result">
        <ResultPanel diagnosis={diagnosis} ignored={ignored} />
      </aside>
      {confirmDiscard && (
        <ConfirmDialog title="Discard this assessment?" cancelLabel="Keep editing" confirmLabel="Discard changes" onCancel={keepEditing} onConfirm={onCancel}>
          <p>The answers entered here have not been saved.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
