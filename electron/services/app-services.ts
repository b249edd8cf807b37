import path from 'node:path'
import type { ApiMethod } from '../../shared/api/contract'
import type { DialogPort, PdfPort, ServiceContext, ShellPort } from './context'
import { Database } from './store/database'
import { type FileOps, nodeFileOps } from './store/file-ops'
import { ClubFolder } from './store/club/club-folder'
import { ClubWatcher } from './store/club/club-watcher'
import { ChangeFeed } from './store/change-feed'
import { readShareConfig, type ShareConfig } from './store/club/share-config'
import { WriteCoordinator } from './store/write-coordinator'
import { ExportedFiles } from './report/exported-files'
import { FolderLock, heldMessage, type LockSystem, thisProcess } from './store/folder-lock'
import { FolderFollower } from './store/folder-follower'
import { INSTALLATIONS } from './store/club/club-names'

export interface AppServicesOptions {
  dataDir: string
  dialogs: DialogPort
  shell: ShellPort
  pdf: PdfPort
  now?: () => Date
  ops?: FileOps
  /** Load athlete files in the background after the index (the app does; unit tests need not). */
  background?: boolean
  /** Watch a club folder for other coaches' changes (default on; tests that drive refreshes by hand turn it off). */
  watch?: boolean
  /** This process as the data folder's lock sees it (tests inject other pids and hosts). */
  lockSystem?: LockSystem
  /** How many athletes stay in memory when no call holds them (default 32; tests make it small). */
  athleteCache?: number
}

/**
 * Calls that answer before athlete files are loaded: they need only the squad index, or (the board)
 * the per-athlete summaries, which read an athlete's file themselves only when it changed outside the app.
 */
/** How often a read-only window looks for the writer's saves (a stat of four folders at most). */
const FOLLOW_POLL_MS = 1000

const INDEX_ONLY: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['getSquad', 'updateSettings', 'createGroup', 'renameGroup', 'getSquadTriage', 'getSquadBoard'])

/**
 * Everything the handlers need, as plain Node objects: main builds one with Electron's dialogs and
 * shell; tests and the e2e harness build one with fakes over a temp folder.
 */
export class AppServices implements ServiceContext {
  db!: Database
  /** Orders saves against restore, import, migrations and backups; outlives every reopen. */
  readonly writes = new WriteCoordinator()
  /** Files exported in this session: the only ones "Open" and "Show in folder" accept; outlives every reopen. */
  readonly exported = new ExportedFiles()
  /** Other coaches' changes merged in; outlives reopens, so the renderer's long poll keeps counting. */
  private readonly changes = new ChangeFeed()
  readonly now: () => Date
  readonly dialogs: DialogPort
  readonly shell: ShellPort
  readonly pdf: PdfPort
  /** This computer's sharing settings, or null for the single-coach layout. */
  share: ShareConfig | null = null
  private watcher: ClubWatcher | null = null
  /** This process's lock on the data folder, or null when another process holds it. */
  private lock: FolderLock | null = null
  /** Why this window is read-only because another process holds the data folder, or null. */
  lockedOutReason: string | null = null
  /** In a read-only window: follows the saves of the window that holds the data folder. */
  follower: FolderFollower | null = null

  private constructor(private readonly options: AppServicesOptions) {
    this.now = options.now ?? (() => new Date())
    this.dialogs = options.dialogs
    this.shell = options.shell
    this.pdf = options.pdf
  }

  static async open(options: AppServicesOptions): Promise<AppServices> {
    const services = new AppServices(options)
    const sys = options.lockSystem ?? thisProcess
    const lock = await FolderLock.acquire(options.dataDir, sys)
    if (lock.kind === 'owned') services.lock = lock.lock
    else services.lockedOutReason = heldMessage(lock.holder, sys)
    if (services.lockedOutReason) {
      // Looked at before the first read, so nothing the writer saves from now on goes unseen.
      services.follower = new FolderFollower(() => services.writerFolders(), options.ops ?? nodeFileOps, () => services.followWriter())
      await services.follower.start(options.watch === false ? 0 : FOLLOW_POLL_MS)
    }
    await services.reopen()
    return services
  }

