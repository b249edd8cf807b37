// Reads a run file from disk into a preview, reporting progress as it goes. GPX is streamed in pieces
// (a 50 MB track never sits in memory whole); the other formats are read whole, within the size limit,
// and parsed by parseRunFile. Runs inside the import worker in the app, and in-process for the command
// line, so both give the same preview.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { failed, formatBytes, MAX_IMPORT_BYTES } from './common'
import { GpxReader, GPX_CHUNK_BYTES } from './gpx'
import { finishPreview, parseRunFile } from './index'
import { parseStravaExport } from './strava-export'
import type { ImportPreview, ParseOptions } from './types'
import { hasZipSignature, MAX_ZIP_BYTES, ZipReader } from './zip'

export interface ReadProgress {
  /** Bytes of the file read so far, and its size. */
  bytesRead: number
  totalBytes: number
  /** Rows (CSV records) parsed so far, when the format counts rows. */
  rowsRead: number
}

export type ProgressFn = (p: ReadProgress) => void

function guessFormatName(fileName: string): 'fit' | 'gpx' | 'csv' | 'strava-csv' {
  const n = fileName.toLowerCase()
  return n.endsWith('.fit') ? 'fit' : n.endsWith('.gpx') ? 'gpx' : n.endsWith('.zip') ? 'strava-csv' : 'csv'
}

/** The plain sentence for a file the system would not let us read. */
export function unreadableFileMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error'
  const why =
    code === 'ENOENT'
      ? 'it does not exist (or no longer exists)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission was refused'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : `the system reported ${code}`
  return `The file could not be read because ${why}. Nothing was imported.`
}

function looksLikeGpx(fileName: string, head: Uint8Array): boolean {
  const n = fileName.toLowerCase()
  if (n.endsWith('.gpx')) return true
  if (n.endsWith('.fit') || n.endsWith('.csv') || n.endsWith('.txt') || n.endsWith('.gz') || n.endsWith('.tcx')) return false
  if (head[0] === 0x1f && head[1] === 0x8b) return false
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096))
  return /<gpx[\s>]/.test(text)
}

/** Reads and parses one file. Never throws for a bad file: problems come back as the preview's fileProblems. */
export async function readRunFile(filePath: string, options: ParseOptions, onProgress: ProgressFn = () => undefined): Promise<ImportPreview> {
  const fileName = path.basename(filePath)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(filePath, 'r')
    const stat = await handle.stat()
    if (!stat.isFile()) return failed(guessFormatName(fileName), 'That is not a file. Choose a FIT, GPX, TCX, CSV or Strava export (.zip) file.')
    const total = stat.size
    const chunk = Buffer.alloc(Math.min(GPX_CHUNK_BYTES, Math.max(1, total)))
    let bytesRead = 0
    const readNext = async (): Promise<Uint8Array> => {
      const { bytesRead: n } = await handle!.read(chunk, 0, chunk.length, bytesRead)
      bytesRead += n
      onProgress({ bytesRead, totalBytes: total, rowsRead: 0 })
      return chunk.subarray(0, n)
    }
    const first = await readNext()
    const zipNamed = fileName.toLowerCase().endsWith('.zip')
    if (zipNamed || hasZipSignature(first)) {
      if (!hasZipSignature(first)) return failed('strava-csv', 'This file is named .zip but is not a zip file. Nothing was imported.')
      if (total > MAX_ZIP_BYTES) {
        return failed('strava-csv', `The zip is ${formatBytes(total)}; the limit for a Strava export is ${formatBytes(MAX_ZIP_BYTES)}. Nothing was imported.`)
      }
      // Streamed: only activities.csv and the activity files are kept, never the whole zip.
      const zip = new ZipReader()
      let piece = first
      // A copy of each piece: fflate may hold on to it, and the read buffer is reused.
      while (piece.length > 0 && zip.write(Uint8Array.from(piece)) && bytesRead <= MAX_ZIP_BYTES) piece = await readNext()
      const read = zip.finish()
      if (!read.ok) return failed('strava-csv', read.problem)
      return finishPreview(parseStravaExport(read.contents, { ...options, onRows: (rowsRead) => onProgress({ bytesRead, totalBytes: total, rowsRead }) }), options)
    }
    if (stat.size > MAX_IMPORT_BYTES) {
      return failed(guessFormatName(fileName), `The file is ${formatBytes(stat.size)}; the import limit is ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.`)
    }
    if (total > 0 && looksLikeGpx(fileName, first)) {
      const reader = new GpxReader(options)
      let piece = first
      while (piece.length > 0 && reader.write(piece) && bytesRead < MAX_IMPORT_BYTES + 1) piece = await readNext()
      if (bytesRead > MAX_IMPORT_BYTES) {
        return failed('gpx', `The file grew past the ${formatBytes(MAX_IMPORT_BYTES)} import limit while it was read. Nothing was imported.`)
      }
      return finishPreview(reader.finish(), options)
    }
    // Whole-file formats: collect the pieces (the file may have changed size since stat; the parser's own
    // size check refuses a file that grew past the limit).
    const parts: Uint8Array[] = [Uint8Array.from(first)]
    let piece = first
    while (piece.length > 0 && bytesRead <= MAX_IMPORT_BYTES) {
      piece = await readNext()
      if (piece.length > 0) parts.push(Uint8Array.from(piece))
    }
    const bytes = Buffer.concat(parts)
    parts.length = 0
    return parseRunFile(fileName, bytes, {
      ...options,
      onRows: (rowsRead) => onProgress({ bytesRead, totalBytes: total, rowsRead }),
    })
  } catch (error) {
    return failed(guessFormatName(fileName), unreadableFileMessage(error))
  } finally {
    await handle?.close()
  }
}
