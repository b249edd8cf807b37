import path from 'node:path'
import type { Notice } from '../../../shared/api/channels/squad'
import { DomainError } from '../../../shared/api/result'
import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import type { WeekStartDay } from '../../../shared/dates'
import { AthleteDocs, DEFAULT_ATHLETE_CACHE, withAthleteLease } from './athlete-docs'
import { BackupStore, BackupSteppedAside } from './backups'
import { boardSummaries, keepSummaryCurrent } from './board-summaries'
import type { CachedSummary } from './cached-summary'
import { ChangeFeed } from './change-feed'
import { resolveInside } from './confine'
import { JsonDocument } from './document'
import { type FileOps, type FileStamp, nodeFileOps } from './file-ops'
import { athleteKind } from './kinds'
import { checkEveryAthlete, writeMigrated } from './launch-pass'
import { adoptOrphans, reportUnknownFiles } from './recovery'
import { loadAthleteFile, loadSquadFile, type Migrated, prepareDataFolder } from './single-coach-load'
import { SummaryCache } from './summary-cache'
import { WriteCoordinator } from './write-coordinator'
import type { ClubFolder } from './club/club-folder'
import { type ClubTarget, clubAthleteDoc, clubAthleteRevision, clubSquadDoc, loadClubSquad, mergedBackupSource, openClubAthlete, refreshClub } from './club/club-load'
import type { Athlete } from '../../../shared/domain/squad'

export interface DatabaseOptions {
  dataDir: string
  ops?: FileOps
  now?: () => Date
  /**
   * An automatic backup is taken when the newest backup is older than this: at open, or with
   * `background`, when startAutoBackup is called (the app calls it once the first screen is shown).
   */
  autoBackupAfterMs?: number
  /**
   * Resolve as soon as the squad index is read and load athlete files in the background
   * (see athletesReady). The app does this so the squad list appears at once on big squads.
   */
  background?: boolean
  /** Orders migrations and automatic backups against saves; the app passes one that outlives reopens. */
  coordinator?: WriteCoordinator
  /** Open a club folder shared with other coaches instead of the single-coach files (see store/club/). */
  club?: ClubFolder
  /**
   * Open read-only for this reason (another process holds the data folder, see folder-lock.ts): nothing
   * in the folder is written, moved or cleaned up, and every write is refused with this message.
   */
  readOnly?: string
  /** Counts changes merged in from other coaches; the app passes one that outlives reopens (the renderer keeps its count). */
  changes?: ChangeFeed
  /** How many athletes stay loaded when no call holds them (see athlete-docs.ts; tests make it small). */
  athleteCache?: number
}

const DAY_MS = 86_400_000

/** A single-coach athlete's revision: stat facts of its one file. */
function stampRevision(s: FileStamp): string {
  return `${s.ino ?? 0}.${s.size}.${s.mtimeMs}`
}

/**
 * The local database: one small squad index plus one lowdb file per athlete, so saving a run rewrites
 * one athlete's file and nothing else. Opening never throws away data: damaged files are moved aside
 * and restored from the newest good backup, files from newer versions are left untouched and locked,
 * and every such event becomes a notice the UI shows to the coach (reading the files is in
 * single-coach-load.ts and club/club-load.ts, the recovery itself in recovery.ts, the board's
 * summaries in board-summaries.ts).
 */
export class Database {
  readonly backups: BackupStore
  readonly summaryCache: SummaryCache
  /** Resolves when every athlete file has been read, validated, and if needed quarantined or restored. */
  athletesReady: Promise<void> = Promise.resolve()
  /** The daily backup started by startAutoBackup: resolves when taken, not due, or failed (with a notice). */
  autoBackupDone: Promise<void> = Promise.resolve()
  private autoBackupAfterMs = DAY_MS
  /** Set when the app reopened the folder: this instance's pending daily backup gives up. */
  private retired = false
  readonly notices: Notice[] = []
  readOnlyReason: string | null = null
  squad!: JsonDocument<SquadDocument>
  private readonly athletes: AthleteDocs
  /** Documents read in an older format, written back after a backup once the background pass ends. */
  private readonly migrated: Migrated[] = []
  private noticeCounter = 0
  /** The club folder this database reads and writes, or null for the single-coach layout. */
  club: ClubFolder | null = null
  /** Changes merged in from other coaches; the renderer waits on it to refresh (see waitForChange). */
  private changes = new ChangeFeed()

