// A Strava bulk export, once its zip is read (zip.ts): activities.csv gives every activity's type, the
// athlete's words and Strava's own distance and time; each run is joined to its file in activities/
// (.fit.gz, .gpx.gz, .tcx.gz or unpacked) through the CSV's Filename column. The file adds what the CSV
// lacks: the local start time with the watch's own UTC offset (activities.csv only has UTC), so an evening
// run west of Greenwich lands on its own day. Strava's distance and time are kept, so importing the zip
// and importing activities.csv give the same runs with the same keys (no duplicates between the two).
import { gunzipSync } from 'node:zlib'
import { decodeUtf8, failed, formatBytes, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './common'
import { isStravaHeader, parseStrava } from './csv-strava'
import { indexOf, readTable } from './csv-table'
import { parseRunFileUnchecked } from './index'
import type { ImportPreview, ImportRow, ParseOptions } from './types'
import { MAX_ZIP_UNPACKED_BYTES, type ZipContents } from './zip'

/** Files named in problems one by one; beyond this they are counted. */
const LISTED = 5

/** activities.csv at the top of the zip, else one folder down (a zipped export folder). */
function findCsv(files: ReadonlyMap<string, Uint8Array>): string | null {
  const names = [...files.keys()].filter((p) => p.toLowerCase().endsWith('activities.csv'))
  names.sort((a, b) => a.split('/').length - b.split('/').length)
  return names[0] ?? null
}

function listed(what: string, names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ')
  return names.length > LISTED ? `${what}: ${shown} and ${names.length - LISTED} more.` : `${what}: ${shown}.`
}

function withinKm(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.05, 0.05 * b)
}

/** Reads one activity file from the export; a problem sentence when it cannot be. */
function readActivity(name: string, bytes: Uint8Array, contents: ZipContents, options: ParseOptions): ImportPreview | string {
  let data = bytes
  let plainName = name
  if (data[0] === 0x1f && data[1] === 0x8b) {
    const budget = MAX_ZIP_UNPACKED_BYTES - contents.unpackedBytes
    if (budget <= 0) return 'not unpacked: the export as a whole unpacks to more than CalfCoach reads at once'
    try {
      data = gunzipSync(data, { maxOutputLength: Math.min(MAX_IMPORT_BYTES, budget) })
    } catch {
      return `damaged, or more than ${formatBytes(MAX_IMPORT_BYTES)} unpacked`
    }
    contents.unpackedBytes += data.length
    plainName = name.replace(/\.gz$/i, '')
  }
  const preview = parseRunFileUnchecked(plainName, data, options)
  return preview.fileProblems.length > 0 ? (preview.fileProblems[0] ?? 'unreadable') : preview
}

/** Joins one CSV run to its activity file; returns why the file was not used, or null. */
function joinRow(row: ImportRow, file: string, bytes: Uint8Array, contents: ZipContents, options: ParseOptions): string | null {
  const activity = readActivity(file, bytes, contents, options)
  if (typeof activity === 'string') return `${file} (${activity.replace(/\.$/, '')})`
  const fromFile = activity.rows.find((r) => r.run !== null)
  if (!fromFile?.run || !row.run) return `${file} (it holds no run)`
  const d = fromFile.details
  if (d?.timeZoneSource === 'file' && d.startTime && d.timeZone) {
    row.run = { ...row.run, date: fromFile.run.date }
    if (row.details) row.details = { ...row.details, startTime: d.startTime, timeZone: d.timeZone, timeZoneSource: 'file' }
  }
  if (row.run.durationSec == null && typeof fromFile.run.durationSec === 'number') row.run = { ...row.run, durationSec: fromFile.run.durationSec }
  if (!withinKm(fromFile.run.distanceKm, row.run.distanceKm)) {
    row.problems.push(`The activity file gives ${fromFile.run.distanceKm} km but Strava's summary says ${row.run.distanceKm} km; the summary is used.`)
  }
  return null
}

/** The export's runs as one preview: one row per activities.csv row, each saying which file it came from. */
export function parseStravaExport(contents: ZipContents, options: ParseOptions): ImportPreview {
  const csvName = findCsv(contents.files)
  if (!csvName) {
    return failed('strava-csv', 'This zip is not a Strava bulk export: it has no activities.csv. Choose the zip Strava sent ("Download your data"), or the activity files themselves.')
  }
  const decoded = decodeUtf8(contents.files.get(csvName) ?? new Uint8Array(0), 'CSV')
  if (!decoded.ok) return failed('strava-csv', `In the zip, activities.csv: ${decoded.problem}`)
  const table = readTable(decoded.text, { onRows: options.onRows, maxRows: MAX_IMPORT_ROWS })
  if (typeof table === 'string') return failed('strava-csv', `In the zip, activities.csv: ${table}`)
  if (!isStravaHeader(table.headers)) return failed('strava-csv', 'The zip has an activities.csv, but not the one Strava writes (its columns are different). Nothing was imported.')
  if (table.records.length > MAX_IMPORT_ROWS) return failed('strava-csv', `activities.csv has ${table.records.length} rows; CalfCoach imports at most ${MAX_IMPORT_ROWS} at a time.`)

  const preview = parseStrava(table, options)
  const base = csvName.includes('/') ? csvName.slice(0, csvName.lastIndexOf('/') + 1) : ''
  const fileCol = indexOf(table.headers, 'Filename')
  const fileByRow = new Map(table.records.map((r) => [r.rowNumber, fileCol >= 0 ? (r.cells[fileCol] ?? '').trim() : '']))
  const missing: string[] = []
  const unreadable: string[] = []
  for (const row of preview.rows) {
    const named = fileByRow.get(row.rowNumber) ?? ''
    row.origin = { file: named || 'activities.csv', row: row.rowNumber }
    // Only runs are joined: a skipped ride's file is never unpacked.
    if (!row.run || named === '') continue
    const entry = `${base}${named.replace(/\\/g, '/').replace(/^\.\//, '')}`
    const bytes = contents.files.get(entry)
    if (!bytes) {
      missing.push(named)
      continue
    }
    const why = joinRow(row, named, bytes, contents, options)
    if (why) unreadable.push(why)
  }
  const warnings = [...(preview.warnings ?? [])]
  if (missing.length) warnings.push(`${listed('Activity files named in activities.csv but not in the zip; their dates come from activities.csv', missing)}`)
  if (unreadable.length) warnings.push(`${listed('Activity files that could not be read; their dates come from activities.csv', unreadable)}`)
  if (contents.unsafe.length) warnings.push(`${listed('Entries with unsafe paths were not read', contents.unsafe)}`)
  if (warnings.length) preview.warnings = warnings
  return preview
}
