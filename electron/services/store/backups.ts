import path from 'node:path'
import type { BackupInfo } from '../../../shared/api/channels/squad'
import { type BackupManifest, CANONICAL_FILE, infoOf, MANIFEST, parseManifest, sha256 } from './backup-manifest'
import type { FileOps } from './file-ops'
import { type Checkpoint, inLanes, type LinkJob, sameIdentity, statAndLinkInProcess } from './link-pass'
import type { WriteCoordinator } from './write-coordinator'

export type BackupReason = BackupInfo['reason']
export { CANONICAL_FILE, MANIFEST, sha256, type BackupManifest } from './backup-manifest'

const BACKUP_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(auto|manual|pre-migration|pre-restore|pre-import)(?:-\d+)?$/
/** A backup being written: never listed, and removed at the next backup or start. */
const PARTIAL_PREFIX = '.partial-'
/** Automatic backups rotate; deliberate ones (manual, before a restore or import) are kept longer. */
const KEEP = { auto: 10, other: 30 }

/** Passes alongside saves before the last one is taken under the write coordinator (saves that never stop). */
const PASSES_ALONGSIDE = 4

/**
 * A backup taken alongside saves stops when a whole-folder operation (restore, import, a manual backup)
 * asks to run alone: that operation may itself be waiting for a backup. The caller tries again after it.
 */
export class BackupSteppedAside extends Error {
  constructor() {
    super('The backup stepped aside for a whole-folder operation.')
  }
}

type Previous = { dir: string; manifest: BackupManifest } | null



/**
 * Snapshots of the data files under <data>/backups/<id>/, each a browsable folder with the same layout
 * as the data folder plus a manifest (size and SHA-256 of every file, and the live file's identity when
 * it was taken). A backup costs only what changed: a file whose live copy is the same file (same inode,
 * size and time: our writer always replaces files by rename, never in place) as in the previous backup
 * is hard-linked to that backup's copy; only changed files are copied. Where the file system refuses
 * hard links, the file is copied. A backup is written under a hidden .partial- name and renamed into
 * place once its manifest is on disk, so a crash or full disk never leaves a listed half-backup; a backup
 * rotated out goes back under such a name before its files are removed.
 */
export class BackupStore {
  private lastStamp = ''
  private sameStampCount = 0
  /** Manifests never change once written; reading 40 of them on every list would be wasted work. */
  private readonly manifests = new Map<string, BackupManifest | null>()
  private queue: Promise<unknown> = Promise.resolve()
  /**
   * Where the data comes from when it is not the data folder's own files: in a club folder, the merged
   * documents (squad.json and athletes/<id>.json texts), so a backup holds what the coach saw.
   */
  source: (() => Promise<Map<string, string>>) | null = null

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

  /**
   * Takes a backup whose files agree with each other. Either the caller holds the write coordinator
   * (restore, import, "Back up now"), or, given `alongside`, saves go on meanwhile and none waits for the
   * backup (the daily one): see snapshotFolder.
   */
  create(reason: BackupReason, alongside?: WriteCoordinator): Promise<BackupInfo> {
    const task = this.queue.then(() => this.createNow(reason, alongside))
    this.queue = task.catch(() => undefined)
    return task
  }

