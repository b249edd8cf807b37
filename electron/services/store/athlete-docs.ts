import type { AthleteDocument } from '../../../shared/domain/documents'
import { DomainError } from '../../../shared/api/result'
import type { JsonDocument } from './document'

/**
 * The athlete documents the store has open, and which of them are fully loaded. Loading is shared: the
 * background pass and a screen asking for an athlete first both wait on the same read of its file.
 */
export class AthleteDocs {
  private readonly docs = new Map<string, JsonDocument<AthleteDocument>>()
  private readonly loadedIds = new Set<string>()
  /** One load per athlete file, shared by the background pass and the board asking for it first. */
  private readonly loading = new Map<string, Promise<void>>()

  has(id: string): boolean {
    return this.docs.has(id)
  }

  /** The athlete's document, or null when it is not open (yet). */
  find(id: string): JsonDocument<AthleteDocument> | null {
    return this.docs.get(id) ?? null
  }

  get(id: string): JsonDocument<AthleteDocument> {
    const doc = this.docs.get(id)
    if (!doc) throw new DomainError('not-found', `No athlete with id ${id}.`)
    return doc
  }

  all(): JsonDocument<AthleteDocument>[] {
    return [...this.docs.values()]
  }

  get lockedIds(): string[] {
    return [...this.docs.entries()].filter(([, d]) => d.lockedReason).map(([id]) => id)
  }

  /** Opens a document while its file is still being read (the loader fills it in). */
  open(id: string, doc: JsonDocument<AthleteDocument>): void {
    this.docs.set(id, doc)
  }

  /** Adds a document that is complete as it is (just created, or read from a club folder). */
  register(id: string, doc: JsonDocument<AthleteDocument>): void {
    this.docs.set(id, doc)
    this.loadedIds.add(id)
  }

  /** Runs `load` once per athlete, whoever asks first, and counts the athlete as loaded when it ends. */
  ensure(id: string, load: () => Promise<void>): Promise<void> {
    if (this.loadedIds.has(id)) return Promise.resolve()
    let pending = this.loading.get(id)
    if (!pending) {
      pending = load().then(() => {
        this.loadedIds.add(id)
      })
      this.loading.set(id, pending)
    }
    return pending
  }

  remove(id: string): void {
    this.docs.delete(id)
    this.loadedIds.delete(id)
    this.loading.delete(id)
  }
}
