import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import type { RecordsFile } from '../../../electron/services/store/club/records'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import type { ApiResult } from '../../../shared/api/result'
import type { Athlete } from '../../../shared/domain/squad'
import type { Run } from '../../../shared/domain/run'
import { FakeDialogs } from '../../support/harness'
import { draft, tempDir } from '../../support/temp'

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/** One coach's installation: its own local data folder, the real handler table and dispatcher. */
async function coach(): Promise<{ services: AppServices; dispatch: Dispatch; dataDir: string }> {
  const dataDir = tempDir('calfcoach-coach-')
  const services = await AppServices.open({
    dataDir,
    dialogs: new FakeDialogs(),
    shell: { openExternal: async () => undefined },
    pdf: { renderRoute: async () => new Uint8Array() },
    watch: false,
  })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason })
  return { services, dispatch, dataDir }
}

const runIds = (c: { services: AppServices }, id: string) => c.services.db.athleteDoc(id).data.runs.map((r) => r.id).sort()

describe('a club folder shared by two coaches', () => {
  async function twoCoaches() {
    const club = tempDir('calfcoach-club-')
    const sam = await coach()
    const ada = ok<Athlete>(await sam.dispatch('createAthlete', draft('Ada')))
    const first = ok<Run>(await sam.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-01-01', distanceKm: 5 } }))
    const singleFiles = readdirSync(path.join(sam.dataDir, 'athletes'))
    ok(await sam.dispatch('shareSquad', { folder: club, installName: 'Sam’s laptop' }))
    // Copied, never moved: the single-coach files are still there.
    expect(readdirSync(path.join(sam.dataDir, 'athletes'))).toEqual(singleFiles)
    const kim = await coach()
    ok(await kim.dispatch('shareSquad', { folder: club, installName: 'Kim’s laptop' }))
    await sam.services.db.refreshFromClub(null)
    return { club, sam, kim, ada, first }
  }

  it('the second coach sees the first coach’s squad and runs, and both see who wrote', async () => {
    const { sam, kim, ada, first } = await twoCoaches()
    expect(kim.services.db.squad.data.athletes.map((a) => a.name)).toEqual(['Ada'])
    expect(runIds(kim, ada.id)).toEqual([first.id])
    const status = ok<{ installations: { name: string }[] }>(await sam.dispatch('getShareStatus', undefined))
    expect(status.installations.map((i) => i.name).sort()).toEqual(['Kim’s laptop', 'Sam’s laptop'])
    const authors = ok<{ records: { id: string; createdBy: string }[] }>(await kim.dispatch('getRecordAuthors', { athleteId: ada.id }))
    expect(authors.records.find((r) => r.id === first.id)?.createdBy).toBe('Sam’s laptop')
    // The profile (the athlete's entry in the squad index) is listed under the athlete's id.
    expect(authors.records.find((r) => r.id === ada.id)).toMatchObject({ createdBy: 'Sam’s laptop', changedBy: 'Sam’s laptop' })
  })

  it('opens a club squad in the background: the squad list and the board answer before any athlete file is read', async () => {
    const { club, sam, ada, first } = await twoCoaches()
    ok(await sam.dispatch('getSquadTriage', undefined)) // makes the summaries the next launch reads
    await sam.services.close()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const held: string[] = []
    let reached!: () => void
    const someHeld = new Promise<void>((resolve) => (reached = resolve))
    const ops: FileOps = {
      ...nodeFileOps,
      readText: async (file) => {
        if (file.startsWith(path.join(club, 'installations')) && file.includes(`${path.sep}athletes${path.sep}`)) {
          held.push(file)
          reached()
          await gate
        }
        return nodeFileOps.readText(file)
      },
    }
    const again = await AppServices.open({ dataDir: sam.dataDir, dialogs: new FakeDialogs(), shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() }, ops, background: true, watch: false })
    const dispatch = createDispatcher(createHandlers(again), { readOnlyReason: () => again.db.readOnlyReason, waitUntilReady: (m) => again.readyFor(m) })
    expect(ok<{ athletes: { id: string }[] }>(await dispatch('getSquad', undefined)).athletes.map((a) => a.id)).toEqual([ada.id])
    const board = ok<{ athletes: { athleteId: string; lastRunDate: string | null }[] }>(await dispatch('getSquadTriage', undefined))
    expect(board.athletes).toMatchObject([{ athleteId: ada.id, lastRunDate: '2026-01-01' }])
    // The background pass reads athlete files (held until now): nothing above waited for one.
    await someHeld
    release()
    await again.db.athletesReady
    expect(runIds({ services: again }, ada.id)).toEqual([first.id])
    await again.close()
  })

  it('a warm board reads only the athlete another coach changed while this one was closed', async () => {
    const { club, sam, kim, ada } = await twoCoaches()
    const bob = ok<Athlete>(await sam.dispatch('createAthlete', draft('Bob')))
    ok(await sam.dispatch('addRun', { athleteId: bob.id, run: { date: '2026-01-01', distanceKm: 5 } }))
    ok(await sam.dispatch('getSquadTriage', undefined))
    await sam.services.close()
    ok(await kim.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-01-09', distanceKm: 4 } }))
    // Bob's files are held: were the board to read them (his summary is current), it would never answer.
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const read: string[] = []
    const ops: FileOps = {
      ...nodeFileOps,
      readText: async (file) => {
        if (file.startsWith(path.join(club, 'installations')) && file.includes(`${path.sep}athletes${path.sep}`)) {
          read.push(path.basename(file))
          if (file.includes(bob.id)) await gate
        }
        return nodeFileOps.readText(file)
      },
    }
    const again = await AppServices.open({ dataDir: sam.dataDir, dialogs: new FakeDialogs(), shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() }, ops, background: true, watch: false })
    const dispatch = createDispatcher(createHandlers(again), { readOnlyReason: () => again.db.readOnlyReason, waitUntilReady: (m) => again.readyFor(m) })
    const board = ok<{ athletes: { athleteId: string; lastRunDate: string | null }[] }>(await dispatch('getSquadTriage', undefined))
    expect(Object.fromEntries(board.athletes.map((a) => [a.athleteId, a.lastRunDate]))).toEqual({ [ada.id]: '2026-01-09', [bob.id]: '2026-01-01' })
    expect(read.some((f) => f.startsWith(ada.id))).toBe(true)
    release()
    await again.close()
  })

  it('runs added, edited and deleted by both at once all merge, and deletes stick', async () => {
    const { sam, kim, ada, first } = await twoCoaches()
    const [a, b] = await Promise.all([
      sam.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-01-02', distanceKm: 6 } }),
      kim.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-01-02', distanceKm: 7 } }),
    ])
    ok(await kim.dispatch('updateRun', { athleteId: ada.id, runId: first.id, run: { date: '2026-01-01', distanceKm: 9 } }))
    ok(await sam.dispatch('deleteRun', { athleteId: ada.id, runId: ok<Run>(a).id }))
    await sam.services.db.refreshFromClub(null)
    await kim.services.db.refreshFromClub(null)
    expect(runIds(sam, ada.id)).toEqual(runIds(kim, ada.id))
    expect(runIds(sam, ada.id)).toEqual([first.id, ok<Run>(b).id].sort())
    expect(sam.services.db.athleteDoc(ada.id).data.runs.find((r) => r.id === first.id)?.distanceKm).toBe(9)
    // A fresh open of either side shows the same.
    await sam.services.reopen()
    expect(runIds(sam, ada.id)).toEqual(runIds(kim, ada.id))
  })

  it('merges a sync tool’s conflict copy, then moves it aside', async () => {
    const { club, sam, kim, ada } = await twoCoaches()
    const samId = sam.services.share!.installId
    // A few records live in the athlete's recent-changes file (see own-records.ts): that is the file a sync tool copied.
    const file = path.join(club, 'installations', samId, 'athletes', `${ada.id}.recent.json`)
    const copy = path.join(club, 'installations', samId, 'athletes', `${ada.id}.recent.sync-conflict-20261201-101010-ABCDEFG.json`)
    copyFileSync(file, copy)
    // The conflict copy holds a run the current file does not.
    const body = JSON.parse(readFileSync(copy, 'utf8')) as RecordsFile
    const only = { id: 'run-only-in-copy', date: '2026-01-03', distanceKm: 4, createdAt: '2026-01-03T00:00:00Z', updatedAt: '2026-01-03T00:00:00Z' }
    body.records[`c:runs/${only.id}`] = { hlc: '0000000000z-00000-zz', by: samId, created: { hlc: '0000000000z-00000-zz', by: samId }, deleted: false, value: only }
    writeFileSync(copy, JSON.stringify(body))
    await kim.services.db.refreshFromClub(null)
    expect(runIds(kim, ada.id)).toContain(only.id)
    expect(existsSync(copy)).toBe(false)
    expect(existsSync(path.join(club, 'conflicts', samId, 'athletes', path.basename(copy)))).toBe(true)
    // Kept for good: in Kim's own file now.
    await sam.services.reopen()
    expect(runIds(sam, ada.id)).toContain(only.id)
  })

  it('restoring a backup in a club is an edit every coach receives', async () => {
    const { sam, kim, ada, first } = await twoCoaches()
    const backup = ok<{ id: string }>(await sam.dispatch('backupNow', undefined))
    ok(await kim.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-01-05', distanceKm: 3 } }))
    await sam.services.db.refreshFromClub(null)
    ok(await sam.dispatch('restoreBackup', { id: backup.id }))
    await kim.services.db.refreshFromClub(null)
    expect(runIds(kim, ada.id)).toEqual([first.id])
  })
})
