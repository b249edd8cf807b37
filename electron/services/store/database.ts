import path from 'node:path'
import type { Notice } from '../../../shared/api/channels/squad'
import { DomainError } from '../../../shared/api/result'
import type { AthleteDocument, SquadDocument } from '../../../shared/domain/documents'
import { BackupStore } from './backups'
import { type DocumentKind, interpretDocument, JsonDocument, type LoadOutcome } from './document'
import { type FileOps, nodeFileOps } from './file-ops'
import { athleteKind, squadKind } from './kinds'
import { type AthleteSummary, summariseAthlete } from '../../../shared/domain/summary'
import { SummaryCache } from './summary-cache'

export interface DatabaseOptions {
  dataDir: string
  ops?: FileOps
  now?: () => Date
  /** An automatic backup is taken at open when the newest backup is older than this. */
  autoBackupAfterMs?: number
  /**
   * Resolve as soon as the squad index is read and load athlete files in the background
   * (see athletesReady). The app does this so the squad list appears at once on big squads.
   */
  background?: boolean
}

const DAY_MS = 86_400_000
const ATHLETE_FILE = /^([a-z0-9][a-z0-9-]{2,63})\.json$/
const QUARANTINED = /\.corrupt-[0-9TZ-]+$/
const TEMP_FILE = /^\..+\.tmp-\d+-\d+$/

/**
 * The local database: one small squad index plus one lowdb file per athlete, so saving a run rewrites
 * one athlete's file and nothing else. Opening never throws away data: damaged files are moved aside
 * and restored from the newest good backup, files from newer versions are left untouched and locked,
 * and every such event becomes a notice the UI shows to the coach.
 */
export class Database {
  readonly backups: BackupStore
  readonly summaryCache: SummaryCache
  /** Resolves when every athlete file has been read, validated, and if needed quarantined or restored. */
  athletesReady: Promise<void> = Promise.resolve()
  private readonly loadedIds = new Set<string>()
  readonly notices: Notice[] = []
  readOnlyReason: string | null = null
  squad!: JsonDocument<SquadDocument>
  private readonly athleteDocs = new Map<string, JsonDocument<AthleteDocument>>()
  private noticeCounter = 0

  private constructor(
    readonly dataDir: string,
    readonly ops: FileOps,
    readonly now: () => Date,
  ) {
    this.backups = new BackupStore(dataDir, ops, now)
    this.summaryCache = new SummaryCache(dataDir, ops)
  }

  static async open(options: DatabaseOptions): Promise<Database> {
    const db = new Database(path.resolve(options.dataDir), options.ops ?? nodeFileOps, options.now ?? (() => new Date()))
    await db.load(options.autoBackupAfterMs ?? DAY_MS, options.background ?? false)
    return db
  }

  get athletesDir(): string {
    return path.join(this.dataDir, 'athletes')
  }

  athleteFile(id: string): string {
    return path.join(this.athletesDir, `${id}.json`)
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
    const doc = new JsonDocument(this.athleteFile(id), kind, this.ops, kind.create())
    await doc.replace(kind.create())
    this.athleteDocs.set(id, doc)
    this.loadedIds.add(id)
    return doc
  }

  async removeAthleteDoc(id: string): Promise<void> {
    this.assertWritable()
    const doc = this.athleteDoc(id)
    await doc.flush()
    await this.ops.remove(doc.file)
    this.athleteDocs.delete(id)
    this.loadedIds.delete(id)
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
  }

  /**
   * Triage summaries for every athlete in the index: from the cache while an athlete's file is
   * unchanged and not yet loaded, otherwise computed from the loaded record (and cached again).
   */
  async summaries(todayIso: string): Promise<Map<string, AthleteSummary>> {
    const out = new Map<string, AthleteSummary>()
    const missing: string[] = []
    await Promise.all(
      this.squad.data.athletes.map(async (a) => {
        if (this.loadedIds.has(a.id)) return missing.push(a.id)
        const cached = await this.summaryCache.valid(a.id, this.athleteFile(a.id), todayIso)
        if (cached) out.set(a.id, cached)
        else missing.push(a.id)
      }),
    )
    if (missing.length) {
      await this.athletesReady
      let changed = false
      for (const id of missing) {
        const doc = this.athleteDocs.get(id)
        if (!doc) continue
        await doc.flush()
        const stat = await this.ops.stat(doc.file)
        const summary = summariseAthlete(doc.data, todayIso)
        out.set(id, summary)
        if (stat && !doc.lockedReason) {
          this.summaryCache.put(id, stat, todayIso, summary)
          changed = true
        }
      }
      if (changed) this.summaryCache.scheduleWrite()
    }
    return out
  }

