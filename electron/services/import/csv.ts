// CSV import with papaparse: Strava's bulk-export activities.csv, CalfCoach's own export, and any
// other CSV through a column mapping chosen by the coach.
//
// Strava quirks handled here:
// - "Distance" and "Elapsed Time" appear TWICE in the header. The first Distance is in the account's
//   display unit (km, or miles for imperial accounts) and may use a decimal comma; the second is in
//   metres. We read the metres column when it is there, and use the pair to notice a miles account.
//   With only the first column we assume km and say so in `warnings`.
// - "Activity Date" is in UTC ("Mar 31, 2024, 7:10:00 AM"), so an evening run west of Greenwich would
//   land on the next day if read naively. We convert to the chosen time zone's calendar date.
// - Only running activities are imported (Run, Trail Run, Virtual Run); other rows are listed as skipped.
import Papa from 'papaparse'
import { isIsoDate } from '../../../shared/dates'
import { parseDuration, KM_PER_MILE } from '../../../shared/units'
import type { CsvMapping, ImportPreview, ImportRow, ParseOptions } from './types'
import { decodeUtf8, defaultTimeZone, failed, localDate, MAX_IMPORT_ROWS, roundKm, skipped, timeZoneProblem, toRow } from './common'

// ---------------------------------------------------------------------------------------------
// Cell parsing

/**
 * Reads a number as people write it in spreadsheets: "5.2", "5,2" (decimal comma), "1,234.5" and
 * "1.234,5" (thousands separators). Empty → null; anything else → NaN.
 */
export function parseCsvNumber(cell: string | undefined): number | null {
  const t = (cell ?? '').trim().replace(/\s+/g, '')
  if (t === '') return null
  if (/^[-+]?\d+(\.\d+)?$/.test(t) || /^[-+]?\.\d+$/.test(t)) return Number(t)
  if (/^[-+]?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'))
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''))
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'))
  return Number.NaN
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}

function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '')
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null
}

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(s) ? s : null
}

const TIME_TAIL = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?`

interface DateTimeParts {
  y: number
  m: number
  d: number
  h: number
  min: number
  s: number
  zone: string | null
  hasTime: boolean
}

function timeParts(match: RegExpExecArray, from: number): Pick<DateTimeParts, 'h' | 'min' | 's' | 'zone' | 'hasTime'> | null {
  if (match[from] === undefined) return { h: 0, min: 0, s: 0, zone: null, hasTime: false }
  let h = Number(match[from])
  const min = Number(match[from + 1])
  const s = Number(match[from + 2] ?? 0)
  const ampm = match[from + 3]?.toLowerCase()
  if (ampm) {
    if (h < 1 || h > 12) return null
    if (ampm === 'pm' && h !== 12) h += 12
    if (ampm === 'am' && h === 12) h = 0
  }
  if (h > 23 || min > 59 || s > 59) return null
  return { h, min, s, zone: match[from + 4] ?? null, hasTime: true }
}

/** Month-name and ISO forms, which are never ambiguous. */
function parseUnambiguous(text: string): DateTimeParts | null {
  const t = text.trim()
  let m = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME_TAIL}$`).exec(t)
  if (m) {
    const tp = timeParts(m, 4)
    return tp ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), ...tp } : null
  }
  m = new RegExp(String.raw`^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})${TIME_TAIL}$`).exec(t)
  if (m) {
    const mo = monthNumber(m[1] ?? '')
    const tp = timeParts(m, 4)
    return mo && tp ? { y: Number(m[3]), m: mo, d: Number(m[2]), ...tp } : null
  }
  m = new RegExp(String.raw`^(\d{1,2})\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})${TIME_TAIL}$`).exec(t)
  if (m) {
    const mo = monthNumber(m[2] ?? '')
    const tp = timeParts(m, 4)
    return mo && tp ? { y: Number(m[3]), m: mo, d: Number(m[1]), ...tp } : null
  }
  return null
}

