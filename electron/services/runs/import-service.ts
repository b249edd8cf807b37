import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { CsvMappingInput, ImportPreviewResult, ImportPreviewRow, ReadyImportPreview } from '../../../shared/api/channels/runs'
import { DomainError } from '../../../shared/api/result'
import type { Run, RunInput } from '../../../shared/domain/run'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES, parseRunFile, type ImportPreview, type ImportRow } from '../import/index'
import { sortRuns, writableDoc } from './run-service'

/**
 * Run import in two steps. Preview: main asks for the file (the renderer never names a path), reads it
 * with a size limit, parses it and keeps the bytes and the parsed rows behind an opaque token. Commit:
 * the coach's selected row numbers are added from exactly those rows, skipping any whose source key is
 * already in the log, so importing the same file twice adds nothing.
 */

interface ImportSession {
  token: string
  athleteId: string
  fileName: string
  bytes: Uint8Array
  rows: ImportRow[]
  createdAt: number
}

/** Sessions per app instance; only the few most recent are kept, so a forgotten preview cannot pin memory. */
const sessionsByContext = new WeakMap<ServiceContext, Map<string, ImportSession>>()
const MAX_SESSIONS = 3
/** Rows are checked in chunks, yielding between them, so a 50,000-row import never stalls main. */
export const IMPORT_CHUNK_ROWS = 2_000

function sessions(ctx: ServiceContext): Map<string, ImportSession> {
  let map = sessionsByContext.get(ctx)
  if (!map) {
    map = new Map()
    sessionsByContext.set(ctx, map)
  }
  return map
}

function remember(ctx: ServiceContext, session: ImportSession): void {
  const map = sessions(ctx)
  map.set(session.token, session)
  while (map.size > MAX_SESSIONS) {
    const oldest = map.keys().next().value
    if (oldest === undefined) break
    map.delete(oldest)
  }
}

function session(ctx: ServiceContext, token: string): ImportSession {
  const s = sessions(ctx).get(token)
  if (!s) throw new DomainError('not-found', 'This import preview has expired. Choose the file again.')
  return s
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Reads at most MAX_IMPORT_BYTES + 1 bytes, so an oversized file is recognised without loading it. */
async function readLimited(file: string): Promise<{ bytes: Uint8Array } | { problem: string }> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(file, 'r')
    const stat = await handle.stat()
    if (!stat.isFile()) return { problem: 'That is not a file. Choose a FIT, GPX or CSV file.' }
    if (stat.size > MAX_IMPORT_BYTES) {
      return { problem: `The file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the import limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.` }
    }
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_IMPORT_BYTES) + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    // The file grew while being read: the parser's own size check refuses it.
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    const why = code === 'ENOENT' ? 'it no longer exists' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : `the system reported ${code}`
    return { problem: `The file could not be read because ${why}. Nothing was imported.` }
  } finally {
    await handle?.close()
  }
}

function sourceKey(run: Pick<RunInput, 'source'>): string | null {
  return run.source?.key ? `${run.source.kind}|${run.source.key}` : null
}

/** Marks each parsed row: already stored (same source key), or like a stored run (same day, distance within 5 %). */
async function describeRows(rows: readonly ImportRow[], stored: readonly Run[]): Promise<ImportPreviewRow[]> {
  const keys = new Set(stored.map(sourceKey).filter((k): k is string => k !== null))
  const byDate = new Map<string, Run[]>()
  for (const r of stored) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r])
  const out: ImportPreviewRow[] = []
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) {
    if (i > 0) await yieldToEventLoop()
    for (const row of rows.slice(i, i + IMPORT_CHUNK_ROWS)) {
      const key = row.run ? sourceKey(row.run) : null
      const duplicate = key !== null && keys.has(key)
      const similarToExisting =
        !!row.run &&
        !duplicate &&
        (byDate.get(row.run.date) ?? []).some((r) => {
          const k = sourceKey(r)
          return (k === null || k !== key) && Math.abs(r.distanceKm - (row.run?.distanceKm ?? 0)) <= 0.05 * r.distanceKm
        })
      out.push({ rowNumber: row.rowNumber, run: row.run, problems: row.problems, duplicate, similarToExisting })
    }
  }
  return out
}

