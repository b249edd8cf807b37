import { type FSWatcher, promises as fs, watch } from 'node:fs'
import path from 'node:path'
import { documentName, INSTALLATIONS, signature } from './club-names'

export interface ClubWatcherOptions {
  /** Quiet period that batches a burst of events into one refresh. */
  quietMs?: number
  /** How often the polling fallback looks at the folder (0: never; tests call poll() themselves). */
  pollMs?: number
  /** Use fs.watch as well as polling (default true). */
  fsWatch?: boolean
}

/**
 * Watches a club folder for files other installations' sync tool brings in, and reports which
 * documents changed ("squad.json", "athletes/<id>.json"), batched over a short quiet period. Our own
 * writes and temp files (ours ".name.tmp-…", Syncthing's ".syncthing.name.tmp") are ignored.
 *
 * fs.watch misses events on some folders (network shares, some synced and virtual file systems), so a
 * polling pass backs it up. It stays cheap on big clubs: each pass stats only the other installations'
 * folders, and lists and stats the files of a folder only when its modification time moved (a sync
 * tool, like CalfCoach itself, replaces a file by renaming a finished copy over it, which touches the
 * folder).
 */
export class ClubWatcher {
  private watcher: FSWatcher | null = null
  private pending = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private pollTimer: ReturnType<typeof setInterval> | null = null
  /** Per watched folder (relative to installations/): its mtime and its files' signatures at the last pass. */
  private seen = new Map<string, { mtimeMs: number; files: Map<string, string> }>()
  private polling: Promise<string[]> | null = null
  /** False until the first pass has recorded what was there (it reports nothing). */
  private primed = false
  private readonly quietMs: number
  private readonly pollMs: number
  private readonly fsWatch: boolean

  constructor(
    private readonly root: string,
    private readonly ownInstallId: string,
    private readonly onChange: (rels: Set<string>) => void,
    options: ClubWatcherOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 150
    this.pollMs = options.pollMs ?? 1500
    this.fsWatch = options.fsWatch ?? true
  }

  start(): void {
    if (this.fsWatch) {
      try {
        this.watcher = watch(path.join(this.root, INSTALLATIONS), { recursive: true }, (_event, filename) => {
          if (filename) this.note(filename.toString())
        })
        this.watcher.on('error', () => undefined)
      } catch {
        this.watcher = null
      }
    }
    // The first pass only records what is there; later passes report what changed since.
    void this.poll()
    if (this.pollMs > 0) {
      this.pollTimer = setInterval(() => void this.poll(), this.pollMs)
      this.pollTimer.unref?.()
    }
  }

  stop(): void {
    this.watcher?.close()
    this.watcher = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
  }

  /**
   * One polling pass: notes every file of another installation that appeared, changed or went away
   * since the last pass, and resolves to what it noted (relative to installations/). Passes never overlap.
   */
  poll(): Promise<string[]> {
    if (!this.polling) {
      this.polling = this.scan().finally(() => {
        this.polling = null
      })
    }
    return this.polling
  }

  private async scan(): Promise<string[]> {
    const first = !this.primed
    const base = path.join(this.root, INSTALLATIONS)
    const installs = (await fs.readdir(base, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && d.name !== this.ownInstallId)
    const noted: string[] = []
    const next = new Map<string, { mtimeMs: number; files: Map<string, string> }>()
    for (const dir of installs.flatMap((d) => [d.name, `${d.name}/athletes`])) {
      const stat = await fs.stat(path.join(base, dir)).catch(() => null)
      if (!stat) continue
      const before = this.seen.get(dir)
      if (before && before.mtimeMs === stat.mtimeMs) {
        next.set(dir, before)
        continue
      }
      const files = new Map<string, string>()
      for (const name of await fs.readdir(path.join(base, dir)).catch(() => [] as string[])) {
        if (!name.endsWith('.json')) continue
        const s = await fs.stat(path.join(base, dir, name)).catch(() => null)
        if (s?.isFile()) files.set(name, signature(s))
      }
      next.set(dir, { mtimeMs: stat.mtimeMs, files })
      if (first) continue
      for (const name of new Set([...files.keys(), ...(before?.files.keys() ?? [])])) {
        if (files.get(name) !== before?.files.get(name)) noted.push(`${dir}/${name}`)
      }
    }
    this.seen = next
    this.primed = true
    for (const rel of noted) this.note(rel)
    return noted
  }

  /** A path relative to installations/, as fs.watch reports it. */
  note(relToInstallations: string): void {
    const parts = relToInstallations.split(/[\\/]/)
    const [installId, ...rest] = parts
    if (!installId || installId === this.ownInstallId) return
    const name = rest[rest.length - 1]
    const doc = name ? documentName(name) : null
    if (!doc) return
    const rel = rest.length === 1 ? doc.base : `${rest.slice(0, -1).join('/')}/${doc.base}`
    if (rel !== 'squad.json' && !/^athletes\/[a-z0-9][a-z0-9-]{2,63}\.json$/.test(rel)) return
    this.pending.add(rel)
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      const rels = this.pending
      this.pending = new Set()
      this.onChange(rels)
    }, this.quietMs)
  }
}
