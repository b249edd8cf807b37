import { type ApiMethod, apiMethods, contract, type Handlers } from '../../shared/api/contract'
import { type ApiError, type ApiResult, DomainError, formatIssues } from '../../shared/api/result'
import { toFieldIssues } from '../../shared/api/zod-issues'
import { checkEntriesOnce, type OutputCheck } from './checked-entries'

export type Dispatch = (method: ApiMethod, payload: unknown) => Promise<ApiResult<unknown>>

export interface DispatchOptions {
  /** Non-null while the data folder must not be written; write channels are then refused. */
  readOnlyReason(): string | null
  /** Where unexpected errors go (main logs them); the renderer only sees a reference. */
  logError?(error: unknown, method: string): void
  /** Resolves when the data a method needs is loaded (athlete files load in the background at start). */
  waitUntilReady?(method: ApiMethod): Promise<void> | undefined
}

let errorCounter = 0

/**
 * Answers that are long lists of entries handed out again by identity (the board's 1,000 athletes at a big
 * club): each entry object is checked against the contract once and frozen (checked-entries.ts), so a board
 * after one save checks the one athlete who changed. The field names the list in the answer.
 */
const ENTRIES_CHECKED_ONCE: Partial<Record<ApiMethod, string>> = { getSquadTriage: 'athletes', getSquadBoard: 'athletes' }

/**
 * The single entry point for every API call, used by main's ipcMain handlers and by the e2e harness
 * alike: validate the payload against the contract, call the handler, validate what it returns.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  // Per dispatcher (one app), the answers whose list entries are checked once per entry object.
  const outputChecks = new Map<ApiMethod, OutputCheck>(
    Object.entries(ENTRIES_CHECKED_ONCE).map(([m, field]) => [m as ApiMethod, checkEntriesOnce(contract[m as ApiMethod].output, field)]),
  )
  return async (method, payload) => {
    // Own properties only: a method name such as "constructor" must not reach Object.prototype.
    const known = typeof method === 'string' && Object.hasOwn(contract, method) && Object.hasOwn(handlers, method)
    const spec = known ? contract[method] : undefined
    const handler = known ? (handlers[method] as (input: unknown) => unknown) : undefined
    if (!spec || !handler) return fail({ code: 'not-found', message: `Unknown API call ${String(method)}.` })
    // Read-only first: whatever the payload, a write cannot happen now, and that is what the coach needs to hear.
    if (spec.writes) {
      const reason = options.readOnlyReason()
      if (reason) return fail({ code: 'read-only', message: reason })
    }
    const input = spec.input.safeParse(payload)
    if (!input.success) {
      const issues = toFieldIssues(input.error)
      return fail({ code: 'invalid-input', message: `Please check: ${formatIssues(issues)}`, issues })
    }
    try {
      await options.waitUntilReady?.(method)
      const value = await handler(input.data)
      const check: OutputCheck = outputChecks.get(method) ?? ((v) => spec.output.safeParse(v))
      const output = check(value)
      if (!output.success) {
        options.logError?.(new Error(`output of ${method} broke the contract: ${formatIssues(toFieldIssues(output.error))}`), method)
        return fail({ code: 'internal', message: `CalfCoach produced an unexpected answer for ${method}; nothing else was changed.` })
      }
      return { ok: true, value: output.data }
    } catch (error) {
      if (error instanceof DomainError) {
        return fail({ code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) })
      }
      const ref = `E${Date.now().toString(36)}${(++errorCounter).toString(36)}`
      options.logError?.(error, `${method} (${ref})`)
      return fail({ code: 'internal', message: `Something went wrong inside CalfCoach (reference ${ref}). Your data was not changed by this request.` })
    }
  }
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error }
}

const methodByChannel = new Map<string, ApiMethod>(apiMethods.map((m) => [contract[m].channel, m]))

export function methodForChannel(channel: string): ApiMethod | undefined {
  return methodByChannel.get(channel)
}