  private async createNow(reason: BackupReason, alongside?: WriteCoordinator): Promise<BackupInfo> {
    await this.removePartials()
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    this.sameStampCount = stamp === this.lastStamp ? this.sameStampCount + 1 : 0
    this.lastStamp = stamp
    const id = `${stamp}-${reason}${this.sameStampCount ? `-${this.sameStampCount}` : ''}`
    const partial = path.join(this.root, `${PARTIAL_PREFIX}${id}`)
    const previous = await this.newestManifest()
    try {
      await this.ops.mkdirp(path.join(partial, 'athletes'))
      const files: BackupManifest['files'] = {}
      if (this.source) {
        for (const [rel, text] of await this.sourceTexts(this.source, alongside)) files[rel] = await this.storeText(rel, text, partial, previous)
      } else {
        await this.snapshotFolder(files, partial, previous, alongside)
      }
      await this.ops.syncDir?.(path.join(partial, 'athletes'))
      const manifest: BackupManifest = { formatVersion: 1, id, createdAt: this.now().toISOString(), reason, files }
      await this.ops.writeAtomic(path.join(partial, MANIFEST), JSON.stringify(manifest))
      await this.ops.rename(partial, path.join(this.root, id))
      this.manifests.set(id, manifest)
      await this.rotate()
      return infoOf(manifest)
    } catch (error) {
      await this.removeFolder(partial).catch(() => undefined)
      throw error
    }
  }

  /**
   * Brings the partial backup in line with the live files, pass after pass, each pass taking only the
   * files that changed since they were taken (the first takes all: linked when unchanged since the
   * previous backup, copied otherwise). Under the write coordinator one pass is enough. Alongside saves,
   * a pass during which no save began and none was running saw one state of the folder, and the backup
   * now holds exactly that state; a pass that a save overlapped is followed by another, which costs only
   * what that save changed. Saves that never stop get a last pass under the coordinator.
   */
  private async snapshotFolder(files: BackupManifest['files'], partial: string, previous: Previous, alongside?: WriteCoordinator): Promise<void> {
    if (!alongside) return this.snapshotPass(files, partial, previous)
    for (let pass = 1; pass <= PASSES_ALONGSIDE; pass++) {
      await alongside.savesSettled()
      if (alongside.exclusivePending) throw new BackupSteppedAside()
      const begun = alongside.writesBegun
      await this.snapshotPass(files, partial, previous, alongside)
      if (alongside.idle && alongside.writesBegun === begun) return
    }
    await alongside.exclusive(() => this.snapshotPass(files, partial, previous))
  }

  /**
   * The club's merged documents, as one state of the squad. Athletes load on demand, so reading them all
   * takes a while: alongside saves, a read during which no save began and none ran is that state (as in
   * snapshotFolder); saves that never stop get a last read under the coordinator.
   */
  private async sourceTexts(source: () => Promise<Map<string, string>>, alongside?: WriteCoordinator): Promise<Map<string, string>> {
    if (!alongside) return source()
    for (let pass = 1; pass <= PASSES_ALONGSIDE; pass++) {
      await alongside.savesSettled()
      if (alongside.exclusivePending) throw new BackupSteppedAside()
      const begun = alongside.writesBegun
      const texts = await source()
      if (alongside.idle && alongside.writesBegun === begun) return texts
    }
    return alongside.exclusive(source)
  }

  /**
   * One pass over the live files: takes each file not yet taken or changed since, drops files gone since.
   * The stats, and the links of files unchanged since the previous backup, go in one batch (off the main
   * thread with nodeFileOps); only what the batch could not settle (changed files) is copied here.
   */
  private async snapshotPass(files: BackupManifest['files'], partial: string, previous: Previous, alongside?: WriteCoordinator): Promise<void> {
    const rels = await this.canonicalFiles()
    const live = new Set(rels)
    for (const rel of Object.keys(files)) {
      if (live.has(rel)) continue
      await this.ops.remove(path.join(partial, rel))
      delete files[rel]
    }
    const checkpoint = () => {
      if (alongside?.exclusivePending) throw new BackupSteppedAside()
    }
    const jobs: LinkJob[] = rels.map((rel) => {
      const taken = files[rel]
      const known = previous?.manifest.files[rel]
      if (taken) return { live: path.join(this.dataDir, rel), known: taken.source, link: null }
      return { live: path.join(this.dataDir, rel), known: known?.source ?? null, link: known ? { from: path.join(previous!.dir, rel), to: path.join(partial, rel) } : null }
    })
    const outcomes = this.ops.statAndLink ? await this.ops.statAndLink(jobs, checkpoint) : await statAndLinkInProcess(this.ops, jobs, checkpoint)
    const unsettled: string[] = []
    rels.forEach((rel, i) => {
      const { now, linked } = outcomes[i]!
      const taken = files[rel]
      if (taken) {
        if (now && taken.source && sameIdentity(taken.source, now)) return
        unsettled.push(rel)
      } else if (linked) files[rel] = previous!.manifest.files[rel]!
      else if (now) unsettled.push(rel)
    })
    await this.takeEach(unsettled, files, partial, previous, checkpoint)
  }

