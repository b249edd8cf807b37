import type { RunInput } from '../../../shared/domain/run'

/** What a file is; 'mixed' is a preview of several files that are not all of one kind. */
export type ImportFormat = 'fit' | 'gpx' | 'tcx' | 'strava-csv' | 'csv' | 'mixed'

export interface ImportRow {
  /**
   * Where the row came from, 1-based: the spreadsheet row for CSV (the header is row 1, so the first
   * data row is 2), the session number for FIT, the track number for GPX.
   */
  rowNumber: number
  /** A validated run ready to save, or null when the row cannot be imported (see problems). */
  run: RunInput | null
  /** With run === null: why the row is skipped. With a run: warnings to show in the preview. */
  problems: string[]
  /** Values that are possible but unlikely for a run (see plausibility.ts); such rows start unticked. */
  flags?: string[]
  /** What the coach needs to tell rows apart and check them. */
  details?: RowDetails
  /**
   * Which file the row was read from, and its number there: set when several files are previewed as one
   * list (rowNumber is then a running number across them), and for a Strava export (the activity's own
   * file, or activities.csv when it has none).
   */
  origin?: RowOrigin
}

export interface RowOrigin {
  file: string
  /** The row's number within that file (for a Strava export: its activities.csv row). */
  row: number
}

/** Where the time zone used for a row's date came from. */
export type TimeZoneSource = 'file' | 'profile' | 'computer'

export interface RowDetails {
  /** The activity type in plain words ("running (trail)", "inline skating"), or null when the file does not say. */
  sport: string | null
  /** The activity's or track's own name, when the file has one. */
  name: string | null
  /** Local start time, "YYYY-MM-DD HH:MM", in timeZone. */
  startTime: string | null
  /** "UTC+02:00" for the file's own offset, else an IANA zone name. */
  timeZone: string | null
  timeZoneSource: TimeZoneSource | null
  /** The athlete's own words from the file (already in run.notes); null when the file has none. */
  notes: string | null
  /** A pain onset read from the notes, for the coach to confirm; never put into the run unasked. */
  painOnset: PainOnsetProposal | null
}

export interface PainOnsetProposal {
  km: number | null
  minutes: number | null
  /** The words it was read from. */
  text: string
}

export interface ImportPreview {
  format: ImportFormat
  rows: ImportRow[]
  /** Problems with the whole file. When non-empty there are no rows and nothing should be saved. */
  fileProblems: string[]
  /** Generic CSV only: the header row, for the column-mapping step. */
  csvHeaders?: string[]
  /** Notes about the whole file that do not block the import (e.g. a unit assumption). */
  warnings?: string[]
}

export type CsvDistanceUnit = 'km' | 'mi' | 'm'

/**
 * Column mapping for a generic CSV. Values are header names exactly as in the file (surrounding
 * spaces ignored). Only date and distance are required.
 */
export interface CsvMapping {
  date: string
  distance: string
  distanceUnit: CsvDistanceUnit
  /**
   * How to read dates that are not YYYY-MM-DD. 'auto' (default) decides from the column: a first part
   * above 12 means day/month/year, a second part above 12 means month/day/year; if the column never
   * tells, such rows get a problem asking for a format.
   */
  dateFormat?: 'auto' | 'ymd' | 'dmy' | 'mdy'
  duration?: string
  /** 'hms' (default): "1:02:03", "45:30", or a plain number of minutes. */
  durationFormat?: 'hms' | 'seconds' | 'minutes'
  painDuring?: string
  painAfter?: string
  painNextMorning?: string
  /** Distance into the run when pain began, in distanceUnit. */
  painOnsetDistance?: string
  painOnsetMinutes?: string
  performancePercent?: string
  surface?: string
  shoes?: string
  notes?: string
  /** A column with a unique id per activity; makes the import key independent of the values. */
  id?: string
}

export interface ParseOptions {
  csvMapping?: CsvMapping
  /**
   * IANA time zone used to turn a UTC instant (GPX times, Strava's "Activity Date", FIT files
   * without local time) into the run's calendar date. Defaults to the computer's time zone.
   */
  timeZone?: string
  /** Where timeZone came from (the athlete's profile or the computer); 'computer' when not given. */
  timeZoneSource?: Exclude<TimeZoneSource, 'file'>
  /** "Now" for the date-in-the-future check (epoch ms); defaults to the clock. */
  now?: number
  /** Called as CSV rows are read, with the count so far (progress for the import dialog). */
  onRows?: (rowsRead: number) => void
}
