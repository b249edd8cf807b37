import path from 'node:path'
import { DomainError } from '../../../shared/api/result'
import { type BackupStore, CANONICAL_FILE, sha256 } from './backups'
import { interpretDocument } from './document'
import type { FileOps } from './file-ops'
import { athleteKind, squadKind } from './kinds'

/** A backup read completely into memory and checked: safe to write over the live files. */
export interface CheckedBackup {
  squadText: string
  /** athletes/<id>.json → file text */
  athleteFiles: Map<string, string>
}

/**
 * Reads every file of a backup and refuses it, naming the file, unless all of them are intact (match
 * the manifest's checksums), parse, pass their schema, and agree with each other: every athlete in the
 * squad index has a record and every record belongs to an athlete in the index. Nothing is written here,
 * so a refused backup changes nothing.
 */
export async function checkBackup(backups: BackupStore, ops: FileOps, id: string): Promise<CheckedBackup> {
  const dir = path.join(backups.root, id)
  const refuse = (rel: string, why: string) =>
    new DomainError('invalid-input', `Backup ${id} cannot be restored: ${rel} ${why}. Nothing was changed.`)
  const manifest = await backups.manifestOf(id)
  const rels = manifest
    ? Object.keys(manifest.files)
    : ['squad.json', ...(await ops.list(path.join(dir, 'athletes'))).map((n) => `athletes/${n}`).filter((r) => CANONICAL_FILE.test(r))]
  if (!rels.includes('squad.json')) throw refuse('squad.json', 'is missing')

  const texts = new Map<string, string>()
  for (const rel of rels) {
    if (!CANONICAL_FILE.test(rel)) throw refuse(rel, 'is not a CalfCoach data file')
    const text = await ops.readText(path.join(dir, rel))
    if (text === null) throw refuse(rel, 'is missing')
    const expected = manifest?.files[rel]
    if (expected && sha256(text) !== expected.sha256) throw refuse(rel, 'was changed or damaged after the backup was taken')
    texts.set(rel, text)
  }

  const squad = interpretDocument(texts.get('squad.json')!, squadKind)
  if (squad.kind === 'newer') throw refuse('squad.json', `was written by a newer CalfCoach (data format ${squad.version}); update CalfCoach first`)
  if (squad.kind !== 'ok') throw refuse('squad.json', squad.kind === 'damaged' ? `is damaged (${squad.reason})` : 'is missing')

  const listed = new Map(squad.data.athletes.map((a) => [a.id, a.name]))
  const athleteFiles = new Map<string, string>()
  for (const [rel, text] of texts) {
    if (rel === 'squad.json') continue
    const id = path.basename(rel, '.json')
    const name = listed.get(id)
    if (!name) throw refuse(rel, 'belongs to an athlete the backup’s squad index does not list')
    const outcome = interpretDocument(text, athleteKind(id, name))
    if (outcome.kind === 'newer') throw refuse(rel, `was written by a newer CalfCoach (data format ${outcome.version}); update CalfCoach first`)
    if (outcome.kind !== 'ok') throw refuse(rel, outcome.kind === 'damaged' ? `is damaged (${outcome.reason})` : 'is missing')
    if (outcome.data.athleteId !== id) throw refuse(rel, `holds the record of athlete ${outcome.data.athleteId}`)
    athleteFiles.set(rel, text)
  }
  for (const [id, name] of listed) {
    if (!athleteFiles.has(`athletes/${id}.json`)) throw refuse(`athletes/${id}.json`, `(the record of ${name}) is missing`)
  }
  return { squadText: texts.get('squad.json')!, athleteFiles }
}
