import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { IMPORT_PREVIEW_ROWS, type ImportProgress } from '../../../shared/api/channels/run-import'
import type { CsvMappingInput, ImportPreviewResult, ImportPreviewRow, ReadyImportPreview } from '../../../shared/api/channels/runs'
import { DomainError } from '../../../shared/api/result'
import { RunEntry, type Run, type RunInput } from '../../../shared/domain/run'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { IMPORT_EXTENSIONS, type ImportPreview, type ImportRow, type ParseOptions } from '../import/index'
import { startParseJob, type ParseJob } from '../import/parse-job'
import { rowStatus } from '../import/status'
import { sortRuns, writableDoc } from './run-service'

/**
 * Run import in two steps. Preview: main asks for the file (the renderer never names a path), has it read
 * and parsed in a worker thread (progress by polling, cancel at any time) and keeps the path and the parsed
 * rows behind an opaque token. Commit:
 * the coach's selected row numbers are added from exactly those rows, skipping any whose source key is
 * already in the log, so importing the same file twice adds nothing.
 */

interface ImportSession {
  token: string
  athleteId: string
  fileName: string
  /** Kept in main only; re-read when the coach changes the CSV mapping. Several when chosen together. */
  filePaths: string[]
  rows: ImportRow[]
  /** Row numbers beyond the ones the preview sent: those that start ticked, and every importable one. */
  notShown: { preselected: number[]; importable: number[] }
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

function sourceKey(run: Pick<RunInput, 'source'>): string | null {
  return run.source?.key ? `${run.source.kind}|${run.source.key}` : null
}

/** What main keeps of a described preview: the rows sent, the counts over every row, and the numbers of the rows not sent. */
export interface DescribedRows {
  /** The first `shown` rows, each described in full (what the preview sends). */
  shown: ImportPreviewRow[]
  counts: ReadyImportPreview['counts']
  /** Rows beyond the ones shown: those that start ticked, and every importable one not already stored. */
  notShown: { preselected: number[]; importable: number[] }
}

/** Rows described per turn of the event loop: a few milliseconds of main's time each, on a loaded machine too. */
export const DESCRIBE_CHUNK_ROWS = 500

/**
 * Marks each parsed row: already stored (same source key), or like a stored run (same day, distance within
 * 5 %). Only the rows shown become preview rows; the others are counted and their numbers kept, so a
 * 50,000-row file does not build (and leave to the collector) 50,000 objects on main. A turn of the event
 * loop between chunks of rows.
 */
export async function describeRows(rows: readonly ImportRow[], stored: readonly Run[], shown = IMPORT_PREVIEW_ROWS): Promise<DescribedRows> {
  const keys = new Set<string>()
  const byDate = new Map<string, Run[]>()
  for (const r of stored) {
    const k = sourceKey(r)
    if (k !== null) keys.add(k)
    const sameDay = byDate.get(r.date)
    if (sameDay) sameDay.push(r)
    else byDate.set(r.date, [r])
  }
  const out: DescribedRows = {
    shown: [],
    counts: { rows: rows.length, importable: 0, duplicates: 0, similar: 0, skipped: 0 },
    notShown: { preselected: [], importable: [] },
  }
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % DESCRIBE_CHUNK_ROWS === 0) await yieldToEventLoop()
    const row = rows[i] as ImportRow
    const run = row.run
    const key = run ? sourceKey(run) : null
    const duplicate = key !== null && keys.has(key)
    const similarToExisting =
      !!run &&
      !duplicate &&
      (byDate.get(run.date) ?? []).some((r) => {
        const k = sourceKey(r)
        return (k === null || k !== key) && Math.abs(r.distanceKm - run.distanceKm) <= 0.05 * r.distanceKm
      })
    const existing = { duplicate, similarToExisting }
    const status = rowStatus(row, existing)
    if (run) {
      out.counts.importable++
      if (duplicate) out.counts.duplicates++
      if (similarToExisting) out.counts.similar++
    } else out.counts.skipped++
    if (i < shown) {
      const origin = row.origin ?? null
      out.shown.push({ rowNumber: row.rowNumber, run, problems: row.problems, ...existing, flags: row.flags ?? [], details: row.details ?? null, origin, ...status })
    } else {
      if (status.preselected) out.notShown.preselected.push(row.rowNumber)
      if (run && !duplicate) out.notShown.importable.push(row.rowNumber)
    }
  }
  return out
}

async function present(ctx: ServiceContext, s: ImportSession, preview: ImportPreview, mapped: boolean): Promise<ReadyImportPreview> {
  const stored = ctx.db.athleteDoc(s.athleteId).data.runs
  const described = await describeRows(preview.rows, stored)
  s.notShown = described.notShown
  return {
    status: 'ready',
    token: s.token,
    fileName: s.fileName,
    format: preview.format,
    rows: described.shown,
    notShown: { rows: described.counts.rows - described.shown.length, preselected: s.notShown.preselected.length, importable: s.notShown.importable.length },
    fileProblems: preview.fileProblems,
    warnings: preview.warnings ?? [],
    csvHeaders: preview.csvHeaders ?? null,
    needsMapping: !mapped && preview.format === 'csv' && preview.csvHeaders !== undefined && preview.rows.length === 0,
    counts: described.counts,
  }
}

/** Files being read, by the progress id the renderer chose, so it can poll progress and cancel. */
const jobsByContext = new WeakMap<ServiceContext, Map<string, ParseJob>>()

