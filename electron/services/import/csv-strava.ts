// Strava's bulk-export activities.csv.
//
// Strava quirks handled here:
// - "Distance" and "Elapsed Time" appear TWICE in the header. The first Distance is in the account's
//   display unit (km, or miles for imperial accounts) and may use a decimal comma; the second is in
//   metres. We read the metres column when it is there, and use the pair to notice a miles account.
//   With only the first column we assume km and say so in `warnings`.
// - "Activity Date" is in UTC ("Mar 31, 2024, 7:10:00 AM"), so an evening run west of Greenwich would
//   land on the next day if read naively. We convert to the chosen time zone's calendar date.
// - Only running activities are imported (the shared list in activity-types.ts); other rows are listed as skipped.
// - A row whose cell count differs from the header's is refused: its values would be read from the wrong
//   columns (a file cut off in the middle of a row once saved a 5 km run as 1 km).
// - The athlete's own words (Activity Name, Description, Private Note) become the run's notes.
import { KM_PER_MILE } from '../../../shared/units'
import type { ImportPreview, ImportRow, ParseOptions } from './types'
import { chosenZone, emptyDetails, roundKm, skipped, skippedWith, toRow, whenDetails } from './common'
import { classifyLabel, skipReason } from './activity-types'
import { iso, parseCsvNumber, parseUnambiguous } from './csv-cells'
import { allIndexes, indexOf, rowShapeProblem, type Table } from './csv-table'
import { joinNotes } from './notes'

const STRAVA_REQUIRED = ['Activity ID', 'Activity Date', 'Activity Type', 'Distance']

export function isStravaHeader(headers: readonly string[]): boolean {
  return STRAVA_REQUIRED.every((h) => indexOf(headers, h) >= 0)
}

/** Strava's "Activity Date" (UTC) → epoch ms, or null. */
export function parseStravaDate(text: string): number | null {
  const p = parseUnambiguous(text)
  if (!p || iso(p.y, p.m, p.d) === null) return null
  let ms = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s)
  if (p.zone && /^[+-]/.test(p.zone)) {
    const z = p.zone.replace(':', '')
    const sign = z.startsWith('-') ? -1 : 1
    ms -= sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000
  }
  return ms
}

/** Reads the run rows of a Strava activities.csv; other activity types are listed as skipped. */
export function parseStrava(table: Table, options: ParseOptions): ImportPreview {
  const { headers } = table
  const zone = chosenZone(options)
  const nameCol = indexOf(headers, 'Activity Name')
  const descCol = indexOf(headers, 'Activity Description')
  const privateCol = indexOf(headers, 'Activity Private Note')
  const idCol = indexOf(headers, 'Activity ID')
  const dateCol = indexOf(headers, 'Activity Date')
  const typeCol = indexOf(headers, 'Activity Type')
  const distCols = allIndexes(headers, 'Distance')
  const elapsedCols = allIndexes(headers, 'Elapsed Time')
  const displayDistCol = distCols[0] ?? -1
  const metresCol = distCols.length > 1 ? (distCols[distCols.length - 1] ?? -1) : -1
  const warnings: string[] = []
  let milesAccount = false

  const rows: ImportRow[] = table.records.map((record): ImportRow => {
    const { rowNumber, cells } = record
    const shape = rowShapeProblem(record, headers.length)
    if (shape) return skipped(rowNumber, shape)
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '')
    const type = cell(typeCol)
    const verdict = classifyLabel(type)
    const name = cell(nameCol) || null
    const notes = joinNotes([name, cell(descCol), cell(privateCol)])
    const dateText = cell(dateCol)
    const ms = parseStravaDate(dateText)
    const when = ms !== null ? whenDetails(ms, null, zone) : null
    const details = {
      ...emptyDetails(),
      sport: type ? verdict.sport : null,
      name,
      notes,
      ...(when ? { startTime: when.startTime, timeZone: when.timeZone, timeZoneSource: when.timeZoneSource } : {}),
    }
    if (verdict.kind !== 'run') return skippedWith(rowNumber, details, type ? skipReason(verdict, 'activity') : 'Skipped: the activity has no type, so it may not be a run.')
    const id = cell(idCol)
    if (!/^\d{1,20}$/.test(id)) return skippedWith(rowNumber, details, `Skipped: the Activity ID "${id}" is not a Strava id.`)
    if (ms === null || when === null) return skippedWith(rowNumber, details, `Skipped: the Activity Date "${dateText}" is not a date.`)

    const display = parseCsvNumber(cell(displayDistCol))
    const metres = parseCsvNumber(cell(metresCol))
    let km: number | null = null
    if (metres !== null && Number.isFinite(metres) && metres > 0) {
      km = metres / 1000
      if (display !== null && Number.isFinite(display) && display > 0 && !milesAccount) {
        const ratio = km / display
        if (Math.abs(ratio - KM_PER_MILE) < 0.05) {
          milesAccount = true
          warnings.push('This Strava account shows miles; distances were read from the metres column, so they are correct.')
        }
      }
    } else if (display !== null && Number.isFinite(display) && display > 0) {
      km = display
      if (!warnings.some((w) => w.startsWith('Only one Distance'))) {
        warnings.push(
          'Only one Distance column was found, and it was read as kilometres. If this Strava account uses miles, ' +
            'import the file with a column mapping and choose miles.',
        )
      }
    }
    if (km === null) return skippedWith(rowNumber, details, `Skipped: the distance "${cell(displayDistCol)}" is missing or not a number.`)

    let durationSec: number | null = null
    for (const c of elapsedCols) {
      const v = parseCsvNumber(cell(c))
      if (v !== null && Number.isFinite(v) && v >= 1) {
        durationSec = Math.round(v)
        break
      }
    }
    return toRow(
      rowNumber,
      {
        date: when.date,
        distanceKm: roundKm(km),
        durationSec,
        ...(notes ? { notes } : {}),
        source: { kind: 'csv', key: `strava:${id}` },
      },
      [],
      details,
    )
  })
  const preview: ImportPreview = { format: 'strava-csv', rows, fileProblems: [] }
  if (warnings.length) preview.warnings = warnings
  return preview
}
