import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { addRun, addRunsForGroup, athleteRecord, deleteRun, exportRunsCsv, updateRun } from '../../../electron/services/runs/run-service'
import { nodeFileOps, type FileOps } from '../../../electron/services/store/file-ops'
import type { Run } from '../../../shared/domain/run'
import { openServices, tempDir } from '../../support/temp'
import { ok, setup } from './helpers'

const onDisk = (dataDir: string, id: string) => JSON.parse(readFileSync(path.join(dataDir, 'athletes', `${id}.json`), 'utf8')) as { runs: Run[] }

describe('run log service', () => {
  it('adds, updates and deletes a run, durably and in date order', async () => {
    const { services, dataDir, athlete } = await setup()
    const id = await athlete('Ada Byrne')
    const later = await addRun(services, id, { date: '2025-03-05', distanceKm: 8, painDuring: 2 })
    const earlier = await addRun(services, id, { date: '2025-03-01', distanceKm: 5, durationSec: 1800, painDuring: 1, painAfter: 2, painNextMorning: 0 })
    expect(later.source).toEqual({ kind: 'manual' })
    expect(onDisk(dataDir, id).runs.map((r) => r.date)).toEqual(['2025-03-01', '2025-03-05'])

    const edited = await updateRun(services, id, earlier.id, { date: '2025-03-07', distanceKm: 6.5, painDuring: 4, notes: 'tight at 5 km' })
    expect(edited.id).toBe(earlier.id)
    expect(edited.createdAt).toBe(earlier.createdAt)
    expect(edited.source).toEqual({ kind: 'manual' })
    expect(onDisk(dataDir, id).runs.map((r) => [r.date, r.distanceKm])).toEqual([['2025-03-05', 8], ['2025-03-07', 6.5]])

    await deleteRun(services, id, later.id)
    expect(onDisk(dataDir, id).runs.map((r) => r.id)).toEqual([earlier.id])
    await expect(deleteRun(services, id, later.id)).rejects.toMatchObject({ code: 'not-found' })
    await expect(updateRun(services, id, later.id, { date: '2025-03-01', distanceKm: 1 })).rejects.toMatchObject({ code: 'not-found' })

    // A fresh open of the same folder sees the same log.
    const reopened = await openServices(dataDir)
    expect(athleteRecord(reopened.services, id).runs.map((r) => r.notes)).toEqual(['tight at 5 km'])
  })

  it('keeps an imported run’s source key when it is edited, so re-importing still adds nothing', async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Ben Okafor')
    const run = await addRun(services, id, { date: '2024-03-31', distanceKm: 5, source: { kind: 'fit', key: 'fit:1:2:3' } })
    const edited = await updateRun(services, id, run.id, { date: '2024-03-31', distanceKm: 5, painDuring: 3 })
    expect(edited.source).toEqual({ kind: 'fit', key: 'fit:1:2:3' })
  })

  it('rejects invalid runs at the IPC boundary with field paths, saving nothing', async () => {
    const { dispatch, services, athlete } = await setup()
    const id = await athlete('Chloe Patel')
    const bad = await dispatch('addRun', { athleteId: id, run: { date: '2025-02-30', distanceKm: -1, painDuring: 11 } })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.code).toBe('invalid-input')
    expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['run.date', 'run.distanceKm', 'run.painDuring'])
    expect(athleteRecord(services, id).runs).toEqual([])
    const unknown = await dispatch('addRun', { athleteId: 'ath-nobody', run: { date: '2025-02-03', distanceKm: 5 } })
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found')
  })

  it('getAthleteRecord returns runs, assessments, plans and the lock state', async () => {
    const { dispatch, athlete } = await setup()
    const id = await athlete('Dev Lindqvist')
    ok(await dispatch('addRun', { athleteId: id, run: { date: '2025-01-02', distanceKm: 4.2 } }))
    const rec = ok<{ runs: Run[]; assessments: unknown[]; plans: unknown[]; locked: boolean; lockedReason: string | null }>(
      await dispatch('getAthleteRecord', { athleteId: id }),
    )
    expect(rec.runs.map((r) => r.distanceKm)).toEqual([4.2])
    expect(rec.assessments).toEqual([])
    expect(rec.plans).toEqual([])
    expect(rec.locked).toBe(false)
    expect(rec.lockedReason).toBeNull()
  })

  it('refuses to write a locked record', async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Elena Moreau')
    services.db.athleteDoc(id).lockedReason = 'written by a newer CalfCoach'
    await expect(addRun(services, id, { date: '2025-01-02', distanceKm: 3 })).rejects.toMatchObject({ code: 'read-only' })
  })
})

