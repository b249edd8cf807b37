// CSV export of a run log. Cells are escaped for spreadsheets: a text cell that starts with =, +, -,
// @, a tab or a carriage return would run as a formula in Excel, LibreOffice or Google Sheets (CSV
// injection, e.g. =HYPERLINK(...) leaking data). Such cells get a leading apostrophe, which those
// programs show as plain text. Quoting follows RFC 4180. CalfCoach's own importer recognises this
// export and removes the apostrophes again, so an export → import round trip keeps the text.
import type { RunInput } from '../../../shared/domain/run'
import { formatDuration, kmToMiles, type DistanceUnit } from '../../../shared/units'
import { CALFCOACH_HEADERS } from './csv'
import { FORMULA_LIKE } from './csv-cells'

export type CsvCellValue = string | number | boolean | null | undefined

/** One CSV cell, safe to open in a spreadsheet. Numbers are written as numbers (−5 stays −5). */
export function csvEscapeCell(value: CsvCellValue): string {
  if (value === null || value === undefined) return ''
  let text: string
  if (typeof value === 'number') {
    text = Number.isFinite(value) ? String(value) : ''
  } else if (typeof value === 'boolean') {
    text = value ? 'true' : 'false'
  } else {
    text = value
    if (FORMULA_LIKE.test(text)) text = `'${text}`
  }
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly CsvCellValue[]): string {
  return values.map(csvEscapeCell).join(',')
}

function round(n: number | null | undefined, digits: number): number | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null
  const f = 10 ** digits
  return Math.round(n * f) / f
}

/** The header row of a run CSV, in the coach's unit (the names CalfCoach's own importer recognises). */
export function runCsvHeader(unit: DistanceUnit): string[] {
  const H = CALFCOACH_HEADERS
  return [
    H.date,
    unit === 'mi' ? H.distanceMi : H.distanceKm,
    H.duration,
    H.painDuring,
    H.painAfter,
    H.painNextMorning,
    unit === 'mi' ? H.painOnsetMi : H.painOnsetKm,
    H.painOnsetMinutes,
    H.performancePercent,
    H.surface,
    H.shoes,
    H.notes,
    'Source',
  ]
}

/** One run's cells, in the order of runCsvHeader. */
export function runCsvCells(r: RunInput, unit: DistanceUnit): CsvCellValue[] {
  const dist = (km: number | null | undefined) => (unit === 'mi' ? round(typeof km === 'number' ? kmToMiles(km) : null, 5) : round(km, 3))
  return [
    r.date,
    dist(r.distanceKm),
    typeof r.durationSec === 'number' ? formatDuration(r.durationSec) : null,
    r.painDuring,
    r.painAfter,
    r.painNextMorning,
    dist(r.painOnsetKm),
    r.painOnsetMinutes,
    r.performancePercent,
    r.surface,
    r.shoes,
    r.notes,
    r.source?.kind ?? null,
  ]
}

/** Oldest run first; ISO dates sort as text. */
export function byDate<T extends { date: string }>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/**
 * The run log as CSV text (CRLF line ends, header row first, oldest run first). Distances are in
 * km by default, or miles with { unit: 'mi' }; duration is h:mm:ss.
 */
export function runsToCsv(runs: readonly RunInput[], options: { unit?: DistanceUnit } = {}): string {
  const unit = options.unit ?? 'km'
  const lines = [csvLine(runCsvHeader(unit)), ...byDate(runs).map((r) => csvLine(runCsvCells(r, unit)))]
  return lines.join('\r\n') + '\r\n'
}
