// The backup's work that touches a file per athlete, in a worker thread: the stat-and-link pass (see
// link-pass.ts) and removing a rotated-out backup (a folder of one file per athlete; fs.promises.rm walks
// it on the main thread, ~17 ms a day at 1,000 athletes, measured). The main thread only waits.
import { Worker } from 'node:worker_threads'
import type { Checkpoint, LinkJob, LinkOutcome } from './link-pass'

/** A file's state in the worker's answer (its fourth column). */
const GONE = 0
const PRESENT = 1
const LINKED = 2

/** Files per message to the worker: the checkpoint runs between chunks, so a step-aside waits one chunk at most. */
const CHUNK = 250

/**
 * The worker's code, plain CommonJS given as text (eval): it needs nothing but node:fs, and as text it runs
 * the same from the app's single-file main bundle, from source under tsx and in tests, without a second
 * bundle. Synchronous calls: the worker has nothing else to do, and they cost no promise per file.
 * Stat errors other than "no such file" fail the chunk (as ops.stat does); a refused link is reported, not thrown.
 * Both ways the data is columns (paths as string arrays, numbers in a Float64Array moved, not copied):
 * an object per file costs the main thread more to copy in and out than the stat itself.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
parentPort.on('message', (message) => {
  try {
    if (message.remove) {
      fs.rmSync(message.remove, { recursive: true, force: true })
      parentPort.postMessage({ removed: true })
      return
    }
    const { lives, froms, tos, known } = message
    const out = new Float64Array(lives.length * 4)
    for (let i = 0; i < lives.length; i++) {
      const s = fs.statSync(lives[i], { throwIfNoEntry: false })
      if (!s) continue
      out.set([s.ino, s.size, s.mtimeMs, ${PRESENT}], i * 4)
      const k = i * 3
      if (!froms[i] || Number.isNaN(known[k]) || known[k] !== s.ino || known[k + 1] !== s.size || known[k + 2] !== s.mtimeMs) continue
      try {
        fs.linkSync(froms[i], tos[i])
        out[i * 4 + 3] = ${LINKED}
      } catch {}
    }
    parentPort.postMessage({ out }, [out.buffer])
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } })
  }
})
`

type WorkerReply = { out: Float64Array } | { removed: true } | { error: { message: string; code?: string } }

/** One chunk as columns for the worker: a file not known has NaN as its identity, one only looked at has no `from`. */
function columns(jobs: readonly LinkJob[]) {
  const known = new Float64Array(jobs.length * 3).fill(Number.NaN)
  jobs.forEach((job, i) => {
    if (job.known?.ino !== undefined) known.set([job.known.ino, job.known.size, job.known.mtimeMs], i * 3)
  })
  return { lives: jobs.map((j) => j.live), froms: jobs.map((j) => j.link?.from ?? ''), tos: jobs.map((j) => j.link?.to ?? ''), known }
}

function outcomesOf(out: Float64Array): LinkOutcome[] {
  const outcomes: LinkOutcome[] = []
  for (let i = 0; i < out.length; i += 4) {
    const state = out[i + 3]!
    outcomes.push({ now: state === GONE ? null : { ino: out[i]!, size: out[i + 1]!, mtimeMs: out[i + 2]! }, linked: state === LINKED })
  }
  return outcomes
}

/**
 * A worker for one task: `ask` posts a message and waits for the answer (a failure in the worker rejects it,
 * with the system's code). The worker is stopped before this settles, whatever happens, so it never writes
 * into a partial backup being removed, and none is left idle holding memory all day.
 */
async function inWorker<T>(task: (ask: (message: unknown) => Promise<WorkerReply>) => Promise<T>): Promise<T> {
  // execArgv []: not the parent's loaders (tsx in tests and the bench), which the worker's code does not need.
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] })
  let answer: ((reply: WorkerReply) => void) | null = null
  let crashed: ((error: Error) => void) | null = null
  const stopped = new Error('The backup could not reach the data files: its helper stopped unexpectedly.')
  worker.on('message', (reply: WorkerReply) => answer?.(reply))
  worker.on('error', (error) => crashed?.(Object.assign(stopped, { cause: error })))
  worker.on('exit', () => crashed?.(stopped))
  const ask = async (message: unknown) => {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      answer = resolve
      crashed = reject
      worker.postMessage(message)
    })
    if ('error' in reply) throw Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {})
    return reply
  }
  try {
    return await task(ask)
  } finally {
    crashed = null
    await worker.terminate()
  }
}

/** The stat-and-link pass in a worker thread, a chunk at a time (the checkpoint between chunks). */
export async function statAndLinkInWorker(jobs: readonly LinkJob[], checkpoint: Checkpoint): Promise<LinkOutcome[]> {
  if (jobs.length === 0) return []
  return inWorker(async (ask) => {
    const outcomes: LinkOutcome[] = []
    for (let start = 0; start < jobs.length; start += CHUNK) {
      checkpoint()
      const reply = await ask(columns(jobs.slice(start, start + CHUNK)))
      if ('out' in reply) outcomes.push(...outcomesOf(reply.out))
    }
    return outcomes
  })
}

/** Removes a folder and everything in it (nothing when it is gone already). */
export async function removeTreeInWorker(dir: string): Promise<void> {
  await inWorker((ask) => ask({ remove: dir }))
}
