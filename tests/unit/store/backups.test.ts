import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import type { BackupInfo } from '../../../shared/api/channels/squad'
import type { ApiResult } from '../../../shared/api/result'
import type { Run } from '../../../shared/domain/run'
import { ok, setup } from '../runs/helpers'

function failure(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

const run = (distanceKm: number) => ({ date: '2026-01-05', distanceKm })

describe('backups are checked completely before a restore replaces anything', () => {
  async function withBackup() {
    const t = await setup()
    const ada = await t.athlete('Ada')
    const ben = await t.athlete('Ben')
    ok(await t.dispatch('addRun', { athleteId: ada, run: run(5) }))
    const backup = ok<BackupInfo>(await t.dispatch('backupNow', undefined))
    const added = ok<Run>(await t.dispatch('addRun', { athleteId: ada, run: run(7) }))
    const dir = path.join(t.dataDir, 'backups', backup.id)
    return { t, ada, ben, backup, added, dir }
  }

  async function expectUnchanged(t: Awaited<ReturnType<typeof setup>>, ada: string, added: Run) {
    expect(t.services.db.athleteDoc(ada).data.runs.map((r) => r.id)).toContain(added.id)
    const onDisk = JSON.parse(readFileSync(path.join(t.dataDir, 'athletes', `${ada}.json`), 'utf8')) as { runs: Run[] }
    expect(onDisk.runs.map((r) => r.id)).toContain(added.id)
  }

  it('restores an intact backup', async () => {
    const { t, ada, backup, added } = await withBackup()
    ok(await t.dispatch('restoreBackup', { id: backup.id }))
    expect(t.services.db.athleteDoc(ada).data.runs.map((r) => r.id)).not.toContain(added.id)
  })

  it('refuses a backup with a damaged athlete file, naming it, and changes nothing', async () => {
    const { t, ada, backup, added, dir } = await withBackup()
    // A fresh file (not the shared hard link), so only this backup is damaged.
    const file = path.join(dir, 'athletes', `${ada}.json`)
    const text = readFileSync(file, 'utf8')
    unlinkSync(file)
    writeFileSync(file, text.slice(0, text.length / 2))
    const error = failure(await t.dispatch('restoreBackup', { id: backup.id }))
    expect(error.message).toContain(`athletes/${ada}.json`)
    expect(error.message).toMatch(/Nothing was changed/)
    await expectUnchanged(t, ada, added)
  })

  it('refuses a backup whose squad index and athlete files disagree, either way', async () => {
    const { t, ada, ben, backup, added, dir } = await withBackup()
    const manifestFile = path.join(dir, 'manifest.json')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: Record<string, unknown> }
    // An athlete listed in the index without a record.
    delete manifest.files[`athletes/${ben}.json`]
    writeFileSync(manifestFile, JSON.stringify(manifest))
    t.services.db.backups['manifests'].clear()
    expect(failure(await t.dispatch('restoreBackup', { id: backup.id })).message).toContain(`athletes/${ben}.json`)
    await expectUnchanged(t, ada, added)

    // A record for an athlete the index does not list.
    const squadFile = path.join(dir, 'squad.json')
    const squad = JSON.parse(readFileSync(squadFile, 'utf8')) as { athletes: { id: string }[] }
    squad.athletes = squad.athletes.filter((a) => a.id !== ada)
    unlinkSync(squadFile)
    writeFileSync(squadFile, JSON.stringify(squad))
    // An old-style backup (no manifest) is checked by reading its files.
    unlinkSync(manifestFile)
    t.services.db.backups['manifests'].clear()
    const error = failure(await t.dispatch('restoreBackup', { id: backup.id }))
    expect(error.message).toContain(`athletes/${ada}.json`)
    await expectUnchanged(t, ada, added)
  })

  it('refuses a backup file edited after the backup was taken (checksum)', async () => {
    const { t, ada, backup, added, dir } = await withBackup()
    const file = path.join(dir, 'athletes', `${ada}.json`)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { runs: Run[] }
    doc.runs = []
    unlinkSync(file)
    writeFileSync(file, JSON.stringify(doc))
    expect(failure(await t.dispatch('restoreBackup', { id: backup.id })).message).toMatch(new RegExp(`athletes/${ada}.json was changed or damaged`))
    await expectUnchanged(t, ada, added)
  })
})

