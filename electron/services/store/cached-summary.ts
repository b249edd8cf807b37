import { z } from 'zod'
import { BoardFacts } from '../../../shared/api/channels/runs'
import { ClinicalInput } from '../../../shared/clinical'
import type { WeekStartDay } from '../../../shared/dates'
import { IsoDate } from '../../../shared/domain/common'
import { AssessmentRecord } from '../../../shared/domain/documents'
import { type AthleteSummary, runDigest, type SummaryRun } from '../../../shared/domain/summary'

// One athlete's entry in the summary cache: the summary of their record (keyed by the file's revision) and the
// board facts worked out from it for one day. The cache file is read whole at launch, but a warm launch on the
// same day needs only each athlete's board facts, so every part is checked against its schema when first used
// (a damaged part is simply made again) and written back from the text it was read as until it changes.

/** Runs are stored as tuples to keep the file small: [date, km, pain during, after, next morning]. */
const Pain = z.number().nullable()
const RunTuple = z.tuple([z.string(), z.number(), Pain, Pain, Pain])
const Profile = z.strictObject({ sex: z.enum(['female', 'male']), dateOfBirth: z.string().nullable() }).nullable()
const StoredSummary = z.strictObject({
  asOf: z.string(),
  recentRuns: z.array(RunTuple),
  latestAssessment: AssessmentRecord.nullable(),
  runCount: z.number().int(),
  lastRunDate: z.string().nullable(),
  /** The clinical digest without its runs, which are recentRuns. */
  clinical: ClinicalInput.omit({ runs: true }),
  /** The squad profile the digest was made with (version 6). */
  profile: Profile,
})
/** What the board checks before trusting a summary at all: the day it serves from and the profile it was made with. */
const SummaryHead = z.object({ asOf: z.string(), profile: Profile })
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

/** A part read from the file (unchecked), or checked: the value, or null when it failed its schema. */
type Part<T> = { raw: unknown } | { value: T | null }

function checked<T>(part: Part<T>, schema: z.ZodType, read: (parsed: never) => T): { value: T | null } {
  if ('value' in part) return part
  const parsed = schema.safeParse(part.raw)
  return { value: parsed.success ? read(parsed.data as never) : null }
}

export class CachedSummary {
  /** Compared with the file on disk during this session (or written by this app), so no stat is needed. */
  checked: boolean
  private summaryPart: Part<AthleteSummary>
  private head: { asOf: string; profile: z.infer<typeof Profile> } | null | undefined
  private board: Part<StoredBoard> | undefined
  /** The parts as the cache file holds them, made once: a write after one save serialises only what changed. */
  private summaryJson: string | undefined
  private boardJson: string | undefined

  private constructor(
    readonly revision: string,
    summary: Part<AthleteSummary>,
    board: Part<StoredBoard> | undefined,
    isChecked: boolean,
    /** Called when the board facts change (the cache then writes itself soon). */
    private readonly changed: () => void,
  ) {
    this.summaryPart = summary
    this.board = board
    this.checked = isChecked
  }

  /** A summary just made from the record whose file has `revision` ('' when no file holds it: kept in memory only). */
  static made(revision: string, summary: AthleteSummary, changed: () => void = () => undefined): CachedSummary {
    return new CachedSummary(revision, { value: summary }, undefined, true, changed)
  }

  /** An entry as the cache file holds it, or null when it is not even shaped like one. */
  static read(raw: unknown, changed: () => void): CachedSummary | null {
    if (typeof raw !== 'object' || raw === null) return null
    const { revision, summary, board, ...other } = raw as Record<string, unknown>
    if (typeof revision !== 'string' || revision === '' || summary === undefined || Object.keys(other).length > 0) return null
    return new CachedSummary(revision, { raw: summary }, board === undefined ? undefined : { raw: board }, false, changed)
  }

  /** The day the summary serves from and the profile it was made with; null when the stored summary is damaged. */
  get servesFrom(): { asOf: string; profile: z.infer<typeof Profile> } | null {
    if (this.head === undefined) {
      if ('value' in this.summaryPart) this.head = this.summaryPart.value
      else {
        const parsed = SummaryHead.safeParse(this.summaryPart.raw)
        this.head = parsed.success ? parsed.data : null
      }
    }
    return this.head
  }

  /** The summary, checked in full on first use; null when the stored one is damaged (the athlete is read again). */
  get summary(): AthleteSummary | null {
    this.summaryPart = checked(this.summaryPart, StoredSummary, fromStored)
    return this.summaryPart.value
  }

  /** The board facts worked out from this summary for `day` and week start, if they were. */
  boardFacts(day: string, weekStartsOn: WeekStartDay): BoardFacts | null {
    if (!this.board) return null
    this.board = checked(this.board, StoredBoard, (b: StoredBoard) => b)
    const held = this.board.value
    // Damaged: left out of the next write (the facts are worked out again and kept).
    if (held === null) this.boardJson = undefined
    return held && held.day === day && held.weekStartsOn === weekStartsOn ? held.facts : null
  }

  /** Keeps the board facts worked out from this summary for `day` (replacing another day's). */
  keepBoardFacts(day: string, weekStartsOn: WeekStartDay, facts: BoardFacts): void {
    this.board = { value: { day, weekStartsOn, facts } }
    this.boardJson = undefined
    this.changed()
  }

  /** The entry as the cache file holds it (same text as JSON.stringify of the entry); null when its summary is damaged. */
  toJson(): string | null {
    const part = this.summaryPart
    if ('value' in part && part.value === null) return null
    this.summaryJson ??= JSON.stringify('raw' in part ? part.raw : toStored(part.value as AthleteSummary))
    const board = this.board
    if (board && !('value' in board && board.value === null)) this.boardJson ??= JSON.stringify('raw' in board ? board.raw : board.value)
    const boardText = this.boardJson === undefined ? '' : `,"board":${this.boardJson}`
    return `{"revision":${JSON.stringify(this.revision)},"summary":${this.summaryJson}${boardText}}`
  }
}
