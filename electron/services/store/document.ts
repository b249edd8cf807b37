import { type Adapter, Low } from 'lowdb'
import type { z } from 'zod'
import { DomainError } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import type { FileOps } from './file-ops'
import { DurableJsonFile } from './lowdb-adapter'

/** Describes one kind of data file: its current schema, how to create it, and how to upgrade old versions. */
export interface DocumentKind<T extends { schemaVersion: number }> {
  readonly label: string
  readonly currentVersion: number
  readonly schema: z.ZodType<T>
  /**
   * Optional faster check for a change: validate only what differs from the previous (already valid)
   * document. Must accept exactly what `schema` accepts.
   */
  validateChange?(next: T, previous: T): z.ZodSafeParseResult<T>
  /** migrations[n] turns a version-n document into version n+1. Pure functions over plain JSON. */
  readonly migrations: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>
  create(): T
}

/** An adapter that writes what changed since the document it last saw (a club folder's records). */
export interface ComparesWrites<T> {
  /** The document now holds `data` (validated copies of what the adapter read): compare later writes with it. */
  adopted(data: T): void
}

export type LoadOutcome<T> =
  | { kind: 'ok'; data: T; migratedFrom?: number }
  | { kind: 'missing' }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; reason: string }

/** Checks the migration registry is complete: one step for every version below the current one. */
export function assertMigrationsComplete(kind: DocumentKind<{ schemaVersion: number }>): void {
  for (let v = 1; v < kind.currentVersion; v++) {
    if (typeof kind.migrations[v] !== 'function') {
      throw new Error(`${kind.label}: no migration from version ${v} to ${v + 1}`)
    }
  }
  for (const key of Object.keys(kind.migrations)) {
    if (Number(key) >= kind.currentVersion) throw new Error(`${kind.label}: migration from ${key} is beyond the current version`)
  }
}

/**
 * Parses and classifies raw file text without touching the disk, so every damaged-file case can be
 * unit-tested directly. Migration happens here too; the caller writes the result after a backup.
 */
export function interpretDocument<T extends { schemaVersion: number }>(
  text: string | null,
  kind: DocumentKind<T>,
): LoadOutcome<T> {
  if (text === null) return { kind: 'missing' }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const short = text.length === 0 ? 'the file is empty' : `it is not valid JSON (${(error as Error).message})`
    return { kind: 'damaged', reason: `${short}; it may have been truncated or edited by hand` }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { kind: 'damaged', reason: 'it does not contain a JSON object' }
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'damaged', reason: 'it has no valid schemaVersion' }
  }
  if (version > kind.currentVersion) return { kind: 'newer', version }
  let doc = raw as Record<string, unknown>
  for (let v = version; v < kind.currentVersion; v++) {
    const step = kind.migrations[v]
    if (!step) return { kind: 'damaged', reason: `no migration from version ${v}` }
    doc = { ...step(doc), schemaVersion: v + 1 }
  }
  const parsed = kind.schema.safeParse(doc)
  if (!parsed.success) {
    const first = toFieldIssues(parsed.error)
      .slice(0, 3)
      .map((i) => `${i.path || '(root)'}: ${i.message}`)
      .join('; ')
    return { kind: 'damaged', reason: `its contents do not match what CalfCoach expects (${first})` }
  }
  return version < kind.currentVersion ? { kind: 'ok', data: parsed.data, migratedFrom: version } : { kind: 'ok', data: parsed.data }
}

/**
 * One JSON data file managed through lowdb. Writes for a file are serialised through a promise
 * queue, and a mutation only becomes visible in memory after it is durably on disk: a failed write
 * (full disk, read-only folder) leaves both memory and file exactly as they were.
 */
export class JsonDocument<T extends { schemaVersion: number }> {
  private readonly low: Low<T>
  private queue: Promise<unknown> = Promise.resolve()
  /** Writes (and reloads) queued or running: a document with any is never dropped from memory. */
  private pending = 0
  /** Set when the file must not be written (e.g. it came from a newer app version). */
  lockedReason: string | null = null
  /** Told about every change that reached disk, and every change merged in from another coach. */
  onChange: ((data: T) => void) | null = null
  /**
   * Runs after each durable write, inside this file's write queue, with the data just written (the
   * store keeps the athlete's board summary current with it). Its failure never fails the write.
   */
  afterWrite: ((data: T) => Promise<void>) | null = null

