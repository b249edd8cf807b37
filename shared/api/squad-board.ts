import type { SquadBoard, SquadBoardEntry, SquadTriage, SquadTriageEntry } from './channels/runs'

// getSquadBoard carries the board's entries (getSquadTriage's, worked out once in
// electron/services/runs/board-facts.ts) without what the renderer can rebuild exactly: each sparkline point's
// week start, the same for every athlete and sent once, and topReason, the first reason's text. These two
// functions are the only translation between the forms; expandSquadBoard(compact) equals the triage answer
// (tests/unit/runs/squad-board.test.ts).

/** Two lists of ids or week starts hold the same strings in the same order. */
export const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i])

/** The sparkline week starts of a board: the first athlete's (every athlete's, unless an entry says otherwise). */
export function boardWeeks(athletes: readonly SquadTriageEntry[]): string[] {
  return athletes[0]?.sparkline.map((p) => p.weekStart) ?? []
}

/** One entry in the board's compact form, for a board whose week starts are `weeks`. */
export function compactBoardEntry(entry: SquadTriageEntry, weeks: readonly string[]): SquadBoardEntry {
  const { sparkline, topReason: _firstReasonText, ...rest } = entry
  const own = sparkline.map((p) => p.weekStart)
  return {
    ...rest,
    sparkKm: sparkline.map((p) => p.km),
    sparkPain: sparkline.map((p) => p.maxPain),
    ...(sameStrings(own, weeks) ? {} : { sparkWeeks: own }),
  }
}

/** One entry as getSquadTriage gives it. */
export function expandBoardEntry(entry: SquadBoardEntry, weeks: readonly string[]): SquadTriageEntry {
  const { sparkKm, sparkPain, sparkWeeks, ...rest } = entry
  const starts = sparkWeeks ?? weeks
  return {
    ...rest,
    sparkline: starts.map((weekStart, i) => ({ weekStart, km: sparkKm[i] ?? 0, maxPain: sparkPain[i] ?? null })),
    topReason: entry.reasons[0]?.text ?? null,
  }
}

/** The board as getSquadTriage gives it, from getSquadBoard's answer. */
export function expandSquadBoard(board: SquadBoard): SquadTriage {
  return { today: board.today, athletes: board.athletes.map((a) => expandBoardEntry(a, board.weeks)) }
}
