import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiResult } from '../../../shared/api/result'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { createAthlete } from '../../../electron/services/squad/squad-service'
import type { FileOps } from '../../../electron/services/store/file-ops'
import { AthleteDraft } from '../../../shared/domain/squad'
import { draft, openServices } from '../../support/temp'

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'import')
export const fixturePath = (name: string) => path.join(FIXTURES, name)

/** Real services over a temp folder, the dispatcher main uses, and helpers to add athletes. */
export async function setup(extra: { ops?: FileOps; now?: () => Date } = {}) {
  const ctx = await openServices(undefined, extra)
  const dispatch = createDispatcher(createHandlers(ctx.services), { readOnlyReason: () => ctx.services.db.readOnlyReason })
  const athlete = async (name: string, more: Record<string, unknown> = {}) => (await createAthlete(ctx.services, AthleteDraft.parse(draft(name, more)))).id
  return { ...ctx, dispatch, athlete }
}

/** Unwraps a dispatcher result, failing the test with the error message when it is not ok. */
export function ok<T = unknown>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`)
  return result.value as T
}
