// The assessment form's state, kept apart from React so it can be tested on its own. The screen is generated
// from shared/assessment/form.ts: every field there becomes one control here, and the answers are turned back
// into a contract v1 assessment that the shared zod schema validates (so the form, main and the CLI agree on
// every message). Unanswered stays undefined: a three-state yes/no never turns "not asked" into false.

import { ageOn } from '../../../../shared/dates'
import { FORM_FIELDS, type FormField } from '../../../../shared/assessment/form'
import { AssessmentInput, SIDES, type Side } from '../../../../shared/assessment/schema'
import type { Athlete } from '../../../../shared/domain/squad'
import type { TrainingFigures } from '../../../../shared/load/training-from-log'
import { type DistanceUnit, fromDisplayDistance, toDisplayDistance } from '../../../../shared/units'

export interface DraftState {
  /** Answers that are not typed numbers: booleans, option values, word lists, and null for "does not settle". */
  readonly values: Readonly<Record<string, unknown>>
  /** Exactly what the coach typed into each number box (so "6." or "-" survive while typing). */
  readonly texts: Readonly<Record<string, string>>
  /**
   * The unit the coach types distances in (their km/miles setting); km when absent. Only the boxes change:
   * buildInput hands the schema km, as stored.
   */
  readonly distanceUnit?: DistanceUnit
  /**
   * The km behind a distance box filled by the app (a saved answer, a figure from the log): while the box
   * still shows it, the exact km is kept, so opening and saving in miles never shifts a stored 21 km to 20.92.
   */
  readonly exactKm?: Readonly<Record<string, number>>
}

export const EMPTY_DRAFT: DraftState = { values: {}, texts: {} }

/** 'screening.kneeToWallCm' or, for one side of a per-side test, 'screening.kneeToWallCm.left'. */
export function fieldKey(field: FormField, side?: Side): string {
  const base = `${field.path[0]}.${field.path[1]}`
  return side ? `${base}.${side}` : base
}

const isPerSide = (field: FormField) => field.kind === 'per-side-number' || field.kind === 'per-side-enum'
const isNumeric = (field: FormField) => field.kind === 'number' || field.kind === 'nullable-number' || field.kind === 'per-side-number'

/** A typed number, or the raw text when it is not one (the schema then says "must be a number"). */
export function parseNumberText(text: string | undefined): number | string | undefined {
  const t = (text ?? '').trim()
  if (t === '') return undefined
  const n = Number(t.replace(',', '.'))
  return Number.isFinite(n) ? n : t
}

/** A distance field: typed in the coach's unit, stored in km. */
export const isDistanceField = (field: FormField) => field.unit === 'km'

/** Km to 0.01 (a typed 10 mi is 16.09 km): finer than any answer needs, and free of float noise. */
const hundredth = (km: number) => Math.round(km * 100) / 100

/** A km value as the coach's box shows it: to 0.1 in their unit. */
export function distanceText(km: number, unit: DistanceUnit): string {
  return String(Math.round(toDisplayDistance(km, unit) * 10) / 10)
}

function readOne(state: DraftState, field: FormField, key: string): unknown {
  if (field.kind === 'nullable-number' && state.values[key] === null) return null
  if (isNumeric(field)) {
    const typed = parseNumberText(state.texts[key])
    const unit = state.distanceUnit ?? 'km'
    if (typeof typed !== 'number' || !isDistanceField(field) || unit === 'km') return typed
    const exact = state.exactKm?.[key]
    return exact !== undefined && state.texts[key] === distanceText(exact, unit) ? exact : hundredth(fromDisplayDistance(typed, unit))
  }
  const value = state.values[key]
  if (field.kind === 'multi') return Array.isArray(value) && value.length > 0 ? value : undefined
  return value === '' ? undefined : value
}

/** The answers as a contract v1 assessment (not yet validated); empty sections are left out. */
export function buildInput(state: DraftState): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const field of FORM_FIELDS) {
    const [section, name] = field.path
    let value: unknown
    if (isPerSide(field)) {
      const sides: Record<string, unknown> = {}
      for (const side of SIDES) {
        const v = readOne(state, field, fieldKey(field, side))
        if (v !== undefined) sides[side] = v
      }
      value = Object.keys(sides).length > 0 ? sides : undefined
    } else {
      value = readOne(state, field, fieldKey(field))
    }
    if (value === undefined) continue
    out[section] = { ...(out[section] ?? {}), [name]: value }
  }
  return out
}

