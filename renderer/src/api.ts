import { API_GLOBAL, type ApiMethod, type CalfCoachApi, contract, type Contract } from '../../shared/api/contract'
import type { ApiError, FieldIssue } from '../../shared/api/result'
import type { z } from 'zod'

declare global {
  interface Window {
    readonly [API_GLOBAL]: CalfCoachApi
  }
}

/** An API failure as the UI handles it: the message plus per-field issues for forms. */
export class ApiCallError extends Error {
  readonly code: ApiError['code']
  readonly issues: FieldIssue[]
  constructor(error: ApiError) {
    super(error.message)
    this.code = error.code
    this.issues = error.issues ?? []
  }
  /** The first issue for a form field, matched on the start of its path. */
  fieldMessage(path: string): string | undefined {
    return this.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message
  }
}

/**
 * Fired on window after every successful write, so views that show derived facts (the clinical status
 * header) re-read them whichever screen made the change.
 */
export const DATA_CHANGED = 'calfcoach:data-changed'

export function bridge(): CalfCoachApi {
  const api = (window as unknown as Record<string, CalfCoachApi | undefined>)[API_GLOBAL]
  if (!api) throw new Error('The CalfCoach bridge is missing: the preload script did not run.')
  return api
}

/** Calls one API method and unwraps the result envelope, throwing ApiCallError on failure. */
export async function call<M extends ApiMethod>(
  method: M,
  ...input: undefined extends z.input<Contract[M]['input']> ? [z.input<Contract[M]['input']>?] : [z.input<Contract[M]['input']>]
): Promise<z.output<Contract[M]['output']>> {
  const fn = bridge()[method] as unknown as (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: ApiError }>
  const result = await fn(input[0])
  if (!result.ok) throw new ApiCallError(result.error ?? { code: 'internal', message: 'No answer from CalfCoach.' })
  if (contract[method].writes) window.dispatchEvent(new Event(DATA_CHANGED))
  return result.value as z.output<Contract[M]['output']>
}
