/**
 * The daily backup runs alongside saves: a save sent meanwhile is answered without waiting for it, the
 * backup still holds one state of the folder, and a whole-folder operation (restore, import, "Back up
 * now") never waits for it either: the daily backup steps aside and leaves nothing half-written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppServices } from '../../../electron/services/app-services'
import { BackupSteppedAside, MANIFEST, sha256 } from '../../../electron/services/store/backups'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import type { BackupInfo } from '../../../shared/api/channels/squad'
import { ok, setup } from '../runs/helpers'

/** File access whose backup steps can be held: `hold(match)` blocks the first operation matching until `release()`. */
function gatedOps() {
  let match: ((op: string, file: string) => boolean) | null = null
  let reached!: () => void
  let release!: () => void
  const reachedGate = new Promise<void>((resolve) => (reached = resolve))
  const opened = new Promise<void>((resolve) => (release = resolve))
  const taken = new Set<string>()
  const gate = async (op: string, file: string) => {
    if (match?.(op, file)) {
      match = null
      reached()
      await opened
    }
  }
  const ops: FileOps = {
    ...nodeFileOps,
    // Holds single links, so the backup must link file by file here: the worker's batch would go round
    // them (its own holds are in backup-link-worker.test.ts).
    statAndLink: undefined,
    async list(dir) {
      await gate('list', dir)
      return nodeFileOps.list(dir)
    },
    async link(from, to) {
      await gate('link', to)
      await nodeFileOps.link!(from, to)
      taken.add(to)
    },
    async writeAtomic(file, text) {
      await gate('write', file)
      await nodeFileOps.writeAtomic(file, text)
      taken.add(file)
    },
  }
  return {
    ops,
    hold(next: (op: string, file: string) => boolean) {
      match = next
      taken.clear()
    },
    reachedGate,
    release,
    /** True once a backup being written holds its copy or link of a file ending in `rel` (since `hold`). */
    tookFile: (rel: string) => [...taken].some((f) => f.includes('.partial-') && f.endsWith(rel)),
  }
}

/** Waits for a state, turn by turn of the event loop (never for a length of time). */
async function until(state: () => boolean): Promise<void> {
  while (!state()) await new Promise((resolve) => setImmediate(resolve))
}

const run = (distanceKm: number) => ({ date: '2026-01-05', distanceKm })

async function gatedSetup(now?: () => Date) {
  const gate = gatedOps()
  const t = await setup({ ops: gate.ops, ...(now ? { now } : {}) })
  const athletes = path.join(t.dataDir, 'athletes')
  /** Holds the backup's first listing of the athletes (the start of its first pass). */
  const holdFirstPass = () => gate.hold((op, file) => op === 'list' && file === athletes)
  return { t, gate, holdFirstPass }
}

describe('the daily backup runs alongside saves', () => {
  it('answers a save sent during the backup first, and the backup then holds the folder as the save left it', async () => {
    const { t, gate } = await gatedSetup()
    const ada = await t.athlete('Ada')
    const ben = await t.athlete('Ben')
    ok(await t.dispatch('backupNow', undefined))
    // The first pass is held at Ben's file, once it has taken Ada's file (without the run below).
    gate.hold((op, file) => op === 'link' && file.endsWith(`${ben}.json`) && file.includes('.partial-'))
    let backupDone = false
    const backup = t.services.db.backups.create('auto', t.services.writes).then((info) => {
      backupDone = true
      return info
    })
    await gate.reachedGate
    await until(() => gate.tookFile(`${ada}.json`))
    ok(await t.dispatch('addRun', { athleteId: ada, run: run(7) }))
    expect(backupDone).toBe(false)
    gate.release()
    const info: BackupInfo = await backup

    // Every file in the backup is the live file as it is now, and the manifest says so.
    const dir = path.join(t.dataDir, 'backups', info.id)
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files: Record<string, { sha256: string }> }
    const live = ['squad.json', ...readdirSync(path.join(t.dataDir, 'athletes')).map((f) => `athletes/${f}`)]
    expect(Object.keys(manifest.files).sort()).toEqual(live.sort())
    for (const rel of live) {
      const text = readFileSync(path.join(t.dataDir, rel), 'utf8')
      expect(readFileSync(path.join(dir, rel), 'utf8'), rel).toBe(text)
      expect(manifest.files[rel]?.sha256, rel).toBe(sha256(text))
    }
    expect((JSON.parse(readFileSync(path.join(dir, 'athletes', `${ada}.json`), 'utf8')) as { runs: unknown[] }).runs).toHaveLength(1)
  })

  it('steps aside for "Back up now" sent meanwhile, leaves no half-written backup, and is not taken again that day', async () => {
    let clock = new Date('2026-03-01T08:00:00Z')
    const { t, gate, holdFirstPass } = await gatedSetup(() => clock)
    await t.athlete('Ada')
    ok(await t.dispatch('backupNow', undefined))
    clock = new Date('2026-03-02T09:00:00Z')
    holdFirstPass()
    const daily = t.services.db.startAutoBackup()
    await gate.reachedGate
    const manual = t.dispatch('backupNow', undefined)
    await until(() => t.services.writes.exclusivePending)
    gate.release()
    const taken = ok<BackupInfo>(await manual)
    await daily
    const list = await t.services.db.backups.list()
    expect(list[0]?.id).toBe(taken.id)
    expect(list.filter((b) => b.reason === 'auto')).toEqual([])
    expect(readdirSync(path.join(t.dataDir, 'backups')).filter((n) => n.startsWith('.partial-'))).toEqual([])
    expect(t.services.db.notices.filter((n) => n.title === 'Automatic backup failed')).toEqual([])
  })

  it('a backup stepping aside says so to its caller, who tries again after the whole-folder operation', async () => {
    const { t, gate, holdFirstPass } = await gatedSetup()
    await t.athlete('Ada')
    holdFirstPass()
    const daily = t.services.db.backups.create('auto', t.services.writes)
    await gate.reachedGate
    const manual = t.dispatch('backupNow', undefined)
    await until(() => t.services.writes.exclusivePending)
    gate.release()
    await expect(daily).rejects.toBeInstanceOf(BackupSteppedAside)
    ok(await manual)
  })
})

describe('opening the app takes no backup until the first screen is shown', () => {
  it('with athletes loading in the background, the daily backup waits for startAutoBackup', async () => {
    let clock = new Date('2026-03-01T08:00:00Z')
    const first = await setup({ now: () => clock })
    await first.athlete('Ada')
    clock = new Date('2026-03-02T09:00:00Z')
    const services = await AppServices.open({ dataDir: first.dataDir, dialogs: first.dialogs, pdf: { renderRoute: async () => Buffer.from('') }, shell: { openExternal: async () => undefined }, background: true, now: () => clock })
    await services.db.athletesReady
    expect((await services.db.backups.list()).filter((b) => b.reason === 'auto')).toEqual([])
    services.startBackgroundWork()
    await services.db.autoBackupDone
    expect((await services.db.backups.list()).filter((b) => b.reason === 'auto')).toHaveLength(1)
  })
})
