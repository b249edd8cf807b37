import path from 'node:path'
import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import type { Database } from './database'
import { type DocumentKind, interpretDocument, type JsonDocument, type LoadOutcome } from './document'
import { athleteKind, squadKind } from './kinds'
import { LOCK_FILE } from './folder-lock'
import { SHARE_FILE } from './club/share-config'

/**
 * Recovery of damaged, missing and unlisted data files while the database opens. Nothing here throws data
 * away: a damaged file is moved aside (never deleted or overwritten) and the newest readable copy in the
 * backups takes its place; athlete files the squad index does not list are added back; and every such event
 * becomes a notice the coach sees.
 */

/** What recovery uses of the Database: its folders, file access, backups, squad index and notices. */
export type RecoveryTarget = Pick<
  Database,
  'dataDir' | 'athletesDir' | 'ops' | 'now' | 'backups' | 'squad' | 'readOnlyReason' | 'addNotice'
>

const ATHLETE_FILE = /^([a-z0-9][a-z0-9-]{2,63})\.json$/
const QUARANTINED = /\.corrupt-[0-9TZ-]+$/

/** The squad index is damaged or missing: move it aside, then restore it from a backup or start it afresh. */
export async function recoverSquad(
  db: RecoveryTarget,
  file: string,
  outcome: Extract<LoadOutcome<SquadDocument>, { kind: 'missing' | 'damaged' }>,
): Promise<void> {
  if (outcome.kind === 'damaged') await quarantineFile(db, file, outcome.reason)
  const athleteFiles = (await db.ops.list(db.athletesDir)).filter((n) => ATHLETE_FILE.test(n))
  if (outcome.kind === 'missing' && athleteFiles.length === 0) {
    if (!db.readOnlyReason) await db.squad.replace(squadKind.create())
    return
  }
  const restored = await restoreFromBackups(db, 'squad.json', squadKind)
  if (restored) {
    db.squad.adopt(restored.data)
    if (!db.readOnlyReason) await db.squad.replace(restored.data)
    db.addNotice(
      'warning',
      outcome.kind === 'missing' ? 'Squad index was missing' : 'Squad index was damaged',
      `The squad index was restored from backup ${restored.backupId}. Athletes added after that backup are recovered from their own files below.`,
      file,
    )
  } else {
    db.addNotice(
      'warning',
      outcome.kind === 'missing' ? 'Squad index was missing' : 'Squad index was damaged',
      'No backup of the squad index was found; it was rebuilt from the athletes’ own files. Check names, groups and settings.',
      file,
    )
    if (!db.readOnlyReason) await db.squad.replace(squadKind.create())
  }
}

/** An athlete's record is damaged or missing: move it aside, then restore it from a backup or start an empty one. */
export async function recoverAthlete(
  db: RecoveryTarget,
  doc: JsonDocument<AthleteDocument>,
  reason: string,
  name: string,
  quarantine = true,
): Promise<void> {
  if (quarantine) {
    const moved = await quarantineFile(db, doc.file, reason)
    if (!moved) {
      doc.lockedReason = `${name}'s record is damaged (${reason}) and could not be moved aside, so it is locked to protect it.`
      return
    }
  }
  const restored = await restoreFromBackups(db, `athletes/${path.basename(doc.file)}`, doc.kind)
  if (restored) {
    doc.adopt(restored.data)
    if (!db.readOnlyReason) await doc.replace(restored.data)
    db.addNotice(
      'warning',
      `${name}: record restored from backup`,
      `${name}'s record could not be read because ${reason}. It was restored from backup ${restored.backupId}; entries made after that backup are not in it.`,
      doc.file,
    )
    return
  }
  if (!db.readOnlyReason) await doc.replace(doc.kind.create())
  db.addNotice(
    'error',
    `${name}: record could not be recovered`,
    `${name}'s record could not be read because ${reason}, and no backup holds a readable copy. ${name} now has an empty log.${quarantine ? ' The damaged file was kept beside it for recovery by hand.' : ''}`,
    doc.file,
  )
}

