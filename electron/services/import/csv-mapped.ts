// Any other CSV, read through a column mapping chosen by the coach; CalfCoach's own export (see csv-export.ts)
// is recognised and mapped automatically.
import { KM_PER_MILE, parseDuration } from '../../../shared/units'
import type { CsvMapping, ImportPreview, ImportRow } from './types'
import { roundKm, skipped, toRow } from './common'
import { detectDateOrder, FORMULA_LIKE, looksLikeFormula, parseCsvDate, parseCsvNumber } from './csv-cells'
import { indexOf, rowShapeProblem, type Table } from './csv-table'

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

/** The mapping for CalfCoach's own export (recognised by its header), or null for any other file. */
export function calfCoachMapping(headers: readonly string[]): CsvMapping | null {
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

const TEXT_LIMITS = { surface: 80, shoes: 80, notes: 2000 } as const

/** Reads the rows through `mapping`; `unescapeFormulas` strips the apostrophe CalfCoach's export puts before formula-like text. */
export function parseMapped(table: Table, mapping: CsvMapping, unescapeFormulas: boolean): ImportPreview {
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

  const rows = table.records.map(({ rowNumber, cells, cutShort }): ImportRow => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '')
    const problems: string[] = []
    const shape = rowShapeProblem({ rowNumber, cells, ...(cutShort ? { cutShort } : {}) }, headers.length)
    if (shape) return skipped(rowNumber, shape)
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
      if (unescapeFormulas && t.startsWith("'") && FORMULA_LIKE.test(t.slice(1))) t = t.slice(1)
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
