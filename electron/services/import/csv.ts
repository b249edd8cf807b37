// CSV import with papaparse: Strava's bulk-export activities.csv, Garmin Connect's Activities.csv,
// CalfCoach's own export, and any
// other CSV through a column mapping chosen by the coach.
//
// The parsing lives in siblings: csv-strava.ts (Strava's activities.csv), csv-mapped.ts (mapped CSV and
// CalfCoach's own export), csv-table.ts (the table and its columns) and csv-cells.ts (numbers, dates, formulas).
import type { ImportPreview, ParseOptions } from './types'
import { decodeUtf8, failed, MAX_IMPORT_ROWS } from './common'
import { calfCoachMapping, parseMapped } from './csv-mapped'
import { isStravaHeader, parseStrava } from './csv-strava'
import { isGarminConnectHeader, parseGarminConnect } from './csv-garmin'
import { readTable } from './csv-table'

export { looksLikeFormula, parseCsvDate, parseCsvNumber } from './csv-cells'
export { CALFCOACH_HEADERS } from './csv-mapped'
export { isStravaHeader, parseStravaDate } from './csv-strava'

export function parseCsv(bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  if (bytes.length === 0) return failed('csv', 'The file is empty (0 bytes).')
  const decoded = decodeUtf8(bytes, 'CSV')
  if (!decoded.ok) return failed('csv', decoded.problem)
  if (decoded.text.trim() === '') return failed('csv', 'The file is empty (only white space).')

  const table = readTable(decoded.text, { onRows: options.onRows, maxRows: MAX_IMPORT_ROWS })
  if (typeof table === 'string') return failed('csv', table)
  if (table.records.length > MAX_IMPORT_ROWS) {
    return failed('csv', `The file has ${table.records.length} rows; CalfCoach imports at most ${MAX_IMPORT_ROWS} at a time. Split the file.`)
  }
  if (isStravaHeader(table.headers)) {
    const preview = parseStrava(table, options)
    if (table.records.length === 0) preview.fileProblems.push('The Strava export has a header but no activities.')
    return preview
  }
  if (isGarminConnectHeader(table.headers) && !options.csvMapping) {
    const preview = parseGarminConnect(table)
    if (table.records.length === 0) preview.fileProblems.push('The Garmin Connect export has a header but no activities.')
    return preview
  }
  const builtIn = calfCoachMapping(table.headers)
  const mapping = options.csvMapping ?? builtIn
  if (!mapping) {
    return {
      format: 'csv',
      rows: [],
      fileProblems: ['Choose which columns hold the date and the distance (with its unit), and optionally the duration and pain scores, then preview again.'],
      csvHeaders: table.headers,
    }
  }
  const preview = parseMapped(table, mapping, mapping === builtIn)
  if (table.records.length === 0 && preview.fileProblems.length === 0) preview.fileProblems.push('The CSV file has a header but no data rows.')
  return preview
}
