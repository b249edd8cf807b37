// Several run files chosen at once, previewed as one list. Each file is read in turn by readRunFile (the
// same code as for one file); a file that cannot be read becomes one skipped row with its own message, so
// it never blocks the others. Rows are numbered 1, 2, 3… across the files, and each says which file it
// came from and its number there.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { MAX_IMPORT_ROWS } from './common'
import { readRunFile, type ProgressFn } from './read-file'
import type { ImportPreview, ImportRow, ParseOptions } from './types'

/** More files than this in one go is refused (the dialog allows any number). */
export const MAX_IMPORT_FILES = 500

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size
  } catch {
    return 0
  }
}

export async function readRunFiles(filePaths: readonly string[], options: ParseOptions, onProgress: ProgressFn = () => undefined): Promise<ImportPreview> {
  const [only] = filePaths
  if (filePaths.length === 1 && only !== undefined) return readRunFile(only, options, onProgress)
  if (filePaths.length > MAX_IMPORT_FILES) {
    return { format: 'mixed', rows: [], fileProblems: [`${filePaths.length} files were chosen; CalfCoach imports at most ${MAX_IMPORT_FILES} at a time. Choose fewer.`] }
  }
  const sizes = await Promise.all(filePaths.map(sizeOf))
  const totalBytes = sizes.reduce((a, b) => a + b, 0)
  const rows: ImportRow[] = []
  const warnings: string[] = []
  const formats = new Set<ImportPreview['format']>()
  let done = 0
  for (const [i, file] of filePaths.entries()) {
    const name = path.basename(file)
    const add = (row: ImportRow, fileRow: number) => rows.push({ ...row, rowNumber: rows.length + 1, origin: { file: name, row: fileRow } })
    if (rows.length >= MAX_IMPORT_ROWS) {
      add({ rowNumber: 0, run: null, problems: [`${name}: not read: this import already holds ${MAX_IMPORT_ROWS} rows, the most CalfCoach takes at once.`] }, 0)
      continue
    }
    const preview = await readRunFile(file, options, (p) => onProgress({ ...p, bytesRead: done + p.bytesRead, totalBytes }))
    done += sizes[i] ?? 0
    if (preview.fileProblems.length > 0) {
      // A CSV that needs its columns chosen is previewed on its own, where the mapping step is offered.
      const problems = preview.csvHeaders ? ['This CSV needs its columns chosen: import it on its own.'] : preview.fileProblems
      add({ rowNumber: 0, run: null, problems: problems.map((p) => `${name}: ${p}`) }, 0)
      continue
    }
    formats.add(preview.format)
    for (const row of preview.rows) add(row, row.origin?.row ?? row.rowNumber)
    for (const w of preview.warnings ?? []) warnings.push(`${name}: ${w}`)
  }
  const [onlyFormat] = formats
  const format = formats.size === 1 && onlyFormat ? onlyFormat : 'mixed'
  return { format, rows, fileProblems: [], ...(warnings.length ? { warnings } : {}) }
}
