/**
 * Restoring a backup made by an older CalfCoach reopens the data folder and upgrades its files. The app
 * loads athlete files in the background, so that upgrade must still happen under the write coordinator's
 * hold: a save queued behind the restore must land after the upgrade, on the upgraded and fully loaded
 * record, and the pre-migration backup must hold the files exactly as they were before the upgrade.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import type { ApiResult } from '../../../shared/api/result'
import { FakeDialogs } from '../../support/harness'
import { draft, tempDir } from '../../support/temp'

const ports = () => ({ dialogs: new FakeDialogs(), shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() } })

async function open(dataDir: string) {
  const services = await AppServices.open({ dataDir, ...ports(), background: true })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason, waitUntilReady: (m) => services.readyFor(m) })
  const ok = async <T>(p: Promise<ApiResult<unknown>>): Promise<T> => {
    const r = await p
    if (!r.ok) throw new Error(r.error.message)
    return r.value as T
  }
  return { services, dispatch, ok }
}

describe('migrations during a background load', () => {
  it('run under the write coordinator hold after a restore: saves queued behind it land on the upgraded record, nothing lost', async () => {
    const dataDir = tempDir()
    const first = await open(dataDir)
    const ada = await first.ok<{ id: string }>(first.dispatch('createAthlete', draft('Ada')))
    const base: string[] = []
    for (let i = 0; i < 5; i++) base.push((await first.ok<{ id: string }>(first.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-01-01', distanceKm: 1 + i } }))).id)
    await first.services.close()
    // The folder as an older CalfCoach (athlete data format 1) left it.
    const file = path.join(dataDir, 'athletes', `${ada.id}.json`)
    const { clearances: _c, readinessTests: _r, ...v1 } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({ ...v1, schemaVersion: 1 }))

    const t = await open(dataDir)
    await t.services.db.athletesReady
    const oldFormat = (await t.services.db.backups.list()).find((b) => b.reason === 'pre-migration')!
    expect(oldFormat).toBeDefined()

    // Restore that old-format backup while saves stream in; some are queued behind the restore.
    const restore = t.ok<{ safetyBackupId: string }>(t.dispatch('restoreBackup', { id: oldFormat.id }))
    const saves = await Promise.all(Array.from({ length: 12 }, (_, i) => t.dispatch('addRun', { athleteId: ada.id, run: { date: '2026-02-01', distanceKm: 10 + i } })))
    const { safetyBackupId } = await restore
    await t.services.db.athletesReady
    await t.services.db.flush()
    expect(saves.map((s) => (s.ok ? 'ok' : s.error.message))).toEqual(Array(12).fill('ok'))

    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; runs: { id: string }[] }
    const safety = JSON.parse(readFileSync(path.join(dataDir, 'backups', safetyBackupId, 'athletes', `${ada.id}.json`), 'utf8')) as { runs: { id: string }[] }
    const diskIds = new Set(onDisk.runs.map((r) => r.id))
    const safetyIds = new Set(safety.runs.map((r) => r.id))
    expect(onDisk.schemaVersion).toBe(2)
    // The restored runs survive, and every acknowledged save is wholly before the restore (in its safety backup) or after it (on disk).
    for (const id of base) expect(diskIds.has(id), `restored run ${id}`).toBe(true)
    for (const s of saves) {
      const id = (s as { ok: true; value: { id: string } }).value.id
      expect(diskIds.has(id) !== safetyIds.has(id), `save ${id} before xor after the restore`).toBe(true)
    }
    // The upgrade after the restore backed up the format-1 file before writing format 2.
    const upgrades = (await t.services.db.backups.list()).filter((b) => b.reason === 'pre-migration' && b.id !== oldFormat.id)
    expect(upgrades).toHaveLength(1)
    const backedUp = JSON.parse(readFileSync(path.join(dataDir, 'backups', upgrades[0]!.id, 'athletes', `${ada.id}.json`), 'utf8')) as { schemaVersion: number }
    expect(backedUp.schemaVersion).toBe(1)
    await t.services.close()
  })
})
