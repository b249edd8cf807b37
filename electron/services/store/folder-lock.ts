import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

/**
 * One writer per data folder on one machine. The operating system's single-instance lock guards a
 * user profile, not a folder: a second user, `--data-dir` or a synced folder get around it, and two
 * writers would each overwrite the other's saves. So the first process to open a data folder writes
 * calfcoach.lock naming its pid and host; a second process finds it and opens the squad read-only.
 * A lock left by a process that no longer runs on this host (a crash, a power cut) is stale and taken
 * over. A lock from another host cannot be checked, so it is respected.
 */
export const LOCK_FILE = 'calfcoach.lock'

const LockHolder = z.object({ pid: z.number().int().positive(), host: z.string().min(1), startedAt: z.string() })
export type LockHolder = z.infer<typeof LockHolder>

/** The facts about this process the lock needs; injectable so stale and foreign locks are unit-tested. */
export interface LockSystem {
  pid: number
  host: string
  isAlive(pid: number): boolean
  now(): Date
}

/** True when a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export const thisProcess: LockSystem = { pid: process.pid, host: os.hostname(), isAlive: pidAlive, now: () => new Date() }

export type LockResult = { kind: 'owned'; lock: FolderLock } | { kind: 'held'; holder: LockHolder }

export class FolderLock {
  private constructor(
    readonly file: string,
    private readonly me: LockHolder,
  ) {}

  /**
   * Takes the folder's lock, or reports who holds it. Where no lock file can be written at all (a
   * read-only folder) the result is "owned" without a file: the store's own write probe reports that.
   */
  static async acquire(dataDir: string, sys: LockSystem = thisProcess): Promise<LockResult> {
    const file = path.join(dataDir, LOCK_FILE)
    const me: LockHolder = { pid: sys.pid, host: sys.host, startedAt: sys.now().toISOString() }
    await fs.mkdir(dataDir, { recursive: true }).catch(() => undefined)
    for (let attempt = 0; attempt < 5; attempt++) {
      const created = await createExclusive(file, JSON.stringify(me))
      if (created === 'created' || created === 'unwritable') return { kind: 'owned', lock: new FolderLock(file, me) }
      const text = await fs.readFile(file, 'utf8').catch(() => null)
      if (text === null) continue // released meanwhile: try again
      const holder = parseHolder(text)
      // Our own pid: this process reopening the folder (after a restore, or a test opening it twice).
      if (holder && holder.pid === sys.pid && holder.host === sys.host) return { kind: 'owned', lock: new FolderLock(file, me) }
      if (holder && (holder.host !== sys.host || sys.isAlive(holder.pid))) return { kind: 'held', holder }
      await removeIfUnchanged(file, text)
    }
    const text = await fs.readFile(file, 'utf8').catch(() => '')
    return { kind: 'held', holder: parseHolder(text) ?? { pid: 0, host: 'unknown', startedAt: '' } }
  }

  /** Removes the lock when it still names this process (a stale-lock takeover may have replaced it). */
  async release(): Promise<void> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => null)
    const holder = text === null ? null : parseHolder(text)
    if (holder && holder.pid === this.me.pid && holder.host === this.me.host) await fs.rm(this.file, { force: true }).catch(() => undefined)
  }
}

/** The banner a second window shows while another process holds the data folder. */
export function heldMessage(holder: LockHolder, sys: LockSystem = thisProcess): string {
  const where = holder.host === sys.host ? '' : ` on ${holder.host}`
  return `Another CalfCoach window (pid ${holder.pid}${where}) is using this squad; this window is read-only and shows its changes as they are saved. To make changes here, close the other window first.`
}

function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Creates the lock with its whole content in one step: the content goes to a temp file that is then
 * hard-linked to the lock's name, which fails if the name exists, so no reader ever sees a half-written
 * lock. Where hard links are not supported, an exclusive create is the fallback.
 */
async function createExclusive(file: string, content: string): Promise<'created' | 'exists' | 'unwritable'> {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    await fs.writeFile(temp, content)
  } catch {
    return 'unwritable'
  }
  try {
    await fs.link(temp, file)
    return 'created'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return 'exists'
    try {
      await fs.writeFile(file, content, { flag: 'wx' })
      return 'created'
    } catch (fallback) {
      return (fallback as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : 'unwritable'
    }
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined)
  }
}

/**
 * Removes a stale lock, but only the one that was read: it is first renamed to a name of our own (an
 * atomic step), and if what was moved is not what we judged stale (another process took the stale lock
 * over in between), it is put back.
 */
async function removeIfUnchanged(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    await fs.rename(file, aside)
  } catch {
    return
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => null)
  if (moved !== null && moved !== staleText) await fs.link(aside, file).catch(() => undefined)
  await fs.rm(aside, { force: true }).catch(() => undefined)
}
