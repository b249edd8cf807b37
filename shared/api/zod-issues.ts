import type { z } from 'zod'
import type { FieldIssue } from './result'

/** Turns zod issues into short "field: problem" entries a coach can act on. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.')
    let message = issue.message
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
    }
    return { path, message }
  })
}
