import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SquadTriage } from '../../../shared/api/channels/runs'
import type { ApiResult } from '../../../shared/api/result'
import type { AthleteDocument } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { withAthleteLease } from '../../../electron/services/store/athlete-docs'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import { athleteKind, squadKind } from '../../../electron/services/store/kinds'
import { FakeDialogs } from '../../support/harness'
import { tempDir } from '../../support/temp'

// Athletes load on demand with a bounded cache (store/athlete-docs.ts). A small bound and a squad many
// times its size make every path that reads athletes go through eviction. SQUAD_SIZE=1000 for a heavier run.

const BOUND = 8
const SIZE = Number(process.env['SQUAD_SIZE'] ?? 100)
const TODAY = '2026-03-18'
const idOf = (i: number) => `ath-lazy-${String(i).padStart(4, '0')}`

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/** A squad written straight to disk (seconds faster than through the app), each athlete with a few runs. */
function seedSquad(size = SIZE): string {
  const dataDir = tempDir('calfcoach-lazy-')
  mkdirSync(path.join(dataDir, 'athletes'))
  const at = `${TODAY}T08:00:00.000Z`
  const athletes: Athlete[] = []
  for (let i = 0; i < size; i++) {
    const id = idOf(i)
    const name = `Runner ${i}`
    athletes.push({ id, name, sex: 'female', dateOfBirth: '1990-05-01', email: '', phone: '', groupIds: [], notes: '', trainingStatus: 'running', archived: false, createdAt: at, updatedAt: at })
    const runs = [1, 3, 6].map((back) => ({ id: `run-${i}-${back}`, date: `2026-03-${String(18 - back).padStart(2, '0')}`, distanceKm: 4 + (i % 5), painDuring: 1, createdAt: at, updatedAt: at }))
    writeFileSync(path.join(dataDir, 'athletes', `${id}.json`), JSON.stringify({ ...athleteKind(id, name).create(), runs }))
  }
  writeFileSync(path.join(dataDir, 'squad.json'), JSON.stringify({ ...squadKind.create(), athletes }))
  return dataDir
}

/** File operations that let the test watch athlete reads and hold one athlete's writes until it says so. */
function watchedOps(onAthleteRead: (file: string) => void) {
  const held = new Map<string, Promise<void>>()
  const ops: FileOps = {
    ...nodeFileOps,
    async readText(file) {
      if (file.includes(`${path.sep}athletes${path.sep}`)) onAthleteRead(path.basename(file, '.json'))
      return nodeFileOps.readText(file)
    },
    async writeAtomic(file, text) {
      await held.get(path.basename(file, '.json'))
      return nodeFileOps.writeAtomic(file, text)
    },
  }
  /** Holds writes to the athlete's file; the returned function lets them through. */
  const hold = (id: string) => {
    let release!: () => void
    held.set(id, new Promise<void>((resolve) => (release = resolve)))
    return () => {
      held.delete(id)
      release()
    }
  }
  return { ops, hold }
}

async function open(dataDir: string, extra: { ops?: FileOps; background?: boolean } = {}) {
  const dialogs = new FakeDialogs()
  const unused = async (): Promise<never> => {
    throw new Error('not used')
  }
  const services = await AppServices.open({ dataDir, dialogs, athleteCache: BOUND, watch: false, now: () => new Date(`${TODAY}T12:00:00`), shell: { openExternal: unused }, pdf: { renderRoute: unused }, ...extra })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason, waitUntilReady: (m) => services.readyFor(m) })
  return { services, dispatch, dialogs }
}

/** Opens the squad, counting athlete reads and the most athletes ever in memory at one read. */
async function openWatched(dataDir: string) {
  const seen = { reads: [] as string[], most: 0 }
  const opened: { app?: Awaited<ReturnType<typeof open>> } = {}
  const { ops, hold } = watchedOps((id) => {
    seen.reads.push(id)
    if (opened.app) seen.most = Math.max(seen.most, opened.app.services.db.athletesInMemory)
  })
  const app = (opened.app = await open(dataDir, { ops, background: true }))
  await app.services.db.athletesReady
  return { ...app, seen, hold }
}