const NUMERIC_DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME_TAIL}$`)

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

type DateOrder = 'dmy' | 'mdy'

/**
 * A calendar date as written in a generic CSV (no time-zone conversion: the date in the cell is the
 * date meant). Returns the ISO date, 'ambiguous' for d/m vs m/d without a decided order, or null.
 */
export function parseCsvDate(text: string, format: 'auto' | 'ymd' | 'dmy' | 'mdy', autoOrder: DateOrder | null): string | 'ambiguous' | null {
  const p = parseUnambiguous(text)
  if (p) return iso(p.y, p.m, p.d)
  if (format === 'ymd') return null
  const m = NUMERIC_DMY.exec(text.trim())
  if (!m) return null
  const a = Number(m[1])
  const b = Number(m[2])
  const y = Number(m[3])
  const order: DateOrder | null = format === 'dmy' || format === 'mdy' ? format : a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : autoOrder
  if (order === null) return 'ambiguous'
  return order === 'dmy' ? iso(y, b, a) : iso(y, a, b)
}

/** Decides d/m/y vs m/d/y from a whole column, or null when it cannot tell (or the column disagrees). */
function detectDateOrder(values: readonly string[]): DateOrder | null {
  let dmy = false
  let mdy = false
  for (const v of values) {
    const m = NUMERIC_DMY.exec(v.trim())
    if (!m) continue
    if (Number(m[1]) > 12) dmy = true
    if (Number(m[2]) > 12) mdy = true
  }
  return dmy && !mdy ? 'dmy' : mdy && !dmy ? 'mdy' : null
}

/** Text a spreadsheet would run as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@\t\r]/.test(text) || /^-[^\d.\s]/.test(text)
}

// ---------------------------------------------------------------------------------------------
// Table reading

interface Table {
  headers: string[]
  /** Data records with their 1-based spreadsheet row number (header = 1). */
  records: { rowNumber: number; cells: string[] }[]
}

function readTable(text: string): Table | string {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, header: false })
  const data = parsed.data
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes')
  if (fatal) {
    return `The CSV file is damaged: a quoted cell is never closed (row ${(fatal.row ?? 0) + 1}). Nothing was imported.`
  }
  const isBlank = (r: string[]) => r.every((c) => c.trim() === '')
  let h = 0
  while (h < data.length && isBlank(data[h] ?? [])) h++
  const headerRow = data[h]
  if (!headerRow) return 'The CSV file has no rows.'
  const headers = headerRow.map((c) => c.trim())
  const records: Table['records'] = []
  for (let i = h + 1; i < data.length; i++) {
    const r = data[i] ?? []
    if (isBlank(r)) continue
    records.push({ rowNumber: i + 1, cells: r })
  }
  return { headers, records }
}

function indexOf(headers: readonly string[], name: string | undefined): number {
  if (name === undefined) return -1
  const wanted = name.trim().toLowerCase()
  return headers.findIndex((h) => h.toLowerCase() === wanted)
}

function allIndexes(headers: readonly string[], name: string): number[] {
  const out: number[] = []
  headers.forEach((h, i) => {
    if (h.toLowerCase() === name.toLowerCase()) out.push(i)
  })
  return out
}

// ---------------------------------------------------------------------------------------------
// Strava activities.csv

const STRAVA_REQUIRED = ['Activity ID', 'Activity Date', 'Activity Type', 'Distance']
const STRAVA_RUN_TYPES = new Set(['run', 'trail run', 'trailrun', 'virtual run', 'virtualrun'])

export function isStravaHeader(headers: readonly string[]): boolean {
  return STRAVA_REQUIRED.every((h) => indexOf(headers, h) >= 0)
}

function parseStrava(table: Table, timeZone: string): ImportPreview {
  const { headers } = table
  const idCol = indexOf(headers, 'Activity ID')
  const dateCol = indexOf(headers, 'Activity Date')
  const typeCol = indexOf(headers, 'Activity Type')
  const distCols = allIndexes(headers, 'Distance')
  const elapsedCols = allIndexes(headers, 'Elapsed Time')
  const displayDistCol = distCols[0] ?? -1
  const metresCol = distCols.length > 1 ? (distCols[distCols.length - 1] ?? -1) : -1
  const warnings: string[] = []
  let milesAccount = false

  const rows: ImportRow[] = table.records.map(({ rowNumber, cells }): ImportRow => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '')
    const type = cell(typeCol)
    if (!STRAVA_RUN_TYPES.has(type.toLowerCase())) {
      return skipped(rowNumber, `Skipped: "${type || 'no type'}" is not a run.`)
    }
    const id = cell(idCol)
    if (!/^\d{1,20}$/.test(id)) return skipped(rowNumber, `Skipped: the Activity ID "${id}" is not a Strava id.`)
    const dateText = cell(dateCol)
    const ms = parseStravaDate(dateText)
    if (ms === null) return skipped(rowNumber, `Skipped: the Activity Date "${dateText}" is not a date.`)

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
    if (km === null) return skipped(rowNumber, `Skipped: the distance "${cell(displayDistCol)}" is missing or not a number.`)

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
        date: localDate(ms, timeZone),
        distanceKm: roundKm(km),
        durationSec,
        source: { kind: 'csv', key: `strava:${id}` },
      },
      [],
    )
  })
  const preview: ImportPreview = { format: 'strava-csv', rows, fileProblems: [] }
  if (warnings.length) preview.warnings = warnings
  return preview
}

// ---------------------------------------------------------------------------------------------
// CalfCoach's own export (see csv-export.ts) is recognised and mapped automatically.

export const CALFCOACH_HEADERS = {
  date: 'Date',
  distanceKm: 'Distance (km)',
  distanceMi: 'Distance (mi)',
  duration: 'Duration',
  painDuring: 'Pain during (0-10)',
  painAfter: 'Pain after (0-10)',
  painNextMorning: 'Pain next morning (0-10)',
  painOnsetKm: 'Pain onset (km)',
  painOnsetMi: 'Pain onset (mi)',
  painOnsetMinutes: 'Pain onset (min)',
  performancePercent: 'Performance %',
  surface: 'Surface',
  shoes: 'Shoes',
  notes: 'Notes',
} as const

function calfCoachMapping(headers: readonly string[]): CsvMapping | null {
  const H = CALFCOACH_HEADERS
  if (indexOf(headers, H.date) !== 0 || indexOf(headers, H.painDuring) < 0) return null
  const miles = indexOf(headers, H.distanceMi) >= 0
  if (!miles && indexOf(headers, H.distanceKm) < 0) return null
  return {
    date: H.date,
    dateFormat: 'ymd',
    distance: miles ? H.distanceMi : H.distanceKm,
    distanceUnit: miles ? 'mi' : 'km',
    duration: H.duration,
    painDuring: H.painDuring,
    painAfter: H.painAfter,
    painNextMorning: H.painNextMorning,
    painOnsetDistance: miles ? H.painOnsetMi : H.painOnsetKm,
    painOnsetMinutes: H.painOnsetMinutes,
    performancePercent: H.performancePercent,
    surface: H.surface,
    shoes: H.shoes,
    notes: H.notes,
  }
}

// ---------------------------------------------------------------------------------------------
// Generic CSV with a mapping

const TEXT_LIMITS = { surface: 80, shoes: 80, notes: 2000 } as const

function parseMapped(table: Table, mapping: CsvMapping, unescapeFormulas: boolean): ImportPreview {
  const { headers } = table
  const missing: string[] = []
  const col = (name: string | undefined, label: string, required = false): number => {
    if (name === undefined || name.trim() === '') {
      if (required) missing.push(`The mapping has no column for ${label}.`)
      return -1
    }
    const i = indexOf(headers, name)
    if (i < 0) missing.push(`The mapping uses the column "${name}" for ${label}, but the file has no such column.`)
    return i
  }
  const c = {
    date: col(mapping.date, 'the date', true),
    distance: col(mapping.distance, 'the distance', true),
    duration: col(mapping.duration, 'the duration'),
    painDuring: col(mapping.painDuring, 'pain during'),
    painAfter: col(mapping.painAfter, 'pain after'),
    painNextMorning: col(mapping.painNextMorning, 'pain next morning'),
    painOnsetDistance: col(mapping.painOnsetDistance, 'pain onset distance'),
    painOnsetMinutes: col(mapping.painOnsetMinutes, 'pain onset minutes'),
    performancePercent: col(mapping.performancePercent, 'performance %'),
    surface: col(mapping.surface, 'surface'),
    shoes: col(mapping.shoes, 'shoes'),
    notes: col(mapping.notes, 'notes'),
    id: col(mapping.id, 'the activity id'),
  }
  if (!['km', 'mi', 'm'].includes(mapping.distanceUnit)) missing.push('The mapping needs a distance unit: km, mi or m.')
  if (missing.length) return { format: 'csv', rows: [], fileProblems: missing, csvHeaders: headers }

  const toKm = (v: number) => (mapping.distanceUnit === 'mi' ? v * KM_PER_MILE : mapping.distanceUnit === 'm' ? v / 1000 : v)
  const dateFormat = mapping.dateFormat ?? 'auto'
  const autoOrder = dateFormat === 'auto' ? detectDateOrder(table.records.map((r) => r.cells[c.date] ?? '')) : null
  const seenKeys = new Map<string, number>()

  const rows = table.records.map(({ rowNumber, cells }): ImportRow => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '')
    const problems: string[] = []
    if (cells.length !== headers.length) {
      problems.push(`This row has ${cells.length} cells but the header has ${headers.length}; missing cells were read as empty.`)
    }
    const dateText = cell(c.date)
    const date = parseCsvDate(dateText, dateFormat, autoOrder)
    if (date === 'ambiguous') {
      return skipped(rowNumber, ...problems, `Skipped: the date "${dateText}" could be day/month or month/day. Choose the date format in the mapping.`)
    }
    if (date === null) return skipped(rowNumber, ...problems, dateText ? `Skipped: "${dateText}" is not a date.` : 'Skipped: the date is empty.')

    const distText = cell(c.distance)
    const dist = parseCsvNumber(distText)
    if (dist === null) return skipped(rowNumber, ...problems, 'Skipped: the distance is empty.')
    if (!Number.isFinite(dist)) return skipped(rowNumber, ...problems, `Skipped: the distance "${distText}" is not a number.`)
    const distanceKm = roundKm(toKm(dist))

    const run: Record<string, unknown> = { date, distanceKm }

    if (c.duration >= 0 && cell(c.duration) !== '') {
      const t = cell(c.duration)
      let sec: number | null = null
      if (mapping.durationFormat === 'seconds' || mapping.durationFormat === 'minutes') {
        const n = parseCsvNumber(t)
        if (n !== null && Number.isFinite(n) && n > 0) sec = Math.round(mapping.durationFormat === 'minutes' ? n * 60 : n)
      } else {
        sec = parseDuration(t)
      }
      if (sec === null) problems.push(`The duration "${t}" could not be read and was left out.`)
      else run['durationSec'] = sec
    }

    const numberField = (index: number, key: string, label: string, min: number, max: number, convert = (v: number) => v) => {
      if (index < 0) return
      const t = cell(index)
      if (t === '') return
      const n = parseCsvNumber(t)
      if (n === null || !Number.isFinite(n)) {
        problems.push(`${label} "${t}" is not a number and was left out.`)
        return
      }
      const v = convert(n)
      if (v < min || v > max) {
        problems.push(`${label} ${t} is outside ${min}–${max} and was left out.`)
        return
      }
      run[key] = v
    }
    numberField(c.painDuring, 'painDuring', 'Pain during', 0, 10)
    numberField(c.painAfter, 'painAfter', 'Pain after', 0, 10)
    numberField(c.painNextMorning, 'painNextMorning', 'Pain next morning', 0, 10)
    numberField(c.painOnsetDistance, 'painOnsetKm', 'Pain onset distance', 0, 400, (v) => roundKm(toKm(v)))
    numberField(c.painOnsetMinutes, 'painOnsetMinutes', 'Pain onset minutes', 0, 7 * 24 * 60)
    numberField(c.performancePercent, 'performancePercent', 'Performance %', 0, 150)

    for (const key of ['surface', 'shoes', 'notes'] as const) {
      const index = c[key]
      if (index < 0) continue
      let t = cell(index)
      if (t === '') continue
      if (unescapeFormulas && /^'[=+\-@\t\r]/.test(t)) t = t.slice(1)
      else if (looksLikeFormula(t)) {
        problems.push(`The ${key} cell starts like a spreadsheet formula; it is kept as plain text and never run.`)
      }
      const limit = TEXT_LIMITS[key]
      if (t.length > limit) {
        problems.push(`The ${key} text was longer than ${limit} characters and was shortened.`)
        t = t.slice(0, limit)
      }
      run[key] = t
    }

    let key: string
    const id = cell(c.id)
    if (id !== '') key = `csv:id:${id.slice(0, 150)}`
    else key = `csv:${date}:${distanceKm.toFixed(3)}:${typeof run['durationSec'] === 'number' ? run['durationSec'] : ''}`
    const n = (seenKeys.get(key) ?? 0) + 1
    seenKeys.set(key, n)
    if (n > 1) key = `${key}#${n}`
    run['source'] = { kind: 'csv', key }
    return toRow(rowNumber, run, problems)
  })
  return { format: 'csv', rows, fileProblems: [], csvHeaders: headers }
}

// ---------------------------------------------------------------------------------------------

export function parseCsv(bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  if (bytes.length === 0) return failed('csv', 'The file is empty (0 bytes).')
  const decoded = decodeUtf8(bytes, 'CSV')
  if (!decoded.ok) return failed('csv', decoded.problem)
  if (decoded.text.trim() === '') return failed('csv', 'The file is empty (only white space).')
  const timeZone = options.timeZone ?? defaultTimeZone()
  const tzProblem = timeZoneProblem(timeZone)
  if (tzProblem) return failed('csv', tzProblem)

  const table = readTable(decoded.text)
  if (typeof table === 'string') return failed('csv', table)
  if (table.records.length > MAX_IMPORT_ROWS) {
    return failed('csv', `The file has ${table.records.length} rows; CalfCoach imports at most ${MAX_IMPORT_ROWS} at a time. Split the file.`)
  }
  if (isStravaHeader(table.headers)) {
    const preview = parseStrava(table, timeZone)
    if (table.records.length === 0) preview.fileProblems.push('The Strava export has a header but no activities.')
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
