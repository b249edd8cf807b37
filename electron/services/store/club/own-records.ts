import type { ClubFolder } from './club-folder'
import { recentRel } from './club-names'
import { type Envelope, mergeRecords, type RecordMap } from './records'

/**
 * How many records the recent-changes file holds before they are folded into the main file. Small
 * enough that rewriting it is cheap on every save; large enough that folding (which rewrites the main
 * file, years of runs for the coach who shared the squad) happens once in many saves.
 */
export const RECENT_LIMIT = 200

/**
 * This installation's records for one document, kept in two files it alone writes:
 *
 *   <doc>.json          most records (what older CalfCoach versions wrote, and still read the same way)
 *   <doc>.recent.json   the newest records, rewritten on every save
 *
 * A save rewrites only the small recent file, so it costs what changed, not the athlete's history. Past
 * RECENT_LIMIT records both are folded into the main file, and only then is the recent file removed: a
 * crash in between leaves the same versions in both files, which merging (newest stamp wins) reads once.
 * Every file is written whole (temp file, fsync, rename), so readers and sync tools never see a half file.
 */
export class OwnRecords {
  private main: RecordMap = {}
  private recent: RecordMap = {}

  constructor(
    private readonly club: ClubFolder,
    private readonly rel: string,
    private readonly limit = RECENT_LIMIT,
    /** Told each file written (its stat facts) or removed (null), for the document's revision. */
    private readonly onFile: (rel: string, signature: string | null) => void = () => undefined,
  ) {}

  /** Sets what the two files hold (after reading them). */
  reset(main: RecordMap, recent: RecordMap): void {
    this.main = main
    this.recent = recent
  }

  /** Every record this installation wrote for the document, newest version per record. */
  all(): RecordMap {
    return Object.keys(this.recent).length ? mergeRecords([this.main, this.recent]) : this.main
  }

  /** Writes new versions durably; resolves once they are on disk. On failure nothing here changes. */
  async write(changes: Readonly<Record<string, Envelope>>): Promise<void> {
    const recent = { ...this.recent, ...changes }
    if (Object.keys(recent).length <= this.limit) {
      this.onFile(recentRel(this.rel), await this.club.writeOwn(recentRel(this.rel), recent))
      this.recent = recent
      return
    }
    const main = mergeRecords([this.main, recent])
    this.onFile(this.rel, await this.club.writeOwn(this.rel, main))
    this.main = main
    // Every version of the recent file is in the main file now. If it cannot be removed it stays a harmless duplicate.
    await this.club.removeOwn(recentRel(this.rel)).then(
      () => {
        this.recent = {}
        this.onFile(recentRel(this.rel), null)
      },
      () => undefined,
    )
  }
}
