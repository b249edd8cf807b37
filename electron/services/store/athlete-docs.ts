import { AsyncLocalStorage } from 'node:async_hooks'
import type { AthleteDocument } from '../../../shared/domain/documents'
import { DomainError } from '../../../shared/api/result'
import type { JsonDocument } from './document'

type AthleteDoc = JsonDocument<AthleteDocument>

/** How many athletes stay loaded when nothing holds them: a coach's working set, not the squad. */
export const DEFAULT_ATHLETE_CACHE = 32

interface Entry {
  doc: AthleteDoc
  /** Leases (API calls, walks) using the document now: it is never evicted under them. */
  pins: number
  /** Larger = used more recently; a walk's athletes get small numbers so they leave first. */
  used: number
}

/**
 * What an API call holds: every athlete it loads or uses stays loaded until the call ends, so a handler
 * never works on a document that was evicted (and read again as a second copy) under it.
 */
interface Lease {
  releases: (() => void)[]
  open: boolean
}
const leases = new AsyncLocalStorage<Lease>()

/**
 * Runs `fn` holding every athlete it uses until it ends (one lease per API call; nested calls share it).
 * `own`: a lease of its own even inside a call (a walk over the squad releases each athlete as it goes).
 */
export async function withAthleteLease<T>(fn: () => Promise<T> | T, own = false): Promise<T> {
  if (!own && leases.getStore()?.open) return fn()
  const lease: Lease = { releases: [], open: true }
  try {
    return await leases.run(lease, fn)
  } finally {
    lease.open = false
    for (const release of lease.releases.splice(0)) release()
  }
}

/**
 * The athlete documents in memory: a bounded cache of recently used athletes, loaded on demand. Loading is
 * shared (whoever asks first reads the file; everyone else waits on that read), and memory stays flat in
 * the number of athletes: beyond `capacity`, the least recently used document is dropped, unless a call
 * holds it, a write for it is queued or running (an acknowledged save is never dropped), or it must stay
 * (`keep`: locked, recovered or awaiting migration, so what is in memory is not what the file says).
 */
export class AthleteDocs {
  private readonly loaded = new Map<string, Entry>()
  /** Documents whose file is being read (a failed read still leaves the document recovery made). */
  private readonly opening = new Map<string, AthleteDoc>()
  /** One load per athlete file, shared by everyone asking for it meanwhile. */
  private readonly loading = new Map<string, Promise<AthleteDoc>>()
  private readonly kept = new Set<string>()
  private clock = 0
  private coldClock = 0

  constructor(
    readonly capacity = DEFAULT_ATHLETE_CACHE,
    /** Told when an athlete leaves memory (its summary must be checked against the file again). */
    private readonly onEvict: (id: string) => void = () => undefined,
  ) {}

  /** Loaded or being loaded. */
  has(id: string): boolean {
    return this.loaded.has(id) || this.opening.has(id)
  }

  /** The athlete's document when it is in memory, or null. */
  find(id: string): AthleteDoc | null {
    return this.loaded.get(id)?.doc ?? this.opening.get(id) ?? null
  }

  /** The document of an athlete in memory (tests; services use Database.athlete, which loads it). */
  get(id: string): AthleteDoc {
    const doc = this.find(id)
    if (!doc) throw new DomainError('not-found', `No athlete with id ${id}.`)
    return doc
  }

  /** Every document in memory now (pending writes are only ever on these). */
  inMemory(): AthleteDoc[] {
    return [...this.loaded.values()].map((e) => e.doc).concat([...this.opening.values()])
  }

  get loadedCount(): number {
    return this.loaded.size
  }

  get lockedIds(): string[] {
    return [...this.loaded.entries()].filter(([, e]) => e.doc.lockedReason).map(([id]) => id)
  }

  /** Opens a document while its file is still being read (the loader fills it in). */
  open(id: string, doc: AthleteDoc): void {
    this.opening.set(id, doc)
  }

  /** Adds a document that is complete as it is (just created, or read from a club folder). */
  register(id: string, doc: AthleteDoc): void {
    // Read by a load under way (a club athlete): that load adds it to memory when it ends.
    if (this.loading.has(id)) return void this.opening.set(id, doc)
    this.opening.delete(id)
    this.insert(id, doc, false)
  }

  /** Keeps the athlete in memory for the rest of the session (its memory differs from its file). */
  keep(id: string): void {
    this.kept.add(id)
  }

  isKept(id: string): boolean {
    return this.kept.has(id)
  }

  /** Lets a kept athlete go again (its file now holds what memory holds). */
  release(id: string): void {
    this.kept.delete(id)
    this.evict()
  }

  /**
   * The athlete's document, loaded by `load` if it is not in memory (once, whoever asks first), held by
   * the current lease. `cold`: a walk over the squad; an athlete it loads leaves memory first.
   */
  async use(id: string, load: () => Promise<AthleteDoc>, cold = false): Promise<AthleteDoc> {
    const entry = this.loaded.get(id)
    if (entry) {
      if (!cold) entry.used = ++this.clock
      this.pin(entry)
      return entry.doc
    }
    const shared = this.loading.get(id)
    if (shared) {
      const doc = await shared
      // Held by this lease too; gone only if the athlete was deleted meanwhile (the document read is handed back).
      const now = this.loaded.get(id)
      if (now) this.pin(now)
      return doc
    }
    const pending = load().then(
      (doc) => {
        this.loading.delete(id)
        this.opening.delete(id)
        // Runs in the caller's lease, so the new document is held before anything is evicted.
        if (!this.loaded.has(id)) this.insert(id, doc, cold)
        return doc
      },
      (error: unknown) => {
        this.loading.delete(id)
        this.opening.delete(id)
        throw error
      },
    )
    this.loading.set(id, pending)
    return pending
  }

  remove(id: string): void {
    this.loaded.delete(id)
    this.opening.delete(id)
    this.loading.delete(id)
    this.kept.delete(id)
  }

  /** Adds a loaded document, held by the current lease before anything is evicted (so never itself). */
  private insert(id: string, doc: AthleteDoc, cold: boolean): void {
    const entry: Entry = { doc, pins: 0, used: cold ? --this.coldClock : ++this.clock }
    this.loaded.set(id, entry)
    this.pin(entry)
    this.evict()
  }

  private pin(entry: Entry): void {
    const lease = leases.getStore()
    if (!lease?.open) return
    entry.pins++
    lease.releases.push(() => {
      entry.pins--
      this.evict()
    })
  }

  /** Drops least recently used documents beyond capacity that nothing needs in memory. */
  private evict(): void {
    while (this.loaded.size > this.capacity) {
      let victim: [string, Entry] | null = null
      for (const item of this.loaded) {
        const [id, e] = item
        if (e.pins > 0 || this.kept.has(id) || e.doc.lockedReason || e.doc.pendingWrites > 0) continue
        if (!victim || e.used < victim[1].used) victim = item
      }
      if (!victim) return
      this.loaded.delete(victim[0])
      this.onEvict(victim[0])
    }
  }
}
