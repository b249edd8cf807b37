import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { BackupInfo } from '../../../shared/api/channels/squad'
import { DomainError } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { ATHLETE_SCHEMA_VERSION, AthleteDocument, SQUAD_SCHEMA_VERSION, SquadDocument } from '../../../shared/domain/documents'
import type { ServiceContext } from '../context'
import { withAthleteLease } from '../store/athlete-docs'
import { checkBackup } from '../store/backup-check'
import { resolveInside } from '../store/confine'
import { storageError } from '../store/document'

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

/** "Back up now" is a write: the dispatcher refuses it in read-only mode, and a full disk gets a storage message. */
export async function backupNow(ctx: ServiceContext): Promise<BackupInfo> {
  ctx.db.assertWritable()
  await ctx.db.flush()
  try {
    return await ctx.db.backups.create('manual')
  } catch (error) {
    throw backupStorageError(error)
  }
}

export function backupStorageError(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'the backups folder is not writable' : `the disk reported ${code ?? 'an error'}`
  return new DomainError('storage', `The backup could not be written: ${why}. Your data was not changed, and no half-written backup was kept.`)
}

/**
 * Puts a backup's files back, after first backing up the current state so a restore can be undone. The
 * handler runs it under the write coordinator, so saves already started land before it and saves sent
 * meanwhile land after it, on the restored data.
 */
export async function restoreBackup(ctx: ServiceContext & { reopen(): Promise<void> }, id: string) {
  ctx.db.assertWritable()
  const backup = (await ctx.db.backups.list()).find((b) => b.id === id)
  if (!backup) throw new DomainError('not-found', `No backup called ${id}.`)
  // Read and check the whole backup first: a damaged one is refused before anything is touched, and taking
  // the safety backup below rotates old backups and may delete the very one being restored.
  const checked = await checkBackup(ctx.db.backups, ctx.db.ops, id)
  await ctx.db.flush()
  const safety = await ctx.db.backups.create('pre-restore').catch((error) => {
    throw backupStorageError(error)
  })
  await replaceDataFiles(ctx, checked.athleteFiles, checked.squadText)
  await ctx.reopen()
  ctx.db.addNotice('info', 'Backup restored', `Your data was restored from backup ${id}. The state just before was saved as backup ${safety.id}.`)
  return { restoredFrom: id, safetyBackupId: safety.id }
}

/** Writes the new athlete files, removes the ones not wanted, and writes the squad index last. */
async function replaceDataFiles(ctx: ServiceContext, athleteFiles: Map<string, string>, squadText: string): Promise<void> {
  if (ctx.db.club) return applyToClub(ctx, athleteFiles, squadText)
  try {
    // Confined: an id inside an export or a backup can never make a write land outside the data folder.
    for (const [rel, text] of athleteFiles) await ctx.db.ops.writeAtomic(resolveInside(ctx.db.dataDir, rel), text)
    for (const rel of await ctx.db.backups.canonicalFiles()) {
      if (rel !== 'squad.json' && !athleteFiles.has(rel)) await ctx.db.ops.remove(path.join(ctx.db.dataDir, rel))
    }
    await ctx.db.ops.writeAtomic(path.join(ctx.db.dataDir, 'squad.json'), squadText)
  } catch (error) {
    throw new DomainError(
      'storage',
      `${storageError(error, ctx.db.dataDir).message.replace(/ Nothing was changed\.$/, '')} Some files may already be replaced: restore the safety backup taken just before.`,
    )
  }
}

/**
 * In a club folder a restore or import is an edit like any other: the restored records are written as
 * this installation's newest changes (and athletes not in it as deletions), so every coach gets it.
 */
async function applyToClub(ctx: ServiceContext, athleteFiles: Map<string, string>, squadText: string): Promise<void> {
  for (const text of athleteFiles.values()) {
    const data = AthleteDocument.parse(JSON.parse(text))
    // One athlete in memory at a time (its own lease), however big the backup.
    await withAthleteLease(async () => {
      const doc = ctx.db.hasAthleteDoc(data.athleteId) ? await ctx.db.athlete(data.athleteId) : await ctx.db.createAthleteDoc(data.athleteId, data.athleteName)
      await doc.replace(data)
    }, true)
  }
  await ctx.db.squad.replace(SquadDocument.parse(JSON.parse(squadText)))
}

export async function exportDatabase(ctx: ServiceContext): Promise<{ path: string | null; athletes: number }> {
  const target = await ctx.dialogs.chooseSavePath({
    title: 'Export the whole CalfCoach database',
    defaultName: `calfcoach-export-${ctx.now().toISOString().slice(0, 10)}.json`,
    filters: [{ name: 'CalfCoach export', extensions: ['json'] }],
  })
  if (!target) return { path: null, athletes: 0 }
  await ctx.db.flush()
  const athletes: AthleteDocument[] = []
  await ctx.db.forEachAthlete((d) => {
    if (!d.lockedReason) athletes.push(d.data)
  })
  const payload: DatabaseExport = { format: EXPORT_FORMAT, formatVersion: 1, exportedAt: ctx.now().toISOString(), squad: ctx.db.squad.data, athletes }
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
  assertNotNewer(raw, path.basename(source))
  const parsed = DatabaseExport.safeParse(raw)
  if (!parsed.success) {
    throw new DomainError('invalid-input', `${path.basename(source)} is not a valid CalfCoach export. Nothing was imported.`, toFieldIssues(parsed.error))
  }
  const listed = new Set(parsed.data.squad.athletes.map((a) => a.id))
  const stray = parsed.data.athletes.find((a) => !listed.has(a.athleteId))
  if (stray) {
    throw new DomainError('invalid-input', `The export holds a record for ${stray.athleteName}, who is not in its squad list. Nothing was imported.`)
  }
  const missing = parsed.data.squad.athletes.find((a) => !parsed.data.athletes.some((d) => d.athleteId === a.id))
  if (missing) {
    throw new DomainError('invalid-input', `The export lists ${missing.name} but holds no record for them. Nothing was imported.`)
  }
  await ctx.db.flush()
  const safety = await ctx.db.backups.create('pre-import').catch((error) => {
    throw backupStorageError(error)
  })
  const files = new Map(parsed.data.athletes.map((doc) => [`athletes/${doc.athleteId}.json`, JSON.stringify(doc)]))
  await replaceDataFiles(ctx, files, JSON.stringify(parsed.data.squad))
  await ctx.reopen()
  return { path: source, athletes: parsed.data.squad.athletes.length, safetyBackupId: safety.id }
}

/** An export from a newer CalfCoach gets "update first", not "not a valid export". */
function assertNotNewer(raw: unknown, name: string): void {
  if (!raw || typeof raw !== 'object') return
  const r = raw as { format?: unknown; formatVersion?: unknown; squad?: { schemaVersion?: unknown }; athletes?: unknown }
  if (r.format !== EXPORT_FORMAT) return
  const newer =
    (typeof r.formatVersion === 'number' && r.formatVersion > 1) ||
    (typeof r.squad?.schemaVersion === 'number' && r.squad.schemaVersion > SQUAD_SCHEMA_VERSION) ||
    (Array.isArray(r.athletes) && r.athletes.some((a) => typeof (a as { schemaVersion?: unknown })?.schemaVersion === 'number' && (a as { schemaVersion: number }).schemaVersion > ATHLETE_SCHEMA_VERSION))
  if (newer) {
    throw new DomainError('invalid-input', `${name} was made by a newer CalfCoach. Update CalfCoach first, then import it. Nothing was imported.`)
  }
}
