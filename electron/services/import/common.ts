// Shared helpers for the import parsers: size and encoding checks, local dates, validation.
import { latestRunDate, RUN_DATE_TOO_LATE, unsafeTextProblem } from '../../../shared/domain/input-guards'
import { RUN_NOTES_MAX, RunEntry, RunInput } from '../../../shared/domain/run'
import type { ImportFormat, ImportPreview, ImportRow, ParseOptions, RowDetails, TimeZoneSource } from './types'

/** Files above this are refused before any parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Data rows above this are refused (three years of daily runs is about 1,100). */
export const MAX_IMPORT_ROWS = 50_000

export function failed(format: ImportFormat, ...problems: string[]): ImportPreview {
  return { format, rows: [], fileProblems: problems }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

export type TextResult = { ok: true; text: string } | { ok: false; problem: string }

/**
 * Decodes a text file (CSV, GPX) as UTF-8 and refuses anything else with a message a coach can act on.
 * A UTF-8 byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, what: string): TextResult {
  const decoder = new Utf8ChunkDecoder(what)
  const first = decoder.write(bytes)
  if (!first.ok) return first
  const last = decoder.end()
  return last.ok ? { ok: true, text: first.text + last.text } : last
}

/** UTF-16 or binary data, judged from the first bytes of a text file; null when it looks like text. */
function notTextProblem(bytes: Uint8Array, what: string): string | null {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return `This ${what} file is saved as UTF-16 text, which CalfCoach cannot read. Save it again as "UTF-8" (in Excel: "CSV UTF-8") and import that copy.`
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 65_536))
  let nul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      nul++
      if (i % 2 === 1) oddNul++
    }
  }
  if (nul === 0) return null
  const utf16Like = nul >= sample.length / 4 && (oddNul >= nul * 0.9 || oddNul <= nul * 0.1)
  return utf16Like
    ? `This ${what} file looks like UTF-16 text, which CalfCoach cannot read. Save it again as "UTF-8" and import that copy.`
    : `This is not a ${what} file: it contains binary data. Check that you picked the right file.`
}

/**
 * Decodes a text file (CSV, GPX, TCX) as UTF-8 piece by piece and refuses anything else with a message
 * a coach can act on. The first piece is checked for UTF-16 and binary data; a UTF-8 byte-order mark is
 * dropped.
 */