/** The form state for a saved assessment (the inverse of buildInput for valid input). */
export function draftFromInput(input: AssessmentInput, distanceUnit: DistanceUnit = 'km'): DraftState {
  const values: Record<string, unknown> = {}
  const texts: Record<string, string> = {}
  const exactKm: Record<string, number> = {}
  for (const field of FORM_FIELDS) {
    const section = input[field.path[0]] as Record<string, unknown> | undefined
    const value = section?.[field.path[1]]
    if (value === undefined) continue
    const put = (key: string, v: unknown) => {
      if (v === undefined) return
      if (isNumeric(field) && typeof v === 'number' && isDistanceField(field) && distanceUnit !== 'km') {
        texts[key] = distanceText(v, distanceUnit)
        exactKm[key] = v
      } else if (isNumeric(field) && typeof v === 'number') texts[key] = String(v)
      else values[key] = v
    }
    if (isPerSide(field)) {
      const sides = value as Partial<Record<Side, unknown>>
      for (const side of SIDES) put(fieldKey(field, side), sides[side])
    } else {
      put(fieldKey(field), value)
    }
  }
  return { values, texts, distanceUnit, exactKm }
}

/** Age in whole years on the date, when the profile has a date of birth and the age is one the contract accepts. */
export function profileAge(athlete: Pick<Athlete, 'dateOfBirth'>, date: string): number | undefined {
  if (!athlete.dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const age = ageOn(athlete.dateOfBirth, date)
  return age >= 10 && age <= 110 ? age : undefined
}

/** A new assessment starts with the athlete's sex and age from the profile (the coach can change both). */
export function newDraft(athlete: Pick<Athlete, 'sex' | 'dateOfBirth'>, date: string, distanceUnit: DistanceUnit = 'km'): DraftState {
  const age = profileAge(athlete, date)
  return {
    values: { 'athlete.sex': athlete.sex },
    texts: age === undefined ? {} : { 'athlete.ageYears': String(age) },
    distanceUnit,
  }
}

/**
 * The Training boxes filled from the log (shared/load/training-from-log.ts) where they are still empty, in the
 * coach's unit; whatever the coach typed stays. Returns the draft and the keys it filled (for the hint beside them).
 */
export function withTrainingFromLog(state: DraftState, figures: TrainingFigures): { draft: DraftState; filled: string[] } {
  const texts = { ...state.texts }
  const exactKm = { ...state.exactKm }
  const filled: string[] = []
  for (const [name, km] of Object.entries(figures)) {
    const key = `training.${name}`
    if (typeof km !== 'number' || (texts[key] ?? '').trim() !== '') continue
    texts[key] = distanceText(km, state.distanceUnit ?? 'km')
    exactKm[key] = km
    filled.push(key)
  }
  return { draft: filled.length ? { ...state, texts, exactKm } : state, filled }
}

export type FieldErrors = Readonly<Record<string, string>>

export interface Checked {
  /** The assessment when every answer is valid, otherwise null. */
  readonly valid: AssessmentInput | null
  /** First message per dotted path, e.g. 'screening.kneeToWallCm.left' → 'must be at most 30 cm'. */
  readonly errors: FieldErrors
  /** The valid answers only (invalid ones dropped), for the live result while the coach fixes a field. */
  readonly usable: AssessmentInput
}

function dropPath(target: Record<string, unknown>, path: readonly PropertyKey[]): void {
  if (path.length === 0) return
  const [head, ...rest] = path
  const key = String(head)
  if (rest.length === 0) {
    delete target[key]
    return
  }
  const child = target[key]
  if (child && typeof child === 'object' && !Array.isArray(child)) {
    dropPath(child as Record<string, unknown>, rest)
    if (Object.keys(child).length === 0) delete target[key]
  } else {
    delete target[key]
  }
}

export function checkDraft(state: DraftState): Checked {
  const built = buildInput(state)
  const parsed = AssessmentInput.safeParse(built)
  if (parsed.success) return { valid: parsed.data, errors: {}, usable: parsed.data }
  const errors: Record<string, string> = {}
  const copy = JSON.parse(JSON.stringify(built)) as Record<string, unknown>
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.')
    if (!(path in errors)) errors[path] = issue.message
    // A word list is dropped whole; anything else just the offending value.
    dropPath(copy, typeof issue.path[2] === 'number' ? issue.path.slice(0, 2) : issue.path)
  }
  const retry = AssessmentInput.safeParse(copy)
  return { valid: null, errors, usable: retry.success ? retry.data : {} }
}

/** The message for one control: its own path, or anything below it (e.g. one word of a list). */
export function errorFor(errors: FieldErrors, key: string): string | undefined {
  if (errors[key]) return errors[key]
  const below = Object.keys(errors).find((k) => k.startsWith(`${key}.`))
  return below ? errors[below] : undefined
}

/** Server issues use 'input.<path>'; strip the prefix so they land on the same controls. */
export function errorsFromIssues(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.startsWith('input.') ? issue.path.slice('input.'.length) : issue.path
    if (!(key in out)) out[key] = issue.message
  }
  return out
}
