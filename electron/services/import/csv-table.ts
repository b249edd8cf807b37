// A CSV file as a table (papaparse): the header row, the data records with their spreadsheet row numbers, and
// finding columns by header name.
import Papa from 'papaparse'

export interface Table {
  headers: string[]
  /** Data records with their 1-based spreadsheet row number (header = 1). */
  records: { rowNumber: number; cells: string[]; cutShort?: boolean }[]
}

/**
 * The reason a row cannot be read safely, or null: a row whose cell count differs from the header's
 * would put values under the wrong columns (a file cut short, or a comma that should have been quoted).
 */
export function rowShapeProblem(record: Table['records'][number], headerCount: number): string | null {
  const { rowNumber, cells } = record
  if (record.cutShort) {
    return `Skipped: row ${rowNumber} ends inside a quoted cell, so the file was cut short there; its values cannot be trusted.`
  }
  if (cells.length < headerCount) {
    return `Skipped: row ${rowNumber} has ${cells.length} of the ${headerCount} cells the header names, so the file was probably cut short in this row; its values would land in the wrong columns.`
  }
  if (cells.length > headerCount) {
    return `Skipped: row ${rowNumber} has ${cells.length} cells but the header names ${headerCount}, probably a comma that should have been quoted; its values would land in the wrong columns.`
  }
  return null
}

/**
 * The file as a table, row by row (papaparse's step mode), so progress can be reported as rows are read
 * and a file with too many rows is given up on early.
 */
export function readTable(text: string, options: { onRows?: ((rowsRead: number) => void) | undefined; maxRows?: number } = {}): Table | string {
  const data: string[][] = []
  let fatalRow = -1
  let tooMany = false
  const limit = options.maxRows ?? Number.POSITIVE_INFINITY
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    header: false,
    step: (result, parser) => {
      if (fatalRow < 0 && result.errors.some((e) => e.code === 'MissingQuotes')) fatalRow = data.length
      data.push(result.data)
      if (data.length % 2000 === 0) options.onRows?.(data.length)
      // A generous margin over the limit for blank lines and the header; the exact count is checked later.
      if (data.length > limit * 2 + 100) {
        tooMany = true
        parser.abort()
      }
    },
  })
  options.onRows?.(data.length)
  if (tooMany) return `The file has more than ${limit} rows; CalfCoach imports at most ${limit} at a time. Split the file.`
  // A quote left open swallows the rest of the file into one cell. When that cell holds no line break,
  // the file was cut off inside its last row: that row alone is refused. Otherwise later rows may be
  // inside it, and the whole file is refused rather than losing them.
  const swallowed = fatalRow >= 0 ? (data[fatalRow] ?? []).some((c) => /[\r\n]/.test(c)) : false
  if (fatalRow >= 0 && (fatalRow < data.length - 1 || swallowed)) {
    return `The CSV file is damaged: a quoted cell is never closed (row ${fatalRow + 1}). Nothing was imported.`
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
    records.push(i === fatalRow ? { rowNumber: i + 1, cells: r, cutShort: true } : { rowNumber: i + 1, cells: r })
  }
  return { headers, records }
}

export function indexOf(headers: readonly string[], name: string | undefined): number {
  if (name === undefined) return -1
  const wanted = name.trim().toLowerCase()
  return headers.findIndex((h) => h.toLowerCase() === wanted)
}

export function allIndexes(headers: readonly string[], name: string): number[] {
  const out: number[] = []
  headers.forEach((h, i) => {
    if (h.toLowerCase() === name.toLowerCase()) out.push(i)
  })
  return out
}