/** Moves a damaged file aside under a new name. Never deletes or overwrites it. */
export async function quarantineFile(db: RecoveryTarget, file: string, reason: string): Promise<string | null> {
  if (db.readOnlyReason) {
    // Another process may own the folder (or it cannot be written): leave the file exactly where it is.
    db.addNotice('error', 'Damaged file left in place', `${path.basename(file)} is damaged (${reason}); this window is read-only, so it was left as it is.`, file)
    return null
  }
  const stamp = db.now().toISOString().replace(/[:.]/g, '-')
  let target = `${file}.corrupt-${stamp}`
  for (let n = 1; await db.ops.stat(target); n++) target = `${file}.corrupt-${stamp}-${n}`
  try {
    await db.ops.rename(file, target)
  } catch {
    db.addNotice('error', 'Damaged file left in place', `${path.basename(file)} is damaged (${reason}) and could not be moved aside.`, file)
    return null
  }
  db.addNotice('warning', 'Damaged file moved aside', `${path.basename(file)} could not be used because ${reason}. It was kept as ${path.basename(target)}.`, target)
  return target
}

/** The newest readable copy of the data file `rel` among the backups, or null. */
export async function restoreFromBackups<T extends { schemaVersion: number }>(
  db: RecoveryTarget,
  rel: string,
  kind: DocumentKind<T>,
): Promise<{ data: T; backupId: string } | null> {
  for (const version of await db.backups.versionsOf(rel)) {
    const outcome: LoadOutcome<T> = interpretDocument(await db.ops.readText(version.file), kind)
    if (outcome.kind === 'ok') return { data: outcome.data, backupId: version.backupId }
  }
  return null
}

/** Athlete files that the index does not list (e.g. the index was restored from an older backup). */
export async function adoptOrphans(db: RecoveryTarget, loadAthlete: (id: string, name: string) => Promise<void>): Promise<void> {
  const known = new Set(db.squad.data.athletes.map((a) => a.id))
  for (const name of await db.ops.list(db.athletesDir)) {
    const m = ATHLETE_FILE.exec(name)
    if (!m || known.has(m[1]!)) continue
    const id = m[1]!
    const text = await db.ops.readText(path.join(db.athletesDir, name))
    const outcome = interpretDocument(text, athleteKind(id, id))
    if (outcome.kind !== 'ok' || outcome.data.athleteId !== id) {
      db.addNotice('warning', 'Unlisted athlete file left alone', `${name} is not in the squad index and could not be read, so it was left untouched.`)
      continue
    }
    const stamp = db.now().toISOString()
    const athlete = {
      id,
      name: outcome.data.athleteName || `Recovered athlete ${id}`,
      sex: 'female' as const,
      dateOfBirth: null,
      email: '',
      phone: '',
      groupIds: [],
      notes: 'Recovered from its own data file: check sex, date of birth and groups.',
      trainingStatus: 'running' as const,
      archived: false,
      createdAt: stamp,
      updatedAt: stamp,
    }
    if (db.readOnlyReason) continue
    await db.squad.mutate((d) => ({ ...d, athletes: [...d.athletes, athlete] }))
    await loadAthlete(id, athlete.name)
    db.addNotice('warning', `Recovered ${athlete.name}`, `${athlete.name} had a data file but was missing from the squad index, and was added back. Please check the profile details.`)
  }
}

/** Tells the coach about files in the data folder CalfCoach does not know, and about damaged files kept aside. */
export async function reportUnknownFiles(db: RecoveryTarget): Promise<void> {
  const unknown: string[] = []
  let quarantined = 0
  for (const name of await db.ops.list(db.dataDir)) {
    if (['squad.json', 'athletes', 'backups', 'cache', SHARE_FILE, LOCK_FILE].includes(name) || name.startsWith(`${LOCK_FILE}.`)) continue
    if (QUARANTINED.test(name)) quarantined++
    else unknown.push(name)
  }
  for (const name of await db.ops.list(db.athletesDir)) {
    if (ATHLETE_FILE.test(name)) continue
    if (QUARANTINED.test(name)) quarantined++
    else unknown.push(`athletes/${name}`)
  }
  if (unknown.length) {
    db.addNotice('info', 'Unknown files in the data folder', `CalfCoach ignores and never touches these: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}.`)
  }
  if (quarantined) {
    db.addNotice('info', 'Damaged files kept aside', `${quarantined} damaged file(s) from earlier are kept in the data folder (named *.corrupt-*) for recovery by hand.`)
  }
}
