import path from 'node:path'
import { z } from 'zod'
import { ClinicalInput } from '../../../shared/clinical'
import { AssessmentRecord } from '../../../shared/domain/documents'
import { type AthleteSummary, runDigest, type SummaryRun } from '../../../shared/domain/summary'
import type { FileOps } from './file-ops'

/**
 * Per-athlete board summaries, kept for every athlete and persisted in cache/summaries.json so the
 * board answers at launch without reading any athlete file.
 *
 * Each entry is keyed by the revision of the athlete's files it describes (Database.athleteRevision:
 * stat facts of every file that makes up the athlete, in a club folder one per installation). The app
 * replaces an entry on every write it makes to that athlete, so entries stay current without a
 * rescan; an entry whose file's revision differs at launch means the file changed outside the app
 * (a synced folder, a hand edit, a restore) and only that athlete is summarised again. The file is a
 * cache: missing, damaged or from another version, it is simply rebuilt.
 */
const CACHE_VERSION = 6

/**
 * Summaries hold the rules engine's reading of each assessment, so a build with other rules must not
 * trust them: the production build stamps itself (electron.vite.config.ts), and a different stamp means
 * every summary is made again once.
 */
declare const __CALFCOACH_BUILD__: string | undefined
const BUILD = typeof __CALFCOACH_BUILD__ === 'string' ? __CALFCOACH_BUILD__ : 'source'

/** Runs are stored as tuples to keep the file small: [date, km, pain during, after, next morning]. */
const Pain = z.number().nullable()
const RunTuple = z.tuple([z.string(), z.number(), Pain, Pain, Pain])
const Entry = z.strictObject({
  revision: z.string().min(1),
  summary: z.strictObject({
    asOf: z.string(),
    recentRuns: z.array(RunTuple),
    latestAssessment: AssessmentRecord.nullable(),
    runCount: z.number().int(),
    lastRunDate: z.string().nullable(),
    /** The clinical digest without its runs, which are recentRuns. */
    clinical: ClinicalInput.omit({ runs: true }),
    /** The squad profile the digest was made with (version 6). */
    profile: z.strictObject({ sex: z.enum(['female', 'male']), dateOfBirth: z.string().nullable() }).nullable(),
  }),
})
const CacheFile = z.strictObject({ cacheVersion: z.literal(CACHE_VERSION), build: z.string(), entries: z.record(z.string(), Entry) })
type StoredEntry = z.infer<typeof Entry>

interface Held {
  revision: string
  summary: AthleteSummary
  /** Compared with the file on disk during this session (or written by this app), so no stat is needed. */
  checked: boolean
  /** The entry as the cache file holds it, made once: a write after one save serialises only that athlete. */
  json?: string
}

function toStored(held: Held): StoredEntry {
  const { recentRuns, clinical, ...rest } = held.summary
  const { runs: _sameAsRecentRuns, ...digest } = clinical
  return {
    revision: held.revision,
    summary: { ...rest, clinical: digest, recentRuns: recentRuns.map((r) => [r.date, r.distanceKm, r.painDuring ?? null, r.painAfter ?? null, r.painNextMorning ?? null]) },
  }
}

function fromStored(entry: StoredEntry): Held {
  const { recentRuns, clinical, ...rest } = entry.summary
  const runs: SummaryRun[] = recentRuns.map(([date, distanceKm, painDuring, painAfter, painNextMorning]) => ({ date, distanceKm, painDuring, painAfter, painNextMorning }))
  return { revision: entry.revision, summary: { ...rest, recentRuns: runs, clinical: { ...clinical, runs: runs.map(runDigest) } }, checked: false }
}

export class SummaryCache {
  private entries = new Map<string, Held>()
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
      const parsed = CacheFile.safeParse(JSON.parse(text))
      if (parsed.success && parsed.data.build === BUILD) this.entries = new Map(Object.entries(parsed.data.entries).map(([id, e]) => [id, fromStored(e)]))
    } catch {
      /* a broken cache is simply rebuilt */
    }
  }

  /**
   * The summary for an athlete when it still describes the file on disk; the first call per athlete
   * in a session compares the file's revision, later ones trust it (the app's own writes update it).
   */
  async current(athleteId: string, revisionNow: () => Promise<string>): Promise<AthleteSummary | null> {
    const held = this.entries.get(athleteId)
    if (!held) return null
    if (held.checked) return held.summary
    if ((await revisionNow()) !== held.revision) return null
    held.checked = true
    return held.summary
  }

  /** Records a summary of the record whose file now has `revision`, and persists it soon. */
  put(athleteId: string, revision: string, summary: AthleteSummary): void {
    this.entries.set(athleteId, { revision, summary, checked: true })
    this.scheduleWrite()
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
    // Same text as JSON.stringify of the whole file, built from each entry's own (memoised) text.
    const parts: string[] = []
    for (const [id, held] of this.entries) parts.push(`${JSON.stringify(id)}:${(held.json ??= JSON.stringify(toStored(held)))}`)
    const payload = `{"cacheVersion":${CACHE_VERSION},"build":${JSON.stringify(BUILD)},"entries":{${parts.join(',')}}}`
    this.writing = this.writing
      .then(async () => {
        await this.ops.mkdirp(path.dirname(this.file))
        await this.ops.writeAtomic(this.file, payload)
      })
      .catch(() => undefined)
    await this.writing
  }
}
