import path from 'node:path'
import type { AthleteSummary } from '../../../shared/domain/summary'
import { CachedSummary } from './cached-summary'
import type { FileOps } from './file-ops'

/**
 * Per-athlete board summaries, kept for every athlete and persisted in cache/summaries.json so the
 * board answers at launch without reading any athlete file; beside each summary, the board facts worked
 * out from it for the last day the board was asked (cached-summary.ts), so a warm launch on the same day
 * works nothing out again.
 *
 * Each entry is keyed by the revision of the athlete's files it describes (Database.athleteRevision:
 * stat facts of every file that makes up the athlete, in a club folder one per installation). The app
 * replaces an entry on every write it makes to that athlete, so entries stay current without a
 * rescan; an entry whose file's revision differs at launch means the file changed outside the app
 * (a synced folder, a hand edit, a restore) and only that athlete is summarised again. The file is a
 * cache: missing, damaged or from another version, it is simply rebuilt (a damaged entry alone is made again).
 */
const CACHE_VERSION = 8

/**
 * Summaries hold the rules engine's reading of each assessment, so a build with other rules must not
 * trust them: the production build stamps itself (electron.vite.config.ts), and a different stamp means
 * every summary is made again once.
 */
declare const __CALFCOACH_BUILD__: string | undefined
const BUILD = typeof __CALFCOACH_BUILD__ === 'string' ? __CALFCOACH_BUILD__ : 'source'

export class SummaryCache {
  private entries = new Map<string, CachedSummary>()
  private readonly changed = () => this.scheduleWrite()
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly dataDir: string,
    private readonly ops: FileOps,
    /** False while the data folder must not be written (read-only folder, index from a newer version). */
    private readonly mayWrite: () => boolean = () => true,
  ) {}

  get file(): string {
    return path.join(this.dataDir, 'cache', 'summaries.json')
  }

  async load(): Promise<void> {
    try {
      const text = await this.ops.readText(this.file)
      if (!text) return
      // The first line names the format; then one line per athlete, checked part by part when first used.
      const lines = text.split('\n')
      const header = JSON.parse(lines[0] ?? '') as { cacheVersion?: unknown; build?: unknown }
      if (header.cacheVersion !== CACHE_VERSION || header.build !== BUILD) return
      for (let i = 1; i < lines.length; i++) {
        const read = lines[i] ? CachedSummary.read(lines[i] as string, this.changed) : null
        if (read) this.entries.set(read.athleteId, read.entry)
      }
    } catch {
      /* a broken cache is simply rebuilt */
    }
  }

  /**
   * The athlete's entry when it still describes the file on disk; the first call per athlete in a
   * session compares the file's revision, later ones trust it (the app's own writes update it).
   */
  async current(athleteId: string, revisionNow: () => Promise<string>): Promise<CachedSummary | null> {
    const held = this.entries.get(athleteId)
    if (!held) return null
    if (held.checked) return held
    if ((await revisionNow()) !== held.revision) return null
    held.checked = true
    return held
  }

  /** Records a summary of the record whose file now has `revision`, and persists it soon. */
  put(athleteId: string, revision: string, summary: AthleteSummary): CachedSummary {
    const entry = CachedSummary.made(revision, summary, this.changed)
    this.entries.set(athleteId, entry)
    this.scheduleWrite()
    return entry
  }

  /**
   * The athlete left memory: the file may change outside the app before it is read again, so the next
   * board compares the file's revision once more (one stat) before trusting the summary.
   */
  recheck(athleteId: string): void {
    const held = this.entries.get(athleteId)
    if (held) held.checked = false
  }

  /** Drops an athlete's summary (deleted, or known to have changed outside the app). */
  forget(athleteId: string): void {
    if (this.entries.delete(athleteId)) this.scheduleWrite()
  }

  /** Writes soon, coalescing bursts of saves into one cache write. */
  scheduleWrite(delayMs = 1500): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.writeNow()
    }, delayMs)
    this.timer.unref?.()
  }

  /** Writes a scheduled update now (if any) and waits for writes under way: part of the store's flush. */
  async flush(): Promise<void> {
    if (this.timer) await this.writeNow()
    else await this.writing
  }

  async writeNow(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (!this.mayWrite()) return
    // Each athlete's line is kept as text until it changes: a write after one save serialises only that athlete.
    const lines = [JSON.stringify({ cacheVersion: CACHE_VERSION, build: BUILD })]
    for (const [id, entry] of this.entries) {
      const line = entry.toLine(id)
      if (line !== null) lines.push(line)
    }
    const payload = `${lines.join('\n')}\n`
    this.writing = this.writing
      .then(async () => {
        await this.ops.mkdirp(path.dirname(this.file))
        await this.ops.writeAtomic(this.file, payload)
      })
      .catch(() => undefined)
    await this.writing
  }
}