  constructor(
    readonly file: string,
    readonly kind: DocumentKind<T>,
    ops: FileOps,
    initial: T,
    /** Where the document is stored: its own JSON file by default, or a club folder's merged records. */
    adapter: Adapter<T> = new DurableJsonFile<T>(file, ops),
  ) {
    this.low = new Low<T>(adapter, deepFreeze(initial))
  }

  /**
   * Re-reads the document from its adapter (another coach's change arrived) inside the write queue, so it
   * never interleaves with a save: a save queued before sees the old data, one queued after the new.
   * Resolves to true when the document changed.
   */
  reload(): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      const data = await this.low.adapter.read()
      if (data === null) return false
      const checked = this.kind.schema.safeParse(data)
      if (!checked.success) return false
      const changed = JSON.stringify(checked.data) !== JSON.stringify(this.low.data)
      if (changed) {
        this.low.data = deepFreeze(checked.data)
        this.onChange?.(this.low.data)
      }
      // Validation made copies of what the adapter read: it compares the next write against these, which
      // then finds unchanged records by identity instead of walking every one (a club athlete's first save).
      const adapter = this.low.adapter as Adapter<T> & Partial<ComparesWrites<T>>
      adapter.adopted?.(this.low.data)
      return changed
    }
    return this.enqueue(run)
  }

  /** The current document, deeply frozen: change it only through mutate(). */
  get data(): T {
    return this.low.data
  }

  get adapter(): Adapter<T> {
    return this.low.adapter
  }

  /** Sets loaded data (already validated) as the current document. */
  adopt(data: T): void {
    this.low.data = deepFreeze(data)
  }

  /**
   * The coach opened this document (a call names it): its adapter may get the next save ready in the
   * background (the file adapter remembers each record's bytes, so the first save serialises only its change).
   */
  prepareWrite(): void {
    const adapter = this.low.adapter as Adapter<T> & { prepareWrite?(data: T): void }
    adapter.prepareWrite?.(this.low.data)
  }

  /** Replaces the whole document (after validation) and writes it. */
  async replace(next: T): Promise<void> {
    await this.mutate(() => next)
  }

  /**
   * Builds the next document from the current one, validates it, writes it durably, then publishes it.
   * `fn` receives the frozen current document and must return a new one (spread, don't mutate); an
   * attempt to mutate in place throws, so a buggy update can never half-change the live data.
   */
  mutate<R = void>(fn: (current: T) => T | { next: T; result: R }): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.lockedReason) throw new DomainError('read-only', this.lockedReason)
      const current = this.low.data
      const produced = fn(current)
      const { next, result } =
        produced && typeof produced === 'object' && 'next' in produced && 'result' in produced
          ? (produced as { next: T; result: R })
          : { next: produced as T, result: undefined as R }
      const checked = this.kind.validateChange ? this.kind.validateChange(next, current) : this.kind.schema.safeParse(next)
      if (!checked.success) {
        throw new DomainError('invalid-input', `${this.kind.label} would become invalid`, toFieldIssues(checked.error))
      }
      const previous = this.low.data
      this.low.data = deepFreeze(checked.data)
      try {
        await this.low.write()
      } catch (error) {
        this.low.data = previous
        throw storageError(error, this.file)
      }
      this.onChange?.(this.low.data)
      await this.afterWrite?.(this.low.data).catch(() => undefined)
      return result
    }
    return this.enqueue(run)
  }

  private enqueue<R>(run: () => Promise<R>): Promise<R> {
    this.pending++
    const task = this.queue.then(run, run).finally(() => {
      this.pending--
    })
    this.queue = task.catch(() => undefined)
    return task
  }

  get pendingWrites(): number {
    return this.pending
  }

  /** Waits until every queued write for this file has settled. */
  async flush(): Promise<void> {
    await this.queue
  }
}

export function storageError(error: unknown, file: string): DomainError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const where = file.split(/[\\/]/).slice(-2).join('/')
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the data folder is not writable'
        : `the disk reported ${code ?? (error as Error)?.message ?? 'an error'}`
  return new DomainError('storage', `Could not save ${where}: ${why}. Nothing was changed.`)
}

/** Freezes a JSON-shaped value in place, skipping parts that are already frozen (shared with the previous version). */
export function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child)
  }
  return value
}