  /** Takes files one by one (copies, mostly), 16 at a time: the changed files of a pass, or all at a first backup. */
  private async takeEach(rels: string[], files: BackupManifest['files'], partial: string, previous: Previous, checkpoint: Checkpoint): Promise<void> {
    await inLanes(rels.length, 16, async (i) => {
      const rel = rels[i]!
      checkpoint()
      if (files[rel]) {
        await this.ops.remove(path.join(partial, rel))
        delete files[rel]
      }
      const entry = await this.snapshotFile(rel, partial, previous)
      if (entry) files[rel] = entry
    })
  }

  /** A file given as text: linked to the previous backup's copy when the content is the same, written otherwise. */
  private async storeText(rel: string, text: string, target: string, previous: Previous) {
    const sha = sha256(text)
    const known = previous?.manifest.files[rel]
    if (known?.sha256 === sha && this.ops.link) {
      try {
        await this.ops.link(path.join(previous!.dir, rel), path.join(target, rel))
        return known
      } catch {
        /* copy below */
      }
    }
    await this.ops.writeAtomic(path.join(target, rel), text)
    return { size: Buffer.byteLength(text, 'utf8'), sha256: sha, source: null }
  }

  /** Links the previous backup's copy when the live file is unchanged since then; copies it otherwise. */
  private async snapshotFile(rel: string, target: string, previous: Previous) {
    const live = path.join(this.dataDir, rel)
    const to = path.join(target, rel)
    const before = await this.ops.stat(live)
    if (!before) return null
    const known = previous?.manifest.files[rel]
    if (known?.source && before.ino !== undefined && sameIdentity(known.source, before) && this.ops.link) {
      try {
        await this.ops.link(path.join(previous!.dir, rel), to)
        return known
      } catch {
        /* no hard links here (or the old copy is gone): copy below */
      }
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const stat = attempt === 0 ? before : await this.ops.stat(live)
      const text = await this.ops.readText(live)
      if (text === null || !stat) return null
      const after = await this.ops.stat(live)
      // The file was replaced while being read (a sync tool, not us): read it again.
      if (!after || !sameIdentity(stat, after)) continue
      await this.ops.writeAtomic(to, text)
      const source = stat.ino !== undefined ? { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } : null
      return { size: Buffer.byteLength(text, 'utf8'), sha256: sha256(text), source }
    }
    throw Object.assign(new Error(`${rel} kept changing while it was being backed up`), { code: 'EBUSY' })
  }

  async manifestOf(id: string): Promise<BackupManifest | null> {
    if (this.manifests.has(id)) return this.manifests.get(id)!
    const text = await this.ops.readText(path.join(this.root, id, MANIFEST)).catch(() => null)
    const manifest = text === null ? null : parseManifest(text)
    this.manifests.set(id, manifest)
    return manifest
  }

  /**
   * The backup just before a new one: the newest with a manifest. Read newest first, so a launch's daily
   * backup reads one manifest, not all 40 (a manifest of 1,000 athletes costs ~10 ms to read and check).
   */
  private async newestManifest(): Promise<{ dir: string; manifest: BackupManifest } | null> {
    for (const { id } of await this.foldersNewestFirst()) {
      const manifest = await this.manifestOf(id)
      if (manifest) return { dir: path.join(this.root, id), manifest }
    }
    return null
  }

