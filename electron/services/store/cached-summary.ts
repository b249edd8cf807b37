import { z } from 'zod'
import { BoardFacts } from '../../../shared/api/channels/runs'
import { ClinicalInput } from '../../../shared/clinical'
import type { WeekStartDay } from '../../../shared/dates'
import { IsoDate } from '../../../shared/domain/common'
import { AssessmentRecord } from '../../../shared/domain/documents'
import { type AthleteSummary, runDigest, type SummaryRun } from '../../../shared/domain/summary'

// One athlete's entry in the summary cache: the summary of their record (keyed by the file's revision) and the
// board facts worked out from it for one day. The cache file holds one line per athlete whose fields are JSON
// texts side by side: a warm launch on the same day parses only each athlete's small head (the day the summary
// serves from, the profile it was made with) and board facts, never the summaries, and a write copies every
// unchanged text as it was read. Each part is checked against its schema when first used; a damaged one is
// made again and left out of the next write.

/** Runs are stored as tuples to keep the file small: [date, km, pain during, after, next morning]. */
type RunTuple = [string, number, number | null, number | null, number | null]
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
/** Checked by hand, not by a tuple schema: a new day's first board reads ~84 of them per athlete. */
function isRunTuples(value: unknown): value is RunTuple[] {
  if (!Array.isArray(value)) return false
  for (const t of value as unknown[]) {
    if (!Array.isArray(t) || t.length !== 5 || typeof t[0] !== 'string' || !isNumber(t[1])) return false
    for (let i = 2; i < 5; i++) if (t[i] !== null && !isNumber(t[i])) return false
  }
  return true
}
const RunTuples = z.custom<RunTuple[]>(isRunTuples, 'runs must be [date, km, pain, pain, pain]')
const Profile = z.strictObject({ sex: z.enum(['female', 'male']), dateOfBirth: z.string().nullable() }).nullable()
const StoredSummary = z.strictObject({
  asOf: z.string(),
  recentRuns: RunTuples,
  latestAssessment: AssessmentRecord.nullable(),
  runCount: z.number().int(),
  lastRunDate: z.string().nullable(),
  /** The clinical digest without its runs, which are recentRuns. */
  clinical: ClinicalInput.omit({ runs: true }),
  /** The squad profile the digest was made with (version 6). */
  profile: Profile,
})
/** What the board checks before trusting a summary at all: the day it serves from and the profile it was made with. */
const SummaryHead = z.strictObject({ asOf: z.string(), profile: Profile })
const StoredBoard = z.strictObject({ day: IsoDate, weekStartsOn: z.enum(['monday', 'sunday']), facts: BoardFacts })
type StoredBoard = z.infer<typeof StoredBoard>

function toStored(summary: AthleteSummary): z.infer<typeof StoredSummary> {
  const { recentRuns, clinical, ...rest } = summary
  const { runs: _sameAsRecentRuns, ...digest } = clinical
  return { ...rest, clinical: digest, recentRuns: recentRuns.map((r) => [r.date, r.distanceKm, r.painDuring ?? null, r.painAfter ?? null, r.painNextMorning ?? null]) }
}

function fromStored(stored: z.infer<typeof StoredSummary>): AthleteSummary {
  const { recentRuns, clinical, ...rest } = stored
  const runs: SummaryRun[] = recentRuns.map(([date, distanceKm, painDuring, painAfter, painNextMorning]) => ({ date, distanceKm, painDuring, painAfter, painNextMorning }))
  return { ...rest, recentRuns: runs, clinical: { ...clinical, runs: runs.map(runDigest) } }
}

/**
 * A part as the file holds it (JSON text, not yet checked), or checked: the value, or null when damaged. A
 * checked part keeps its text (as read, or once written), so writing the cache again never serialises it anew:
 * a new day's board reads every summary, and re-serialising 1,000 of them took ~30 ms of one turn.
 */
type Part<T> = { text: string } | { value: T | null; text?: string }

function checked<T>(part: Part<T>, schema: z.ZodType, read: (parsed: never) => T): { value: T | null; text?: string } {
  if ('value' in part) return part
  try {
    const parsed = schema.safeParse(JSON.parse(part.text))
    return parsed.success ? { value: read(parsed.data as never), text: part.text } : { value: null }
  } catch {
    return { value: null }
  }
}

/** The part as JSON text (kept on the part), or null when it is damaged. */
function partText<T>(part: Part<T>, stored: (value: T) => unknown): string | null {
  if (part.text !== undefined) return part.text
  const value = (part as { value: T | null }).value
  if (value === null) return null
  ;(part as { text?: string }).text = JSON.stringify(stored(value))
  return part.text ?? null
}

