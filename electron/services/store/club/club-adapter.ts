import path from 'node:path'
import type { Adapter } from 'lowdb'
import type { ComparesWrites, DocumentKind } from '../document'
import type { ClubFolder } from './club-folder'
import { revisionOf } from './club-revisions'
import { DocumentRecords } from './doc-records'
import { OwnRecords } from './own-records'
import { diffRecords, type Envelope, mergeRecords, type RecordMap } from './records'

/** What a merge found that the coach should hear about. */
export interface MergeReport {
  /** Records left out of the view because their value is not valid here. */
  skipped: string[]
  /** Files that could not be read (still arriving, damaged, or not ours). */
  problems: string[]
  /** Conflict copies merged and moved aside. */
  conflictsMerged: string[]
}

/**
 * lowdb adapter for one document in a club folder. Reading merges every installation's records for
 * the document (conflict copies included); writing turns the change the app made into new record
 * versions and tombstones and writes them to this installation's own files only (own-records.ts). The
 * adapter's state changes only after a write is on disk, so a failed write leaves it (and the document)
 * as it was.
 */
export class ClubDocumentAdapter<T extends { schemaVersion: number }> implements Adapter<T>, ComparesWrites<T> {
  private readonly shape: DocumentRecords<T>
  /** This installation's own records for the document (what its files hold). */
  private readonly own: OwnRecords
  /** All installations' records merged. */
  private merged: Record<string, Envelope> = {}
  /** The records of the document as the app last saw it (what writes are compared against). */
  private view = new Map<string, unknown>()
  /** The files the document was read from and written to ("<installId>/<name>" → stat facts), once known. */
  private files: Map<string, string> | null = null
  lastReport: MergeReport = { skipped: [], problems: [], conflictsMerged: [] }

  constructor(
    private readonly club: ClubFolder,
    readonly rel: string,
    private readonly kind: DocumentKind<T>,
  ) {
    this.shape = new DocumentRecords(kind.schema, () => kind.create())
    this.own = new OwnRecords(club, rel, undefined, (file, sig) => {
      const key = `${club.installId}/${path.basename(file)}`
      this.files ??= new Map()
      if (sig) this.files.set(key, sig)
      else this.files.delete(key)
    })
  }

  get records(): RecordMap {
    return this.merged
  }

  /** The revision of the files the document now reflects (see club-revisions.ts), or null before the first read or write. */
  get revision(): string | null {
    return this.files ? revisionOf(this.files) : null
  }

  async read(): Promise<T> {
    const problems: string[] = []
    const files = await this.club.readAll(this.rel, problems)
    const mine = (recent: boolean) => files.find((f) => f.installId === this.club.installId && !f.conflictCopy && f.recent === recent)?.records ?? {}
    const conflicts = files.filter((f) => f.conflictCopy)
    this.own.reset(mine(false), mine(true))
    this.files = new Map(files.map((f) => [`${f.installId}/${path.basename(f.file)}`, f.signature]))
    this.merged = mergeRecords(files.map((f) => f.records))
    if (conflicts.length && !this.club.readOnly) {
      // Keep what only a conflict copy holds by writing it into our own files, then move the copy aside.
      const own = this.own.all()
      const keep = mergeRecords([own, ...conflicts.map((c) => c.records)])
      const newer = Object.fromEntries(Object.entries(keep).filter(([key, env]) => own[key] !== env))
      if (Object.keys(newer).length) await this.own.write(newer)
      for (const c of conflicts) {
        await this.club.moveAside(c.file)
        this.files.delete(`${c.installId}/${path.basename(c.file)}`)
      }
    }
    const { doc, skipped } = this.shape.fromRecords(this.merged)
    this.view = this.shape.toRecords(doc)
    this.lastReport = { skipped, problems, conflictsMerged: this.club.readOnly ? [] : conflicts.map((c) => c.file) }
    return doc
  }

  adopted(data: T): void {
    this.view = this.shape.toRecords(data)
  }

  /**
   * Adds a document's records to what is already in the club (joining or starting a club folder): new
   * records are written, records the club already has keep the club's version, nothing is deleted.
   */
  async contribute(data: T): Promise<void> {
    const mine = this.shape.toRecords(data)
    const next = new Map(this.view)
    for (const [key, value] of mine) if (!next.has(key) || !(key in this.merged)) next.set(key, value)
    await this.writeRecords(next)
  }

  async write(data: T): Promise<void> {
    await this.writeRecords(this.shape.toRecords(data))
  }

  private async writeRecords(next: Map<string, unknown>): Promise<void> {
    const changes = diffRecords(this.view, next, this.merged, () => this.club.clock.now(), this.club.installId)
    if (Object.keys(changes).length === 0) {
      this.view = next
      return
    }
    await this.own.write(changes)
    // In place: a copy of every record's envelope per save costs more than the save's own work.
    Object.assign(this.merged, changes)
    this.view = next
  }
}
