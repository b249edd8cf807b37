import path from 'node:path'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Database } from '../../../electron/services/store/database'
import type { Run } from '../../../shared/domain/run'
import { ok, setup } from '../runs/helpers'

/**
 * Restore and import while saves stream in, through the real dispatcher and handler table. Every
 * acknowledged save must end up either wholly before the restore (then it is in the safety backup the
 * restore took, and not in the restored data) or wholly after it (then it is in the restored data),
 * and the disk must hold exactly the restored data plus the "after" saves: nothing else, nothing lost.
 */
// 100 restores and 50 imports by default (about 40 s together); RACE_TRIALS=n runs n of each.
const TRIALS = { restore: Number(process.env.RACE_TRIALS ?? 100), import: Number(process.env.RACE_TRIALS ?? 50) }
const SAVES = 12

type Op = 'restore' | 'import'

type Setup = Awaited<ReturnType<typeof setup>>

async function trial(t: Setup, op: Op, seed: number, athleteId: string) {
  const baseRuns = t.services.db.athleteDoc(athleteId).data.runs.map((r) => r.id)
  const base = ok<Run>(await t.dispatch('addRun', { athleteId, run: { date: '2026-01-01', distanceKm: 5 } }))
  const backup = ok<{ id: string }>(await t.dispatch('backupNow', undefined))
  let exportPath = ''
  if (op === 'import') {
    exportPath = path.join(t.dataDir, '..', `${path.basename(t.dataDir)}-export-${seed}.json`)
    t.dialogs.savePaths.push(exportPath)
    ok(await t.dispatch('exportDatabase', undefined))
    t.dialogs.openPaths.push(exportPath)
  }
  // A save the restore will undo: it is acknowledged before the restore starts.
  ok(await t.dispatch('addRun', { athleteId, run: { date: '2026-01-02', distanceKm: 6, notes: 'undone' } }))

  // Two coaches' worth of saves, each stream saving again as soon as the last one is acknowledged; the
  // restore or import starts part-way through, so saves arrive before, during and after it.
  const startAt = seed % 6
  const acks: { seq: number; run: Run | null }[] = []
  let big: Promise<{ safetyBackupId: string | null }> | null = null
  const stream = async (lane: number) => {
    for (let i = 0; i < SAVES / 2; i++) {
      const seq = lane + 2 * i
      if (seq === startAt) big = t.dispatch(op === 'restore' ? 'restoreBackup' : 'importDatabase', op === 'restore' ? { id: backup.id } : undefined).then((r) => ok(r))
      const r = await t.dispatch('addRun', { athleteId, run: { date: '2026-02-01', distanceKm: 1 + seq, notes: `seq-${seq}` } })
      acks.push({ seq, run: r.ok ? (r.value as Run) : null })
    }
  }
  await Promise.all([stream(0), stream(1)])
  const outcome = await big!
  const acked = acks.filter((s) => s.run)
  expect(acked).toHaveLength(SAVES)

  const reopened = await Database.open({ dataDir: t.dataDir })
  const onDisk = reopened.athleteDoc(athleteId).data.runs.map((r) => r.id)
  const safetyFile = path.join(t.dataDir, 'backups', outcome.safetyBackupId!, 'athletes', `${athleteId}.json`)
  const inSafety = new Set((JSON.parse(readFileSync(safetyFile, 'utf8')) as { runs: Run[] }).runs.map((r) => r.id))
  const before = acked.filter((s) => inSafety.has(s.run!.id))
  const after = acked.filter((s) => !inSafety.has(s.run!.id))
  // all-before or all-after, per save: a save in the safety backup is not in the restored data, and the reverse.
  for (const s of before) expect(onDisk).not.toContain(s.run!.id)
  for (const s of after) expect(onDisk).toContain(s.run!.id)
  // The restored data is exactly the backup plus the saves after it: nothing of the undone state leaks in.
  expect(new Set(onDisk)).toEqual(new Set([...baseRuns, base.id, ...after.map((s) => s.run!.id)]))
  // What the app shows is what the disk holds.
  expect(new Set(t.services.db.athleteDoc(athleteId).data.runs.map((r) => r.id))).toEqual(new Set(onDisk))
  return { before: before.length, after: after.length }
}

describe('restore and import during a stream of saves', () => {
  for (const op of ['restore', 'import'] as const) {
    it(`${op}: ${TRIALS[op]} trials, no acknowledged save lost, each wholly before or after`, async () => {
      let lost = 0
      let before = 0
      // One data folder for all trials: each trial restores (or imports) a state it backed up (exported) itself.
      const t = await setup()
      const athleteId = await t.athlete('Ada')
      for (let i = 0; i < TRIALS[op]; i++) {
        const r = await trial(t, op, i, athleteId)
        before += r.before
        lost += SAVES - r.before - r.after
      }
      expect(lost).toBe(0)
      // Both orders really happen, so the test exercises the race and not one side of it.
      expect(before).toBeGreaterThan(0)
      expect(before).toBeLessThan(TRIALS[op] * SAVES)
      console.info(`[race] ${op}: ${TRIALS[op]} trials, ${TRIALS[op] * SAVES} acknowledged saves, ${before} before / ${TRIALS[op] * SAVES - before - lost} after, ${lost} lost`)
    }, 600_000) // a hang bound: 100 trials of real disk syncs take minutes on a busy machine
  }
})
