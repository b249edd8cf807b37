/**
 * One CalfCoach service stack (the real AppServices, handler table and dispatcher) over a data folder,
 * in its own process, for tests of two processes on one folder.
 *
 *   node store-child.mjs <dataDir>
 *
 * Prints one JSON line once open ({pid, readOnlyReason}), then answers each JSON line on stdin
 * ({id, method, payload}) with {id, result} where result is the dispatcher's ApiResult. When stdin
 * closes it closes its services (flushing writes and releasing the folder) and exits.
 */
import { writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { AppServices } from '../../electron/services/app-services'
import { createDispatcher } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/handlers'
import type { ApiMethod } from '../../shared/api/contract'

const [dataDir] = process.argv.slice(2)
const say = (value: unknown) => writeSync(1, `${JSON.stringify(value)}\n`)

async function main() {
  const services = await AppServices.open({
    dataDir: dataDir!,
    dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
    shell: { openExternal: async () => undefined },
    pdf: { renderRoute: async () => new Uint8Array() },
    background: true,
  })
  const dispatch = createDispatcher(createHandlers(services), {
    readOnlyReason: () => services.db.readOnlyReason,
    waitUntilReady: (method) => services.readyFor(method),
  })
  say({ pid: process.pid, readOnlyReason: services.db.readOnlyReason })
  const pending: Promise<void>[] = []
  const lines = createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    const { id, method, payload } = JSON.parse(line) as { id: number; method: ApiMethod; payload: unknown }
    pending.push(dispatch(method, payload).then((result) => void say({ id, result })))
  })
  lines.on('close', () => {
    void Promise.all(pending)
      .then(() => services.close())
      .then(() => process.exit(0))
  })
}

main().catch((error) => {
  process.stderr.write(`store-child failed: ${(error as Error).message}\n`)
  process.exit(1)
})
