import path from 'node:path'
import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import { DomainError } from '../../../shared/api/result'
import { interpretDocument, JsonDocument } from './document'
import { athleteKind, squadKind } from './kinds'
import { recoverAthlete, recoverSquad, type RecoveryTarget } from './recovery'

/**
 * Reading the single-coach layout (squad.json plus athletes/<id>.json) while the database opens: the
 * folder checks, the squad index and each athlete's file, each classified as good, older (to migrate),
 * newer (locked) or damaged/missing (recovered, see recovery.ts).
 */

const TEMP_FILE = /^\..+\.tmp-\d+-\d+$/

/** A document read in an older format, to be written back after a backup once loading ends. */
export type Migrated = JsonDocument<{ schemaVersion: number }>

export interface LoadTarget extends RecoveryTarget {
  readOnlyReason: string | null
  squad: JsonDocument<SquadDocument>
  athleteFile(id: string): string
  /** Opens the athlete's document before its file is read, so a failed read still leaves a document. */
  openAthleteDoc(id: string, doc: JsonDocument<AthleteDocument>): void
  /** Keeps the athlete in memory: what memory holds is not what the file says (recovered, migrated). */
  keepAthleteLoaded(id: string): void
}

/** Makes sure the data folder exists, clears abandoned temp files and finds out whether it can be written. */
export async function prepareDataFolder(db: LoadTarget): Promise<void> {
  try {
    await db.ops.mkdirp(db.athletesDir)
  } catch (error) {
    const exists = await db.ops.stat(db.dataDir).catch(() => null)
    if (!exists) {
      throw new DomainError(
        'storage',
        `CalfCoach cannot create its data folder at ${db.dataDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      )
    }
  }
  // Read-only because another process writes here: its temp files are saves in progress, not leftovers.
  if (db.readOnlyReason) return
  await removeStaleTempFiles(db)
  await probeWritable(db)
}

async function removeStaleTempFiles(db: LoadTarget): Promise<void> {
  for (const dir of [db.dataDir, db.athletesDir]) {
    for (const name of await db.ops.list(dir)) {
      // A temp file is never the source of truth: it is either a finished write already renamed, or an unacknowledged one.
      if (TEMP_FILE.test(name)) await db.ops.remove(path.join(dir, name)).catch(() => undefined)
    }
  }
}

async function probeWritable(db: LoadTarget): Promise<void> {
  const probe = path.join(db.dataDir, '.write-probe')
  try {
    await db.ops.writeAtomic(probe, 'ok')
    await db.ops.remove(probe)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    db.readOnlyReason = `The data folder ${db.dataDir} cannot be written (${code}). You can look at your squad, but nothing can be saved until the folder is writable.`
    db.addNotice('error', 'Data folder is read-only', db.readOnlyReason)
  }
}

export async function loadSquadFile(db: LoadTarget, migrated: Migrated[]): Promise<void> {
  const file = path.join(db.dataDir, 'squad.json')
  const outcome = interpretDocument(await db.ops.readText(file), squadKind)
  db.squad = new JsonDocument(file, squadKind, db.ops, squadKind.create())
  if (outcome.kind === 'ok') {
    db.squad.adopt(outcome.data)
    if (outcome.migratedFrom) migrated.push(db.squad as never)
    return
  }
  if (outcome.kind === 'newer') {
    db.readOnlyReason = `The squad index was written by a newer version of CalfCoach (data format ${outcome.version}; this version understands ${squadKind.currentVersion}). Nothing will be changed; please update CalfCoach.`
    db.squad.lockedReason = db.readOnlyReason
    db.addNotice('error', 'Data from a newer CalfCoach', db.readOnlyReason, file)
    return
  }
  await recoverSquad(db, file, outcome)
}

export async function loadAthleteFile(db: LoadTarget, id: string, name: string, migrated: Migrated[]): Promise<JsonDocument<AthleteDocument>> {
  const file = db.athleteFile(id)
  const kind = athleteKind(id, name)
  const doc = new JsonDocument(file, kind, db.ops, kind.create())
  db.openAthleteDoc(id, doc)
  const outcome = interpretDocument(await db.ops.readText(file), kind)
  // Reading this file again later would not give what memory now holds (or would recover it twice).
  if (outcome.kind !== 'ok' || outcome.migratedFrom || outcome.data.athleteId !== id) db.keepAthleteLoaded(id)
  if (outcome.kind === 'ok') {
    if (outcome.data.athleteId !== id) {
      await recoverAthlete(db, doc, `it belongs to athlete id ${outcome.data.athleteId}, not ${id}`, name)
      return doc
    }
    doc.adopt(outcome.data)
    if (outcome.migratedFrom) migrated.push(doc as never)
    return doc
  }
  if (outcome.kind === 'newer') {
    doc.lockedReason = `${name}'s record was written by a newer version of CalfCoach (data format ${outcome.version}). It is shown as locked and will not be changed; please update CalfCoach.`
    db.addNotice('error', `${name}: record from a newer CalfCoach`, doc.lockedReason, file)
    return doc
  }
  if (outcome.kind === 'missing') await recoverAthlete(db, doc, 'the file is missing', name, false)
  else await recoverAthlete(db, doc, outcome.reason, name)
  return doc
}
