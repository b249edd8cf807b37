import { z } from 'zod'
import { defineChannel } from '../define'

// Run import details added for issue 12 (richer preview, progress, cancel). The preview and commit
// channels themselves live in runs.ts; their names are frozen, fields are only ever added.

export const PainOnsetProposal = z.strictObject({
  km: z.number().nullable(),
  minutes: z.number().nullable(),
  /** The athlete's words it was read from. */
  text: z.string(),
})

export const ImportRowDetails = z.strictObject({
  /** Activity type in plain words ("running (trail)"); null when the file does not say. */
  sport: z.string().nullable(),
  name: z.string().nullable(),
  /** Local start, "YYYY-MM-DD HH:MM", in timeZone. */
  startTime: z.string().nullable(),
  /** "UTC+02:00" (the file's own offset) or an IANA zone name. */
  timeZone: z.string().nullable(),
  timeZoneSource: z.enum(['file', 'profile', 'computer']).nullable(),
  /** The athlete's own words from the file; already in the run's notes unless the coach unticks them. */
  notes: z.string().nullable(),
  painOnset: PainOnsetProposal.nullable(),
})
export type ImportRowDetails = z.infer<typeof ImportRowDetails>

/** Which file a row came from: its name (for a Strava export, the activity's file) and its row number there. */
export const ImportRowOrigin = z.strictObject({ file: z.string(), row: z.number().int().min(0) })

export const ImportRowStatus = z.enum(['ready', 'check', 'skipped', 'duplicate', 'similar'])

/**
 * The preview sends at most this many rows (the first ones); a 50,000-row export is summed up in counts
 * and `notShown`, so neither main nor the window has to handle every row at once.
 */
export const IMPORT_PREVIEW_ROWS = 500

/** Rows beyond the first IMPORT_PREVIEW_ROWS. */
export const ImportRowsNotShown = z.strictObject({
  rows: z.number().int().min(0),
  /** Of those, rows that would start ticked (ready). */
  preselected: z.number().int().min(0),
  /** Of those, rows that can be imported (not skipped, not already in the log). */
  importable: z.number().int().min(0),
})

/** Which of the rows not shown to import: the ready ones (default choice), every importable one, or none. */
export const ImportRowsNotShownChoice = z.enum(['preselected', 'importable', 'none'])

/** Chosen by the renderer for one preview call, so it can ask for progress and cancel while it runs. */
export const ImportProgressId = z.string().regex(/^[0-9a-f-]{36}$/, 'not a progress id')

export const ImportProgress = z.strictObject({
  /** reading: a file is being read for this id; idle: nothing is (not started yet, finished or cancelled). */
  state: z.enum(['reading', 'idle']),
  bytesRead: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** CSV rows read so far (0 for formats read by bytes). */
  rowsRead: z.number().int().min(0),
})
export type ImportProgress = z.infer<typeof ImportProgress>

const ProgressRef = z.strictObject({ progressId: ImportProgressId })

export const runImportChannels = {
  getRunImportProgress: defineChannel('calfcoach:runs:import-progress', ProgressRef, ImportProgress, { writes: false }),
  cancelRunImport: defineChannel('calfcoach:runs:import-cancel', ProgressRef, z.strictObject({ cancelled: z.boolean() }), { writes: false }),
}