type Head = z.infer<typeof SummaryHead>

/** Fields of a line are JSON texts, which never hold a raw tab or line break. */
const FIELD = '\t'

export class CachedSummary {
  /** Compared with the file on disk during this session (or written by this app), so no stat is needed. */
  checked: boolean
  private headPart: Part<Head>
  private summaryPart: Part<AthleteSummary>
  private board: Part<StoredBoard> | undefined
  /** The line as the cache file holds it, made once and kept until the board facts change. */
  private line: string | undefined

  private constructor(
    readonly revision: string,
    head: Part<Head>,
    summary: Part<AthleteSummary>,
    board: Part<StoredBoard> | undefined,
    isChecked: boolean,
    /** Called when the board facts change (the cache then writes itself soon). */
    private readonly changed: () => void,
  ) {
    this.headPart = head
    this.summaryPart = summary
    this.board = board
    this.checked = isChecked
  }

  /** A summary just made from the record whose file has `revision` ('' when no file holds it: kept in memory only). */
  static made(revision: string, summary: AthleteSummary, changed: () => void = () => undefined): CachedSummary {
    return new CachedSummary(revision, { value: { asOf: summary.asOf, profile: summary.profile } }, { value: summary }, undefined, true, changed)
  }

  /**
   * An athlete's line of the cache file (see toLine): their entry, `forgotten` for a line that holds only the id
   * (see forgottenLine), or null when it is not even shaped like either (a torn line: skipped).
   */
  static read(line: string, changed: (athleteId: string) => void): { athleteId: string; entry: CachedSummary | 'forgotten' } | null {
    const fields = line.split(FIELD)
    if (fields.length !== 5 && fields.length !== 1) return null
    const [id, revision, head, board, summary] = fields as [string, string, string, string, string]
    try {
      const athleteId: unknown = JSON.parse(id)
      if (typeof athleteId !== 'string') return null
      if (fields.length === 1) return { athleteId, entry: 'forgotten' }
      const rev: unknown = JSON.parse(revision)
      if (typeof rev !== 'string' || rev === '') return null
      const entry = new CachedSummary(rev, { text: head }, { text: summary }, board ? { text: board } : undefined, false, () => changed(athleteId))
      return { athleteId, entry }
    } catch {
      return null
    }
  }

  /** The line that says an athlete's entry was dropped (a later line for them may bring a new one). */
  static forgottenLine(athleteId: string): string {
    return JSON.stringify(athleteId)
  }

  /** The day the summary serves from and the profile it was made with; null when the stored head is damaged. */
  get servesFrom(): Head | null {
    this.headPart = checked(this.headPart, SummaryHead, (h: Head) => h)
    return this.headPart.value
  }

  /** The summary, checked in full on first use; null when the stored one is damaged (the athlete is read again). */
  get summary(): AthleteSummary | null {
    this.summaryPart = checked(this.summaryPart, StoredSummary, fromStored)
    if (this.summaryPart.value === null) this.line = undefined
    return this.summaryPart.value
  }

  /** The board facts worked out from this summary for `day` and week start, if they were. */
  boardFacts(day: string, weekStartsOn: WeekStartDay): BoardFacts | null {
    if (!this.board) return null
    this.board = checked(this.board, StoredBoard, (b: StoredBoard) => b)
    const held = this.board.value
    // Damaged: left out of the next write (the facts are worked out again and kept).
    if (held === null) this.line = undefined
    return held && held.day === day && held.weekStartsOn === weekStartsOn ? held.facts : null
  }

  /** Keeps the board facts worked out from this summary for `day` (replacing another day's). */
  keepBoardFacts(day: string, weekStartsOn: WeekStartDay, facts: BoardFacts): void {
    this.board = { value: { day, weekStartsOn, facts } }
    this.line = undefined
    this.changed()
  }

  /**
   * The athlete's line of the cache file: id, revision, head, board facts (empty when none) and summary, each as
   * JSON text; null when the summary or head turned out damaged (the athlete is summarised again instead).
   */
  toLine(athleteId: string): string | null {
    if (this.line !== undefined) return this.line
    const head = partText(this.headPart, (h) => h)
    const summary = partText(this.summaryPart, toStored)
    if (head === null || summary === null) return null
    const board = this.board ? (partText(this.board, (b) => b) ?? '') : ''
    this.line = [JSON.stringify(athleteId), JSON.stringify(this.revision), head, board, summary].join(FIELD)
    return this.line
  }
}
