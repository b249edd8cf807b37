// A CSV file as a table (papaparse): the header row, the data records with their spreadsheet row numbers, and
// finding columns by header name.
import Papa from 'papaparse'

export interface Table {
  headers: string[]
  /** Data records with their 1-based spreadsheet row number (header = 1). */
  records: { rowNumber: number; cells: string[] }[]
}

export function readTable(text: string): Table | string {
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