  /** The folders the window holding the data folder renames its saves into. */
  private writerFolders(): string[] {
    const dirs = [this.options.dataDir, path.join(this.options.dataDir, 'athletes')]
    if (this.share) {
      const own = path.join(this.share.clubFolder, INSTALLATIONS, this.share.installId)
      dirs.push(own, path.join(own, 'athletes'))
    }
    return dirs
  }

  /** The writer saved something: read the folder again and let the renderer reload (read-only windows only). */
  private async followWriter(): Promise<void> {
    if (!this.lockedOutReason) return
    await this.reopen()
    this.changes.bump()
  }

  /**
   * A read-only window asks to make changes: it takes the data folder when the window that held it has
   * quit (or died), and opens it writable. While that window still runs, nothing changes.
   */
  async takeOver(): Promise<void> {
    if (!this.lockedOutReason) return
    const sys = this.options.lockSystem ?? thisProcess
    const lock = await FolderLock.acquire(this.options.dataDir, sys)
    if (lock.kind !== 'owned') {
      this.lockedOutReason = heldMessage(lock.holder, sys)
      return
    }
    this.lock = lock.lock
    this.lockedOutReason = null
    this.follower?.stop()
    this.follower = null
    await this.reopen()
    this.changes.bump()
  }

  /** What the dispatcher awaits before a call: nothing for index-only calls, the athlete files otherwise. */
  readyFor(method: ApiMethod): Promise<void> | undefined {
    return INDEX_ONLY.has(method) ? undefined : this.db.athletesReady
  }

  /**
   * Work that waits until the coach sees the first screen (main calls this when the window is ready to
   * show; the e2e harness once the page has loaded): the daily backup, which no call waits for.
   */
  startBackgroundWork(): void {
    void this.db.startAutoBackup()
  }

  /** Reloads the data folder from disk (after a restore or import); earlier notices are kept. */
  async reopen(): Promise<void> {
    const previous = this.db
    previous?.retire()
    await previous?.flush()
    this.watcher?.stop()
    this.watcher = null
    const ops = this.options.ops ?? nodeFileOps
    this.share = await readShareConfig(this.options.dataDir, ops)
    const club = this.share ? new ClubFolder(this.share.clubFolder, this.share.installId, ops, () => this.now().getTime()) : null
    if (club) club.readOnly = this.lockedOutReason !== null
    this.db = await Database.open({
      dataDir: this.options.dataDir,
      now: this.now,
      // Inside a restore, import or share the folder is loaded completely before the hold ends: loading in
      // the background would let its migrations run after the hold (the nested exclusive runs unguarded) and
      // let saves queued behind the hold reach athletes whose files are still being read.
      background: (this.options.background ?? false) && !this.writes.holding,
      coordinator: this.writes,
      changes: this.changes,
      ...(this.options.ops ? { ops: this.options.ops } : {}),
      ...(this.options.athleteCache ? { athleteCache: this.options.athleteCache } : {}),
      ...(club ? { club } : {}),
      ...(this.lockedOutReason ? { readOnly: this.lockedOutReason } : {}),
    })
    if (previous) this.db.notices.unshift(...previous.notices)
    if (club && this.options.watch !== false) {
      const db = this.db
      this.watcher = new ClubWatcher(club.root, club.installId, (rels) => void db.refreshFromClub(rels).catch(() => undefined))
      this.watcher.start()
    }
  }

  /** Stops watching the club folder, waits for pending writes and a running daily backup, and releases the data folder (app quit, tests). */
  async close(): Promise<void> {
    this.follower?.stop()
    this.follower = null
    this.watcher?.stop()
    this.watcher = null
    await this.db.flush()
    await this.db.autoBackupDone
    await this.lock?.release()
    this.lock = null
  }
}
