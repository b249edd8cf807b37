import type { FileOps } from './file-ops'
import { signature } from './club/club-names'

/**
 * Lets a read-only window (another process holds the data folder, see folder-lock.ts) follow the window
 * that writes: every save there renames a finished file into one of a few folders, which moves that
 * folder's modification time, so a pass stats those folders only and reports when any of them moved
 * (the lock file coming or going moves the data folder too: the writer quitting is noticed the same way).
 * Passes never overlap, and onChange is awaited, so a pass resolves after the window has reloaded.
 */
export class FolderFollower {
  private last: string | null = null
  private polling: Promise<boolean> | null = null
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    /** The folders to look at (asked on every pass: the writer may start or stop sharing a club folder). */
    private readonly dirs: () => readonly string[],
    private readonly ops: FileOps,
    private readonly onChange: () => Promise<void>,
  ) {}

  /** Takes the first look now (it reports nothing), then one every pollMs (0: only when poll() is called). */
  start(pollMs: number): Promise<boolean> {
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.poll().catch(() => undefined), pollMs)
      this.timer.unref?.()
    }
    return this.poll()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** One pass: true when a folder moved since the last one (after onChange has run). */
  poll(): Promise<boolean> {
    this.polling ??= this.pass().finally(() => {
      this.polling = null
    })
    return this.polling
  }

  private async pass(): Promise<boolean> {
    const stats = await Promise.all(this.dirs().map((d) => this.ops.stat(d).catch(() => null)))
    const now = stats.map((s) => (s ? signature(s) : '-')).join('|')
    const moved = this.last !== null && now !== this.last
    this.last = now
    if (moved) await this.onChange()
    return moved
  }
}