  private constructor(
    readonly dataDir: string,
    readonly ops: FileOps,
    readonly now: () => Date,
    readonly coordinator: WriteCoordinator,
    athleteCache: number,
  ) {
    this.backups = new BackupStore(dataDir, ops, now)
    this.summaryCache = new SummaryCache(dataDir, ops, () => this.readOnlyReason === null)
    // An athlete who left memory may be changed outside the app before it is read again: check its summary then.
    this.athletes = new AthleteDocs(athleteCache, (id) => this.summaryCache.recheck(id))
  }

  static async open(options: DatabaseOptions): Promise<Database> {
    const db: Database = new Database(
      path.resolve(options.dataDir),
      options.ops ?? nodeFileOps,
      options.now ?? (() => new Date()),
      options.coordinator ?? new WriteCoordinator(),
      options.athleteCache ?? DEFAULT_ATHLETE_CACHE,
    )
    db.club = options.club ?? null
    if (options.changes) db.changes = options.changes
    if (options.readOnly) db.readOnlyReason = options.readOnly
    db.autoBackupAfterMs = options.autoBackupAfterMs ?? DAY_MS
    await db.load(options.background ?? false)
    return db
  }

  /**
   * Takes the daily backup, if due, once every athlete file is loaded, in the background: saves and
   * every other call go on meanwhile and none waits for it (see BackupStore.create).
   */
  startAutoBackup(): Promise<void> {
    this.autoBackupDone = this.athletesReady.then(() => this.autoBackup())
    return this.autoBackupDone
  }

  /** This instance was replaced by a reopen of the folder: a daily backup still pending gives up. */
  retire(): void {
    this.retired = true
  }

  get athletesDir(): string {
    return path.join(this.dataDir, 'athletes')
  }

  /** The athlete's file, always inside athletes/ whatever the id holds (see confine.ts). */
  athleteFile(id: string): string {
    return resolveInside(this.athletesDir, `${id}.json`)
  }

  get lockedAthleteIds(): string[] {
    return this.athletes.lockedIds
  }

  /** The athlete has a record: listed in the squad index, or in memory (just created, not listed yet). */
  hasAthleteDoc(id: string): boolean {
    return this.athletes.has(id) || this.listed(id) !== undefined
  }

  /**
   * The athlete's document if it is in memory now (tests, and handlers: the call's athlete is loaded
   * before its handler runs, see handlers.ts). Anything else asks athlete(id), which loads it.
   */
  athleteDoc(id: string): JsonDocument<AthleteDocument> {
    return this.athletes.get(id)
  }

  /** The athlete's document when it is in memory, without throwing. */
  findAthleteDoc(id: string): JsonDocument<AthleteDocument> | null {
    return this.athletes.find(id)
  }

  /** The athlete's document, read from its file if it is not in memory, held until the current call ends. */
  async athlete(id: string): Promise<JsonDocument<AthleteDocument>> {
    const listed = this.listed(id)
    if (!listed) return this.athletes.get(id)
    const doc = await this.athletes.use(id, () => this.readAthlete(id, listed.name))
    // A call opened it (the athlete's page, a save): the coach's first save should not pay for ten years of runs.
    doc.prepareWrite()
    return doc
  }

  /**
   * Runs `fn` on the athlete's document, held only while it runs (its own lease). `walk`: part of a pass
   * over the squad, so an athlete read for it leaves memory first and the coach's recent ones stay.
   */
  withAthlete<T>(athlete: Pick<Athlete, 'id' | 'name'>, fn: (doc: JsonDocument<AthleteDocument>) => Promise<T> | T, walk = false): Promise<T> {
    return withAthleteLease(async () => fn(await this.athletes.use(athlete.id, () => this.readAthlete(athlete.id, athlete.name), walk)), true)
  }

  /**
   * Visits every athlete in the squad index, one at a time, for whole-squad work (export, sharing, a club
   * backup): memory holds at most the cache's bound of athletes, whatever the size of the squad.
   */
  async forEachAthlete(fn: (doc: JsonDocument<AthleteDocument>) => Promise<void> | void): Promise<void> {
    for (const a of [...this.squad.data.athletes]) await this.withAthlete(a, fn, true)
  }

