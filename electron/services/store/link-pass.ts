// The backup's pass over the live files: for each file, its identity now and, when it is unchanged since
// the previous backup, a hard link to that backup's copy. At 1,000 athletes that is 2,000 system calls a
// day; through fs.promises each one costs the main thread a callback and a promise (~105 ms of main-thread
// CPU in all, measured), so nodeFileOps runs the pass in a worker thread (backup-worker.ts) and the main
// thread only waits. Here: what a pass is, and the pass through any FileOps, file by file.
import type { FileOps } from './file-ops'

/** What identifies one version of a live file: our writer replaces files by rename, never in place. */
export type FileIdentity = { ino?: number; size: number; mtimeMs: number }

export interface LinkJob {
  /** The live data file. */
  live: string
  /** The live file's identity when `from` was taken from it; null: nothing to compare with. */
  known: FileIdentity | null
  /** Link `from` (a previous backup's copy) as `to` when the live file still is `known`; null: only look. */
  link: { from: string; to: string } | null
}

export interface LinkOutcome {
  /** The live file's identity during the pass; null when it is gone. */
  now: FileIdentity | null
  /** True when `to` now names the same file as `from`. */
  linked: boolean
}

/**
 * Called between files (in-process) or between chunks (worker): throws to stop the pass, e.g. when the
 * daily backup steps aside for a whole-folder operation. No link is made after it throws.
 */
export type Checkpoint = () => void

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs
}

/**
 * Runs `work(i)` for i = 0 … count-1, `lanes` at a time. After a failure no lane starts another item, and the
 * error is passed on only once every lane has stopped, so none writes into a partial backup being removed.
 */
export async function inLanes(count: number, lanes: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const lane = async () => {
    for (let i = next++; i < count && !failed; i = next++) await work(i)
  }
  const settled = await Promise.allSettled(
    Array.from({ length: lanes }, () =>
      lane().catch((error: unknown) => {
        failed = true
        throw error
      }),
    ),
  )
  const failure = settled.find((o) => o.status === 'rejected')
  if (failure) throw failure.reason
}

/** The pass through a FileOps's own stat and link, 16 files at a time (file systems and tests without the worker). */
export async function statAndLinkInProcess(ops: FileOps, jobs: readonly LinkJob[], checkpoint: Checkpoint): Promise<LinkOutcome[]> {
  const outcomes: LinkOutcome[] = new Array<LinkOutcome>(jobs.length)
  await inLanes(jobs.length, 16, async (i) => {
    checkpoint()
    const job = jobs[i]!
    const now = await ops.stat(job.live)
    let linked = false
    // Without an inode number a same-looking file may be another one: never link on it.
    if (now?.ino !== undefined && job.known && job.link && ops.link && sameIdentity(job.known, now)) {
      try {
        await ops.link(job.link.from, job.link.to)
        linked = true
      } catch {
        /* no hard links here, or the old copy is gone: the caller copies */
      }
    }
    outcomes[i] = { now: now ? { ino: now.ino, size: now.size, mtimeMs: now.mtimeMs } : null, linked }
  })
  return outcomes
}
