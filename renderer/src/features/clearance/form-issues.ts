import type { z } from 'zod'
import type { FieldIssue } from '../../../../shared/api/result'
import { toFieldIssues } from '../../../../shared/api/zod-issues'
import { ApiCallError } from '../../api'

/** Field path → its first message ("clearedBy.name" → "name the clinician"). */
export type FieldErrors = Record<string, string>

function byPath(issues: readonly FieldIssue[]): FieldErrors {
  const map: FieldErrors = {}
  for (const issue of issues) map[issue.path] ??= issue.message
  return map
}

/** The problems the contract's own schema finds in a draft: the same messages main would send back. */
export function draftErrors(schema: z.ZodType, draft: unknown): FieldErrors {
  const parsed = schema.safeParse(draft)
  return parsed.success ? {} : byPath(toFieldIssues(parsed.error))
}

/**
 * A failed save as the form shows it: a message beside each field main named, and main's whole message
 * above the form when it is about something the form has no field for.
 */
export function saveErrors(error: unknown, formFields: readonly string[]): { fields: FieldErrors; form: string | null } {
  if (error instanceof ApiCallError) {
    const fields = byPath(error.issues.filter((i) => formFields.includes(i.path)))
    const allShown = error.issues.length > 0 && error.issues.every((i) => formFields.includes(i.path))
    return { fields, form: allShown ? null : error.message }
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) }
}
