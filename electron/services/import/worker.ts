// The import worker's entry point: parses one file off the main thread and posts progress and the
// preview back. Built as its own bundle (out/main/import-worker.js, see electron.vite.config.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { readRunFile } from './read-file'
import type { WorkerReply, WorkerRequest } from './worker-protocol'

/** Rows per message from the worker. */
const WORKER_ROW_BATCH = 1_000

const port = parentPort
if (port) {
  const request = workerData as WorkerRequest
  const post = (reply: WorkerReply) => port.postMessage(reply)
  let last = 0
  void readRunFile(request.filePath, request.options, (progress) => {
    // At most a few updates a second: each one is a message the main thread must handle.
    const now = Date.now()
    if (now - last < 100 && progress.bytesRead < progress.totalBytes) return
    last = now
    post({ type: 'progress', progress })
  }).then((preview) => {
    // Rows go in batches so the main thread never has to take in a 50,000-row preview in one piece.
    const rows = preview.rows
    for (let i = 0; i < rows.length; i += WORKER_ROW_BATCH) post({ type: 'rows', rows: rows.slice(i, i + WORKER_ROW_BATCH) })
    post({ type: 'done', preview: { ...preview, rows: [] } })
  })
}