  private async load(autoBackupAfterMs: number, background: boolean): Promise<void> {
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

    const migrated: JsonDocument<{ schemaVersion: number }>[] = []
    await this.loadSquad(migrated)
    await this.summaryCache.load()
    const rest = this.loadAthletes(migrated, autoBackupAfterMs)
    if (background) {
      this.athletesReady = rest.catch((error) => {
        this.addNotice('error', 'Some athlete records could not be loaded', (error as Error).message)
      })
    } else {
      await rest
    }
  }

  private async loadAthletes(migrated: JsonDocument<{ schemaVersion: number }>[], autoBackupAfterMs: number): Promise<void> {
    // Bounded parallelism: reading every file at once would spike memory on very large squads.
    const queue = [...this.squad.data.athletes]
    const worker = async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        await this.loadAthlete(a.id, a.name, migrated)
        this.loadedIds.add(a.id)
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    await this.adoptOrphans(migrated)
    await this.reportUnknownFiles()

    if (migrated.length && !this.readOnlyReason) {
      const backup = await this.backups.create('pre-migration')
      for (const doc of migrated) await doc.replace(doc.data)
      this.addNotice('info', 'Data upgraded', `${migrated.length} file(s) were upgraded to the current format after backup ${backup.id}.`)
    }
    await this.autoBackup(autoBackupAfterMs)
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
    if (outcome.kind === 'damaged') await this.quarantine(file, outcome.reason)
    const athleteFiles = (await this.ops.list(this.athletesDir)).filter((n) => ATHLETE_FILE.test(n))
    if (outcome.kind === 'missing' && athleteFiles.length === 0) {
      if (!this.readOnlyReason) await this.squad.replace(squadKind.create())
      return
    }
    const restored = await this.restoreFromBackups(file, 'squad.json', squadKind)
    if (restored) {
      this.squad.adopt(restored.data)
      if (!this.readOnlyReason) await this.squad.replace(restored.data)
      this.addNotice(
        'warning',
        outcome.kind === 'missing' ? 'Squad index was missing' : 'Squad index was damaged',
        `The squad index was restored from backup ${restored.backupId}. Athletes added after that backup are recovered from their own files below.`,
        file,
      )
    } else {
      this.addNotice(
        'warning',
        outcome.kind === 'missing' ? 'Squad index was missing' : 'Squad index was damaged',
        'No backup of the squad index was found; it was rebuilt from the athletes’ own files. Check names, groups and settings.',
        file,
      )
      if (!this.readOnlyReason) await this.squad.replace(squadKind.create())
    }
  }

  private async loadAthlete(id: string, name: string, migrated: JsonDocument<{ schemaVersion: number }>[]): Promise<void> {
    const file = this.athleteFile(id)
    const kind = athleteKind(id, name)
    const doc = new JsonDocument(file, kind, this.ops, kind.create())
    this.athleteDocs.set(id, doc)
    const outcome = interpretDocument(await this.ops.readText(file), kind)
    if (outcome.kind === 'ok') {
      if (outcome.data.athleteId !== id) {
        return this.recoverAthlete(doc, `it belongs to athlete id ${outcome.data.athleteId}, not ${id}`, name)
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
      return this.recoverAthlete(doc, 'the file is missing', name, false)
    }
    return this.recoverAthlete(doc, outcome.reason, name)
  }

  private async recoverAthlete(
    doc: JsonDocument<AthleteDocument>,
    reason: string,
    name: string,
    quarantine = true,
  ): Promise<void> {
    if (quarantine) {
      const moved = await this.quarantine(doc.file, reason)
      if (!moved) {
        doc.lockedReason = `${name}'s record is damaged (${reason}) and could not be moved aside, so it is locked to protect it.`
        return
      }
    }
    const restored = await this.restoreFromBackups(doc.file, `athletes/${path.basename(doc.file)}`, doc.kind)
    if (restored) {
      doc.adopt(restored.data)
      if (!this.readOnlyReason) await doc.replace(restored.data)
      this.addNotice(
        'warning',
        `${name}: record restored from backup`,
        `${name}'s record could not be read because ${reason}. It was restored from backup ${restored.backupId}; entries made after that backup are not in it.`,
        doc.file,
      )
      return
    }
    if (!this.readOnlyReason) await doc.replace(doc.kind.create())
    this.addNotice(
      'error',
      `${name}: record could not be recovered`,
      `${name}'s record could not be read because ${reason}, and no backup holds a readable copy. ${name} now has an empty log.${quarantine ? ' The damaged file was kept beside it for recovery by hand.' : ''}`,
      doc.file,
    )
  }

  /** Moves a damaged file aside under a new name. Never deletes or overwrites it. */
  private async quarantine(file: string, reason: string): Promise<string | null> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    let target = `${file}.corrupt-${stamp}`
    for (let n = 1; await this.ops.stat(target); n++) target = `${file}.corrupt-${stamp}-${n}`
    try {
      await this.ops.rename(file, target)
    } catch {
      this.addNotice('error', 'Damaged file left in place', `${path.basename(file)} is damaged (${reason}) and could not be moved aside.`, file)
      return null
    }
    this.addNotice('warning', 'Damaged file moved aside', `${path.basename(file)} could not be used because ${reason}. It was kept as ${path.basename(target)}.`, target)
    return target
  }

