import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import { addDays } from '../../../shared/dates'
import type { Athlete } from '../../../shared/domain/squad'
import { type AthleteSummary, summariseAthlete, summaryMadeWith, summaryServes } from '../../../shared/domain/summary'
import type { JsonDocument } from './document'
import type { SummaryCache } from './summary-cache'

/** What the board's summaries need from the store (kept narrow so the two can change apart). */
export interface SummarySource {
  readonly squad: JsonDocument<SquadDocument>
  readonly summaryCache: SummaryCache
  readonly now: () => Date
  athleteRevision(id: string): Promise<string>
  /** Reads the athlete's file if it is not loaded yet (shared with the background pass). */
  ensureAthlete(id: string, name: string): Promise<void>
  findAthleteDoc(id: string): JsonDocument<AthleteDocument> | null
}

/**
 * Board summaries for every athlete in the index, for `todayIso`. Each comes from the summary cache
 * while the athlete's file is the one it describes; only an athlete whose file changed outside the
 * app (or has no summary yet) is read, ahead of the background pass, and summarised again. Nothing
 * here waits for the other athletes' files or for the daily backup.
 */
export async function boardSummaries(store: SummarySource, todayIso: string): Promise<Map<string, AthleteSummary>> {
  const out = new Map<string, AthleteSummary>()
  await Promise.all(
    store.squad.data.athletes.map(async (a) => {
      const cached = await store.summaryCache.current(a.id, () => store.athleteRevision(a.id))
      // A summary made with another profile (age or sex edited since) reads the assessments differently: redo it.
      if (cached && summaryServes(cached, todayIso) && summaryMadeWith(cached, a)) return out.set(a.id, cached)
      const summary = await summariseFromFile(store, a, todayIso)
      if (summary) out.set(a.id, summary)
    }),
  )
  return out
}

/** Reads (or reuses) one athlete's record and summarises it; caches the result while the file matches it. */
async function summariseFromFile(store: SummarySource, athlete: Athlete, todayIso: string): Promise<AthleteSummary | null> {
  const { id, name } = athlete
  await store.ensureAthlete(id, name)
  const doc = store.findAthleteDoc(id)
  if (!doc) return null
  await doc.flush()
  const summary = summariseAthlete(doc.data, summaryDay(store.now, todayIso), athlete)
  const revision = doc.lockedReason ? '' : await store.athleteRevision(id)
  if (revision) store.summaryCache.put(id, revision, summary)
  return summary
}

/** Replaces the athlete's summary after every write the app makes, so the board never rescans. */
export function keepSummaryCurrent(store: SummarySource, id: string, doc: JsonDocument<AthleteDocument>): void {
  doc.afterWrite = async (data) => {
    const revision = await store.athleteRevision(id)
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
