import path from 'node:path'
import type { Notice } from '../../../shared/api/channels/squad'
import { DomainError } from '../../../shared/api/result'
import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import { BackupStore, BackupSteppedAside } from './backups'
import { resolveInside } from './confine'
import { interpretDocument, JsonDocument } from './document'
import { type FileOps, nodeFileOps } from './file-ops'
import { athleteKind, squadKind } from './kinds'
import { adoptOrphans, recoverAthlete, recoverSquad, reportUnknownFiles } from './recovery'
import { addDays } from '../../../shared/dates'
import { type AthleteSummary, summariseAthlete, summaryServes } from '../../../shared/domain/summary'
import { SummaryCache } from './summary-cache'
import { WriteCoordinator } from './write-coordinator'
import type { ClubFolder } from './club/club-folder'
import { type ClubTarget, clubAthleteDoc, clubSquadDoc, loadClub, refreshClub } from './club/club-load'

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
}

const DAY_MS = 86_400_000
const TEMP_FILE = /^\..+\.tmp-\d+-\d+$/

/**
 * The local database: one small squad index plus one lowdb file per athlete, so saving a run rewrites
 * one athlete's file and nothing else. Opening never throws away data: damaged files are moved aside
 * and restored from the newest good backup, files from newer versions are left untouched and locked,
 * and every such event becomes a notice the UI shows to the coach (the recovery itself is in recovery.ts).
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
  private readonly loadedIds = new Set<string>()
  readonly notices: Notice[] = []
  readOnlyReason: string | null = null
  squad!: JsonDocument<SquadDocument>
  private readonly athleteDocs = new Map<string, JsonDocument<AthleteDocument>>()
  /** One load per athlete file, shared by the background pass and the board asking for it first. */
  private readonly loading = new Map<string, Promise<void>>()
  /** Documents read in an older format, written back after a backup once the background pass ends. */
  private readonly migrated: JsonDocument<{ schemaVersion: number }>[] = []
  private noticeCounter = 0
  /** The club folder this database reads and writes, or null for the single-coach layout. */
  club: ClubFolder | null = null
  /** Counts changes merged in from other coaches; the renderer waits on it to refresh (see waitForChange). */
  changeCount = 0
  private changeWaiters: (() => void)[] = []

  private constructor(
    readonly dataDir: string,
    readonly ops: FileOps,
    readonly now: () => Date,
    readonly coordinator: WriteCoordinator,
  ) {
    this.backups = new BackupStore(dataDir, ops, now)
    this.summaryCache = new SummaryCache(dataDir, ops, () => this.readOnlyReason === null)
  }

  static async open(options: DatabaseOptions): Promise<Database> {
    const db: Database = new Database(
      path.resolve(options.dataDir),
      options.ops ?? nodeFileOps,
      options.now ?? (() => new Date()),
      options.coordinator ?? new WriteCoordinator(),
    )
    db.club = options.club ?? null
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
    return [...this.athleteDocs.entries()].filter(([, d]) => d.lockedReason).map(([id]) => id)
  }

  hasAthleteDoc(id: string): boolean {
    return this.athleteDocs.has(id)
  }

  athleteDoc(id: string): JsonDocument<AthleteDocument> {
    const doc = this.athleteDocs.get(id)
    if (!doc) throw new DomainError('not-found', `No athlete with id ${id}.`)
    return doc
  }

  allAthleteDocs(): JsonDocument<AthleteDocument>[] {
    return [...this.athleteDocs.values()]
  }

  /** Creates the athlete's own file first, so the index never names an athlete without a record. */
  async createAthleteDoc(id: string, name: string): Promise<JsonDocument<AthleteDocument>> {
    this.assertWritable()
    const kind = athleteKind(id, name)
    const doc = this.club ? clubAthleteDoc(this.club, id, name) : new JsonDocument(this.athleteFile(id), kind, this.ops, kind.create())
    this.keepSummaryCurrent(id, doc)
    await doc.replace(kind.create())
    this.registerAthleteDoc(id, doc)
    return doc
  }

  registerAthleteDoc(id: string, doc: JsonDocument<AthleteDocument>): void {
    this.keepSummaryCurrent(id, doc)
    this.athleteDocs.set(id, doc)
    this.loadedIds.add(id)
  }

  /**
   * A string that changes whenever any file contributing to the athlete changes (stat only, never reads
   * a file): in a club folder every installation's file for the athlete counts. Summaries are keyed by it.
   */
  async athleteRevision(id: string): Promise<string> {
    const files = this.club
      ? (await this.club.installationIds()).map((i) => path.join(this.club!.root, 'installations', i, 'athletes', `${id}.json`))
      : [this.athleteFile(id)]
    const parts: string[] = []
    for (const file of files) {
      const s = await this.ops.stat(file).catch(() => null)
      if (s) parts.push(`${this.club ? `${path.basename(path.dirname(path.dirname(file)))}:` : ''}${s.ino ?? 0}.${s.size}.${s.mtimeMs}`)
    }
    return parts.join('|')
  }

  /** Brings in changes other coaches wrote to the club folder (rels changed, or null for all). */
  async refreshFromClub(rels: ReadonlySet<string> | null): Promise<{ squad: boolean; athletes: string[] }> {
    if (!this.club) return { squad: false, athletes: [] }
    const result = await refreshClub(this as ClubTarget, rels)
    // Another coach's change is not a write of ours: those athletes are summarised again on the next board.
    for (const id of result.athletes) this.summaryCache.forget(id)
    if (result.squad || result.athletes.length) {
      this.changeCount++
      for (const wake of this.changeWaiters.splice(0)) wake()
    }
    return result
  }

  /** Resolves when changeCount passes `since`, or after `timeoutMs` (the renderer asks again). */
  async waitForChange(since: number, timeoutMs: number): Promise<number> {
    if (this.changeCount > since) return this.changeCount
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      timer.unref?.()
      this.changeWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
    return this.changeCount
  }

  async removeAthleteDoc(id: string): Promise<void> {
    this.assertWritable()
    const doc = this.athleteDoc(id)
    await doc.flush()
    // In a club folder the athlete's records stay in the files (other coaches' too); the squad's tombstone hides them.
    if (!this.club) await this.ops.remove(doc.file)
    this.athleteDocs.delete(id)
    this.loadedIds.delete(id)
    this.loading.delete(id)
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
    await Promise.all(this.allAthleteDocs().map((d) => d.flush()))
    await this.summaryCache.flush()
  }

  /**
   * Board summaries for every athlete in the index, for `todayIso`. Each comes from the summary cache
   * while the athlete's file is the one it describes; only an athlete whose file changed outside the
   * app (or has no summary yet) is read, ahead of the background pass, and summarised again. Nothing
   * here waits for the other athletes' files or for the daily backup.
   */
  async summaries(todayIso: string): Promise<Map<string, AthleteSummary>> {
    const out = new Map<string, AthleteSummary>()
    await Promise.all(
      this.squad.data.athletes.map(async (a) => {
        const cached = await this.summaryCache.current(a.id, () => this.athleteRevision(a.id))
        if (cached && summaryServes(cached, todayIso)) return out.set(a.id, cached)
        const summary = await this.summariseFromFile(a.id, a.name, todayIso)
        if (summary) out.set(a.id, summary)
      }),
    )
    return out
  }

  /** Reads (or reuses) one athlete's record and summarises it; caches the result while the file matches it. */
  private async summariseFromFile(id: string, name: string, todayIso: string): Promise<AthleteSummary | null> {
    await this.ensureAthlete(id, name)
    const doc = this.athleteDocs.get(id)
    if (!doc) return null
    await doc.flush()
    const summary = summariseAthlete(doc.data, this.summaryDay(todayIso))
    const revision = doc.lockedReason ? '' : await this.athleteRevision(id)
    if (revision) this.summaryCache.put(id, revision, summary)
    return summary
  }

  /**
   * The day a new summary is made for: yesterday by the main process's clock (a margin for a board
   * asked from another time zone), or the day asked for when that is earlier.
   */
  private summaryDay(todayIso?: string): string {
    const d = this.now()
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const day = addDays(local, -1)
    return todayIso && todayIso < day ? todayIso : day
  }

  /** Replaces the athlete's summary after every write the app makes, so the board never rescans. */
  private keepSummaryCurrent(id: string, doc: JsonDocument<AthleteDocument>): void {
    doc.afterWrite = async (data) => {
      const revision = await this.athleteRevision(id)
      if (revision) this.summaryCache.put(id, revision, summariseAthlete(data, this.summaryDay()))
      else this.summaryCache.forget(id)
    }
  }

  private async load(background: boolean): Promise<void> {
    if (this.club) {
      await this.loadFromClub(this.club)
      if (!background) await this.autoBackup()
      return
    }
    try {
      await this.ops.mkdirp(this.athletesDir)
    } catch (error) {
      const exists = await this.ops.stat(this.dataDir).catch(() => null)
      if (!exists) {
        throw new DomainError(
          'storage',
          `CalfCoach cannot create its data folder at ${this.dataDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        )
      }
    }
    await this.removeStaleTempFiles()
    await this.probeWritable()

    await this.loadSquad(this.migrated)
    await this.summaryCache.load()
    const rest = this.loadAthletes()
    if (background) {
      this.athletesReady = rest.catch((error) => {
        this.addNotice('error', 'Some athlete records could not be loaded', (error as Error).message)
      })
    } else {
      await rest
      await this.autoBackup()
    }
  }

  private async loadAthletes(): Promise<void> {
    // Bounded parallelism: reading every file at once would spike memory on very large squads.
    const queue = [...this.squad.data.athletes]
    const worker = async () => {
      for (let a = queue.shift(); a; a = queue.shift()) await this.ensureAthlete(a.id, a.name)
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    await adoptOrphans(this, (id, name) => this.ensureAthlete(id, name))
    await reportUnknownFiles(this)
    const migrated = this.migrated

    if (migrated.length && !this.readOnlyReason) {
      // Exclusive: a save queued meanwhile (index-only calls answer before athletes load) lands after the upgrade, on upgraded data.
      await this.coordinator.exclusive(async () => {
        const backup = await this.backups.create('pre-migration')
        for (const doc of migrated) await doc.mutate((current) => current)
        this.addNotice('info', 'Data upgraded', `${migrated.length} file(s) were upgraded to the current format after backup ${backup.id}.`)
      })
    }
  }

  private async loadFromClub(club: ClubFolder): Promise<void> {
    await this.ops.mkdirp(path.join(club.ownDir, 'athletes'))
    this.squad = clubSquadDoc(club)
    await loadClub(this as ClubTarget)
    // Backups hold the merged documents the coach sees, in the single-coach layout, so they restore anywhere.
    this.backups.source = async () => {
      const texts = new Map<string, string>([['squad.json', JSON.stringify(this.squad.data)]])
      for (const doc of this.allAthleteDocs()) texts.set(`athletes/${doc.data.athleteId}.json`, JSON.stringify(doc.data))
      return texts
    }
  }

  private async removeStaleTempFiles(): Promise<void> {
    for (const dir of [this.dataDir, this.athletesDir]) {
      for (const name of await this.ops.list(dir)) {
        // A temp file is never the source of truth: it is either a finished write already renamed, or an unacknowledged one.
        if (TEMP_FILE.test(name)) await this.ops.remove(path.join(dir, name)).catch(() => undefined)
      }
    }
  }

  private async probeWritable(): Promise<void> {
    const probe = path.join(this.dataDir, '.write-probe')
    try {
      await this.ops.writeAtomic(probe, 'ok')
      await this.ops.remove(probe)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      this.readOnlyReason = `The data folder ${this.dataDir} cannot be written (${code}). You can look at your squad, but nothing can be saved until the folder is writable.`
      this.addNotice('error', 'Data folder is read-only', this.readOnlyReason)
    }
  }

  private async loadSquad(migrated: JsonDocument<{ schemaVersion: number }>[]): Promise<void> {
    const file = path.join(this.dataDir, 'squad.json')
    const outcome = interpretDocument(await this.ops.readText(file), squadKind)
    this.squad = new JsonDocument(file, squadKind, this.ops, squadKind.create())
    if (outcome.kind === 'ok') {
      this.squad.adopt(outcome.data)
      if (outcome.migratedFrom) migrated.push(this.squad as never)
      return
    }
    if (outcome.kind === 'newer') {
      this.readOnlyReason = `The squad index was written by a newer version of CalfCoach (data format ${outcome.version}; this version understands ${squadKind.currentVersion}). Nothing will be changed; please update CalfCoach.`
      this.squad.lockedReason = this.readOnlyReason
      this.addNotice('error', 'Data from a newer CalfCoach', this.readOnlyReason, file)
      return
    }
    await recoverSquad(this, file, outcome)
  }

  /** Loads one athlete listed in the index once, whoever asks first, and counts it as loaded. */
  private ensureAthlete(id: string, name: string): Promise<void> {
    if (this.loadedIds.has(id)) return Promise.resolve()
    let pending = this.loading.get(id)
    if (!pending) {
      pending = this.loadAthlete(id, name, this.migrated).then(() => {
        this.loadedIds.add(id)
      })
      this.loading.set(id, pending)
    }
    return pending
  }

  private async loadAthlete(id: string, name: string, migrated: JsonDocument<{ schemaVersion: number }>[]): Promise<void> {
    const file = this.athleteFile(id)
    const kind = athleteKind(id, name)
    const doc = new JsonDocument(file, kind, this.ops, kind.create())
    this.keepSummaryCurrent(id, doc)
    this.athleteDocs.set(id, doc)
    const outcome = interpretDocument(await this.ops.readText(file), kind)
    if (outcome.kind === 'ok') {
      if (outcome.data.athleteId !== id) {
        return recoverAthlete(this, doc, `it belongs to athlete id ${outcome.data.athleteId}, not ${id}`, name)
      }
      doc.adopt(outcome.data)
      if (outcome.migratedFrom) migrated.push(doc as never)
      return
    }
    if (outcome.kind === 'newer') {
      doc.lockedReason = `${name}'s record was written by a newer version of CalfCoach (data format ${outcome.version}). It is shown as locked and will not be changed; please update CalfCoach.`
      this.addNotice('error', `${name}: record from a newer CalfCoach`, doc.lockedReason, file)
      return
    }
    if (outcome.kind === 'missing') {
      return recoverAthlete(this, doc, 'the file is missing', name, false)
    }
    return recoverAthlete(this, doc, outcome.reason, name)
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
        await this.backups.create('auto', this.coordinator.insideExclusive ? undefined : this.coordinator)
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