export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  private started = false

  constructor(private readonly what: string) {}

  private invalid(): TextResult {
    return {
      ok: false,
      problem: `This ${this.what} file is not valid UTF-8 text (it may be binary, or saved in an older encoding such as Windows-1252). Save it again as "UTF-8" and import that copy.`,
    }
  }

  write(bytes: Uint8Array): TextResult {
    if (!this.started && bytes.length > 0) {
      this.started = true
      const problem = notTextProblem(bytes, this.what)
      if (problem) return { ok: false, problem }
    }
    try {
      return { ok: true, text: this.decoder.decode(bytes, { stream: true }) }
    } catch {
      return this.invalid()
    }
  }

  end(): TextResult {
    try {
      return { ok: true, text: this.decoder.decode() }
    } catch {
      return this.invalid()
    }
  }
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Checks an IANA zone name; returns a problem message or null. */
export function timeZoneProblem(timeZone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return null
  } catch {
    return `Unknown time zone "${timeZone}".`
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instantMs: number, timeZone: string): string {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, f)
  }
  const parts = f.formatToParts(new Date(instantMs))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`
}

/** The calendar date of an instant shifted by a fixed UTC offset (seconds). */
export function dateWithOffset(instantMs: number, offsetSec: number): string {
  return new Date(instantMs + offsetSec * 1000).toISOString().slice(0, 10)
}

function describeIssuePath(path: readonly PropertyKey[]): string {
  const names: Record<string, string> = {
    date: 'Date',
    distanceKm: 'Distance',
    durationSec: 'Duration',
    painDuring: 'Pain during',
    painAfter: 'Pain after',
    painNextMorning: 'Pain next morning',
    painOnsetKm: 'Pain onset distance',
    painOnsetMinutes: 'Pain onset minutes',
    performancePercent: 'Performance %',
    surface: 'Surface',
    shoes: 'Shoes',
    notes: 'Notes',
    source: 'Source',
  }
  const key = String(path[0] ?? '')
  return names[key] ?? (key || 'Row')
}

/** Validates a candidate run against the RunInput schema and builds the preview row. */
export function toRow(rowNumber: number, candidate: unknown, problems: string[], details?: RowDetails): ImportRow {
  const parsed = RunInput.safeParse(candidate)
  const extra = details ? { details } : {}
  if (parsed.success) return { rowNumber, run: parsed.data, problems, ...extra }
  const messages = parsed.error.issues.map((i) => `${describeIssuePath(i.path)}: ${i.message}`)
  return { rowNumber, run: null, problems: [...problems, ...messages], ...extra }
}

/**
 * Holds an imported row to the checks a typed run gets (RunEntry: at least 10 m, not more than a day in
 * the future, pain onset within the run, safe text). A row that fails loses its run, so it shows as
 * skipped with the reason and can never be ticked; notes that fail are left out and the row starts
 * unticked with the reason. `nowMs` is the import's own clock (the date check).
 */
export function holdToEntryChecks(row: ImportRow, nowMs: number): void {
  const run = row.run
  if (!run) return
  const parsed = RunEntry.safeParse(run)
  const issues = parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] !== 'date')
  const refused = issues.filter((i) => i.path[0] !== 'notes').map((i) => `Skipped: ${describeIssuePath(i.path)} ${i.message}.`)
  if (run.date > latestRunDate(new Date(nowMs))) refused.unshift(`Skipped: the date, ${run.date}, ${RUN_DATE_TOO_LATE}.`)
  if (refused.length > 0) {
    row.run = null
    row.problems = [...row.problems, ...refused]
    return
  }
  const notesIssue = issues.find((i) => i.path[0] === 'notes')
  if (notesIssue) {
    const { notes: _left, ...withoutNotes } = run
    row.run = withoutNotes
    if (row.details) row.details = { ...row.details, notes: null, painOnset: null }
    // The file cannot be edited from the preview, so the reason is said without the form's "remove it".
    const unsafe = unsafeTextProblem(run.notes ?? '', true)
    const why = unsafe ? unsafe.problem : `is longer than the ${RUN_NOTES_MAX.toLocaleString('en-GB')} characters a note may hold`
    row.problems = [...row.problems, `The notes from the file were left out: the text ${why}.`]
  }
}

export function skipped(rowNumber: number, ...problems: string[]): ImportRow {
  return { rowNumber, run: null, problems }
}

/** A skipped row that still says what it was (sport, name, time), so the coach can recognise it. */
export function skippedWith(rowNumber: number, details: RowDetails, ...problems: string[]): ImportRow {
  return { rowNumber, run: null, problems, details }
}

/** Rounds km to whole metres. */
export function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000
}

/** The zone for instants the file gives in UTC: the option (profile) or the computer's. */
export function chosenZone(options: ParseOptions): { timeZone: string; source: Exclude<TimeZoneSource, 'file'> } {
  if (options.timeZone) return { timeZone: options.timeZone, source: options.timeZoneSource ?? 'computer' }
  return { timeZone: defaultTimeZone(), source: 'computer' }
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>()

/** Local wall-clock time of an instant in a zone: "YYYY-MM-DD HH:MM". */
export function localDateTime(instantMs: number, timeZone: string): string {
  let f = dateTimeFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    dateTimeFormatters.set(timeZone, f)
  }
  const parts = f.formatToParts(new Date(instantMs))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

/** Wall-clock time of an instant shifted by a fixed UTC offset (seconds): "YYYY-MM-DD HH:MM". */
export function dateTimeWithOffset(instantMs: number, offsetSec: number): string {
  return new Date(instantMs + offsetSec * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

/** 7200 → "UTC+02:00". */
export function offsetLabel(offsetSec: number): string {
  const sign = offsetSec < 0 ? '-' : '+'
  const abs = Math.abs(Math.round(offsetSec / 60))
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** Date, start time and zone details of an instant, from the file's own offset when it has one. */
export function whenDetails(
  instantMs: number,
  offsetSec: number | null,
  zone: { timeZone: string; source: Exclude<TimeZoneSource, 'file'> },
): { date: string; startTime: string; timeZone: string; timeZoneSource: TimeZoneSource } {
  if (offsetSec !== null) {
    return { date: dateWithOffset(instantMs, offsetSec), startTime: dateTimeWithOffset(instantMs, offsetSec), timeZone: offsetLabel(offsetSec), timeZoneSource: 'file' }
  }
  const startTime = localDateTime(instantMs, zone.timeZone)
  return { date: startTime.slice(0, 10), startTime, timeZone: zone.timeZone, timeZoneSource: zone.source }
}

/** Row details with nothing known yet; parsers fill in what their format has. */
export function emptyDetails(): RowDetails {
  return { sport: null, name: null, startTime: null, timeZone: null, timeZoneSource: null, notes: null, painOnset: null }
}
