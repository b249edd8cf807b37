// Every IPC call resolves to a result envelope instead of throwing: Electron flattens thrown errors into
// "Error invoking remote method …" strings, and the renderer needs the field-level detail to show in forms.

export const API_ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'read-only',
  'storage',
  'forbidden',
  'cancelled',
  'internal',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "runs.0.painDuring"; empty for the payload as a whole. */
  path: string
  message: string
}

export interface ApiError {
  code: ApiErrorCode
  message: string
  issues?: FieldIssue[]
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Thrown by services for expected failures; the dispatcher turns it into an ApiError. */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export function formatIssues(issues: FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
}
