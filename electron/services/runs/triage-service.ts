import type { BoardFacts, SquadBoard, SquadBoardEntry, SquadTriage, SquadTriageEntry } from '../../../shared/api/channels/runs'
import { boardWeeks, compactBoardEntry, sameStrings } from '../../../shared/api/squad-board'
import { type AthleteSummary, latestAssessment, summariseAthlete } from '../../../shared/domain/summary'
import { CachedSummary } from '../store/cached-summary'
import type { ServiceContext } from '../context'
import { boardFactsOf } from './board-facts'
import { localIsoDate } from './run-service'

export { latestAssessment }

/** Same order as String#localeCompare without arguments, without making a collator per comparison. */
const byName = new Intl.Collator().compare

/** For an athlete whose record could not be read at all: no runs, no assessment. */
const NO_SUMMARY: AthleteSummary = summariseAthlete({ runs: [], assessments: [] }, '1970-01-01', null)

/** The entry last made from an athlete's board facts, with what else it was made from. */
interface MadeEntry {
  athleteId: string
  name: string
  groupIds: readonly string[]
  lockedReason: string | null
  entry: SquadTriageEntry
}
/** Keyed by the board facts object, which the summary cache hands out again while the athlete's facts hold. */
const entriesByFacts = new WeakMap<BoardFacts, MadeEntry>()

/**
 * An athlete's board entry: the very object made last time while their facts (same object), id, name, groups
 * and lock are the same, so the dispatcher checks only entries that changed (electron/services/checked-entries.ts
 * freezes each entry it checked, so one handed out again cannot have changed).
 */
export function entryOf(athlete: { id: string; name: string; groupIds: readonly string[] }, facts: BoardFacts, lockedReason: string | null): SquadTriageEntry {
  const made = entriesByFacts.get(facts)
  if (made && made.athleteId === athlete.id && made.name === athlete.name && made.lockedReason === lockedReason && sameStrings(made.groupIds, athlete.groupIds)) return made.entry
  const { attention: _rank, reasons: factReasons, ...shown } = facts
  const reasons: SquadTriageEntry['reasons'] = lockedReason ? [...factReasons, { id: 'record-locked', text: lockedReason, level: 'info' }] : factReasons
  // Its own copy of the groups: the entry may be frozen once checked, the squad's list must not be.
  const groupIds = [...athlete.groupIds]
  const entry: SquadTriageEntry = {
    athleteId: athlete.id,
    name: athlete.name,
    groupIds,
    ...shown,
    reasons,
    locked: lockedReason !== null,
    topReason: reasons[0]?.text ?? null,
  }
  entriesByFacts.set(facts, { athleteId: athlete.id, name: athlete.name, groupIds, lockedReason, entry })
  return entry
}

/**
 * Every active athlete's clinical state (computeClinicalState, the function behind every other status on
 * screen and in print), with the 12-week sparkline, last run and this week's distance, the ones needing
 * attention first and ties by name. Built only from the squad index and the per-athlete summaries, so the
 * board answers at launch without waiting for athlete files. Each athlete's facts are worked out once per
 * summary and day (board-facts.ts) and kept beside the summary in the summary cache: a warm launch on the
 * same day and a request after one save work out nothing but the athlete who changed.
 */
export async function squadTriage(ctx: ServiceContext, todayInput?: string): Promise<SquadTriage> {
  const today = todayInput ?? localIsoDate(ctx.now())
  const startsOn = ctx.db.squad.data.settings.weekStartsOn ?? 'monday'
  const summaries = await ctx.db.summaries(today, startsOn)
  const entries = ctx.db.squad.data.athletes
    .filter((a) => !a.archived)
    .map((athlete) => {
      const lockedReason = ctx.db.lockedReasonOf(athlete.id)
      const cached = summaries.get(athlete.id) ?? CachedSummary.made('', NO_SUMMARY)
      let facts = cached.boardFacts(today, startsOn)
      if (!facts) {
        // boardSummaries only hands out an entry whose summary is sound or whose facts for today are kept.
        facts = boardFactsOf(cached.summary ?? NO_SUMMARY, today, startsOn)
        cached.keepBoardFacts(today, startsOn, facts)
      }
      return { entry: entryOf(athlete, facts, lockedReason), key: facts.attention }
    })
  entries.sort((a, b) => a.key - b.key || byName(a.entry.name, b.entry.name))
  return { today, athletes: entries.map((e) => e.entry) }
}

/** An entry's compact form, kept while the entry object and the board's weeks are the same. */
const compactByEntry = new WeakMap<SquadTriageEntry, { weeks: readonly string[]; compact: SquadBoardEntry }>()

/**
 * The board of squadTriage (same entries, same order) in its compact form (shared/api/squad-board.ts). An
 * entry handed out again by squadTriage gives the same compact object, which the dispatcher checked already.
 */
export async function squadBoard(ctx: ServiceContext, todayInput?: string): Promise<SquadBoard> {
  const board = await squadTriage(ctx, todayInput)
  const weeks = boardWeeks(board.athletes)
  const athletes = board.athletes.map((entry) => {
    const made = compactByEntry.get(entry)
    if (made && sameStrings(made.weeks, weeks)) return made.compact
    const compact = compactBoardEntry(entry, weeks)
    compactByEntry.set(entry, { weeks, compact })
    return compact
  })
  return { today: board.today, weeks, athletes }
}