async function present(ctx: ServiceContext, s: ImportSession, preview: ImportPreview, mapped: boolean): Promise<ReadyImportPreview> {
  const stored = ctx.db.athleteDoc(s.athleteId).data.runs
  const rows = await describeRows(preview.rows, stored)
  const importable = rows.filter((r) => r.run !== null)
  return {
    status: 'ready',
    token: s.token,
    fileName: s.fileName,
    format: preview.format,
    rows,
    fileProblems: preview.fileProblems,
    warnings: preview.warnings ?? [],
    csvHeaders: preview.csvHeaders ?? null,
    needsMapping: !mapped && preview.format === 'csv' && preview.csvHeaders !== undefined && preview.rows.length === 0,
    counts: {
      rows: rows.length,
      importable: importable.length,
      duplicates: importable.filter((r) => r.duplicate).length,
      similar: importable.filter((r) => r.similarToExisting).length,
      skipped: rows.length - importable.length,
    },
  }
}

export async function previewRunImport(
  ctx: ServiceContext,
  input: { athleteId: string; token?: string | undefined; csvMapping?: CsvMappingInput | undefined },
): Promise<ImportPreviewResult> {
  ctx.db.athleteDoc(input.athleteId) // not-found for an unknown athlete, before any dialog opens
  let s: ImportSession
  let problem: string | null = null
  if (input.token) {
    s = session(ctx, input.token)
    if (s.athleteId !== input.athleteId) throw new DomainError('invalid-input', 'This import preview belongs to another athlete. Choose the file again.')
  } else {
    const chosen = await ctx.dialogs.chooseOpenPath({
      title: 'Import runs (FIT, GPX or CSV)',
      filters: [
        { name: 'Run files (FIT, GPX, CSV)', extensions: [...new Set(IMPORT_EXTENSIONS.map((e) => e.split('.').pop() ?? e))] },
        { name: 'All files', extensions: ['*'] },
      ],
    })
    if (!chosen) return { status: 'cancelled' }
    const read = await readLimited(chosen)
    if ('problem' in read) problem = read.problem
    s = {
      token: randomUUID(),
      athleteId: input.athleteId,
      fileName: path.basename(chosen),
      bytes: 'bytes' in read ? read.bytes : new Uint8Array(0),
      rows: [],
      createdAt: Date.now(),
    }
  }
  const preview: ImportPreview = problem
    ? { format: 'csv', rows: [], fileProblems: [problem] }
    : parseRunFile(s.fileName, s.bytes, input.csvMapping ? { csvMapping: input.csvMapping } : {})
  // Rows from a file with whole-file problems are never importable.
  s.rows = preview.fileProblems.length ? [] : preview.rows
  remember(ctx, s)
  return present(ctx, s, preview, input.csvMapping !== undefined)
}

export interface ImportCommitResult {
  athleteId: string
  added: number
  skippedDuplicates: number
  skippedInvalid: number
}

export async function commitRunImport(ctx: ServiceContext, token: string, rowNumbers: readonly number[]): Promise<ImportCommitResult> {
  const s = session(ctx, token)
  const doc = writableDoc(ctx, s.athleteId)
  const wanted = new Set(rowNumbers)
  const byNumber = new Map(s.rows.map((r) => [r.rowNumber, r]))
  let skippedInvalid = 0
  const candidates: RunInput[] = []
  let checked = 0
  for (const n of wanted) {
    if (++checked % IMPORT_CHUNK_ROWS === 0) await yieldToEventLoop()
    const row = byNumber.get(n)
    if (!row?.run) skippedInvalid++
    else candidates.push(row.run)
  }
  const now = ctx.now()
  // One write for the whole import: it is saved completely or not at all. Keys are checked against the
  // log as it is at write time, so two overlapping imports of the same file still add each run once.
  const { added, skippedDuplicates } = await doc.mutate((d) => {
    const keys = new Set(d.runs.map(sourceKey).filter((k): k is string => k !== null))
    const fresh: Run[] = []
    let dup = 0
    for (const run of candidates) {
      const key = sourceKey(run)
      if (key !== null && keys.has(key)) {
        dup++
        continue
      }
      if (key !== null) keys.add(key)
      fresh.push({ ...run, id: newId('run', now), createdAt: now.toISOString(), updatedAt: now.toISOString() })
    }
    const result = { added: fresh.length, skippedDuplicates: dup }
    return { next: fresh.length ? { ...d, runs: sortRuns([...d.runs, ...fresh]) } : d, result }
  })
  return { athleteId: s.athleteId, added, skippedDuplicates, skippedInvalid }
}
