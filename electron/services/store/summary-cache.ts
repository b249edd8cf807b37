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
 * Summaries hold the rules engine's reading of each assessment, so code with other rules must not trust
 * them: the build stamps main with a fingerprint of the code that makes summaries (electron.vite.config.ts,
 * scripts/summary-code-stamp.ts), and a different fingerprint means every summary is made again once. Run
 * from source (tests, benches) the stamp is 'source'.
 */
declare const __CALFCOACH_SUMMARY_CODE__: string | undefined
const SUMMARY_CODE = typeof __CALFCOACH_SUMMARY_CODE__ === 'string' ? __CALFCOACH_SUMMARY_CODE__ : 'source'

/** Quiet time before the cache is written (see scheduleWrite). */
const WRITE_AFTER_QUIET_MS = 1500
/** The longest a change waits to be written while changes keep coming. */
const WRITE_AT_MOST_AFTER_MS = 15_000
/** Lines made (and appended) per turn of the event loop when the cache is written. */
export const LINES_PER_TURN = 50

export class SummaryCache {
  private entries = new Map<string, CachedSummary>()
  /** Athletes whose line changed (or who were dropped) since the last write. */
  private readonly dirty = new Set<string>()
  /**
   * How many lines the file holds after its header, or null when unknown (not read, or a write failed): the
   * next write then rewrites it whole. Otherwise a write appends only the changed athletes' lines (a later line
   * for an athlete wins when the file is read), and rewrites the file whole once it holds twice what it needs.
   */
  private linesOnDisk: number | null = null
  private readonly touch = (athleteId: string) => {
    this.dirty.add(athleteId)
    this.scheduleWrite()
  }
  private timer: ReturnType<typeof setTimeout> | null = null
  /** When the first change not yet written was made (Date.now()), or null when everything is written. */
  private firstUnwritten: number | null = null
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
      if (header.cacheVersion !== CACHE_VERSION || header.build !== SUMMARY_CODE) return
      let count = 0
      for (let i = 1; i < lines.length; i++) {
        if (!lines[i]) continue
        count++
        const read = CachedSummary.read(lines[i] as string, this.touch)
        if (read?.entry === 'forgotten') this.entries.delete(read.athleteId)
        else if (read) this.entries.set(read.athleteId, read.entry)
      }
      this.linesOnDisk = count
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

  /** The athlete's entry when it was already compared with the file this session (no file access), else null. */
  trusted(athleteId: string): CachedSummary | null {
    const held = this.entries.get(athleteId)
    return held?.checked ? held : null
  }

  /** Records a summary of the record whose file now has `revision`, and persists it soon. */
  put(athleteId: string, revision: string, summary: AthleteSummary): CachedSummary {
    const entry = CachedSummary.made(revision, summary, () => this.touch(athleteId))
    this.entries.set(athleteId, entry)
    this.touch(athleteId)
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
    if (this.entries.delete(athleteId)) this.touch(athleteId)
  }

  /**
   * Writes once things are quiet: each change pushes the write back (a burst of saves, or a board that
   * worked out every athlete's facts for a new day, is written once, after it, never in the middle of the
   * coach's saves), but no later than WRITE_AT_MOST_AFTER_MS after the first change not yet written.
   */
  scheduleWrite(delayMs = WRITE_AFTER_QUIET_MS): void {
    const now = Date.now()
    this.firstUnwritten ??= now
    const wait = Math.max(0, Math.min(delayMs, this.firstUnwritten + WRITE_AT_MOST_AFTER_MS - now))
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.writeNow()
    }, wait)
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
    this.firstUnwritten = null
    const changed = [...this.dirty]
    this.dirty.clear()
    const append = this.ops.appendText
    const known = this.linesOnDisk
    let write: () => Promise<void>
    // Lines are made when the write runs, a slice at a time (LINES_PER_TURN): a new day's board changes every
    // athlete's line, and making and encoding 1,000 of them in one go held the event loop for tens of ms.
    if (append && known !== null && known + changed.length <= 2 * this.entries.size + 64) {
      if (changed.length === 0) return this.writing
      // Counted now (at most this many), so a write decided meanwhile knows what the file will hold.
      this.linesOnDisk = known + changed.length
      write = async () => {
        for (let from = 0; from < changed.length; from += LINES_PER_TURN) {
          if (from > 0) await nextTurn()
          const lines: string[] = []
          for (const id of changed.slice(from, from + LINES_PER_TURN)) {
            const entry = this.entries.get(id)
            const line = entry ? entry.toLine(id) : CachedSummary.forgottenLine(id)
            if (line !== null) lines.push(line)
          }
          const left = Math.min(LINES_PER_TURN, changed.length - from) - lines.length
          if (left && this.linesOnDisk !== null) this.linesOnDisk -= left
          // The leading line break ends a line a crash may have torn, so every appended line reads whole.
          if (lines.length) await append.call(this.ops, this.file, `\n${lines.join('\n')}`)
        }
      }
    } else {
      this.linesOnDisk = this.entries.size
      write = async () => {
        // Each athlete's line is kept as text until it changes: only changed athletes are serialised. Encoded
        // a slice at a time too, so no turn encodes the whole file (4.7 MB at 1,000 athletes).
        const chunks = [Buffer.from(`${JSON.stringify({ cacheVersion: CACHE_VERSION, build: SUMMARY_CODE })}\n`)]
        const all = [...this.entries]
        let count = 0
        for (let from = 0; from < all.length; from += LINES_PER_TURN) {
          if (from > 0) await nextTurn()
          const lines: string[] = []
          for (const [id, entry] of all.slice(from, from + LINES_PER_TURN)) {
            const line = entry.toLine(id)
            if (line !== null) lines.push(line)
          }
          if (lines.length) chunks.push(Buffer.from(`${lines.join('\n')}\n`))
          count += lines.length
        }
        this.linesOnDisk = count
        await this.ops.mkdirp(path.dirname(this.file))
        await this.ops.writeAtomic(this.file, Buffer.concat(chunks))
      }
    }
    this.writing = this.writing.then(write).catch(() => {
      // Not knowing what the file holds now, the next write replaces it whole.
      this.linesOnDisk = null
    })
    await this.writing
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
