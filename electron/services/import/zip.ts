// Reads the parts of a Strava bulk export (.zip) that hold runs: activities.csv and the activity files in
// activities/. The zip is streamed through fflate piece by piece, so photos and other large entries are
// passed over without being kept, and nothing is ever written to disk. Limits keep a hostile or damaged
// zip (a "zip bomb") from taking the worker's time or memory: a cap on entries, on the bytes kept, and on
// everything unpacked.
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate'
import { formatBytes } from './common'

/** A Strava export with its photos can be large; only the activities are kept, so the zip itself may be big. */
export const MAX_ZIP_BYTES = 4 * 1024 * 1024 * 1024
/** Entries in the zip, of any kind (a real export has one per activity and per photo). */
export const MAX_ZIP_ENTRIES = 100_000
/** Bytes kept in memory from the zip: activities.csv and the (usually still gzipped) activity files. */
export const MAX_ZIP_KEPT_BYTES = 300 * 1024 * 1024
/** Everything unpacked while reading an export: the zip's entries and the .gz files inside them. */
export const MAX_ZIP_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024

/** Bytes handed to fflate at a time (see write). */
const PUSH_BYTES = 32 * 1024

/** A zip's local-file or empty-archive signature. */
export function hasZipSignature(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
}

/**
 * The entry's path with forward slashes, or null when it could point outside the export: an absolute
 * path, a drive letter, or a ".." step. We only read into memory, but such a name is never trusted.
 */
export function safeEntryPath(name: string): string | null {
  const p = name.replace(/\\/g, '/')
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p) || p.includes('\0')) return null
  if (p.split('/').some((part) => part === '..')) return null
  return p
}

/** Entries worth keeping: activities.csv and activity files, at the top or one folder down. */
function wanted(p: string): boolean {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.')
  const last = parts.at(-1)?.toLowerCase() ?? ''
  if (last === 'activities.csv') return parts.length <= 2
  const inActivities = parts.length >= 2 && parts.length <= 3 && parts.at(-2)?.toLowerCase() === 'activities'
  return inActivities && /\.(fit|gpx|tcx)(\.gz)?$/.test(last)
}

export interface ZipContents {
  /** Kept entries by their (safe, forward-slash) path inside the zip. */
  files: Map<string, Uint8Array>
  /** Entries not read because their path was unsafe. */
  unsafe: string[]
  /** Unpacked so far; the reader of the activity files adds to it (see MAX_ZIP_UNPACKED_BYTES). */
  unpackedBytes: number
}

export type ZipResult = { ok: true; contents: ZipContents } | { ok: false; problem: string }

export interface ZipLimits {
  entries: number
  keptBytes: number
}

const LIMITS: ZipLimits = { entries: MAX_ZIP_ENTRIES, keptBytes: MAX_ZIP_KEPT_BYTES }

const tooManyEntries = (limit: number) =>
  `The zip has more than ${limit.toLocaleString('en-GB')} entries, more than any Strava export; it was not read. Nothing was imported.`
const tooBig = (limit: number) =>
  `Unpacked, the activities in this zip come to more than ${formatBytes(limit)}, more than CalfCoach reads at once (the zip may be damaged or built to be huge). Nothing was imported.`
const DAMAGED = 'The zip file is damaged or incomplete and could not be read. Nothing was imported.'

/** Feed the zip's bytes in order with write(); finish() says what was kept, or why nothing can be. */
export class ZipReader {
  private readonly unzip = new Unzip()
  private readonly contents: ZipContents = { files: new Map(), unsafe: [], unpackedBytes: 0 }
  private entries = 0
  private kept = 0
  private problem: string | null = null

  /** `limits` only for tests, which prove the caps without building gigabyte zips. */
  constructor(private readonly limits: ZipLimits = LIMITS) {
    this.unzip.register(UnzipInflate)
    this.unzip.register(UnzipPassThrough)
    this.unzip.onfile = (file) => this.onFile(file)
  }

  private stop(problem: string): void {
    if (this.problem === null) this.problem = problem
  }

  private onFile(file: UnzipFile): void {
    if (this.problem !== null) return
    if (++this.entries > this.limits.entries) return this.stop(tooManyEntries(this.limits.entries))
    const p = safeEntryPath(file.name)
    if (p === null) {
      if (this.contents.unsafe.length < 5) this.contents.unsafe.push(file.name)
      return
    }
    if (!wanted(p) || p.endsWith('/')) return
    // The declared size is checked first (cheap), and the real one as the data comes: a zip can lie.
    if (file.originalSize !== undefined && this.kept + file.originalSize > this.limits.keptBytes) return this.stop(tooBig(this.limits.keptBytes))
    const parts: Uint8Array[] = []
    file.ondata = (err, chunk, final) => {
      if (this.problem !== null) return
      if (err) return this.stop(DAMAGED)
      this.kept += chunk.length
      this.contents.unpackedBytes += chunk.length
      if (this.kept > this.limits.keptBytes) {
        file.terminate()
        return this.stop(tooBig(this.limits.keptBytes))
      }
      parts.push(chunk)
      if (final) this.contents.files.set(p, Buffer.concat(parts))
    }
    try {
      file.start()
    } catch {
      // A compression method fflate does not know (e.g. LZMA): that entry cannot be read.
      this.stop('The zip uses a kind of compression CalfCoach cannot read. Download the export from Strava again. Nothing was imported.')
    }
  }

  /** False once reading should stop (a limit was hit or the zip is damaged). */
  write(chunk: Uint8Array, final = false): boolean {
    if (this.problem !== null) return false
    try {
      // fflate goes one call deeper for each entry inside a pushed piece: small pieces keep a zip of
      // thousands of tiny entries from overflowing the stack.
      for (let at = 0; at < chunk.length && this.problem === null; at += PUSH_BYTES) this.unzip.push(chunk.subarray(at, at + PUSH_BYTES), false)
      if (final && this.problem === null) this.unzip.push(new Uint8Array(0), true)
    } catch {
      this.stop(DAMAGED)
    }
    return this.problem === null
  }

  finish(): ZipResult {
    if (this.problem === null) this.write(new Uint8Array(0), true)
    if (this.problem !== null) return { ok: false, problem: this.problem }
    return { ok: true, contents: this.contents }
  }
}
