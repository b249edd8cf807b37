// Runs the parsing of the chosen file (or files) in a worker thread, so the main process keeps answering the windows while a
// big file is read: progress is kept for polling, and cancel stops the worker at once.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { failed } from './common'
import type { ReadProgress } from './read-file'
import type { ImportPreview, ImportRow, ParseOptions } from './types'
import type { WorkerCommand, WorkerReply, WorkerRequest } from './worker-protocol'

/**
 * The worker's code: the bundle built next to main's (the app: out/main/import-worker.js). Services run
 * from source (unit tests, the e2e harness, scripts) use the build the e2e harness tests
 * (CALFCOACH_OUT_DIR) when there is one, else the TypeScript source through tsx. The shipped app always
 * finds its own bundle first.
 */
function workerEntry(): { code: string; eval: boolean } {
  const built = path.join(__dirname, 'import-worker.js')
  if (existsSync(built)) return { code: built, eval: false }
  const outDir = process.env['CALFCOACH_OUT_DIR']
  const harnessBuild = outDir ? path.resolve(outDir, 'main', 'import-worker.js') : null
  if (harnessBuild && existsSync(harnessBuild)) return { code: harnessBuild, eval: false }
  const source = path.join(__dirname, 'worker.ts')
  return { code: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)})`, eval: true }
}

/** Heap for the worker: far above what a 50 MB file needs, and a worker that goes past it dies alone. */
const WORKER_HEAP_MB = 768

export interface ParseJob {
  /** Latest progress; null until the worker has read anything. */
  readonly progress: () => ReadProgress | null
  /** Stops the worker; `result` then resolves to null. */
  cancel(): void
  /** The preview, or null when cancelled. Never rejects. */
  readonly result: Promise<ImportPreview | null>
}

const CRASHED = 'The file could not be read: reading it stopped unexpectedly (it may be too large or too complex). Nothing was imported.'

export function startParseJob(filePaths: readonly string[], options: Omit<ParseOptions, 'onRows'>): ParseJob {
  const entry = workerEntry()
  const request: WorkerRequest = { filePaths: [...filePaths], options }
  let progress: ReadProgress | null = null
  let cancelled = false
  const rows: ImportRow[] = []
  let cancel = () => {
    cancelled = true
  }
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  })
  const result = new Promise<ImportPreview | null>((resolve) => {
    let settled = false
    const settle = (value: ImportPreview | null) => {
      if (settled) return
      settled = true
      resolve(value)
      void worker.terminate()
    }
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') progress = reply.progress
      else if (reply.type === 'rows') {
        for (const row of reply.rows) rows.push(row)
        // Ask for the next batch only after a turn of the event loop, so calls from the windows (and
        // timers) run between batches instead of waiting for the whole preview.
        setImmediate(() => worker.postMessage({ type: 'more' } satisfies WorkerCommand))
      }
      else settle({ ...reply.preview, rows })
    })
    worker.on('error', () => settle(cancelled ? null : failed('csv', CRASHED)))
    worker.on('exit', () => settle(cancelled ? null : failed('csv', CRASHED)))
    cancel = () => {
      cancelled = true
      settle(null)
    }
  })
  return { progress: () => progress, cancel: () => cancel(), result }
}
