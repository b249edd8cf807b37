import path from 'node:path'
import type { AthleteDocument, SquadDocument } from '../../../../shared/domain/documents'
import { JsonDocument } from '../document'
import { athleteKind, squadKind } from '../kinds'
import { ClubDocumentAdapter, type MergeReport } from './club-adapter'
import type { ClubFolder } from './club-folder'

/** What club loading needs from the Database (kept narrow so the two can change apart). */
export interface ClubTarget {
  club: ClubFolder
  squad: JsonDocument<SquadDocument>
  readOnlyReason: string | null
  addNotice(level: 'info' | 'warning' | 'error', title: string, detail: string, file?: string): void
  registerAthleteDoc(id: string, doc: JsonDocument<AthleteDocument>): void
  /** The athlete's document when it is in memory (athletes load on demand, see athlete-docs.ts). */
  findAthleteDoc(id: string): JsonDocument<AthleteDocument> | null
}

export function clubSquadDoc(club: ClubFolder): JsonDocument<SquadDocument> {
  const adapter = new ClubDocumentAdapter(club, 'squad.json', squadKind)
  return new JsonDocument(club.ownFile('squad.json'), squadKind, club.ops, squadKind.create(), adapter)
}

export function clubAthleteDoc(club: ClubFolder, id: string, name: string): JsonDocument<AthleteDocument> {
  const kind = athleteKind(id, name)
  const rel = `athletes/${id}.json`
  return new JsonDocument(club.ownFile(rel), kind, club.ops, kind.create(), new ClubDocumentAdapter(club, rel, kind))
}

/**
 * Reads the squad index merged from every installation's file, and takes every athlete's revision in
 * one pass, so the board checks its summaries before any athlete is read and without touching the disk.
 */
export async function loadClubSquad(db: ClubTarget): Promise<void> {
  await db.squad.reload()
  report(db, 'squad.json', db.squad)
  await db.club.revisions.scan()
}

/**
 * What a club's backups hold: the merged documents the coach sees, in the single-coach layout, so a
 * backup restores anywhere (one athlete in memory at a time).
 */
export async function mergedBackupSource(db: {
  squad: JsonDocument<SquadDocument>
  forEachAthlete(fn: (doc: JsonDocument<AthleteDocument>) => void): Promise<void>
}): Promise<Map<string, string>> {
  const texts = new Map<string, string>([['squad.json', JSON.stringify(db.squad.data)]])
  await db.forEachAthlete((doc) => {
    texts.set(`athletes/${doc.data.athleteId}.json`, JSON.stringify(doc.data))
  })
  return texts
}

/**
 * An athlete's revision in the club (see club-revisions.ts): of the files it was read from and written
 * to once it is loaded, else from the pass taken at open. Never touches the disk.
 */
export function clubAthleteRevision(db: ClubTarget, id: string): string {
  const adapter = db.findAthleteDoc(id)?.adapter
  return (adapter instanceof ClubDocumentAdapter ? adapter.revision : null) ?? db.club.revisions.of(id)
}

/** Reads one athlete merged from every installation's files and registers it (called once per load, via Database). */
export async function openClubAthlete(db: ClubTarget, id: string, name: string): Promise<JsonDocument<AthleteDocument>> {
  const doc = clubAthleteDoc(db.club, id, name)
  await doc.reload()
  db.registerAthleteDoc(id, doc)
  report(db, `athletes/${id}.json`, doc)
  return doc
}

/**
 * Brings in changes other installations wrote: the squad index and the athletes whose files changed
 * (rels like "athletes/<id>.json"; null means "look at everything"). Returns the athlete ids that changed.
 */
export async function refreshClub(db: ClubTarget, rels: ReadonlySet<string> | null): Promise<{ squad: boolean; athletes: string[] }> {
  const squadChanged = rels === null || rels.has('squad.json') ? await db.squad.reload() : false
  if (squadChanged) report(db, 'squad.json', db.squad)
  const changed: string[] = []
  for (const a of db.squad.data.athletes) {
    const rel = `athletes/${a.id}.json`
    if (rels !== null && !rels.has(rel)) continue
    const doc = db.findAthleteDoc(a.id)
    // Not in memory: it is merged afresh whenever it is next read; only its summary must be redone.
    if (!doc) changed.push(a.id)
    else if (await doc.reload()) changed.push(a.id)
    if (doc) report(db, rel, doc)
  }
  return { squad: squadChanged, athletes: changed }
}

function report(db: ClubTarget, rel: string, doc: { adapter: unknown }): void {
  const adapter = doc.adapter
  if (!(adapter instanceof ClubDocumentAdapter)) return
  const r: MergeReport = adapter.lastReport
  if (r.conflictsMerged.length) {
    db.addNotice(
      'info',
      'Sync conflict copies merged',
      `${r.conflictsMerged.map((f) => path.basename(f)).join(', ')}: every change in them was merged into ${rel}, and the copies were moved to the club folder's conflicts folder.`,
    )
  }
  if (r.skipped.length) {
    db.addNotice(
      'warning',
      'Some shared entries could not be shown',
      `${r.skipped.length} entr${r.skipped.length === 1 ? 'y' : 'ies'} in ${rel} from another installation are not valid for this version of CalfCoach (perhaps written by a newer one). They are kept in the club folder, untouched.`,
    )
  }
}
