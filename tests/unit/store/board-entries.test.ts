import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SquadTriage, SquadTriageEntry } from '../../../shared/api/channels/runs'
import { addDays, dayNumber } from '../../../shared/dates'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import { FakeDialogs } from '../../support/harness'
import { RED_ASSESSMENT } from '../plans/helpers'
import { draft } from '../../support/temp'
import { ok, setup } from '../runs/helpers'

// Each athlete's board facts are worked out once per summary and day and kept in the summary cache file
// (electron/services/runs/board-facts.ts, store/cached-summary.ts). These tests plant a recognisable entry in
// that file: a launch that shows it answered from the kept entry; every change that must give a new status
// (another day, a file changed outside the app, a profile edit, another week start, a damaged entry) must
// not show it. Saves inside one process (an assessment, a clearance) must change the status at once.

const TODAY = '2026-03-18' // a Wednesday
const noon = (day: string) => () => new Date(`${day}T12:00:00`)
const PLANTED = 'Planted: read from the kept board entry'

/** Real file operations; the athlete files read are recorded. */
function recordingOps() {
  const athleteReads: string[] = []
  const ops: FileOps = {
    ...nodeFileOps,
    async readText(file) {
      if (file.includes(`${path.sep}athletes${path.sep}`)) athleteReads.push(path.basename(file, '.json'))
      return nodeFileOps.readText(file)
    },
  }
  return { ops, athleteReads }
}

/** Opens the app the way main does (athlete files in the background), with the dispatcher main uses. */
async function launch(dataDir: string, day = TODAY, ops: FileOps = nodeFileOps, athleteCache?: number) {
  const unused = async () => {
    throw new Error('not used')
  }
  const services = await AppServices.open({ dataDir, ops, background: true, now: noon(day), dialogs: new FakeDialogs(), shell: { openExternal: unused }, pdf: { renderRoute: unused }, ...(athleteCache ? { athleteCache } : {}) })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason, waitUntilReady: (m) => services.readyFor(m) })
  const call = async <T,>(method: Parameters<typeof dispatch>[0], payload?: unknown) => ok<T>(await dispatch(method, payload))
  const board = (today = day) => call<SquadTriage>('getSquadTriage', { today })
  const close = async () => {
    await services.db.athletesReady
    await services.close()
  }
  return { services, call, board, close }
}

const entryOf = (board: SquadTriage, name: string): SquadTriageEntry => {
  const entry = board.athletes.find((a) => a.name === name)
  if (!entry) throw new Error(`${name} is not on the board`)
  return entry
}

/** Two athletes with a few runs, the board asked once for TODAY and the cache written; the app closed. */
async function keptSquad() {
  const { services, dispatch, athlete, dataDir } = await setup({ now: noon(TODAY) })
  const ids = { ada: await athlete('Ada Kept'), ben: await athlete('Ben Other') }
  for (const back of [9, 5, 2]) ok(await dispatch('addRun', { athleteId: ids.ada, run: { date: addDays(TODAY, -back), distanceKm: 6, painDuring: 1 } }))
  ok(await dispatch('addRun', { athleteId: ids.ben, run: { date: addDays(TODAY, -1), distanceKm: 5, painDuring: 1 } }))
  const first = ok<SquadTriage>(await dispatch('getSquadTriage', { today: TODAY }))
  await services.close()
  return { dataDir, ids, first }
}

const cacheFile = (dataDir: string) => path.join(dataDir, 'cache', 'summaries.json')

/** The kept board entry of an athlete in the cache file (one line per athlete: id, revision, head, board, summary). */
function keptBoard(dataDir: string, id: string) {
  const lines = readFileSync(cacheFile(dataDir), 'utf8').split('\n')
  const at = lines.findLastIndex((l) => l.startsWith(`${JSON.stringify(id)}\t`))
  const fields = lines[at]!.split('\t')
  const save = () => {
    lines[at] = fields.join('\t')
    writeFileSync(cacheFile(dataDir), lines.join('\n'))
  }
  return { board: JSON.parse(fields[3]!), fields, save }
}