describe('a backup that fails part-way', () => {
  it('leaves no listed half-backup, does not count as the newest, and says the disk is full', async () => {
    let full = false
    const ops: FileOps = {
      ...nodeFileOps,
      writeAtomic: async (file, text) => {
        if (full && file.includes(`${path.sep}backups${path.sep}`)) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        return nodeFileOps.writeAtomic(file, text)
      },
    }
    const t = await setup({ ops })
    const ada = await t.athlete('Ada')
    const first = ok<BackupInfo>(await t.dispatch('backupNow', undefined))
    ok(await t.dispatch('addRun', { athleteId: ada, run: run(5) }))
    full = true
    const error = failure(await t.dispatch('backupNow', undefined))
    expect(error.code).toBe('storage')
    expect(error.message).toMatch(/disk is full/)
    expect(readdirSync(path.join(t.dataDir, 'backups')).filter((n) => n !== first.id)).toEqual([])
    expect((await t.services.db.backups.latest())?.id).toBe(first.id)
  })

  it('never lists a crashed backup folder and clears it before the next backup', async () => {
    const t = await setup()
    await t.athlete('Ada')
    const crashed = path.join(t.dataDir, 'backups', '.partial-2026-01-01T00-00-00-000Z-auto')
    mkdirSync(path.join(crashed, 'athletes'), { recursive: true })
    writeFileSync(path.join(crashed, 'squad.json'), '{}')
    expect((await t.services.db.backups.list()).map((b) => b.id)).not.toContain('.partial-2026-01-01T00-00-00-000Z-auto')
    ok(await t.dispatch('backupNow', undefined))
    expect(existsSync(crashed)).toBe(false)
  })
})

describe('"Back up now" is a write', () => {
  it('is refused with the read-only reason, not as an internal error', async () => {
    const ops: FileOps = { ...nodeFileOps, writeAtomic: async () => { throw Object.assign(new Error('ro'), { code: 'EROFS' }) } }
    const t = await setup({ ops })
    const error = failure(await t.dispatch('backupNow', undefined))
    expect(error.code).toBe('read-only')
    expect(error.message).toMatch(/cannot be written/)
  })
})

describe('backups cost what changed', () => {
  it('hard-links unchanged files to the previous backup and copies only changed ones', async () => {
    const t = await setup()
    const ada = await t.athlete('Ada')
    const ben = await t.athlete('Ben')
    const b1 = ok<BackupInfo>(await t.dispatch('backupNow', undefined))
    ok(await t.dispatch('addRun', { athleteId: ada, run: run(5) }))
    const b2 = ok<BackupInfo>(await t.dispatch('backupNow', undefined))
    const inode = (id: string, rel: string) => statSync(path.join(t.dataDir, 'backups', id, rel)).ino
    expect(inode(b2.id, `athletes/${ben}.json`)).toBe(inode(b1.id, `athletes/${ben}.json`))
    expect(inode(b2.id, 'squad.json')).toBe(inode(b1.id, 'squad.json'))
    expect(inode(b2.id, `athletes/${ada}.json`)).not.toBe(inode(b1.id, `athletes/${ada}.json`))
    // Never linked to a live file: an edit of the live file in place could otherwise change a backup.
    expect(inode(b2.id, `athletes/${ada}.json`)).not.toBe(statSync(path.join(t.dataDir, 'athletes', `${ada}.json`)).ino)
    const copy = JSON.parse(readFileSync(path.join(t.dataDir, 'backups', b2.id, 'athletes', `${ada}.json`), 'utf8')) as { runs: Run[] }
    expect(copy.runs).toHaveLength(1)
  })
})

describe('importing an export from a newer CalfCoach', () => {
  it('says it was made by a newer CalfCoach, not that it is invalid', async () => {
    const t = await setup()
    await t.athlete('Ada')
    const file = path.join(t.dataDir, '..', `${path.basename(t.dataDir)}-newer.json`)
    writeFileSync(file, JSON.stringify({ format: 'calfcoach-database', formatVersion: 2, exportedAt: '2030-01-01T00:00:00Z', squad: {}, athletes: [] }))
    t.dialogs.openPaths.push(file)
    const error = failure(await t.dispatch('importDatabase', undefined))
    expect(error.message).toMatch(/made by a newer CalfCoach\. Update CalfCoach first/)
    expect(t.services.db.squad.data.athletes).toHaveLength(1)
  })
})
