import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { BackupInfo } from '../../../shared/api/channels/squad'
import { DomainError } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import type { ServiceContext } from '../context'
import { CANONICAL_FILE } from '../store/backups'
import { resolveInside } from '../store/confine'

export const EXPORT_FORMAT = 'calfcoach-database'
const MAX_IMPORT_BYTES = 200 * 1024 * 1024

export const DatabaseExport = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  squad: SquadDocument,
  athletes: z.array(AthleteDocument),
})
export type DatabaseExport = z.infer<typeof DatabaseExport>

export async function backupNow(ctx: ServiceContext): Promise<BackupInfo> {
  await ctx.db.flush()
  return ctx.db.backups.create('manual')
}

/** Puts a backup's files back, after first backing up the current state so a restore can be undone. */
export async function restoreBackup(ctx: ServiceContext & { reopen(): Promise<void> }, id: string) {
  ctx.db.assertWritable()
  const backup = (await ctx.db.backups.list()).find((b) => b.id === id)
  if (!backup) throw new DomainError('not-found', `No backup called ${id}.`)
  const source = resolveInside(ctx.db.backups.root, id)
  const squadText = await ctx.db.ops.readText(path.join(source, 'squad.json'))
  if (squadText === null) throw new DomainError('invalid-input', `Backup ${id} has no squad index and cannot be restored.`)
  // Read the whole backup into memory first: taking the safety backup below rotates old backups and
  // may delete the very one being restored.
  const wanted = new Map<string, string>()
  for (const name of await ctx.db.ops.list(path.join(source, 'athletes'))) {
    const rel = `athletes/${name}`
    if (!CANONICAL_FILE.test(rel)) continue
    const text = await ctx.db.ops.readText(path.join(source, rel))
    if (text !== null) wanted.set(rel, text)
  }
  await ctx.db.flush()
  const safety = await ctx.db.backups.create('pre-restore')
  for (const [rel, text] of wanted) await ctx.db.ops.writeAtomic(path.join(ctx.db.dataDir, rel), text)
  for (const rel of await ctx.db.backups.canonicalFiles()) {
    if (rel !== 'squad.json' && !wanted.has(rel)) await ctx.db.ops.remove(path.join(ctx.db.dataDir, rel))
  }
  await ctx.db.ops.writeAtomic(path.join(ctx.db.dataDir, 'squad.json'), squadText)
  await ctx.reopen()
  ctx.db.addNotice('info', 'Backup restored', `Your data was restored from backup ${id}. The state just before was saved as backup ${safety.id}.`)
  return { restoredFrom: id, safetyBackupId: safety.id }
}

export async function exportDatabase(ctx: ServiceContext): Promise<{ path: string | null; athletes: number }> {
  const target = await ctx.dialogs.chooseSavePath({
    title: 'Export the whole CalfCoach database',
    defaultName: `calfcoach-export-${ctx.now().toISOString().slice(0, 10)}.json`,
    filters: [{ name: 'CalfCoach export', extensions: ['json'] }],
  })
  if (!target) return { path: null, athletes: 0 }
  await ctx.db.flush()
  const payload: DatabaseExport = {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: ctx.now().toISOString(),
    squad: ctx.db.squad.data,
    athletes: ctx.db.allAthleteDocs().filter((d) => !d.lockedReason).map((d) => d.data),
  }
  await ctx.db.ops.writeAtomic(target, JSON.stringify(payload))
  return { path: target, athletes: payload.athletes.length }
}

/** Reads and fully validates an export before touching anything; then replaces the database after a backup. */
export async function importDatabase(ctx: ServiceContext & { reopen(): Promise<void> }) {
  ctx.db.assertWritable()
  const source = await ctx.dialogs.chooseOpenPath({
    title: 'Import a CalfCoach database export',
    filters: [{ name: 'CalfCoach export', extensions: ['json'] }],
  })
  if (!source) return { path: null, athletes: 0, safetyBackupId: null }
  const stat = await fs.stat(source).catch(() => null)
  if (!stat) throw new DomainError('not-found', `Cannot read ${source}.`)
  if (stat.size > MAX_IMPORT_BYTES) throw new DomainError('invalid-input', `${path.basename(source)} is larger than 200 MB and is not a CalfCoach export.`)
  let raw: unknown
  try {
    raw = JSON.parse(await fs.readFile(source, 'utf8'))
  } catch {
    throw new DomainError('invalid-input', `${path.basename(source)} is not valid JSON. Nothing was imported.`)
  }
  const parsed = DatabaseExport.safeParse(raw)
  if (!parsed.success) {
    throw new DomainError('invalid-input', `${path.basename(source)} is not a valid CalfCoach export. Nothing was imported.`, toFieldIssues(parsed.error))
  }
  const listed = new Set(parsed.data.squad.athletes.map((a) => a.id))
  const stray = parsed.data.athletes.find((a) => !listed.has(a.athleteId))
  if (stray) {
    throw new DomainError('invalid-input', `The export holds a record for ${stray.athleteName}, who is not in its squad list. Nothing was imported.`)
  }
  await ctx.db.flush()
  const safety = await ctx.db.backups.create('pre-import')
  for (const doc of parsed.data.athletes) {
    await ctx.db.ops.writeAtomic(ctx.db.athleteFile(doc.athleteId), JSON.stringify(doc))
  }
  const keep = new Set(parsed.data.athletes.map((d) => `athletes/${d.athleteId}.json`))
  for (const rel of await ctx.db.backups.canonicalFiles()) {
    if (rel !== 'squad.json' && !keep.has(rel)) await ctx.db.ops.remove(path.join(ctx.db.dataDir, rel))
  }
  await ctx.db.ops.writeAtomic(path.join(ctx.db.dataDir, 'squad.json'), JSON.stringify(parsed.data.squad))
  await ctx.reopen()
  return { path: source, athletes: parsed.data.squad.athletes.length, safetyBackupId: safety.id }
}
