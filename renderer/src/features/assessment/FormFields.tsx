import type { ReactNode } from 'react'
import type { FormField, FormSection } from '../../../../shared/assessment/form'
import { SIDES, type Side } from '../../../../shared/assessment/schema'
import { KM_PER_MILE } from '../../../../shared/units'
import { type DraftState, errorFor, type FieldErrors, fieldKey, isDistanceField } from './form-state'

// One control per field of shared/assessment/form.ts, chosen by its kind. Every control has a visible label,
// the norm for this athlete (when the field has one) and the how-to help, tied to it with aria-describedby.

export interface FieldEvents {
  onValue(key: string, value: unknown): void
  onText(key: string, text: string): void
}

interface FieldProps extends FieldEvents {
  field: FormField
  state: DraftState
  errors: FieldErrors
  norm: string | undefined
  disabled: boolean
}

const SIDE_LABEL: Record<Side, string> = { left: 'Left', right: 'Right' }

const isPerSideKind = (field: FormField) => field.kind === 'per-side-number' || field.kind === 'per-side-enum'

export function controlId(key: string): string {
  return `as-${key.replace(/\./g, '-')}`
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean)
  return list.length ? list.join(' ') : undefined
}

/** Norm line and help text under a field; returns the ids to reference. */
function Notes({ field, id, norm }: { field: FormField; id: string; norm: string | undefined }) {
  const howTo = field.path[0] === 'screening'
  return (
    <>
      {norm && (
        <p className="as-norm" id={`${id}-norm`}>
          <span className="as-norm-tag">Norm</span> {norm}
        </p>
      )}
      {howTo ? (
        <details className="as-how">
          <summary>How to test</summary>
          <p id={`${id}-help`}>{field.help}</p>
        </details>
      ) : (
        <p className="hint" id={`${id}-help`}>
          {field.help}
        </p>
      )}
    </>
  )
}

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p className="error as-error" id={id}>
      {message}
    </p>
  )
}

/** The field's own error message, then its norm and help: the same under every kind of control. */
function ErrorAndNotes({ field, id, error, norm }: { field: FormField; id: string; error: string | undefined; norm: string | undefined }) {
  return (
    <>
      <ErrorText id={`${id}-error`} message={error} />
      <Notes field={field} id={id} norm={norm} />
    </>
  )
}

interface ShellProps {
  field: FormField
  id: string
  className: string
  error: string | undefined
  norm: string | undefined
  children: ReactNode
}

/** One control with the field's label above it. */
function LabelledField({ field, id, className, error, norm, children }: ShellProps) {
  return (
    <div className={className}>
      <label htmlFor={id}>{field.label}</label>
      {children}
      <ErrorAndNotes field={field} id={id} error={error} norm={norm} />
    </div>
  )
}

/** Radio buttons or checkboxes grouped under the field's label. */
function ChoiceFieldset({ field, id, className, error, norm, notes, answer, children }: ShellProps & { notes: string | undefined; answer?: string }) {
  return (
    <fieldset className={className} aria-describedby={describedBy(error && `${id}-error`, notes)} data-answer={answer}>
      <legend>{field.label}</legend>
      <div className="as-choices">{children}</div>
      <ErrorAndNotes field={field} id={id} error={error} norm={norm} />
    </fieldset>
  )
}