  private async restoreFromBackups<T extends { schemaVersion: number }>(
    _file: string,
    rel: string,
    kind: DocumentKind<T>,
  ): Promise<{ data: T; backupId: string } | null> {
    for (const version of await this.backups.versionsOf(rel)) {
      const outcome: LoadOutcome<T> = interpretDocument(await this.ops.readText(version.file), kind)
      if (outcome.kind === 'ok') return { data: outcome.data, backupId: version.backupId }
    }
    return null
  }

  /** Athlete files that the index does not list (e.g. the index was restored from an older backup). */
  private async adoptOrphans(migrated: JsonDocument<{ schemaVersion: number }>[]): Promise<void> {
    const known = new Set(this.squad.data.athletes.map((a) => a.id))
    for (const name of await this.ops.list(this.athletesDir)) {
      const m = ATHLETE_FILE.exec(name)
      if (!m || known.has(m[1]!)) continue
      const id = m[1]!
      const text = await this.ops.readText(path.join(this.athletesDir, name))
      const outcome = interpretDocument(text, athleteKind(id, id))
      if (outcome.kind !== 'ok' || outcome.data.athleteId !== id) {
        this.addNotice('warning', 'Unlisted athlete file left alone', `${name} is not in the squad index and could not be read, so it was left untouched.`)
        continue
      }
      const stamp = this.now().toISOString()
      const athlete = {
        id,
        name: outcome.data.athleteName || `Recovered athlete ${id}`,
        sex: 'female' as const,
        dateOfBirth: null,
        email: '',
        phone: '',
        groupIds: [],
        notes: 'Recovered from its own data file: check sex, date of birth and groups.',
        trainingStatus: 'running' as const,
        archived: false,
        createdAt: stamp,
        updatedAt: stamp,
      }
      if (this.readOnlyReason) continue
      await this.squad.mutate((d) => ({ ...d, athletes: [...d.athletes, athlete] }))
      await this.loadAthlete(id, athlete.name, migrated)
      this.loadedIds.add(id)
      this.addNotice('warning', `Recovered ${athlete.name}`, `${athlete.name} had a data file but was missing from the squad index, and was added back. Please check the profile details.`)
    }
  }

  private async reportUnknownFiles(): Promise<void> {
    const unknown: string[] = []
    let quarantined = 0
    for (const name of await this.ops.list(this.dataDir)) {
      if (['squad.json', 'athletes', 'backups', 'cache'].includes(name)) continue
      if (QUARANTINED.test(name)) quarantined++
      else unknown.push(name)
    }
    for (const name of await this.ops.list(this.athletesDir)) {
      if (ATHLETE_FILE.test(name)) continue
      if (QUARANTINED.test(name)) quarantined++
      else unknown.push(`athletes/${name}`)
    }
    if (unknown.length) {
      this.addNotice('info', 'Unknown files in the data folder', `CalfCoach ignores and never touches these: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}.`)
    }
    if (quarantined) {
      this.addNotice('info', 'Damaged files kept aside', `${quarantined} damaged file(s) from earlier are kept in the data folder (named *.corrupt-*) for recovery by hand.`)
    }
  }

  private async autoBackup(afterMs: number): Promise<void> {
    if (this.readOnlyReason) return
    if (this.squad.data.athletes.length === 0) return
    const latest = await this.backups.latest()
    if (latest && this.now().getTime() - Date.parse(latest.createdAt) < afterMs) return
    try {
      await this.backups.create('auto')
    } catch (error) {
      this.addNotice('warning', 'Automatic backup failed', `The daily backup could not be written: ${(error as Error).message}`)
    }
  }
}
