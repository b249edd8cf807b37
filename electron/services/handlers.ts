import { type ApiMethod, contract, type Handlers } from '../../shared/api/contract'
import type { AppServices } from './app-services'
import { withAthleteLease } from './store/athlete-docs'
import { squadHandlers } from './squad/handlers'
import { runHandlers } from './runs/handlers'
import { assessmentHandlers } from './assessments/handlers'
import { planHandlers } from './plans/handlers'
import { shareHandlers } from './share/handlers'
import { clinicalHandlers } from './clinical/handlers'
import { reportHandlers } from './report/handlers'
import { calendarHandlers } from './calendar/handlers'
import { searchHandlers } from './search/handlers'

/**
 * Whole-folder operations: they run alone, after the saves already started and before any sent meanwhile
 * (see WriteCoordinator). Deleting an athlete is here because it takes a backup first.
 */
const EXCLUSIVE: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'restoreBackup',
  'importDatabase',
  'backupNow',
  'loadDemoSquad',
  'removeDemoSquad',
  'deleteAthlete',
  'shareSquad',
  'stopSharing',
])

/**
 * Channels that write a file where the coach chose: the path each answers with is remembered, and only such
 * paths may be opened or shown in their folder afterwards (openExportedFile).
 */
const EXPORTS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['exportPlanPdf', 'exportRunsCsv', 'exportDatabase', 'exportSquadReportPdf', 'exportSquadRunsCsv'])

function rememberingExport(app: AppServices, handler: (input: unknown) => unknown): (input: unknown) => Promise<unknown> {
  return async (input) => {
    const result = await handler(input)
    const file = (result as { path?: unknown } | null)?.path
    if (typeof file === 'string') app.exported.remember(file)
    return result
  }
}

/** The complete handler table: one entry per contract method, checked by the compiler, each ordered by the write coordinator. */
export function createHandlers(app: AppServices): Handlers {
  const table: Handlers = {
    ...squadHandlers(app),
    ...runHandlers(app),
    ...assessmentHandlers(app),
    ...planHandlers(app),
    ...shareHandlers(app),
    ...clinicalHandlers(app),
    ...reportHandlers(app),
    ...calendarHandlers(app),
    ...searchHandlers(app),
  }
  const ordered: Record<string, (input: unknown) => unknown> = {}
  for (const method of Object.keys(table) as ApiMethod[]) {
    const plain = withCallAthlete(app, table[method] as (input: unknown) => unknown)
    const handler = EXPORTS.has(method) ? rememberingExport(app, plain) : plain
    ordered[method] = EXCLUSIVE.has(method)
      ? (input) => app.writes.exclusive(async () => handler(input))
      : contract[method].writes
        ? (input) => app.writes.write(async () => handler(input))
        : handler
  }
  return ordered as Handlers
}

/**
 * Athletes load on demand (store/athlete-docs.ts): the athlete a call names (`athleteId`, or `id` when it
 * is an athlete's) is read before its handler runs, inside the write coordinator's order, and every athlete
 * the call uses stays in memory until it ends, so handlers may read `db.athleteDoc(id)` as it is.
 */
function withCallAthlete(app: AppServices, handler: (input: unknown) => unknown): (input: unknown) => Promise<unknown> {
  return (input) =>
    withAthleteLease(async () => {
      const named = input && typeof input === 'object' ? ((input as { athleteId?: unknown }).athleteId ?? (input as { id?: unknown }).id) : undefined
      if (typeof named === 'string' && app.db.squad.data.athletes.some((a) => a.id === named)) await app.db.athlete(named)
      return handler(input)
    })
}
