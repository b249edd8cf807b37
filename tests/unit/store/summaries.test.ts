import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SquadTriage } from '../../../shared/api/channels/runs'
import { addDays } from '../../../shared/dates'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import { FakeDialogs } from '../../support/harness'
import { ok, setup } from '../runs/helpers'

const TODAY = '2026-03-18'
const noon = (day: string) => () => new Date(`${day}T12:00:00`)

/** Real file operations, except that reading an athlete file waits until the test opens the gate. */
function gatedOps() {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  const athleteReads: string[] = []
  const ops: FileOps = {
    ...nodeFileOps,
    async readText(file) {
      if (file.includes(`${path.sep}athletes${path.sep}`)) {
        athleteReads.push(path.basename(file))
        await gate
      }
      return nodeFileOps.readText(file)
    },
  }
  return { ops, athleteReads, openGate: () => open() }
}

/** Opens the app the way main does (athlete files in the background) and asks for the board through the dispatcher. */
async function launch(dataDir: string, ops: FileOps, day = TODAY) {
  const unused = async () => {
    throw new Error('not used')
  }
  const services = await AppServices.open({ dataDir, ops, background: true, now: noon(day), dialogs: new FakeDialogs(), shell: { openExternal: unused }, pdf: { renderRoute: unused } })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason, waitUntilReady: (m) => services.readyFor(m) })
  const board = async (today = day) => ok<SquadTriage>(await dispatch('getSquadTriage', { today }))
  return { services, dispatch, board }
}

const levels = (board: SquadTriage) => board.athletes.map((a) => [a.name, a.level])

/** A squad of three with one amber (pain 7/10 yesterday: pain outside the limits holds running, issue 10), saved and its summaries persisted. */
async function squadOfThree() {
  const { services, dispatch, athlete, dataDir } = await setup({ now: noon(TODAY) })
  const ids = { red: await athlete('Rae Red'), calm: await athlete('Cal Calm'), quiet: await athlete('Quinn Quiet') }
  for (const back of [9, 5, 2]) ok(await dispatch('addRun', { athleteId: ids.calm, run: { date: addDays(TODAY, -back), distanceKm: 6, painDuring: 1 } }))
  ok(await dispatch('addRun', { athleteId: ids.red, run: { date: addDays(TODAY, -1), distanceKm: 5, painDuring: 7 } }))
  const expected = ok<SquadTriage>(await dispatch('getSquadTriage', { today: TODAY }))
  await services.db.summaryCache.writeNow()
  return { dataDir, ids, expected }
}

describe('board summaries at launch', () => {
  it('answers the board from persisted summaries without reading any athlete file', async () => {
    const { dataDir, expected } = await squadOfThree()
    const gated = gatedOps()
    const app = await launch(dataDir, gated.ops)
    // The background pass is blocked on its first athlete read: the board must not need it.
    expect(await app.board()).toEqual(expected)
    expect(levels(expected)).toEqual([['Rae Red', 'amber'], ['Quinn Quiet', 'green'], ['Cal Calm', 'green']])
    // A later day needs no rescan either: the same summaries answer, with that day's status.
    const later = await app.board(addDays(TODAY, 30))
    expect(later.athletes.find((a) => a.name === 'Rae Red')?.level).toBe('green')
    gated.openGate()
    await app.services.db.athletesReady
  })

  it('keeps a summary current on every save, so the next launch still reads no athlete file', async () => {
    const { dataDir, ids } = await squadOfThree()
    const first = await launch(dataDir, nodeFileOps)
    await first.services.db.athletesReady
    expect((await first.board()).athletes.find((a) => a.name === 'Quinn Quiet')?.level).toBe('green')
    ok(await first.dispatch('addRun', { athleteId: ids.quiet, run: { date: TODAY, distanceKm: 4, painDuring: 8 } }))
    const afterSave = await first.board()
    expect(afterSave.athletes[0]).toMatchObject({ name: 'Quinn Quiet', level: 'amber' })
    await first.services.db.summaryCache.writeNow()

    const gated = gatedOps()
    const second = await launch(dataDir, gated.ops, addDays(TODAY, 1))
    expect(await second.board(TODAY)).toEqual(afterSave)
    gated.openGate()
    await second.services.db.athletesReady
  })

  it('summarises again only the athlete whose file changed outside the app', async () => {
    const { dataDir, ids } = await squadOfThree()
    // Another coach's sync tool brings a painful run for Cal into the file.
    const file = path.join(dataDir, 'athletes', `${ids.calm}.json`)
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    doc.runs.push({ id: 'run-synced', date: TODAY, distanceKm: 5, painDuring: 9, createdAt: 'x', updatedAt: 'x' })
    writeFileSync(file, JSON.stringify(doc))

    const gated = gatedOps()
    const app = await launch(dataDir, gated.ops)
    const pending = app.board()
    // The board waits for Cal's changed file; the others answer from their summaries.
    await expect.poll(() => gated.athleteReads.includes(`${ids.calm}.json`)).toBe(true)
    gated.openGate()
    const board = await pending
    expect(board.athletes.find((a) => a.name === 'Cal Calm')?.level).toBe('amber')
    expect(board.athletes.find((a) => a.name === 'Rae Red')?.level).toBe('amber')
    await app.services.db.athletesReady
  })
})
