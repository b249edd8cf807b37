import path from 'node:path'
import { z } from 'zod'
import { AssessmentRecord } from '../../../shared/domain/documents'
import { RunInput } from '../../../shared/domain/run'
import type { AthleteSummary } from '../../../shared/domain/summary'
import type { FileOps } from './file-ops'

/**
 * A disposable cache of per-athlete triage summaries, so the squad opens without reading every
 * athlete's whole history. Each entry is trusted only while its athlete file's size and mtime match;
 * a missing, stale or unreadable cache just means the summaries are recomputed from the files.
 */
const CACHE_VERSION = 2

const CacheEntry = z.strictObject({
  size: z.number(),
  mtimeMs: z.number(),
  day: z.string(),
  summary: z.strictObject({
    recentRuns: z.array(RunInput.pick({ date: true, distanceKm: true, painDuring: true, painAfter: true, painNextMorning: true })),
    latestAssessment: AssessmentRecord.nullable(),
    runCount: z.number().int(),
    lastRunDate: z.string().nullable(),
  }),
})
const CacheFile = z.strictObject({ cacheVersion: z.literal(CACHE_VERSION), entries: z.record(z.string(), CacheEntry) })

export type CachedSummary = z.infer<typeof CacheEntry>

export class SummaryCache {
  private entries = new Map<string, CachedSummary>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly dataDir: string,
    private readonly ops: FileOps,
  ) {}

  get file(): string {
    return path.join(this.dataDir, 'cache', 'summaries.json')
  }

  async load(): Promise<void> {
    try {
      const text = await this.ops.readText(this.file)
      if (!text) return
      const parsed = CacheFile.safeParse(JSON.parse(text))
      if (parsed.success) this.entries = new Map(Object.entries(parsed.data.entries))
    } catch {
      /* a broken cache is simply rebuilt */
    }
  }

  /** The cached summary when the athlete file is unchanged since it was cached, for the same day. */
  async valid(athleteId: string, athleteFile: string, day: string): Promise<AthleteSummary | null> {
    const entry = this.entries.get(athleteId)
    if (!entry || entry.day !== day) return null
    const stat = await this.ops.stat(athleteFile)
    if (!stat || stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return null
    return entry.summary
  }

  /** Records a summary computed from data at least as new as the file whose stat is given. */
  put(athleteId: string, stat: { size: number; mtimeMs: number }, day: string, summary: AthleteSummary): void {
    this.entries.set(athleteId, { size: stat.size, mtimeMs: stat.mtimeMs, day, summary })
  }

  forget(athleteId: string): void {
    this.entries.delete(athleteId)
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

  async writeNow(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const payload = JSON.stringify({ cacheVersion: CACHE_VERSION, entries: Object.fromEntries(this.entries) })
    this.writing = this.writing
      .then(async () => {
        await this.ops.mkdirp(path.dirname(this.file))
        await this.ops.writeAtomic(this.file, payload)
      })
      .catch(() => undefined)
    await this.writing
  }
}
