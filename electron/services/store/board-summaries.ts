import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import { addDays, type WeekStartDay } from '../../../shared/dates'
import type { Athlete } from '../../../shared/domain/squad'
import { summariseAthlete, summaryMadeWith, summaryServes } from '../../../shared/domain/summary'
import { CachedSummary } from './cached-summary'
import type { JsonDocument } from './document'
import type { SummaryCache } from './summary-cache'

/** What the board's summaries need from the store (kept narrow so the two can change apart). */
export interface SummarySource {
  readonly squad: JsonDocument<SquadDocument>
  readonly summaryCache: SummaryCache
  readonly now: () => Date
  athleteRevision(id: string): Promise<string>
  /** The revision of the file `doc` just wrote, if known without a stat (Database.revisionWritten). */
  revisionWritten?(doc: JsonDocument<AthleteDocument>): string | null
  /** Runs `fn` on the athlete's document, read if it is not in memory, as part of a pass over the squad. */
  withAthlete<T>(athlete: Athlete, fn: (doc: JsonDocument<AthleteDocument>) => Promise<T>, walk: boolean): Promise<T>
  /** True while memory holds something the athlete's file does not (locked, recovered, awaiting migration). */
  athleteKeptInMemory(id: string): boolean
}

/** Athletes summarised from their files at once: each read holds one record in memory. */
const READS_AT_ONCE = 4

/**
 * Board summaries for every athlete in the index, for `todayIso`. Each comes from the summary cache
 * while the athlete's file is the one it describes; only an athlete whose file changed outside the
 * app (or has no summary yet) is read, ahead of the background pass, and summarised again, a few at
 * a time so memory stays flat. Nothing here waits for the other athletes' files or for the daily backup.
 * An entry that already holds its board facts for the day and week start is used without checking its
 * whole summary (a warm launch on the same day reads nothing else).
 */
export async function boardSummaries(store: SummarySource, todayIso: string, weekStartsOn: WeekStartDay): Promise<Map<string, CachedSummary>> {
  const out = new Map<string, CachedSummary>()
  const stale: Athlete[] = []
  const accept = (cached: CachedSummary | null, a: Athlete) => {
    const head = cached?.servesFrom
    // A summary made with another profile (age or sex edited since) reads the assessments differently: redo it.
    // One made after today (the clock went back) cannot answer for today.
    if (!cached || !head || !summaryServes(head, todayIso) || !summaryMadeWith(head, a)) return null
    return cached.boardFacts(todayIso, weekStartsOn) || cached.summary ? cached : null
  }
  const usable = async (a: Athlete) => accept(await store.summaryCache.current(a.id, () => store.athleteRevision(a.id)), a)
  // Entries already compared with their file this session need no await (a board after one save: all but one).
  const unchecked: Athlete[] = []
  for (const a of store.squad.data.athletes) {
    const trusted = store.summaryCache.trusted(a.id)
    if (!trusted) unchecked.push(a)
    else {
      const cached = accept(trusted, a)
      if (cached) out.set(a.id, cached)
      else stale.push(a)
    }
  }
  await Promise.all(
    unchecked.map(async (a) => {
      const cached = await usable(a)
      if (cached) out.set(a.id, cached)
      else stale.push(a)
    }),
  )
  const worker = async () => {
    for (let a = stale.shift(); a; a = stale.shift()) {
      const athlete = a
      // The launch pass may have summarised it meanwhile.
      const summary = (await usable(athlete)) ?? (await store.withAthlete(athlete, (doc) => summariseLoaded(store, athlete, doc, todayIso), true))
      out.set(athlete.id, summary)
    }
  }
  await Promise.all(Array.from({ length: READS_AT_ONCE }, worker))
  return out
}

/** Summarises an athlete's record (in memory); caches the result while the file is the one it describes. */
export async function summariseLoaded(
  store: Omit<SummarySource, 'withAthlete'>,
  athlete: Athlete,
  doc: JsonDocument<AthleteDocument>,
  todayIso?: string,
): Promise<CachedSummary> {
  await doc.flush()
  const summary = summariseAthlete(doc.data, summaryDay(store.now, todayIso), athlete)
  // Not keyed to a file that does not hold this record (yet): the next launch must read that file again.
  const revision = doc.lockedReason || store.athleteKeptInMemory(athlete.id) ? '' : await store.athleteRevision(athlete.id)
  return revision ? store.summaryCache.put(athlete.id, revision, summary) : CachedSummary.made('', summary)
}

/** Replaces the athlete's summary after every write the app makes, so the board never rescans. */
export function keepSummaryCurrent(store: SummarySource, id: string, doc: JsonDocument<AthleteDocument>): void {
  doc.afterWrite = async (data) => {
    // The revision of the version this write made, known from the write itself (no stat after the save).
    const revision = store.revisionWritten?.(doc) ?? (await store.athleteRevision(id))
    // The profile as the squad index has it now (none yet while the athlete is being created: redone on read).
    const profile = store.squad.data.athletes.find((a) => a.id === id) ?? null
    if (revision) store.summaryCache.put(id, revision, summariseAthlete(data, summaryDay(store.now), profile))
    else store.summaryCache.forget(id)
  }
}

/**
 * The day a new summary is made for: yesterday by the main process's clock (a margin for a board
 * asked from another time zone), or the day asked for when that is earlier.
 */
function summaryDay(now: () => Date, todayIso?: string): string {
  const d = now()
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  const day = addDays(local, -1)
  return todayIso && todayIso < day ? todayIso : day
}