  /** Backup folders by name, newest first: the name says when and why each was taken. */
  private async foldersNewestFirst(): Promise<{ id: string; stamp: string; reason: BackupReason }[]> {
    const folders: { id: string; stamp: string; reason: BackupReason }[] = []
    for (const id of await this.ops.list(this.root)) {
      const m = BACKUP_ID.exec(id)
      if (m) folders.push({ id, stamp: m[1]!, reason: m[2] as BackupReason })
    }
    return folders.sort((a, b) => (a.id < b.id ? 1 : -1))
  }

  private async infoOfFolder(folder: { id: string; stamp: string; reason: BackupReason }): Promise<BackupInfo | null> {
    const manifest = await this.manifestOf(folder.id)
    return manifest ? infoOf(manifest) : this.legacyInfo(folder.id, folder.stamp, folder.reason)
  }

  /** Newest first. */
  async list(): Promise<BackupInfo[]> {
    const out: BackupInfo[] = []
    for (const folder of await this.foldersNewestFirst()) {
      const info = await this.infoOfFolder(folder)
      if (info) out.push(info)
    }
    return out
  }

  /** Backups written before manifests existed: plain copies, counted only when they hold a squad index. */
  private async legacyInfo(id: string, stamp: string, reason: BackupReason): Promise<BackupInfo | null> {
    const hasSquad = await this.ops.stat(path.join(this.root, id, 'squad.json'))
    if (!hasSquad) return null
    const [date, time] = stamp.split('T') as [string, string]
    const createdAt = `${date}T${time.slice(0, 8).replace(/-/g, ':')}.${time.slice(9, 12)}Z`
    const files = (await this.ops.list(path.join(this.root, id, 'athletes'))).filter((f) => f.endsWith('.json'))
    let bytes = hasSquad.size
    for (const f of files) bytes += (await this.ops.stat(path.join(this.root, id, 'athletes', f)))?.size ?? 0
    return { id, createdAt, reason, files: files.length + 1, bytes }
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

  /** The newest backup: whether the daily one is due. Reads manifests only until it finds a good one. */
  async latest(): Promise<BackupInfo | null> {
    for (const folder of await this.foldersNewestFirst()) {
      const info = await this.infoOfFolder(folder)
      if (info) return info
    }
    return null
  }

  /** Half-written backups (a crash or a full disk): never listed, and cleared away before the next one. */
  async removePartials(): Promise<void> {
    for (const name of await this.ops.list(this.root)) {
      if (name.startsWith(PARTIAL_PREFIX)) await this.removeFolder(path.join(this.root, name)).catch(() => undefined)
    }
  }

  /** A backup folder holds a file per athlete: removed off the main thread where the FileOps can. */
  private removeFolder(dir: string): Promise<void> {
    return this.ops.removeTree ? this.ops.removeTree(dir) : this.ops.remove(dir)
  }

  /**
   * Keeps the newest 10 automatic and 30 other backups. By folder name, without reading the manifests: a
   * backup damaged since it was taken ages out like the others instead of staying forever.
   */
  private async rotate(): Promise<void> {
    const all = await this.foldersNewestFirst()
    const autos = all.filter((b) => b.reason === 'auto')
    const others = all.filter((b) => b.reason !== 'auto')
    for (const b of [...autos.slice(KEEP.auto), ...others.slice(KEEP.other)]) {
      // Out of the list first (one rename), so a crash while its files go never leaves a listed half-backup:
      // what is left is a partial, cleared before the next backup.
      const doomed = path.join(this.root, `${PARTIAL_PREFIX}${b.id}`)
      this.manifests.delete(b.id)
      try {
        await this.ops.rename(path.join(this.root, b.id), doomed)
      } catch (error) {
        // Gone already (another window's rotation took it): nothing left to remove. Before this rename,
        // removing was forgiving of that too (rm with force).
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw error
      }
      await this.removeFolder(doomed)
    }
  }

}