function jobs(ctx: ServiceContext): Map<string, ParseJob> {
  let map = jobsByContext.get(ctx)
  if (!map) {
    map = new Map()
    jobsByContext.set(ctx, map)
  }
  return map
}

export function runImportProgress(ctx: ServiceContext, progressId: string): ImportProgress {
  const job = jobs(ctx).get(progressId)
  const p = job?.progress() ?? null
  return { state: job ? 'reading' : 'idle', bytesRead: p?.bytesRead ?? 0, totalBytes: p?.totalBytes ?? 0, rowsRead: p?.rowsRead ?? 0 }
}

/** Stops reading a file: its preview call answers "cancelled" and nothing is kept. */
export function cancelRunImport(ctx: ServiceContext, progressId: string): { cancelled: boolean } {
  const job = jobs(ctx).get(progressId)
  job?.cancel()
  return { cancelled: job !== undefined }
}

/** The zone for times the file gives in UTC: the athlete's own when set on the profile, else the computer's. */
function athleteZone(ctx: ServiceContext, athleteId: string): ParseOptions {
  const zone = ctx.db.squad.data.athletes.find((a) => a.id === athleteId)?.timeZone
  return zone ? { timeZone: zone, timeZoneSource: 'profile' } : {}
}

export async function previewRunImport(
  ctx: ServiceContext,
  input: { athleteId: string; token?: string | undefined; csvMapping?: CsvMappingInput | undefined; progressId?: string | undefined },
): Promise<ImportPreviewResult> {
  ctx.db.athleteDoc(input.athleteId) // not-found for an unknown athlete, before any dialog opens
  let s: ImportSession
  if (input.token) {
    s = session(ctx, input.token)
    if (s.athleteId !== input.athleteId) throw new DomainError('invalid-input', 'This import preview belongs to another athlete. Choose the file again.')
  } else {
    const dialog = {
      title: 'Import runs (FIT, GPX, TCX, CSV or a Strava export .zip)',
      filters: [
        { name: 'Run files (FIT, GPX, TCX, CSV, Strava export)', extensions: [...new Set(IMPORT_EXTENSIONS.map((e) => e.split('.').pop() ?? e))] },
        { name: 'All files', extensions: ['*'] },
      ],
    }
    const chosen = ctx.dialogs.chooseOpenPaths ? await ctx.dialogs.chooseOpenPaths(dialog) : [await ctx.dialogs.chooseOpenPath(dialog)].filter((p): p is string => p !== null)
    const [first] = chosen ?? []
    if (!chosen || first === undefined) return { status: 'cancelled' }
    const fileName = chosen.length === 1 ? path.basename(first) : `${chosen.length} files`
    s = { token: randomUUID(), athleteId: input.athleteId, fileName, filePaths: chosen, rows: [], notShown: { preselected: [], importable: [] }, createdAt: Date.now() }
  }
  // Parsed in a worker thread: main keeps answering every window while a big file is read.
  const job = startParseJob(s.filePaths, { ...athleteZone(ctx, input.athleteId), ...(input.csvMapping ? { csvMapping: input.csvMapping } : {}) })
  const progressId = input.progressId ?? randomUUID()
  jobs(ctx).set(progressId, job)
  let preview: ImportPreview | null
  try {
    preview = await job.result
  } finally {
    jobs(ctx).delete(progressId)
  }
  if (preview === null) return { status: 'cancelled' }
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

/** The run as the coach chose to import it: without the file's notes, or with the proposed pain onset. */
function chosenRun(row: ImportRow, dropNotes: boolean, useOnset: boolean): RunInput | null {
  if (!row.run) return null
  const run: RunInput = { ...row.run }
  if (dropNotes) delete run.notes
  const onset = row.details?.painOnset
  if (useOnset && onset) {
    if (onset.km !== null) run.painOnsetKm = onset.km
    if (onset.minutes !== null) run.painOnsetMinutes = onset.minutes
  }
  return run
}

export async function commitRunImport(
  ctx: ServiceContext,
  token: string,
  rowNumbers: readonly number[],
  choices: {
    withoutNotes?: readonly number[] | undefined
    painOnsetRows?: readonly number[] | undefined
    rowsNotShown?: 'preselected' | 'importable' | 'none' | undefined
  } = {},
): Promise<ImportCommitResult> {
  const s = session(ctx, token)
  await ctx.db.athlete(s.athleteId)
  const doc = writableDoc(ctx, s.athleteId)
  const notShown = choices.rowsNotShown === 'preselected' ? s.notShown.preselected : choices.rowsNotShown === 'importable' ? s.notShown.importable : []
  const wanted = new Set([...rowNumbers, ...notShown])
  const dropNotes = new Set(choices.withoutNotes ?? [])
  const useOnset = new Set(choices.painOnsetRows ?? [])
  const byNumber = new Map(s.rows.map((r) => [r.rowNumber, r]))
  let skippedInvalid = 0
  const candidates: RunInput[] = []
  let checked = 0
  for (const n of wanted) {
    if (++checked % IMPORT_CHUNK_ROWS === 0) await yieldToEventLoop()
    const row = byNumber.get(n)
    const chosen = row ? chosenRun(row, dropNotes.has(n), useOnset.has(n)) : null
    // The same checks as a typed run, on the run as chosen (a confirmed pain onset included).
    const run = chosen && RunEntry.safeParse(chosen).success ? chosen : null
    if (!run) skippedInvalid++
    else candidates.push(run)
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
