/**
 * Crash-test writer: runs the REAL store in its own process and logs runs to one athlete as fast as it
 * can, printing one line per ACKNOWLEDGED write — only after the awaited save resolved — so the parent
 * (tests/unit/crash/kill9.test.ts) knows exactly which writes the app promised were durable before it
 * SIGKILLs this process.
 *
 *   node writer-child.mjs <dataDir> <athleteId> [inFlight]
 *
 * stdout protocol (one line each, written synchronously with fs.writeSync so a line is in the pipe
 * before the next write starts):
 *   ready <mode>          the database is open; mode is "service:addRun" or "store:mutate"
 *   ack <seq> <runId>     run number <seq> is saved (the promise resolved)
 *   error <message>       a save failed (the parent counts this as a test failure)
 *
 * Writes go through the same dispatcher and handler table main registers (contract validation, the
 * runs service, JsonDocument's queue and the durable temp+fsync+rename writer). If the contract has no
 * addRun channel yet, it falls back to the store itself: db.athleteDoc(id).mutate.
 */
import { writeSync } from 'node:fs'
import { type ApiMethod, apiMethods } from '../../shared/api/contract'
import { AppServices } from '../../electron/services/app-services'
import { createDispatcher } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/handlers'

/** Each run carries its sequence number in its notes, so the parent can check order and gaps (kill9.test.ts reads it). */
const SEQ_PREFIX = 'crash-seq-'

const [dataDir, athleteId, inFlightArg] = process.argv.slice(2)
if (!dataDir || !athleteId) {
  writeSync(2, 'usage: writer-child <dataDir> <athleteId> [inFlight]\n')
  process.exit(2)
}
const inFlight = Math.max(1, Math.min(16, Number(inFlightArg ?? 1) || 1))

function say(line: string): void {
  writeSync(1, `${line}\n`)
}

// Never outlive the test: when the parent goes away, its end of stdin closes.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()

async function main(dataDir: string, athleteId: string): Promise<void> {
  const services = await AppServices.open({
    dataDir,
    dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
    shell: { openExternal: async () => undefined },
    pdf: {
      renderRoute: async () => {
        throw new Error('no PDF renderer in the crash writer')
      },
    },
  })
  const dispatch = createDispatcher(createHandlers(services), {
    readOnlyReason: () => services.db.readOnlyReason,
    logError: (error, method) => writeSync(2, `[writer] ${method}: ${String(error)}\n`),
  })

  const addRun = (apiMethods as string[]).includes('addRun') ? ('addRun' as ApiMethod) : null
  const START_DAY = Date.UTC(2021, 0, 1)

  function runFor(seq: number) {
    return {
      // Spread over ~3 years, so the service's date sort interleaves new runs with old ones.
      date: new Date(START_DAY + ((seq * 37) % 1100) * 86_400_000).toISOString().slice(0, 10),
      distanceKm: 3 + (seq % 170) / 10,
      durationSec: 900 + (seq % 3000),
      painDuring: seq % 11,
      painAfter: (seq * 3) % 11,
      notes: `${SEQ_PREFIX}${seq}`,
    }
  }

  async function writeOne(seq: number): Promise<string> {
    const run = runFor(seq)
    if (addRun) {
      const result = await dispatch(addRun, { athleteId, run })
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
      return (result.value as { id: string }).id
    }
    const id = `crash-run-${seq}`
    const at = new Date().toISOString()
    await services.db.athleteDoc(athleteId).mutate((d) => ({ ...d, runs: [...d.runs, { ...run, id, createdAt: at, updatedAt: at }] }))
    return id
  }

  say(`ready ${addRun ? 'service:addRun' : 'store:mutate'}`)

  let next = 0
  const MAX_WRITES = 100_000
  async function worker(): Promise<void> {
    while (next < MAX_WRITES) {
      const seq = next++
      try {
        const id = await writeOne(seq)
        say(`ack ${seq} ${id}`)
      } catch (error) {
        say(`error ${(error as Error).message.replace(/\s+/g, ' ')}`)
        process.exit(1)
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

main(dataDir, athleteId).then(
  () => process.exit(0),
  (error: unknown) => {
    say(`error ${String(error).replace(/\s+/g, ' ')}`)
    process.exit(1)
  },
)
