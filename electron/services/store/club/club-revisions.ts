import path from 'node:path'
import type { FileOps } from '../file-ops'
import { documentName, INSTALL_ID, INSTALLATIONS, signature } from './club-names'

/**
 * An athlete's revision in a club folder: every file that makes it up (each installation's main and
 * recent file, and any conflict copy) with its stat facts, in a fixed order. Keys the board's summaries:
 * it changes whenever any of those files changes.
 */
export function revisionOf(files: ReadonlyMap<string, string>): string {
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, sig]) => `${file}:${sig}`)
    .join('|')
}

/**
 * Every athlete's revision from one pass over the folder: one listing per installation's athletes
 * folder and a stat per file, all at once, instead of a listing and a stat per installation for each
 * athlete. Taken when the squad opens, before athletes load in the background, so the board checks its
 * summaries without touching the disk (see Database.athleteRevision: an athlete already read keeps the
 * revision of the files it was read from).
 */
export class ClubRevisions {
  /** athlete id → ("<installId>/<file name>" → signature) */
  private byAthlete = new Map<string, Map<string, string>>()

  constructor(
    private readonly root: string,
    private readonly ops: FileOps,
  ) {}

  async scan(): Promise<void> {
    const base = path.join(this.root, INSTALLATIONS)
    const installs = (await this.ops.list(base)).filter((n) => INSTALL_ID.test(n))
    const found = await Promise.all(
      installs.map(async (installId) => {
        const dir = path.join(base, installId, 'athletes')
        const names = (await this.ops.list(dir)).filter((n) => documentName(n))
        return Promise.all(names.map(async (name) => ({ installId, name, stat: await this.ops.stat(path.join(dir, name)).catch(() => null) })))
      }),
    )
    const byAthlete = new Map<string, Map<string, string>>()
    for (const { installId, name, stat } of found.flat()) {
      const id = documentName(name)!.base.replace(/\.json$/, '')
      if (!stat) continue
      const files = byAthlete.get(id) ?? new Map<string, string>()
      files.set(`${installId}/${name}`, signature(stat))
      byAthlete.set(id, files)
    }
    this.byAthlete = byAthlete
  }

  /** The athlete's revision at the last scan ('' when no file of it was there). */
  of(athleteId: string): string {
    const files = this.byAthlete.get(athleteId)
    return files ? revisionOf(files) : ''
  }
}
