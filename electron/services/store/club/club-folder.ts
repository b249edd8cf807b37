import path from 'node:path'
import { z } from 'zod'
import type { FileOps } from '../file-ops'
import { documentName, INSTALL_ID, INSTALLATIONS, signature } from './club-names'
import { ClubRevisions } from './club-revisions'
import { HybridClock } from './hlc'
import { RECORDS_FORMAT, type RecordMap, RecordsFile } from './records'

/**
 * A club folder shared by several coaches through a folder-sync tool:
 *
 *   calfcoach-club.json                           marks the folder (written once)
 *   installations/<installId>/installation.json   who this installation is (the coach's name for it)
 *   installations/<installId>/squad.json          records of the squad index written here
 *   installations/<installId>/athletes/<id>.json  records of one athlete written here
 *   installations/<installId>/….recent.json       the newest of those records (see own-records.ts)
 *   conflicts/<installId>/...                     conflict copies a sync tool made, after merging
 *
 * Each installation writes only under its own folder, so a sync tool never sees one file changed on
 * two computers; readers merge every installation's files record by record.
 */
export const CLUB_MARKER = 'calfcoach-club.json'

export const InstallationInfo = z.strictObject({
  installId: z.string().regex(INSTALL_ID),
  name: z.string().min(1).max(120),
  createdAt: z.string(),
})
export type InstallationInfo = z.infer<typeof InstallationInfo>

export interface FileRecords {
  installId: string
  file: string
  records: RecordMap
  conflictCopy: boolean
  /** From the ".recent.json" file (or a conflict copy of one). */
  recent: boolean
  /** The file's stat facts taken before reading it (see club-revisions.ts). */
  signature: string
}

export class ClubFolder {
  readonly clock: HybridClock
  /**
   * Set when another process on this computer owns the data folder (see folder-lock.ts): conflict copies
   * are still merged into what is shown, but never written into our files or moved aside here.
   */
  readOnly = false
  /** Every athlete's revision from one pass, taken when the squad opens (see club-revisions.ts). */
  readonly revisions: ClubRevisions

  constructor(
    readonly root: string,
    readonly installId: string,
    readonly ops: FileOps,
    wall: () => number = Date.now,
  ) {
    this.clock = new HybridClock(installId, wall)
    this.revisions = new ClubRevisions(root, ops)
  }

  get ownDir(): string {
    return path.join(this.root, INSTALLATIONS, this.installId)
  }

  ownFile(rel: string): string {
    return path.join(this.ownDir, rel)
  }

  async installationIds(): Promise<string[]> {
    return (await this.ops.list(path.join(this.root, INSTALLATIONS))).filter((n) => INSTALL_ID.test(n))
  }

  /**
   * Every installation's records for one document (rel is "squad.json" or "athletes/<id>.json"),
   * including conflict copies. Files that cannot be read are reported, never deleted.
   */
  async readAll(rel: string, problems: string[] = []): Promise<FileRecords[]> {
    const out: FileRecords[] = []
    const base = path.basename(rel)
    for (const installId of await this.installationIds()) {
      const dir = path.join(this.root, INSTALLATIONS, installId, path.dirname(rel))
      const names = await this.ops.list(dir)
      for (const name of names) {
        const doc = documentName(name)
        if (doc?.base !== base) continue
        const file = path.join(dir, name)
        // Stat first: if the file is replaced in between, the revision is older than what was read, and the next check redoes it.
        const stat = await this.ops.stat(file).catch(() => null)
        const records = stat ? await this.readRecords(file, problems) : null
        if (records) out.push({ installId, file, records, conflictCopy: doc.conflictCopy, recent: doc.recent, signature: signature(stat!) })
      }
    }
    return out
  }

  async readRecords(file: string, problems: string[]): Promise<RecordMap | null> {
    const text = await this.ops.readText(file).catch(() => null)
    if (text === null) return null
    try {
      const parsed = RecordsFile.safeParse(JSON.parse(text))
      if (parsed.success) {
        for (const env of Object.values(parsed.data.records)) this.clock.observe(env.hlc)
        return parsed.data.records
      }
      problems.push(`${path.relative(this.root, file)} is not a CalfCoach club file`)
    } catch {
      problems.push(`${path.relative(this.root, file)} is not valid JSON (it may still be arriving)`)
    }
    return null
  }

  /** Writes one of this installation's files whole and durably; resolves to its stat facts afterwards. */
  async writeOwn(rel: string, records: RecordMap): Promise<string> {
    const file = this.ownFile(rel)
    const body: RecordsFile = { format: RECORDS_FORMAT, formatVersion: 1, installId: this.installId, records }
    const text = `${JSON.stringify(body)}\n`
    // The folder exists after the first save; a save should not pay a mkdir every time.
    await this.ops.writeAtomic(file, text).catch(async (error: NodeJS.ErrnoException) => {
      if (error?.code !== 'ENOENT') throw error
      await this.ops.mkdirp(path.dirname(file))
      await this.ops.writeAtomic(file, text)
    })
    const stat = await this.ops.stat(file).catch(() => null)
    return stat ? signature(stat) : ''
  }

  /** Removes one of this installation's own files (a recent-changes file whose records are all in the main one). */
  async removeOwn(rel: string): Promise<void> {
    await this.ops.remove(this.ownFile(rel))
  }

  /** Moves a merged conflict copy out of the folders CalfCoach reads. Never deletes it. */
  async moveAside(file: string): Promise<void> {
    const rel = path.relative(path.join(this.root, INSTALLATIONS), file)
    const target = path.join(this.root, 'conflicts', rel)
    await this.ops.mkdirp(path.dirname(target))
    await this.ops.rename(file, target).catch(() => undefined)
  }

  async installations(): Promise<{ info: InstallationInfo | null; installId: string; lastWriteAt: string | null }[]> {
    const out = []
    for (const installId of await this.installationIds()) {
      const dir = path.join(this.root, INSTALLATIONS, installId)
      let info: InstallationInfo | null = null
      try {
        const parsed = InstallationInfo.safeParse(JSON.parse((await this.ops.readText(path.join(dir, 'installation.json'))) ?? 'null'))
        info = parsed.success ? parsed.data : null
      } catch {
        info = null
      }
      let last = 0
      for (const rel of ['squad.json', ...(await this.ops.list(path.join(dir, 'athletes'))).map((n) => `athletes/${n}`)]) {
        const stat = await this.ops.stat(path.join(dir, rel)).catch(() => null)
        if (stat && stat.mtimeMs > last) last = stat.mtimeMs
      }
      out.push({ info, installId, lastWriteAt: last ? new Date(last).toISOString() : null })
    }
    return out
  }

  async writeInstallation(info: InstallationInfo): Promise<void> {
    await this.ops.mkdirp(path.join(this.ownDir, 'athletes'))
    await this.ops.writeAtomic(path.join(this.ownDir, 'installation.json'), JSON.stringify(info))
    if (!(await this.ops.stat(path.join(this.root, CLUB_MARKER)))) {
      await this.ops.writeAtomic(path.join(this.root, CLUB_MARKER), JSON.stringify({ format: 'calfcoach-club', formatVersion: 1 }))
    }
  }
}

