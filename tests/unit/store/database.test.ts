import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import { createAthlete } from '../../../electron/services/squad/squad-service'
import { draft, openServices, tempDir } from '../../support/temp'

function athleteFile(dataDir: string, id: string) {
  return path.join(dataDir, 'athletes', `${id}.json`)
}

describe('Database on a real folder', () => {
  it('creates the index and one file per athlete, and reopens them', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada Lovelace') as never)
    const b = await createAthlete(services, draft('Grace Hopper') as never)
    expect(JSON.parse(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).athletes).toHaveLength(2)
    expect(existsSync(athleteFile(dataDir, a.id))).toBe(true)
    expect(existsSync(athleteFile(dataDir, b.id))).toBe(true)
    const again = await openServices(dataDir)
    expect(again.services.db.squad.data.athletes.map((x) => x.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(again.services.db.notices).toEqual([])
  })

  it('writing one athlete rewrites only that athlete’s file', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada') as never)
    const b = await createAthlete(services, draft('Bea') as never)
    const before = { squad: readFileSync(path.join(dataDir, 'squad.json'), 'utf8'), b: readFileSync(athleteFile(dataDir, b.id), 'utf8') }
    await services.db.athleteDoc(a.id).mutate((d) => ({ ...d, athleteName: 'Ada' , runs: [] }))
    await services.db.athleteDoc(a.id).mutate((d) => ({ ...d, runs: [{ id: 'run-one', date: '2026-01-05', distanceKm: 5, createdAt: 'x', updatedAt: 'x' }] }))
    expect(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).toBe(before.squad)
    expect(readFileSync(athleteFile(dataDir, b.id), 'utf8')).toBe(before.b)
    expect(JSON.parse(readFileSync(athleteFile(dataDir, a.id), 'utf8')).runs).toHaveLength(1)
  })

  it('serialises concurrent writes to one file and keeps every one of them', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada') as never)
    const doc = services.db.athleteDoc(a.id)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        doc.mutate((d) => ({ ...d, runs: [...d.runs, { id: `run-${String(i).padStart(3, '0')}`, date: '2026-01-05', distanceKm: i + 1, createdAt: 'x', updatedAt: 'x' }] })),
      ),
    )
    const onDisk = JSON.parse(readFileSync(athleteFile(dataDir, a.id), 'utf8'))
    expect(onDisk.runs.map((r: { distanceKm: number }) => r.distanceKm)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(readdirSync(path.join(dataDir, 'athletes')).filter((f) => f.includes('.tmp-'))).toEqual([])
  })

  it('quarantines a corrupt athlete file, restores the newest good backup and says so', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada') as never)
    await services.db.athleteDoc(a.id).mutate((d) => ({ ...d, runs: [{ id: 'run-kept', date: '2026-01-05', distanceKm: 7, createdAt: 'x', updatedAt: 'x' }] }))
    await services.db.backups.create('manual')
    writeFileSync(athleteFile(dataDir, a.id), '{"schemaVersion":1,"athleteId":"trunc')
    const again = await openServices(dataDir)
    const doc = again.services.db.athleteDoc(a.id)
    expect(doc.data.runs.map((r) => r.id)).toEqual(['run-kept'])
    const names = readdirSync(path.join(dataDir, 'athletes'))
    const quarantined = names.find((n) => n.startsWith(`${a.id}.json.corrupt-`))
    expect(quarantined).toBeDefined()
    expect(readFileSync(path.join(dataDir, 'athletes', quarantined!), 'utf8')).toBe('{"schemaVersion":1,"athleteId":"trunc')
    expect(again.services.db.notices.map((n) => n.title)).toEqual(expect.arrayContaining(['Damaged file moved aside', 'Ada: record restored from backup']))
  })

  it('never resets silently: with no backup the coach is told the log is empty and the original is kept', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada') as never)
    writeFileSync(athleteFile(dataDir, a.id), JSON.stringify({ schemaVersion: 1, athleteId: a.id, athleteName: 'Ada', runs: [{ bad: true }], assessments: [], plans: [] }))
    const again = await openServices(dataDir)
    expect(again.services.db.athleteDoc(a.id).data.runs).toEqual([])
    const error = again.services.db.notices.find((n) => n.level === 'error')
    expect(error?.detail).toMatch(/no backup holds a readable copy/)
    expect(readdirSync(path.join(dataDir, 'athletes')).some((n) => n.includes('.corrupt-'))).toBe(true)
  })

  it('locks a file written by a newer version and never overwrites it', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada') as never)
    const future = JSON.stringify({ schemaVersion: 99, athleteId: a.id, whatever: true })
    writeFileSync(athleteFile(dataDir, a.id), future)
    const again = await openServices(dataDir)
    expect(again.services.db.lockedAthleteIds).toEqual([a.id])
    await expect(again.services.db.athleteDoc(a.id).mutate((d) => d)).rejects.toThrow(/newer version/)
    expect(readFileSync(athleteFile(dataDir, a.id), 'utf8')).toBe(future)
  })

  it('refuses a squad index from a newer version: read-only, file untouched', async () => {
    const dataDir = tempDir()
    const text = JSON.stringify({ schemaVersion: 7, athletes: [] })
    writeFileSync(path.join(dataDir, 'squad.json'), text)
    const { services } = await openServices(dataDir)
    expect(services.db.readOnlyReason).toMatch(/newer version/)
    await expect(createAthlete(services, draft('Ada') as never)).rejects.toThrow(/newer version/)
    expect(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).toBe(text)
  })

  it('rebuilds a missing index from the newest backup and re-adds athletes created since', async () => {
    const { services, dataDir } = await openServices()
    const a = await createAthlete(services, draft('Ada') as never)
    await services.db.backups.create('manual')
    const b = await createAthlete(services, draft('Bea') as never)
    await services.db.flush()
    const fs = await import('node:fs/promises')
    await fs.rm(path.join(dataDir, 'squad.json'))
    const again = await openServices(dataDir)
    expect(again.services.db.squad.data.athletes.map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
    expect(again.services.db.notices.map((n) => n.title)).toEqual(expect.arrayContaining(['Squad index was missing', 'Recovered Bea']))
  })

  it('a failing disk changes nothing, in memory or on disk', async () => {
    let failWrites = false
    const ops: FileOps = {
      ...nodeFileOps,
      writeAtomic: async (file, text) => {
        if (failWrites) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        return nodeFileOps.writeAtomic(file, text)
      },
    }
    const { services, dataDir } = await openServices(tempDir(), { ops })
    const a = await createAthlete(services, draft('Ada') as never)
    const before = readFileSync(path.join(dataDir, 'squad.json'), 'utf8')
    failWrites = true
    await expect(createAthlete(services, draft('Bea') as never)).rejects.toThrow(/disk is full/)
    await expect(services.db.squad.mutate((d) => ({ ...d, groups: [{ id: 'grp-x1', name: 'X' }] }))).rejects.toThrow(/Nothing was changed/)
    expect(services.db.squad.data.groups).toEqual([])
    expect(services.db.squad.data.athletes.map((x) => x.id)).toEqual([a.id])
    expect(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).toBe(before)
  })

  it('a read-only data folder opens for viewing and refuses writes with a clear reason', async () => {
    const ops: FileOps = { ...nodeFileOps, writeAtomic: async () => { throw Object.assign(new Error('read-only'), { code: 'EROFS' }) } }
    const { services } = await openServices(tempDir(), { ops })
    expect(services.db.readOnlyReason).toMatch(/cannot be written/)
    expect(services.db.notices[0]?.title).toBe('Data folder is read-only')
  })

  it('leaves unknown files alone and mentions them', async () => {
    const { services, dataDir } = await openServices()
    await createAthlete(services, draft('Ada') as never)
    writeFileSync(path.join(dataDir, 'notes.txt'), 'coach notes')
    const again = await openServices(dataDir)
    expect(again.services.db.notices.find((n) => n.title === 'Unknown files in the data folder')?.detail).toContain('notes.txt')
    expect(readFileSync(path.join(dataDir, 'notes.txt'), 'utf8')).toBe('coach notes')
  })

  it('takes an automatic backup at most once a day and rotates old ones', async () => {
    let now = new Date('2026-03-01T08:00:00Z')
    const dataDir = tempDir()
    const first = await openServices(dataDir, { now: () => now })
    await createAthlete(first.services, draft('Ada') as never)
    for (let day = 1; day <= 13; day++) {
      now = new Date(now.getTime() + 86_400_000)
      await openServices(dataDir, { now: () => now })
      await openServices(dataDir, { now: () => now })
    }
    const list = await first.services.db.backups.list()
    expect(list.filter((b) => b.reason === 'auto')).toHaveLength(10)
  })
})
