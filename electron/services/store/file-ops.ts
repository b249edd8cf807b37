import { promises as fs } from 'node:fs'
import path from 'node:path'
import { removeTreeInWorker, statAndLinkInWorker } from './backup-worker'
import type { Checkpoint, LinkJob, LinkOutcome } from './link-pass'

/**
 * The only way the store touches the disk. Injectable so tests can simulate a full disk or a
 * read-only folder without needing root tricks, and so the crash test exercises the real code.
 */
/** What stat says about one version of a file (the store keys athletes' summaries by it, Database.athleteRevision). */
export interface FileStamp {
  size: number
  mtimeMs: number
  ino?: number
}

export interface FileOps {
  readText(file: string): Promise<string | null>
  /**
   * Text is written as UTF-8; bytes (already encoded text, see json-text.ts) as they are. May resolve to the
   * stat of the file written (the same a stat of it would give now), so the caller need not stat it again.
   */
  writeAtomic(file: string, text: string | Uint8Array): Promise<FileStamp | void>
  rename(from: string, to: string): Promise<void>
  copy(from: string, to: string): Promise<void>
  remove(file: string): Promise<void>
  list(dir: string): Promise<string[]>
  mkdirp(dir: string): Promise<void>
  stat(file: string): Promise<{ size: number; mtimeMs: number; ino?: number } | null>
  /** Another name for the same file (a hard link). Optional: without it, or where the file system refuses, callers copy. */
  link?(from: string, to: string): Promise<void>
  /** Flushes a folder's entries (new names, links) to disk. Optional: a no-op where unsupported. */
  syncDir?(dir: string): Promise<void>
  /**
   * Many stats and links in one go (the backup's pass, see link-pass.ts), off the main thread. Optional:
   * without it the backup calls stat and link file by file. A FileOps that changes stat or link (a test
   * holding or failing them) must leave this out, or it would go round them.
   */
  statAndLink?(jobs: readonly LinkJob[], checkpoint: Checkpoint): Promise<LinkOutcome[]>
  /** Removes a folder of many files (a backup) off the main thread. Optional: `remove` does it otherwise. */
  removeTree?(dir: string): Promise<void>
  /**
   * Adds text at the end of a file, not durably (for caches whose every line checks itself, see
   * summary-cache.ts). Optional: callers rewrite the whole file otherwise.
   */
  appendText?(file: string, text: string): Promise<void>
}

let tempCounter = 0

async function fsyncDirectory(dir: string): Promise<void> {
  // Persist the rename itself. Some platforms (Windows) cannot open directories; the rename is still atomic there.
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch {
    /* directory fsync unsupported on this platform */
  } finally {
    // Closed in the background: the folder is synced already, and the save need not wait for the close.
    void handle?.close().catch(() => undefined)
  }
}

/**
 * Temp file + fsync + rename + directory fsync: after this resolves the new content survives a kill -9
 * or power loss, and a crash at any earlier point leaves the previous complete file in place.
 * Text is written as UTF-8, bytes as they are. The file is private to the user (0o600) unless `mode` says
 * otherwise.
 */
export async function writeFileAtomicDurable(
  file: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): Promise<FileStamp | undefined> {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${++tempCounter}`)
  const handle = await fs.open(temp, 'w', options.mode ?? 0o600)
  let stamp: FileStamp | undefined
  try {
    // One write call for the whole file where the system takes it (FileHandle.writeFile cuts it into 512 KB
    // calls: a 10-year athlete's save paid a second trip through the thread pool).
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    for (let at = 0; at < bytes.byteLength; ) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.byteLength - at)
      if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'EIO' })
      at += bytesWritten
    }
    // The stat of what was written (rename keeps inode, size and mtime), taken while the data syncs: the
    // caller keys the athlete's summary by it without one more trip through the thread pool after the save.
    const [, stat] = await Promise.all([handle.sync(), handle.stat().catch(() => null)])
    if (stat) stamp = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino }
  } catch (error) {
    await handle.close()
    await fs.rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
  await fsyncDirectory(dir)
  return stamp
}

export const nodeFileOps: FileOps = {
  async readText(file) {
    try {
      return await fs.readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  },
  writeAtomic: writeFileAtomicDurable,
  async rename(from, to) {
    await fs.rename(from, to)
    await fsyncDirectory(path.dirname(to))
  },
  async copy(from, to) {
    const text = await fs.readFile(from)
    await writeFileAtomicDurable(to, text.toString('utf8'))
  },
  async remove(file) {
    await fs.rm(file, { force: true, recursive: true })
  },
  async list(dir) {
    try {
      return await fs.readdir(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  },
  async mkdirp(dir) {
    await fs.mkdir(dir, { recursive: true })
  },
  async link(from, to) {
    await fs.link(from, to)
  },
  syncDir: fsyncDirectory,
  statAndLink: statAndLinkInWorker,
  removeTree: removeTreeInWorker,
  async appendText(file, text) {
    await fs.appendFile(file, text, 'utf8')
  },
  async stat(file) {
    try {
      const s = await fs.stat(file)
      return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  },
}
