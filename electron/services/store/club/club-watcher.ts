import { type FSWatcher, watch } from 'node:fs'
import path from 'node:path'
import { conflictBase, INSTALLATIONS } from './club-folder'

/**
 * Watches a club folder for files other installations' sync tool brings in, and reports which
 * documents changed ("squad.json", "athletes/<id>.json"), batched over a short quiet period. Our own
 * writes and temp files (ours ".name.tmp-…", Syncthing's ".syncthing.name.tmp") are ignored.
 */
export class ClubWatcher {
  private watcher: FSWatcher | null = null
  private pending = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly root: string,
    private readonly ownInstallId: string,
    private readonly onChange: (rels: Set<string>) => void,
    private readonly quietMs = 150,
  ) {}

  start(): void {
    try {
      this.watcher = watch(path.join(this.root, INSTALLATIONS), { recursive: true }, (_event, filename) => {
        if (filename) this.note(filename.toString())
      })
      this.watcher.on('error', () => undefined)
    } catch {
      this.watcher = null
    }
  }

  stop(): void {
    this.watcher?.close()
    this.watcher = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** A path relative to installations/, as fs.watch reports it. */
  note(relToInstallations: string): void {
    const parts = relToInstallations.split(/[\\/]/)
    const [installId, ...rest] = parts
    if (!installId || installId === this.ownInstallId) return
    const name = rest[rest.length - 1]
    if (!name || name.startsWith('.') || !name.endsWith('.json')) return
    const base = conflictBase(name) ?? name
    const rel = rest.length === 1 ? base : `${rest.slice(0, -1).join('/')}/${base}`
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