describe('group session', () => {
  it('adds one run per athlete on the shared date', async () => {
    const { dispatch, services, athlete } = await setup()
    const a = await athlete('Finn Kowalski')
    const b = await athlete('Grace Hughes')
    const res = ok<{ added: { athleteId: string; runId: string }[] }>(
      await dispatch('addRunsForGroup', {
        date: '2025-04-01',
        entries: [
          { athleteId: a, distanceKm: 6, painDuring: 2, painAfter: 3 },
          { athleteId: b, distanceKm: 8, durationSec: 2700, notes: 'hills' },
        ],
      }),
    )
    expect(res.added.map((x) => x.athleteId)).toEqual([a, b])
    expect(athleteRecord(services, a).runs).toMatchObject([{ date: '2025-04-01', distanceKm: 6, painDuring: 2, painAfter: 3, source: { kind: 'manual' } }])
    expect(athleteRecord(services, b).runs).toMatchObject([{ date: '2025-04-01', distanceKm: 8, durationSec: 2700, notes: 'hills' }])
  })

  it('is all-or-nothing: one bad row saves nothing for anyone and names the row', async () => {
    const { dispatch, services, athlete } = await setup()
    const a = await athlete('Hamid Nakamura')
    const b = await athlete('Isla Silva')
    const badPain = await dispatch('addRunsForGroup', {
      date: '2025-04-01',
      entries: [{ athleteId: a, distanceKm: 6 }, { athleteId: b, distanceKm: 5, painDuring: 12 }],
    })
    expect(badPain.ok ? [] : badPain.error.issues?.map((i) => i.path)).toEqual(['entries.1.painDuring'])
    const twice = await dispatch('addRunsForGroup', {
      date: '2025-04-01',
      entries: [{ athleteId: a, distanceKm: 6 }, { athleteId: b, distanceKm: 5 }, { athleteId: a, distanceKm: 7 }],
    })
    expect(twice.ok ? [] : twice.error.issues).toEqual([{ path: 'entries.2.athleteId', message: 'Hamid Nakamura is listed twice' }])
    const unknown = await dispatch('addRunsForGroup', { date: '2025-04-01', entries: [{ athleteId: a, distanceKm: 6 }, { athleteId: 'ath-ghost', distanceKm: 5 }] })
    expect(unknown.ok ? [] : unknown.error.issues?.map((i) => i.path)).toEqual(['entries.1.athleteId'])
    expect(athleteRecord(services, a).runs).toEqual([])
    expect(athleteRecord(services, b).runs).toEqual([])
  })

  it('takes back the runs already written when a later athlete’s file cannot be saved', async () => {
    let failFor: string | null = null
    const ops: FileOps = {
      ...nodeFileOps,
      async writeAtomic(file, text) {
        if (failFor && file.includes(failFor)) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        return nodeFileOps.writeAtomic(file, text)
      },
    }
    const { services, dataDir, athlete } = await setup({ ops })
    const a = await athlete('Jonas Brennan')
    const b = await athlete('Kemi Adeyemi')
    failFor = b
    await expect(
      addRunsForGroup(services, '2025-04-02', [
        { athleteId: a, distanceKm: 6 },
        { athleteId: b, distanceKm: 5 },
      ]),
    ).rejects.toMatchObject({ code: 'storage' })
    expect(athleteRecord(services, a).runs).toEqual([])
    expect(onDisk(dataDir, a).runs).toEqual([])
    expect(athleteRecord(services, b).runs).toEqual([])
  })
})

describe('CSV export', () => {
  it('writes the log in the coach’s unit with formula cells escaped', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Liam Fischer')
    await addRun(services, id, { date: '2025-05-01', distanceKm: 8.04672, notes: '=HYPERLINK("http://evil.example")' })
    await services.db.squad.mutate((d) => ({ ...d, settings: { ...d.settings, distanceUnit: 'mi' } }))
    const target = path.join(tempDir(), 'liam.csv')
    dialogs.savePaths.push(target)
    const res = await exportRunsCsv(services, id)
    expect(res).toEqual({ path: target, runs: 1 })
    const lines = readFileSync(target, 'utf8').split('\r\n')
    expect(lines[0]).toContain('Distance (mi)')
    expect(lines[1]).toContain('2025-05-01,5,')
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(dialogs.asked.at(-1)?.title).toBe("Export Liam Fischer's runs")
  })

  it('does nothing when the coach cancels the save dialog', async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Maya Walsh')
    expect(await exportRunsCsv(services, id)).toEqual({ path: null, runs: 0 })
  })
})
