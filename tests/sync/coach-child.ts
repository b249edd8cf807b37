/**
 * One coach's CalfCoach service stack for the Syncthing test: the real AppServices, handler table and
 * dispatcher over a local data folder whose club folder is the one its Syncthing instance syncs.
 *
 *   node coach-child.mjs <dataDir> <clubFolder> <installName> <athleteIds,comma> <sharedRunIds,comma> <ops> <seed>
 *
 * Makes <ops> operations, several at a time, on the same athletes as the other coach: add runs, edit
 * runs (including the shared ones both coaches edit), delete runs. Prints one JSON line per
 * ACKNOWLEDGED operation ({op, runId, value?}) and "done" at the end; then waits for stdin to close.
 */
import { writeSync } from 'node:fs'
import { AppServices } from '../../electron/services/app-services'
import { createDispatcher } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/handlers'

const [dataDir, clubFolder, installName, athleteArg, sharedArg, opsArg, seedArg] = process.argv.slice(2)
const say = (line: string) => writeSync(1, `${line}\n`)
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()

let state = Number(seedArg) || 1
const rand = (n: number) => {
  state = (state * 1103515245 + 12345) % 2147483648
  return state % n
}

async function main() {
  const services = await AppServices.open({
    dataDir: dataDir!,
    dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
    shell: { openExternal: async () => undefined },
    pdf: { renderRoute: async () => new Uint8Array() },
  })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason })
  if (!services.share) {
    const r = await dispatch('shareSquad', { folder: clubFolder, installName })
    if (!r.ok) throw new Error(r.error.message)
  }
  const athletes = athleteArg!.split(',')
  const shared = sharedArg ? sharedArg.split(',') : []
  const mine: { athleteId: string; runId: string }[] = []
  const total = Number(opsArg)
  let next = 0
  const worker = async () => {
    while (next < total) {
      const n = next++
      const athleteId = athletes[rand(athletes.length)]!
      const choice = rand(10)
      const value = 1 + rand(3000) / 10
      if (choice < 5 || mine.length === 0) {
        const r = await dispatch('addRun', { athleteId, run: { date: '2026-03-01', distanceKm: value, notes: `${installName}-${n}` } })
        if (r.ok) {
          const id = (r.value as { id: string }).id
          mine.push({ athleteId, runId: id })
          say(JSON.stringify({ op: 'add', athleteId, runId: id, value }))
        }
      } else if (choice < 8) {
        // Edit a shared run (both coaches edit these) or one of my own.
        const target = choice < 7 && shared.length ? { athleteId: athletes[0]!, runId: shared[rand(shared.length)]! } : mine[rand(mine.length)]!
        const r = await dispatch('updateRun', { athleteId: target.athleteId, runId: target.runId, run: { date: '2026-03-01', distanceKm: value, notes: `${installName}-${n}` } })
        if (r.ok) say(JSON.stringify({ op: 'edit', athleteId: target.athleteId, runId: target.runId, value }))
      } else {
        const i = rand(mine.length)
        const target = mine.splice(i, 1)[0]!
        const r = await dispatch('deleteRun', { athleteId: target.athleteId, runId: target.runId })
        if (r.ok) say(JSON.stringify({ op: 'delete', athleteId: target.athleteId, runId: target.runId }))
      }
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  await services.db.flush()
  say('done')
}

main().catch((error) => {
  say(`error ${(error as Error).message}`)
  process.exit(1)
})