/** Reads enough other athletes, one call each, to push `id` out of memory. */
async function crowdOut(app: Awaited<ReturnType<typeof open>>, id: string, from = 20) {
  for (let i = from; i < from + BOUND + 2; i++) ok(await app.dispatch('getAthleteRecord', { athleteId: idOf(i) }))
  expect(app.services.db.findAthleteDoc(id)).toBeNull()
}

describe('athletes load on demand, a bounded number in memory', () => {
  it(`keeps at most ${BOUND} athletes in memory while the launch, the board, 20 athletes, an export and a share walk ${SIZE}`, async () => {
    const dataDir = seedSquad()
    const app = await openWatched(dataDir)
    // No summaries yet: the launch pass and the board read every athlete, a few at a time.
    const board = ok<SquadTriage>(await app.dispatch('getSquadTriage', { today: TODAY }))
    expect(board.athletes).toHaveLength(SIZE)
    expect(board.athletes.every((a) => a.lastRunDate === '2026-03-17')).toBe(true)
    for (let i = 0; i < 20; i++) ok(await app.dispatch('getAthleteRecord', { athleteId: idOf(i) }))
    const exportFile = path.join(tempDir(), 'export.json')
    app.dialogs.savePaths.push(exportFile)
    expect(ok<{ athletes: number }>(await app.dispatch('exportDatabase', undefined)).athletes).toBe(SIZE)
    const exported = JSON.parse(readFileSync(exportFile, 'utf8')) as { athletes: AthleteDocument[] }
    expect(exported.athletes.map((a) => a.runs.length)).toEqual(Array(SIZE).fill(3))
    expect(app.seen.reads.length).toBeGreaterThanOrEqual(SIZE * 2)
    expect(app.seen.most).toBeLessThanOrEqual(BOUND)
    expect(app.services.db.athletesInMemory).toBeLessThanOrEqual(BOUND)

    // The club layout: sharing contributes every athlete, the club opens and walks them merged, same bound.
    const club = tempDir('calfcoach-lazy-club-')
    ok(await app.dispatch('shareSquad', { folder: club, installName: 'Sam’s laptop' }))
    const clubBoard = ok<SquadTriage>(await app.dispatch('getSquadTriage', { today: TODAY }))
    expect(clubBoard.athletes.map((a) => [a.athleteId, a.lastRunDate])).toEqual(board.athletes.map((a) => [a.athleteId, a.lastRunDate]))
    let runs = 0
    await app.services.db.forEachAthlete((d) => {
      runs += d.data.runs.length
    })
    expect(runs).toBe(SIZE * 3)
    expect(app.seen.most).toBeLessThanOrEqual(BOUND)
    await app.services.close()
  })

  it('never drops an athlete with a save queued or under way: both saves land, on one copy of the record', async () => {
    const app = await openWatched(seedSquad(40))
    const direct = idOf(1)
    const viaCall = idOf(2)
    const doc = await app.services.db.athlete(direct)
    const releaseDirect = app.hold(direct)
    const releaseCall = app.hold(viaCall)
    // A write outside any call (no lease holds the athlete: only its queued write keeps it in memory) …
    const first = doc.mutate((d) => ({ ...d, runs: [...d.runs, { id: 'run-held-1', date: TODAY, distanceKm: 5, createdAt: 'x', updatedAt: 'x' }] }))
    // … and a save through the dispatcher, both waiting on the disk while 20 other athletes pass through memory.
    const saved = app.dispatch('addRun', { athleteId: viaCall, run: { date: TODAY, distanceKm: 6 } })
    for (let i = 10; i < 30; i++) ok(await app.dispatch('getAthleteRecord', { athleteId: idOf(i) }))
    // Had either been dropped, these would read the old file into a second copy and write over the held saves.
    const second = app.dispatch('addRun', { athleteId: direct, run: { date: TODAY, distanceKm: 7 } })
    const third = app.dispatch('addRun', { athleteId: viaCall, run: { date: TODAY, distanceKm: 8 } })
    releaseDirect()
    releaseCall()
    await first
    ok(await saved)
    ok(await second)
    ok(await third)
    // A call holds every athlete it used until it ends, even while others pass through memory meanwhile.
    await withAthleteLease(async () => {
      const held = await app.services.db.athlete(idOf(5))
      // Other work, each in its own lease, uses 20 athletes since: the held one is now the least recently used.
      for (let i = 10; i < 30; i++) await withAthleteLease(() => app.services.db.athlete(idOf(i)), true)
      expect(app.services.db.findAthleteDoc(idOf(5))).toBe(held)
    })
    await app.services.close()
    const onDisk = (id: string) => (JSON.parse(readFileSync(path.join(app.services.db.dataDir, 'athletes', `${id}.json`), 'utf8')) as AthleteDocument).runs.filter((r) => r.date === TODAY).map((r) => r.distanceKm)
    expect(onDisk(direct)).toEqual([5, 7])
    expect(onDisk(viaCall)).toEqual([6, 8])
  })

  it('reads an evicted athlete back with identical data, and sees a change made to its file outside the app', async () => {
    const dataDir = seedSquad(40)
    const app = await openWatched(dataDir)
    const id = idOf(3)
    ok(await app.dispatch('addRun', { athleteId: id, run: { date: TODAY, distanceKm: 9, painDuring: 2 } }))
    const before = ok<{ runs: unknown[] }>(await app.dispatch('getAthleteRecord', { athleteId: id }))
    const boardBefore = ok<SquadTriage>(await app.dispatch('getSquadTriage', { today: TODAY }))
    await crowdOut(app, id)
    expect(ok(await app.dispatch('getAthleteRecord', { athleteId: id }))).toEqual(before)

    // Out of memory again, its file is changed by hand (a synced folder, an editor): a painful run added.
    await crowdOut(app, id)
    const file = path.join(dataDir, 'athletes', `${id}.json`)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as AthleteDocument
    const painful = { id: 'run-outside-1', date: TODAY, distanceKm: 3, painDuring: 8, createdAt: 'x', updatedAt: 'x' }
    writeFileSync(file, JSON.stringify({ ...doc, runs: [...doc.runs, painful] }))
    const readsBefore = app.seen.reads.length
    const board = ok<SquadTriage>(await app.dispatch('getSquadTriage', { today: TODAY }))
    // Only the changed athlete is read again to rebuild its summary; every other one answers from its own.
    expect(app.seen.reads.slice(readsBefore)).toEqual([id])
    const reasons = (b: SquadTriage) => b.athletes.find((a) => a.athleteId === id)?.reasons.map((r) => r.id)
    expect(reasons(boardBefore)).not.toContain('pain-during-above-limit')
    expect(reasons(board)).toContain('pain-during-above-limit')
    const after = ok<{ runs: { id: string }[] }>(await app.dispatch('getAthleteRecord', { athleteId: id }))
    expect(after.runs.map((r) => r.id)).toContain('run-outside-1')
    await app.services.close()
  })

  it('in a club folder: an athlete out of memory gets another coach’s run, and the board and record show it', async () => {
    const club = tempDir('calfcoach-lazy-club-')
    const sam = await open(seedSquad(30))
    ok(await sam.dispatch('shareSquad', { folder: club, installName: 'Sam’s laptop' }))
    const kim = await open(tempDir('calfcoach-lazy-kim-'))
    ok(await kim.dispatch('shareSquad', { folder: club, installName: 'Kim’s laptop' }))
    const id = idOf(4)
    ok(await sam.dispatch('getAthleteRecord', { athleteId: id }))
    await crowdOut(sam, id, 10)
    ok(await kim.dispatch('addRun', { athleteId: id, run: { date: TODAY, distanceKm: 12 } }))
    // What the club watcher hands over when Kim's file for the athlete lands.
    expect((await sam.services.db.refreshFromClub(new Set([`athletes/${id}.json`]))).athletes).toEqual([id])
    expect(sam.services.db.findAthleteDoc(id)).toBeNull()
    const board = ok<SquadTriage>(await sam.dispatch('getSquadTriage', { today: TODAY }))
    expect(board.athletes.find((a) => a.athleteId === id)?.lastRunDate).toBe(TODAY)
    const record = ok<{ runs: { distanceKm: number; date: string }[] }>(await sam.dispatch('getAthleteRecord', { athleteId: id }))
    expect(record.runs.filter((r) => r.date === TODAY).map((r) => r.distanceKm)).toEqual([12])
    await kim.services.close()
    await sam.services.close()
  })
})
