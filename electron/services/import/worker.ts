// The import worker's entry point: parses one file off the main thread and posts progress and the
// preview back. Built as its own bundle (out/main/import-worker.js, see electron.vite.config.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { readRunFiles } from './read-files'
import type { WorkerCommand, WorkerReply, WorkerRequest } from './worker-protocol'

/** Rows per message from the worker. */
const WORKER_ROW_BATCH = 250

const port = parentPort
if (port) {
  const request = workerData as WorkerRequest
  const post = (reply: WorkerReply) => port.postMessage(reply)
  let last = 0
  void readRunFiles(request.filePaths, request.options, (progress) => {
    // At most a few updates a second: each one is a message the main thread must handle.
    const now = Date.now()
    if (now - last < 100 && progress.bytesRead < progress.totalBytes) return
    last = now
    post({ type: 'progress', progress })
  }).then((preview) => {
    // Rows go in batches, the next one only when main asks for it, so main never has to take in a
    // 50,000-row preview in one piece (queued messages would all be handled in one go).
    const rows = preview.rows
    let next = 0
    const sendNext = () => {
      if (next >= rows.length) {
        post({ type: 'done', preview: { ...preview, rows: [] } })
        return
      }
      post({ type: 'rows', rows: rows.slice(next, next + WORKER_ROW_BATCH) })
      next += WORKER_ROW_BATCH
    }
    port.on('message', (command: WorkerCommand) => {
      if (command.type === 'more') sendNext()
    })
    sendNext()
  })
}
