// Metadata for rendering the assessment screen generically: sections in the order a coach runs them, and for
// each contract field its path, label, input kind, options, unit, range, how-to help (our words) and, where a
// norm applies, the key for describeNorm(). Every contract field appears exactly once (checked by a test).

import { describeNorm, type AthleteFacts } from './norms'
import type { AssessmentInput, FieldPath, RedFlagScreen } from './schema'
import { ASSESSMENT_FORM } from './form-sections'
import type { FormField, FormSection } from './form-types'

export type { FieldKind, FormField, FormOption, FormSection, FormSectionId } from './form-types'
export { ASSESSMENT_FORM } from './form-sections'

export const FORM_FIELDS: readonly FormField[] = ASSESSMENT_FORM.flatMap((s) => s.fields)

export function pathKey(path: FieldPath): string {
  return `${path[0]}.${path[1]}`
}

const FIELD_BY_KEY: ReadonlyMap<string, { field: FormField; section: FormSection }> = new Map(
  ASSESSMENT_FORM.flatMap((section) => section.fields.map((field) => [pathKey(field.path), { field, section }] as const)),
)

export function formField(path: FieldPath): FormField | undefined {
  return FIELD_BY_KEY.get(pathKey(path))?.field
}

export function formSectionOf(path: FieldPath): FormSection | undefined {
  return FIELD_BY_KEY.get(pathKey(path))?.section
}

/** The recorded value at a path (undefined when the section or field is missing). */
export function getFieldValue(input: AssessmentInput, path: FieldPath): unknown {
  const section = input[path[0]] as Record<string, unknown> | undefined
  return section?.[path[1]]
}

/**
 * A copy of the assessment with one field set (or removed when value is undefined). Empty sections are
 * dropped so the saved JSON stays minimal. The result is not validated: run parseAssessment() on it.
 */
export function setFieldValue(input: AssessmentInput, path: FieldPath, value: unknown): AssessmentInput {
  const [sectionKey, fieldKey] = path
  const section: Record<string, unknown> = { ...((input[sectionKey] as Record<string, unknown> | undefined) ?? {}) }
  if (value === undefined) delete section[fieldKey]
  else section[fieldKey] = value
  const next: Record<string, unknown> = { ...input }
  if (Object.keys(section).length === 0) delete next[sectionKey]
  else next[sectionKey] = section
  return next as AssessmentInput
}

/** The norm line to show next to a field, for this athlete (undefined when no norm applies). */
export function normFor(field: FormField, athlete?: AthleteFacts): string | undefined {
  return field.normKey ? describeNorm(field.normKey, athlete) : undefined
}

/** True when the question applies to this runner (see FormField.askWhen). */
export function appliesTo(field: FormField, input: AssessmentInput): boolean {
  return field.askWhen ? field.askWhen(input) : true
}

/** The red-flag questions: every form field marked `redFlag`, in form order. The one list the app uses. */
export const RED_FLAG_FIELDS: readonly FormField[] = FORM_FIELDS.filter((f) => f.redFlag === true)

/**
 * Which red-flag questions that apply to this runner have no answer yet. A recorded answer of any kind
 * counts, including "no", "does not settle" and an empty risk-factor list.
 */
export function redFlagScreenOf(input: AssessmentInput): RedFlagScreen {
  const unanswered = RED_FLAG_FIELDS.filter((f) => appliesTo(f, input) && getFieldValue(input, f.path) === undefined).map(
    (f) => pathKey(f.path),
  )
  return { complete: unanswered.length === 0, unanswered }
}
