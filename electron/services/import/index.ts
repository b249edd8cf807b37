// Run import entry point: detects the format from the bytes (and the file name as a hint), refuses
// oversized, empty or wrongly encoded files with a clear message, and never throws for bad input.
// The result is a preview; nothing is saved here. Every run carries source { kind, key } with a key
// that is the same every time the same file is parsed, so the caller can skip runs it already has.
import { gunzipSync } from 'node:zlib'
import { parseCsv } from './csv'
import { parseFit } from './fit'
import { parseGpx } from './gpx'
import { parseTcx } from './tcx'
import { chosenZone, failed, formatBytes, holdToEntryChecks, MAX_IMPORT_BYTES, timeZoneProblem } from './common'
import { proposePainOnset } from './notes'
import { plausibilityFlags } from './plausibility'
import type { ImportFormat, ImportPreview, ParseOptions } from './types'

export type { CsvMapping, CsvDistanceUnit, ImportFormat, ImportPreview, ImportRow, ParseOptions, PainOnsetProposal, RowDetails, TimeZoneSource } from './types'
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './common'
export { csvEscapeCell, csvLine, runsToCsv, type CsvCellValue } from './csv-export'
export { parseFit } from './fit'
export { parseGpx, haversineKm } from './gpx'
export { parseTcx } from './tcx'
export { parseCsv, isStravaHeader, CALFCOACH_HEADERS } from './csv'

/** File extensions the import dialog should offer. */
export const IMPORT_EXTENSIONS = ['fit', 'gpx', 'tcx', 'csv', 'zip', 'fit.gz', 'gpx.gz', 'tcx.gz', 'csv.gz'] as const

function guessFromName(fileName: string): ImportFormat | null {
  const n = fileName.toLowerCase()
  if (n.endsWith('.fit')) return 'fit'
  if (n.endsWith('.gpx')) return 'gpx'
  if (n.endsWith('.tcx')) return 'tcx'
  if (n.endsWith('.csv') || n.endsWith('.txt')) return 'csv'
  return null
}

function hasFitSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[8] === 0x2e && bytes[9] === 0x46 && bytes[10] === 0x49 && bytes[11] === 0x54
}

function startsLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++
  return bytes[i] === 0x3c // '<'
}

/** The latest calendar date anywhere on Earth at `nowMs` (UTC+14): a run dated after it is in the future. */
function latestDateOnEarth(nowMs: number): string {
  return new Date(nowMs + 14 * 3600 * 1000).toISOString().slice(0, 10)
}

/**
 * What every format shares once its rows are read: the checks a typed run gets, plausibility flags on
 * every run, and a pain onset proposed from the athlete's notes. Done here once, so all formats behave
 * the same.
 */
export function finishPreview(preview: ImportPreview, options: ParseOptions): ImportPreview {
  const now = options.now ?? Date.now()
  const latest = latestDateOnEarth(now)
  for (const row of preview.rows) {
    holdToEntryChecks(row, now)
    if (!row.run) continue
    row.flags = plausibilityFlags(row.run, latest)
    if (row.details && row.details.painOnset === null) row.details.painOnset = proposePainOnset(row.details.notes, row.run)
  }
  return preview
}

/** A TCX file's root element near the start (after the XML declaration and comments). */
function mentionsTcxRoot(bytes: Uint8Array): boolean {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).includes('<TrainingCenterDatabase')
}

export function parseRunFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  return finishPreview(parseRunFileUnchecked(fileName, bytes, options), options)
}

/** parseRunFile without the finishing checks: for a file read as part of another (a Strava export's activity). */
export function parseRunFileUnchecked(fileName: string, bytes: Uint8Array, options: ParseOptions): ImportPreview {
  let name = fileName
  let data = bytes
  const hint = () => guessFromName(name) ?? 'csv'
  try {
    if (data.length > MAX_IMPORT_BYTES) {
      return failed(hint(), `The file is ${formatBytes(data.length)}; the import limit is ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.`)
    }
    if (data.length === 0) return failed(hint(), 'The file is empty (0 bytes). Nothing was imported.')

    if (data[0] === 0x1f && data[1] === 0x8b) {
      name = name.replace(/\.gz$/i, '')
      try {
        data = gunzipSync(data, { maxOutputLength: MAX_IMPORT_BYTES })
      } catch (e) {
        const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /too large|maxOutputLength/i.test(String(e))
        return failed(
          hint(),
          tooBig
            ? `Unpacked, the file is more than ${formatBytes(MAX_IMPORT_BYTES)}; the import limit is ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.`
            : 'The compressed (.gz) file is damaged or incomplete and could not be unpacked. Nothing was imported.',
        )
      }
      if (data.length === 0) return failed(hint(), 'The compressed file is empty. Nothing was imported.')
    }

    const zoneProblem = timeZoneProblem(chosenZone(options).timeZone)
    if (zoneProblem) return failed(hint(), zoneProblem)
    if (hasFitSignature(data)) return parseFit(data, options)
    const byName = guessFromName(name)
    if (byName === 'fit') return parseFit(data, options)
    if (byName === 'tcx' || (byName !== 'gpx' && byName !== 'csv' && startsLikeXml(data) && mentionsTcxRoot(data))) return parseTcx(data, options)
    if (byName === 'gpx' || (byName === null && startsLikeXml(data))) return parseGpx(data, options)
    if (startsLikeXml(data) && byName === 'csv') {
      return failed('csv', 'This file is XML (perhaps a GPX or TCX file renamed to .csv), not a CSV table. Nothing was imported.')
    }
    return parseCsv(data, options)
  } catch {
    // The parsers are written not to throw; this is the last line of defence for a surprising file, and
    // a library's own error text means nothing to a coach.
    return failed(hint(), 'The file could not be read: something in it is damaged or in a form CalfCoach does not know. Nothing was imported.')
  }
}
