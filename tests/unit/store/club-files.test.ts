import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClubFolder } from '../../../electron/services/store/club/club-folder'
import { OwnRecords } from '../../../electron/services/store/club/own-records'
import { type Envelope, mergeRecords } from '../../../electron/services/store/club/records'
import { Database } from '../../../electron/services/store/database'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import type { Run } from '../../../shared/domain/run'
import { tempDir } from '../../support/temp'

const A = 'ins-aaa'
const B = 'ins-bbb'
const stamp = (n: number, by: string) => `${n.toString(36).padStart(11, '0')}-00000-${by}`
const version = (n: number, by: string, value: unknown, created = { hlc: stamp(1, A), by: A }): Envelope => ({ hlc: stamp(n, by), by, created, deleted: false, value })
const run = (id: string, date: string, distanceKm: number): Run => ({ id, date, distanceKm, createdAt: `${date}T08:00:00.000Z`, updatedAt: `${date}T08:00:00.000Z` })
const ada = { id: 'ath-ada', name: 'Ada', sex: 'female', dateOfBirth: null, email: '', phone: '', groupIds: [], notes: '', trainingStatus: 'running', archived: false, createdAt: 'x', updatedAt: 'x' }

/** Writes one installation's file exactly as CalfCoach wrote club files on 2 Dec 2026 (one file per document). */
function writeRecordsFile(root: string, installId: string, rel: string, records: Record<string, Envelope>): string {
  const file = path.join(root, 'installations', installId, rel)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify({ format: 'calfcoach-records', formatVersion: 1, installId, records })}\n`)
  return file
}

/** A club folder as main wrote it before recent-changes files: A shared Ada, B edited, deleted and added runs. */
function clubInTodaysFormat(): { root: string; aMain: string } {
  const root = tempDir('calfcoach-club-old-')
  writeFileSync(path.join(root, 'calfcoach-club.json'), JSON.stringify({ format: 'calfcoach-club', formatVersion: 1 }))
  for (const [id, name] of [[A, 'Sam’s laptop'], [B, 'Kim’s laptop']]) {
    mkdirSync(path.join(root, 'installations', id!, 'athletes'), { recursive: true })
    writeFileSync(path.join(root, 'installations', id!, 'installation.json'), JSON.stringify({ installId: id, name, createdAt: '2026-12-01T00:00:00Z' }))
  }
  writeRecordsFile(root, A, 'squad.json', { 'c:athletes/ath-ada': version(1, A, ada) })
  const aMain = writeRecordsFile(root, A, 'athletes/ath-ada.json', {
    's:athleteName': version(1, A, 'Ada'),
    'c:runs/run-1': version(1, A, run('run-1', '2026-11-01', 5)),
    'c:runs/run-2': version(2, A, run('run-2', '2026-11-02', 6)),
    'c:runs/run-3': version(3, A, run('run-3', '2026-11-03', 7)),
  })
  writeRecordsFile(root, B, 'athletes/ath-ada.json', {
    'c:runs/run-2': version(5, B, run('run-2', '2026-11-02', 9)),
    'c:runs/run-3': { hlc: stamp(6, B), by: B, created: { hlc: stamp(3, A), by: A }, deleted: true },
    'c:runs/run-4': version(7, B, run('run-4', '2026-11-04', 4), { hlc: stamp(7, B), by: B }),
  })
  writeRecordsFile(root, B, 'athletes/ath-ada.sync-conflict-20261201-101010-ABCDEFG.json', {
    'c:runs/run-5': version(8, B, run('run-5', '2026-11-05', 3), { hlc: stamp(8, B), by: B }),
  })
  return { root, aMain }
}

const openAs = (root: string, installId: string, ops: FileOps = nodeFileOps) =>
  Database.open({ dataDir: tempDir(), club: new ClubFolder(root, installId, ops), autoBackupAfterMs: Number.MAX_SAFE_INTEGER })
const runsOf = (db: Database) => db.athleteDoc('ath-ada').data.runs.map((r) => `${r.id}:${r.distanceKm}`)

describe('club files: one main file and one recent-changes file per installation and document', () => {
  it('a club folder in the format main wrote before opens and merges as before, and a save leaves its files as they were', async () => {
    const { root, aMain } = clubInTodaysFormat()
    const before = readFileSync(aMain, 'utf8')
    const sam = await openAs(root, A)
    // Newest stamp wins per record, B's delete sticks, the conflict copy's run is kept.
    expect(sam.squad.data.athletes.map((a) => a.name)).toEqual(['Ada'])
    expect(runsOf(sam)).toEqual(['run-1:5', 'run-2:9', 'run-4:4', 'run-5:3'])
    expect(existsSync(path.join(root, 'conflicts', B, 'athletes', 'ath-ada.sync-conflict-20261201-101010-ABCDEFG.json'))).toBe(true)

    await sam.athleteDoc('ath-ada').mutate((d) => ({ ...d, runs: [...d.runs, run('run-6', '2026-11-06', 8)] }))
    expect(readFileSync(aMain, 'utf8')).toBe(before)
    const recent = JSON.parse(readFileSync(path.join(root, 'installations', A, 'athletes', 'ath-ada.recent.json'), 'utf8')) as { records: Record<string, Envelope> }
    // The recent file holds the conflict copy's run (kept for good) and the new one, nothing else.
    expect(Object.keys(recent.records).sort()).toEqual(['c:runs/run-5', 'c:runs/run-6'])

    const kim = await openAs(root, B)
    expect(runsOf(kim)).toEqual(['run-1:5', 'run-2:9', 'run-4:4', 'run-5:3', 'run-6:8'])
  })

  it('folds the recent records into the main file past the limit; a crash at any step loses no acknowledged record', async () => {
    const rel = 'athletes/ath-ada.json'
    const onDisk = async (root: string) => mergeRecords((await new ClubFolder(root, A, nodeFileOps).readAll(rel)).map((f) => f.records))
    // Crash at the n-th disk change of the write that folds (n = 1: the main file; n = 2: removing the recent file).
    for (const crashAt of [1, 2]) {
      const root = tempDir('calfcoach-club-fold-')
      let armed = false
      let changes = 0
      const crash = () => armed && ++changes === crashAt
      const ops: FileOps = {
        ...nodeFileOps,
        writeAtomic: async (file, text) => (crash() ? Promise.reject(new Error('crash')) : nodeFileOps.writeAtomic(file, text)),
        remove: async (file) => (crash() ? Promise.reject(new Error('crash')) : nodeFileOps.remove(file)),
      }
      const own = new OwnRecords(new ClubFolder(root, A, ops), rel, 3)
      const acknowledged: string[] = []
      for (let i = 1; i <= 4; i++) {
        armed = i === 4
        const key = `c:runs/run-${i}`
        const wrote = await own.write({ [key]: version(i, A, run(`run-${i}`, '2026-11-01', i)) }).then(() => true, () => false)
        if (wrote) acknowledged.push(key)
        if (i < 4) expect(existsSync(path.join(root, 'installations', A, rel))).toBe(false) // only the recent file so far
      }
      const disk = await onDisk(root)
      for (const key of acknowledged) expect(disk[key], `${key} after a crash at step ${crashAt}`).toBeDefined()

      // The next launch reads both files and goes on: the next save lands, and everything is there once.
      const again = new OwnRecords(new ClubFolder(root, A, nodeFileOps), rel, 3)
      const files = await new ClubFolder(root, A, nodeFileOps).readAll(rel)
      again.reset(files.find((f) => !f.recent)?.records ?? {}, files.find((f) => f.recent)?.records ?? {})
      await again.write({ 'c:runs/run-9': version(9, A, run('run-9', '2026-11-01', 9)) })
      expect(Object.keys(await onDisk(root)).sort()).toEqual([...acknowledged, 'c:runs/run-9'].sort())
    }
  })

  it('a save whose recent file cannot be written is refused, and the records before it stay', async () => {
    const root = tempDir('calfcoach-club-full-')
    let full = false
    const ops: FileOps = { ...nodeFileOps, writeAtomic: async (file, text) => (full ? Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) : nodeFileOps.writeAtomic(file, text)) }
    const own = new OwnRecords(new ClubFolder(root, A, ops), 'squad.json')
    await own.write({ 'o:settings/distanceUnit': version(1, A, 'km') })
    full = true
    await expect(own.write({ 'o:settings/distanceUnit': version(2, A, 'mi') })).rejects.toThrow('ENOSPC')
    expect(own.all()['o:settings/distanceUnit']?.value).toBe('km')
    full = false
    await own.write({ 's:other': version(3, A, 1) })
    const disk = mergeRecords((await new ClubFolder(root, A, nodeFileOps).readAll('squad.json')).map((f) => f.records))
    expect(Object.fromEntries(Object.entries(disk).map(([k, e]) => [k, e.value]))).toEqual({ 'o:settings/distanceUnit': 'km', 's:other': 1 })
  })
})
