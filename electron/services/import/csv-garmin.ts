// Garmin Connect's activities export (Activities.csv from the activity list).
//
// Garmin Connect quirks handled here:
// - "Date" is the activity's own local start time ("2024-05-01 07:00:00"), so the calendar date is taken
//   as written: no time-zone conversion.
// - "Distance" is in the account's display unit without saying which; it is read as km, with a warning,
//   unless the header says otherwise. Swimming distances in metres are never read (not runs).
// - "Time" / "Elapsed Time" are h:mm:ss (sometimes with decimals); elapsed time is preferred, as elsewhere.
// - Row shape and the running allow-list are checked exactly as for Strava.
import { KM_PER_MILE, parseDuration } from '../../../shared/units'
import type { ImportPreview, ImportRow } from './types'
import { emptyDetails, roundKm, skipped, skippedWith, toRow } from './common'
import { classifyLabel, skipReason } from './activity-types'
import { iso, parseCsvNumber, parseUnambiguous } from './csv-cells'
import { indexOf, rowShapeProblem, type Table } from './csv-table'
import { joinNotes } from './notes'

export function isGarminConnectHeader(headers: readonly string[]): boolean {
  return ['Activity Type', 'Date', 'Title', 'Distance'].every((h) => indexOf(headers, h) >= 0) && indexOf(headers, 'Activity ID') < 0
}

/** "1:02:03.5" or "45:30" → whole seconds. */
function garminDuration(text: string): number | null {
  return parseDuration(text.replace(/\.\d+$/, ''))
}

export function parseGarminConnect(table: Table, options: { miles?: boolean } = {}): ImportPreview {
  const { headers } = table
  const col = (name: string) => indexOf(headers, name)
  const typeCol = col('Activity Type')
  const dateCol = col('Date')
  const titleCol = col('Title')
  const distCol = col('Distance')
  const timeCols = [col('Elapsed Time'), col('Time')].filter((i) => i >= 0)
  const miles = options.miles ?? false
  const rows: ImportRow[] = table.records.map((record): ImportRow => {
    const { rowNumber, cells } = record
    const shape = rowShapeProblem(record, headers.length)
    if (shape) return skipped(rowNumber, shape)
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '')
    const verdict = classifyLabel(cell(typeCol))
    const title = cell(titleCol) || null
    const dateText = cell(dateCol)
    const when = parseUnambiguous(dateText)
    const date = when ? iso(when.y, when.m, when.d) : null
    const notes = joinNotes([title])
    const details = {
      ...emptyDetails(),
      sport: cell(typeCol) ? verdict.sport : null,
      name: title,
      notes,
      ...(when && date && when.hasTime
        ? { startTime: `${date} ${String(when.h).padStart(2, '0')}:${String(when.min).padStart(2, '0')}`, timeZoneSource: 'file' as const }
        : {}),
    }
    if (verdict.kind !== 'run') return skippedWith(rowNumber, details, cell(typeCol) ? skipReason(verdict, 'activity') : 'Skipped: the activity has no type, so it may not be a run.')
    if (!date) return skippedWith(rowNumber, details, `Skipped: the Date "${dateText}" is not a date.`)
    const dist = parseCsvNumber(cell(distCol))
    if (dist === null || !Number.isFinite(dist) || dist <= 0) return skippedWith(rowNumber, details, `Skipped: the distance "${cell(distCol)}" is missing or not a number.`)
    let durationSec: number | null = null
    for (const c of timeCols) {
      durationSec = garminDuration(cell(c))
      if (durationSec !== null) break
    }
    return toRow(
      rowNumber,
      {
        date,
        distanceKm: roundKm(miles ? dist * KM_PER_MILE : dist),
        durationSec,
        ...(notes ? { notes } : {}),
        source: { kind: 'csv', key: `garmin:${dateText}:${cell(distCol)}` },
      },
      [],
      details,
    )
  })
  const preview: ImportPreview = { format: 'csv', rows, fileProblems: [] }
  preview.warnings = [
    `Garmin Connect does not say which unit its Distance column uses; it was read as ${miles ? 'miles' : 'kilometres'}. If the account shows ${miles ? 'kilometres' : 'miles'}, import the file with a column mapping instead.`,
  ]
  return preview
}
