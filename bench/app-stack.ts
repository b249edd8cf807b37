import { AppServices } from '../electron/services/app-services'
import { createDispatcher, type Dispatch } from '../electron/services/dispatch'
import { createHandlers } from '../electron/services/handlers'
import type { ApiMethod } from '../shared/api/contract'
import type { ApiResult } from '../shared/api/result'

const unused = async (): Promise<never> => {
  throw new Error('not used by the benchmark')
}

function must<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/**
 * One coach's CalfCoach as main runs it: the service stack over a data folder (athlete files loading in
 * the background), called through the dispatcher, so a figure includes everything a coach waits for.
 */
export async function openCoach(dataDir: string, today: string): Promise<{ services: AppServices; call: <T>(m: ApiMethod, p?: unknown) => Promise<T> }> {
  const services = await AppServices.open({
    dataDir,
    dialogs: { chooseSavePath: unused, chooseOpenPath: unused },
    shell: { openExternal: unused },
    pdf: { renderRoute: unused },
    now: () => new Date(`${today}T12:00:00Z`),
    background: true,
    watch: false,
  })
  const dispatch: Dispatch = createDispatcher(createHandlers(services), {
    readOnlyReason: () => services.db.readOnlyReason,
    waitUntilReady: (method) => services.readyFor(method),
  })
  return { services, call: async <T>(m: ApiMethod, p?: unknown) => must<T>(await dispatch(m, p)) }
}
