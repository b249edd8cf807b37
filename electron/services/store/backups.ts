import path from 'node:path'
import type { BackupInfo } from '../../../shared/api/channels/squad'
import type { FileOps } from './file-ops'

export type BackupReason = BackupInfo['reason']

const BACKUP_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(auto|manual|pre-migration|pre-restore|pre-import)(?:-\d+)?$/
/** Automatic backups rotate; deliberate ones (manual, before a restore or import) are kept longer. */
const KEEP = { auto: 10, other: 30 }

export const CANONICAL_FILE = /^(squad\.json|athletes\/[a-z0-9][a-z0-9-]{2,63}\.json)$/

/**
 * Whole-folder snapshots under <data>/backups/<id>/. Data files are small (one per athlete), so a
 * snapshot is a plain copy; copies use the same durable writer as the live files.
 */
export class BackupStore {
  private lastStamp = ''
  private sameStampCount = 0

  constructor(
    private readonly dataDir: string,
    private readonly ops: FileOps,
    private readonly now: () => Date,
  ) {}

  get root(): string {
    return path.join(this.dataDir, 'backups')
  }

  async canonicalFiles(): Promise<string[]> {
    const files: string[] = []
    if (await this.ops.stat(path.join(this.dataDir, 'squad.json'))) files.push('squad.json')
    for (const name of await this.ops.list(path.join(this.dataDir, 'athletes'))) {
      const rel = `athletes/${name}`
      if (CANONICAL_FILE.test(rel)) files.push(rel)
    }
    return files
  }

  async create(reason: BackupReason): Promise<BackupInfo> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    this.sameStampCount = stamp === this.lastStamp ? this.sameStampCount + 1 : 0
    this.lastStamp = stamp
    const id = `${stamp}-${reason}${this.sameStampCount ? `-${this.sameStampCount}` : ''}`
    const dir = path.join(this.root, id)
    await this.ops.mkdirp(path.join(dir, 'athletes'))
    let bytes = 0
    const files = await this.canonicalFiles()
    for (const rel of files) {
      await this.ops.copy(path.join(this.dataDir, rel), path.join(dir, rel))
      bytes += (await this.ops.stat(path.join(dir, rel)))?.size ?? 0
    }
    await this.rotate()
    return { id, createdAt: this.now().toISOString(), reason, files: files.length, bytes }
  }

  async list(): Promise<BackupInfo[]> {
    const out: BackupInfo[] = []
    for (const id of await this.ops.list(this.root)) {
      const m = BACKUP_ID.exec(id)
      if (!m) continue
      const [date, time] = m[1]!.split('T') as [string, string]
      const createdAt = `${date}T${time.slice(0, 8).replace(/-/g, ':')}.${time.slice(9, 12)}Z`
      const files = (await this.ops.list(path.join(this.root, id, 'athletes'))).filter((f) => f.endsWith('.json'))
      const hasSquad = (await this.ops.stat(path.join(this.root, id, 'squad.json'))) !== null
      let bytes = 0
      for (const f of files) bytes += (await this.ops.stat(path.join(this.root, id, 'athletes', f)))?.size ?? 0
      if (hasSquad) bytes += (await this.ops.stat(path.join(this.root, id, 'squad.json')))?.size ?? 0
      out.push({ id, createdAt, reason: m[2] as BackupReason, files: files.length + (hasSquad ? 1 : 0), bytes })
    }
    return out.sort((a, b) => (a.id < b.id ? 1 : -1))
  }

  /** Newest first: the copies of one data file held in backups, for restoring a damaged file. */
  async versionsOf(rel: string): Promise<{ backupId: string; file: string }[]> {
    const found: { backupId: string; file: string }[] = []
    for (const info of await this.list()) {
      const file = path.join(this.root, info.id, rel)
      if (await this.ops.stat(file)) found.push({ backupId: info.id, file })
    }
    return found
  }

  async latest(): Promise<BackupInfo | null> {
    return (await this.list())[0] ?? null
  }

  private async rotate(): Promise<void> {
    const all = await this.list()
    const autos = all.filter((b) => b.reason === 'auto')
    const others = all.filter((b) => b.reason !== 'auto')
    for (const b of [...autos.slice(KEEP.auto), ...others.slice(KEEP.other)]) {
      await this.ops.remove(path.join(this.root, b.id))
    }
  }
}