  /** Why the athlete's record is locked, or null (a locked record always stays in memory once read). */
  lockedReasonOf(id: string): string | null {
    return this.athletes.find(id)?.lockedReason ?? null
  }

  /** How many athlete documents are in memory now (tests and the bench watch it stay bounded). */
  get athletesInMemory(): number {
    return this.athletes.loadedCount
  }

  private listed(id: string): Athlete | undefined {
    return this.squad.data.athletes.find((a) => a.id === id)
  }

  /** Creates the athlete's own file first, so the index never names an athlete without a record. */
  async createAthleteDoc(id: string, name: string): Promise<JsonDocument<AthleteDocument>> {
    this.assertWritable()
    const kind = athleteKind(id, name)
    const doc = this.club ? clubAthleteDoc(this.club, id, name) : new JsonDocument(this.athleteFile(id), kind, this.ops, kind.create())
    keepSummaryCurrent(this, id, doc)
    await doc.replace(kind.create())
    this.registerAthleteDoc(id, doc)
    return doc
  }

  registerAthleteDoc(id: string, doc: JsonDocument<AthleteDocument>): void {
    keepSummaryCurrent(this, id, doc)
    this.athletes.register(id, doc)
  }

  /** Opens an athlete's document whose file is about to be read (see single-coach-load.ts). */
  openAthleteDoc(id: string, doc: JsonDocument<AthleteDocument>): void {
    keepSummaryCurrent(this, id, doc)
    this.athletes.open(id, doc)
  }

  /** Loads one athlete listed in the index, whoever asks first (a call, the board, the launch pass, a refresh). */
  async ensureAthlete(id: string, name: string): Promise<void> {
    await this.athletes.use(id, () => this.readAthlete(id, name))
  }

  /** Keeps an athlete in memory for the session: what memory holds is not (yet) what its file says. */
  keepAthleteLoaded(id: string): void {
    this.athletes.keep(id)
  }

  athleteKeptInMemory(id: string): boolean {
    return this.athletes.isKept(id)
  }

  private readAthlete(id: string, name: string): Promise<JsonDocument<AthleteDocument>> {
    return this.club ? openClubAthlete(this as ClubTarget, id, name) : loadAthleteFile(this, id, name, this.migrated)
  }

  /**
   * A string that changes whenever any file contributing to the athlete changes (stat only, never reads
   * a file): in a club folder every installation's files for the athlete count (club/club-revisions.ts).
   * Summaries are keyed by it.
   */
  async athleteRevision(id: string): Promise<string> {
    if (this.club) return clubAthleteRevision(this as ClubTarget, id)
    const s = await this.ops.stat(this.athleteFile(id)).catch(() => null)
    return s ? stampRevision(s) : ''
  }

  /**
   * The revision of the athlete's file as this document just wrote it, when its writer told (no stat after a
   * save), or null: then athleteRevision says. A club athlete's revision spans every installation's files.
   */
  revisionWritten(doc: JsonDocument<AthleteDocument>): string | null {
    if (this.club) return null
    const stamp = (doc.adapter as { lastWritten?: FileStamp | null }).lastWritten
    return stamp ? stampRevision(stamp) : null
  }

  /** Brings in changes other coaches wrote to the club folder (rels changed, or null for all). */
  async refreshFromClub(rels: ReadonlySet<string> | null): Promise<{ squad: boolean; athletes: string[] }> {
    if (!this.club) return { squad: false, athletes: [] }
    const result = await refreshClub(this as ClubTarget, rels)
    // Another coach's change is not a write of ours: those athletes are summarised again on the next board.
    for (const id of result.athletes) this.summaryCache.forget(id)
    if (result.squad || result.athletes.length) this.changes.bump()
    return result
  }

  /** Counts changes merged in from other coaches. */
  get changeCount(): number {
    return this.changes.count
  }

  /** Resolves when changeCount passes `since`, or after `timeoutMs` (the renderer asks again). */
  waitForChange(since: number, timeoutMs: number): Promise<number> {
    return this.changes.wait(since, timeoutMs)
  }

  async removeAthleteDoc(id: string): Promise<void> {
    this.assertWritable()
    await this.athletes.find(id)?.flush()
    // In a club folder the athlete's records stay in the files (other coaches' too); the squad's tombstone hides them.
    if (!this.club) await this.ops.remove(this.athleteFile(id))
    this.athletes.remove(id)
    this.summaryCache.forget(id)
  }