/** Rewrites an athlete's kept board entry in the cache file so that serving it shows up on the board. */
function plant(dataDir: string, id: string, change: (facts: Record<string, unknown>) => void = (f) => (f['headline'] = PLANTED)) {
  const kept = keptBoard(dataDir, id)
  expect(kept.board).toMatchObject({ day: TODAY, weekStartsOn: 'monday' })
  change(kept.board.facts)
  kept.fields[3] = JSON.stringify(kept.board)
  kept.save()
}

describe('board entries kept per summary and day', () => {
  it('a warm launch on the same day answers from the kept entries without any athlete file; a new day works them out again', async () => {
    const { dataDir, ids, first } = await keptSquad()
    expect(entryOf(first, 'Ada Kept').headline).not.toBe(PLANTED)
    plant(dataDir, ids.ada)
    // With a squad bigger than the athlete cache the launch pass reads only athletes whose summary is not their
    // file's: none here, and the board must not need any either.
    const recorded = recordingOps()
    const app = await launch(dataDir, TODAY, recorded.ops, 1)
    const warm = await app.board()
    expect(entryOf(warm, 'Ada Kept').headline).toBe(PLANTED)
    // Everything else is what the first launch worked out.
    expect(entryOf(warm, 'Ben Other')).toEqual(entryOf(first, 'Ben Other'))
    expect({ ...entryOf(warm, 'Ada Kept'), headline: '' }).toEqual({ ...entryOf(first, 'Ada Kept'), headline: '' })
    await app.services.db.athletesReady
    expect(recorded.athleteReads).toEqual([])

    const tomorrow = await app.board(addDays(TODAY, 1))
    expect(entryOf(tomorrow, 'Ada Kept').headline).toBe(entryOf(first, 'Ada Kept').headline)
    await app.close()
  })

  it('a file changed outside the app gives its new status, not the entry kept for today', async () => {
    const { dataDir, ids } = await keptSquad()
    plant(dataDir, ids.ada)
    // A sync tool brings a painful run for Ada into her file.
    const file = path.join(dataDir, 'athletes', `${ids.ada}.json`)
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    doc.runs.push({ id: 'run-synced', date: TODAY, distanceKm: 5, painDuring: 8, createdAt: `${TODAY}T08:00:00.000Z`, updatedAt: `${TODAY}T08:00:00.000Z` })
    writeFileSync(file, JSON.stringify(doc))
    const app = await launch(dataDir)
    const ada = entryOf(await app.board(), 'Ada Kept')
    expect(ada.headline).not.toBe(PLANTED)
    expect([ada.level, ada.weekMaxPain]).toEqual(['amber', 8])
    await app.close()
  })

  it('a profile edit (date of birth, sex) works the entry out again', async () => {
    const { dataDir, ids } = await keptSquad()
    plant(dataDir, ids.ada)
    const app = await launch(dataDir)
    expect(entryOf(await app.board(), 'Ada Kept').headline).toBe(PLANTED)
    await app.call('updateAthlete', { id: ids.ada, draft: draft('Ada Kept', { dateOfBirth: '1970-01-09' }) })
    expect(entryOf(await app.board(), 'Ada Kept').headline).not.toBe(PLANTED)
    await app.close()

    // The same when the squad index was edited outside the app while it was closed.
    plant(dataDir, ids.ada)
    const squadFile = path.join(dataDir, 'squad.json')
    const squad = JSON.parse(readFileSync(squadFile, 'utf8'))
    squad.athletes.find((a: { id: string }) => a.id === ids.ada).sex = 'male'
    writeFileSync(squadFile, JSON.stringify(squad))
    const again = await launch(dataDir)
    expect(entryOf(await again.board(), 'Ada Kept').headline).not.toBe(PLANTED)
    await again.close()
  })

  it('another first day of the week works the sparkline out again', async () => {
    const { dataDir, ids } = await keptSquad()
    plant(dataDir, ids.ada)
    const app = await launch(dataDir)
    await app.call('updateSettings', { weekStartsOn: 'sunday' })
    const ada = entryOf(await app.board(), 'Ada Kept')
    expect(ada.headline).not.toBe(PLANTED)
    // 1970-01-04 (day 3) was a Sunday.
    expect(ada.sparkline.every((p) => (dayNumber(p.weekStart) - 3) % 7 === 0)).toBe(true)
    await app.close()
  })

  it('a damaged kept entry or summary is worked out again and the board still answers', async () => {
    const { dataDir, ids, first } = await keptSquad()
    plant(dataDir, ids.ada, (facts) => {
      facts['level'] = 'purple'
      facts['headline'] = PLANTED
    })
    // Ben's summary text torn off mid-way: his facts for today still answer; another day reads his file again.
    const ben = keptBoard(dataDir, ids.ben)
    ben.fields[4] = ben.fields[4]!.slice(0, 40)
    ben.save()
    const app = await launch(dataDir)
    const board = await app.board()
    expect(entryOf(board, 'Ada Kept')).toEqual(entryOf(first, 'Ada Kept'))
    expect(entryOf(board, 'Ben Other')).toEqual(entryOf(first, 'Ben Other'))
    const tomorrow = await app.board(addDays(TODAY, 1))
    expect(entryOf(tomorrow, 'Ben Other')).toMatchObject({ lastRunDate: addDays(TODAY, -1), weekKm: 5 })
    await app.close()
    // The next write leaves the damaged entry out (made again from the summary).
    expect(keptBoard(dataDir, ids.ada).board.facts.level).toBe(entryOf(first, 'Ada Kept').level)
  })

  it('an assessment and a clearance saved in the app change the status on the next board at once', async () => {
    const { dataDir, ids } = await keptSquad()
    const app = await launch(dataDir)
    expect(entryOf(await app.board(), 'Ada Kept').level).toBe('green')
    await app.call('saveAssessment', { athleteId: ids.ada, date: addDays(TODAY, -1), input: RED_ASSESSMENT })
    const red = entryOf(await app.board(), 'Ada Kept')
    expect([red.level, red.runningAllowance, red.openReferrals]).toEqual(['red', 'none', 1])
    await app.call('recordClearance', { athleteId: ids.ada, referralId: 'suspected-dvt', date: TODAY, clearedBy: { role: 'doctor', name: 'Dr Lee' }, outcome: 'cleared' })
    const cleared = entryOf(await app.board(), 'Ada Kept')
    // Cleared after a stop-running referral: the readiness gates of a return to running.
    expect([cleared.level, cleared.runningAllowance, cleared.openReferrals]).toEqual(['amber', 'none', 0])
    expect(entryOf(await app.board(), 'Ben Other').level).toBe('green')
    await app.close()
  })

  it('a save adds only that athlete\'s line to the cache file; the newest line wins, and a torn one falls back to the file', async () => {
    const { dataDir, ids } = await keptSquad()
    const app = await launch(dataDir)
    await app.board()
    const before = readFileSync(cacheFile(dataDir), 'utf8')
    await app.call('addRun', { athleteId: ids.ben, run: { date: TODAY, distanceKm: 7, painDuring: 7 } })
    const afterSave = await app.board()
    expect(entryOf(afterSave, 'Ben Other').level).toBe('amber')
    await app.services.db.summaryCache.writeNow()
    const after = readFileSync(cacheFile(dataDir), 'utf8')
    // What was there stays byte for byte; Ben's new line follows.
    expect(after.startsWith(before)).toBe(true)
    const added = after.slice(before.length).split('\n').filter(Boolean)
    expect(added.map((l) => JSON.parse(l.split('\t')[0]!))).toEqual([ids.ben])
    await app.close()

    // A squad bigger than the athlete cache reads at launch only athletes whose summary is not their file's.
    const recorded = recordingOps()
    const again = await launch(dataDir, TODAY, recorded.ops, 1)
    expect(await again.board()).toEqual(afterSave)
    await again.close()
    expect(recorded.athleteReads).toEqual([])

    // A crash tore the last line mid-way: Ben's older line is read, found older than his file, and he is read again.
    const whole = readFileSync(cacheFile(dataDir), 'utf8')
    writeFileSync(cacheFile(dataDir), whole.slice(0, whole.lastIndexOf(`\n${JSON.stringify(ids.ben)}\t`) + 60))
    const torn = recordingOps()
    const third = await launch(dataDir, TODAY, torn.ops, 1)
    expect(entryOf(await third.board(), 'Ben Other')).toEqual(entryOf(afterSave, 'Ben Other'))
    await third.close()
    expect(torn.athleteReads).toEqual([ids.ben])
  })
})