/** A choice from the field's options, or `emptyLabel` (stored as no answer). */
function OptionSelect({ id, field, value, emptyLabel, error, describe, disabled, onChange }: {
  id: string
  field: FormField
  value: unknown
  emptyLabel: string
  error: string | undefined
  describe: string | undefined
  disabled: boolean
  onChange(value: string | undefined): void
}) {
  return (
    <select
      id={id}
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(error && `${id}-error`, describe)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <option value="">{emptyLabel}</option>
      {field.options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

function NumberBox(props: {
  id: string
  field: FormField
  text: string
  label?: ReactNode
  error: string | undefined
  describe: string | undefined
  disabled: boolean
  onText(text: string): void
}) {
  const { id, field, error } = props
  return (
    <span className="as-number">
      {props.label}
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={field.min}
        max={field.max}
        step={field.step ?? 'any'}
        value={props.text}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`, field.unit && `${id}-unit`, props.describe)}
        onChange={(e) => props.onText(e.target.value)}
      />
      {field.unit && (
        <span className="as-unit" id={`${id}-unit`}>
          {field.unit}
        </span>
      )}
    </span>
  )
}

export function AssessmentField({ field, state, errors, norm, disabled, onValue, onText }: FieldProps) {
  const key = fieldKey(field)
  const id = controlId(key)
  const notes = describedBy(norm && `${id}-norm`, `${id}-help`)
  // Per-side tests show each side's message under that side; only a problem with the pair itself goes here.
  const error = isPerSideKind(field) ? errors[key] : errorFor(errors, key)
  const className = `as-field${field.redFlag ? ' as-field-flag' : ''}${error ? ' field-invalid' : ''}`

  switch (field.kind) {
    case 'boolean': {
      const value = state.values[key]
      const choice = value === true ? 'yes' : value === false ? 'no' : 'unset'
      const options: { value: 'yes' | 'no' | 'unset'; label: string; set: boolean | undefined }[] = [
        { value: 'yes', label: 'Yes', set: true },
        { value: 'no', label: 'No', set: false },
        { value: 'unset', label: 'Not asked', set: undefined },
      ]
      return (
        <ChoiceFieldset field={field} id={id} className={`${className} as-yesno`} error={error} norm={norm} notes={notes} answer={choice}>
          {options.map((o) => (
            <label key={o.value} className={`as-choice as-choice-${o.value}`}>
              <input
                type="radio"
                name={id}
                value={o.value}
                checked={choice === o.value}
                disabled={disabled}
                onChange={() => onValue(key, o.set)}
              />
              {o.label}
            </label>
          ))}
        </ChoiceFieldset>
      )
    }
    case 'enum': {
      return (
        <LabelledField field={field} id={id} className={className} error={error} norm={norm}>
          <OptionSelect
            id={id}
            field={field}
            value={state.values[key]}
            emptyLabel="Not recorded"
            error={error}
            describe={notes}
            disabled={disabled}
            onChange={(v) => onValue(key, v)}
          />
        </LabelledField>
      )
    }
    case 'multi': {
      const value = state.values[key]
      const chosen = Array.isArray(value) ? (value as string[]) : []
      return (
        <ChoiceFieldset field={field} id={id} className={className} error={error} norm={norm} notes={notes}>
          {field.options?.map((o) => (
            <label key={o.value} className="as-choice">
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                disabled={disabled}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value)
                  // Keep the form's order so the saved list reads the same way every time.
                  const order = field.options?.map((x) => x.value) ?? []
                  onValue(key, order.filter((v) => next.includes(v)))
                }}
              />
              {o.label}
            </label>
          ))}
        </ChoiceFieldset>
      )
    }
    case 'number':
    case 'nullable-number': {
      const isNull = field.kind === 'nullable-number' && state.values[key] === null
      return (
        <LabelledField field={field} id={id} className={className} error={error} norm={norm}>
          <div className="as-inline">
            <NumberBox
              id={id}
              field={inCoachUnit(field, state)}
              text={state.texts[key] ?? ''}
              error={error}
              describe={notes}
              disabled={disabled || isNull}
              onText={(t) => onText(key, t)}
            />
            {field.kind === 'nullable-number' && (
              <label className="as-choice">
                <input type="checkbox" checked={isNull} disabled={disabled} onChange={(e) => onValue(key, e.target.checked ? null : undefined)} />
                {field.nullLabel ?? 'Not applicable'}
              </label>
            )}
          </div>
        </LabelledField>
      )
    }
    case 'per-side-number':
    case 'per-side-enum': {
      const sideErrors = SIDES.map((side) => errorFor(errors, fieldKey(field, side)))
      const anyError = error ?? sideErrors.find(Boolean)
      return (
        <fieldset className={`${className}${anyError ? ' field-invalid' : ''}`} aria-describedby={notes}>
          <legend>{field.label}</legend>
          <div className="as-sides">
            {SIDES.map((side, i) => {
              const sideKey = fieldKey(field, side)
              const sideId = controlId(sideKey)
              const sideError = sideErrors[i]
              const label = (
                <label htmlFor={sideId} className="as-side-label">
                  <span className="sr-only">{field.label}, </span>
                  {SIDE_LABEL[side]}
                </label>
              )
              if (field.kind === 'per-side-number') {
                return (
                  <div className="as-side" key={side}>
                    <NumberBox
                      id={sideId}
                      field={field}
                      label={label}
                      text={state.texts[sideKey] ?? ''}
                      error={sideError}
                      describe={notes}
                      disabled={disabled}
                      onText={(t) => onText(sideKey, t)}
                    />
                    <ErrorText id={`${sideId}-error`} message={sideError} />
                  </div>
                )
              }
              return (
                <div className="as-side" key={side}>
                  <span className="as-number">
                    {label}
                    <OptionSelect
                      id={sideId}
                      field={field}
                      value={state.values[sideKey]}
                      emptyLabel="Not tested"
                      error={sideError}
                      describe={notes}
                      disabled={disabled}
                      onChange={(v) => onValue(sideKey, v)}
                    />
                  </span>
                  <ErrorText id={`${sideId}-error`} message={sideError} />
                </div>
              )
            })}
          </div>
          <ErrorAndNotes field={field} id={id} error={error} norm={norm} />
        </fieldset>
      )
    }
  }
}

/** A distance field as the coach's box shows it: in miles for a miles coach (the answer is still stored in km). */
function inCoachUnit(field: FormField, state: DraftState): FormField {
  if (!isDistanceField(field) || (state.distanceUnit ?? 'km') === 'km') return field
  const miles = (km: number | undefined) => (km === undefined ? undefined : Math.floor(km / KM_PER_MILE))
  return { ...field, unit: 'mi', min: field.min, max: miles(field.max), step: 0.1 }
}

export function SectionFieldset({ section, children, answered, note }: { section: FormSection; children: ReactNode; answered: number; note?: ReactNode }) {
  const flag = section.id === 'red-flags'
  return (
    <fieldset className={`as-section${flag ? ' as-section-flags' : ''}`} id={`as-section-${section.id}`}>
      <legend>
        {section.title}{' '}
        <span className="as-count">
          ({answered} of {section.fields.length} answered)
        </span>
      </legend>
      <p className="as-intro">{section.intro}</p>
      {note}
      {children}
    </fieldset>
  )
}