  assertWritable(): void {
    if (this.readOnlyReason) throw new DomainError('read-only', this.readOnlyReason)
  }

  addNotice(level: Notice['level'], title: string, detail: string, file?: string): void {
    const rel = file ? path.relative(this.dataDir, file) : undefined
    this.notices.push({
      id: `n${++this.noticeCounter}`,
      level,
      title,
      detail,
      ...(rel ? { file: rel } : {}),
      at: this.now().toISOString(),
    })
  }

  dismissNotice(id: string): void {
    const i = this.notices.findIndex((n) => n.id === id)
    if (i >= 0) this.notices.splice(i, 1)
  }

  /** Waits for every pending write: used before backups, export and shutdown. */
  async flush(): Promise<void> {
    await this.athletesReady
    await this.squad.flush()
    // Only documents in memory can have writes pending (one with any is never evicted).
    await Promise.all(this.athletes.inMemory().map((d) => d.flush()))
    await this.summaryCache.flush()
  }

  /** Board summaries for every athlete in the index, for `todayIso` (see board-summaries.ts). */
  summaries(todayIso: string, weekStartsOn: WeekStartDay): Promise<Map<string, CachedSummary>> {
    return boardSummaries(this, todayIso, weekStartsOn)
  }

  private async load(background: boolean): Promise<void> {
    if (this.club) return this.loadFromClub(this.club, background)
    await prepareDataFolder(this)
    await loadSquadFile(this, this.migrated)
    await this.summaryCache.load()
    await this.loadAthletes(this.checkAthletes(), background)
  }

  /** The launch pass (launch-pass.ts), then files the index misses or does not know, then the upgrades. */
  private async checkAthletes(): Promise<void> {
    await checkEveryAthlete(this, this.athletes.capacity)
    await adoptOrphans(this, (id, name) => this.ensureAthlete(id, name))
    await reportUnknownFiles(this)
    // Once written back, upgraded athletes' files hold what memory holds: they may leave memory like any other.
    await writeMigrated(this, this.migrated, (id) => this.athletes.release(id))
  }

  /** Waits for the athletes' pass (or lets it run in the background), then the daily backup if due. */
  private async loadAthletes(pass: Promise<void>, background: boolean): Promise<void> {
    if (background) {
      this.athletesReady = pass.catch((error) => {
        this.addNotice('error', 'Some athlete records could not be loaded', (error as Error).message)
      })
    } else {
      await pass
      await this.autoBackup()
    }
  }

  /**
   * The club layout loads like the single-coach one: the merged squad index first (the squad list and,
   * from the summaries, the board answer at once), then every athlete merged from all installations'
   * files, in the background when asked.
   */
  private async loadFromClub(club: ClubFolder, background: boolean): Promise<void> {
    await this.ops.mkdirp(path.join(club.ownDir, 'athletes'))
    this.squad = clubSquadDoc(club)
    await loadClubSquad(this as ClubTarget)
    await this.summaryCache.load()
    this.backups.source = () => mergedBackupSource(this)
    await this.loadAthletes(checkEveryAthlete(this, this.athletes.capacity), background)
  }

  /**
   * The daily backup when the newest is older than autoBackupAfterMs. Taken alongside saves, so it holds
   * none back; when a restore, import or manual backup asks to run alone it steps aside and, once that is
   * done, checks again whether a backup is still due (those operations take one themselves).
   */
  private async autoBackup(): Promise<void> {
    for (let attempt = 0; attempt < 3 && !this.retired; attempt++) {
      if (this.readOnlyReason || this.squad.data.athletes.length === 0) return
      const latest = await this.backups.latest()
      if (latest && this.now().getTime() - Date.parse(latest.createdAt) < this.autoBackupAfterMs) return
      try {
        // Inside a restore or import (a reopen), the backup already runs alone.
        await this.backups.create('auto', this.coordinator.holding ? undefined : this.coordinator)
        return
      } catch (error) {
        if (error instanceof BackupSteppedAside) {
          await this.coordinator.settled()
          continue
        }
        this.addNotice('warning', 'Automatic backup failed', `The daily backup could not be written: ${(error as Error).message}`)
        return
      }
    }
  }
}
