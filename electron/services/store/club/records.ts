import { z } from 'zod'

/**
 * Record-level state of one document (the squad, or one athlete) as one installation wrote it. Every
 * record (a run, an assessment, a plan, an athlete's profile, a group, one setting, an athlete's name)
 * is an envelope stamped with a hybrid-logical-clock time and its author; a delete is an envelope too
 * (a tombstone), so it travels like any change and can never be undone by an older copy.
 *
 * Merging is "the newest stamp wins, per record": a max over a total order, so merging is commutative,
 * associative and idempotent, and every installation that has read the same files sees the same data.
 */
export const Envelope = z.strictObject({
  /** When this version was written (HLC; the installation id is its last part, so ties cannot happen). */
  hlc: z.string().min(1).max(120),
  /** The installation that wrote this version. */
  by: z.string().min(1).max(64),
  /** Who first created the record and when, carried from version to version. */
  created: z.strictObject({ hlc: z.string().min(1).max(120), by: z.string().min(1).max(64) }),
  deleted: z.boolean(),
  value: z.unknown().optional(),
})
export type Envelope = z.infer<typeof Envelope>

export type RecordMap = Readonly<Record<string, Envelope>>

export const RECORDS_FORMAT = 'calfcoach-records'

/** One installation's file for one document. */
export const RecordsFile = z.strictObject({
  format: z.literal(RECORDS_FORMAT),
  formatVersion: z.literal(1),
  installId: z.string().min(1).max(64),
  records: z.record(z.string().max(200), Envelope),
})
export type RecordsFile = z.infer<typeof RecordsFile>

/** The newer of two versions of one record; a total order, so the result never depends on merge order. */
export function newer(a: Envelope, b: Envelope): Envelope {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? a : b
  // Same stamp means the same write read twice (a file and its conflict copy); pick deterministically anyway.
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b
}

/** Merges any number of record maps: per key, the newest version. */
export function mergeRecords(maps: readonly RecordMap[]): Record<string, Envelope> {
  const out: Record<string, Envelope> = {}
  for (const map of maps) {
    for (const [key, env] of Object.entries(map)) {
      const have = out[key]
      out[key] = have ? newer(have, env) : env
    }
  }
  return out
}

/** The live (not deleted) values of a merged map. */
export function liveValues(merged: RecordMap): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, env] of Object.entries(merged)) if (!env.deleted) out.set(key, env.value)
  return out
}

/**
 * Equal as JSON (what the files would hold). Walks the values instead of stringifying both: after a
 * reload the document holds fresh copies of every record, and a save compares all of them once.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as unknown[]
    return a.length === bs.length && a.every((v, i) => sameValue(v ?? null, bs[i] ?? null))
  }
  // JSON leaves out undefined fields, so they count as absent here too.
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/**
 * The envelopes one installation must write so that `next` becomes the merged result: a new version
 * for every record that is new or changed, a tombstone for every record that is gone. Unchanged
 * records get nothing, so two coaches editing different records never touch each other's changes.
 */
export function diffRecords(
  before: ReadonlyMap<string, unknown>,
  next: ReadonlyMap<string, unknown>,
  merged: RecordMap,
  stamp: () => string,
  by: string,
): Record<string, Envelope> {
  const out: Record<string, Envelope> = {}
  const createdOf = (key: string, hlc: string) => merged[key]?.created ?? { hlc, by }
  /** Keys of `next` that `before` has: when that is all of `before`, nothing was removed (no second walk). */
  let kept = 0
  for (const [key, value] of next) {
    const old = before.get(key)
    const had = old !== undefined || before.has(key)
    if (had) kept++
    if (had && sameValue(old, value)) continue
    const hlc = stamp()
    out[key] = { hlc, by, created: merged[key] && !merged[key]!.deleted ? createdOf(key, hlc) : { hlc, by }, deleted: false, value }
  }
  if (kept === before.size) return out
  for (const key of before.keys()) {
    if (next.has(key)) continue
    const hlc = stamp()
    out[key] = { hlc, by, created: createdOf(key, hlc), deleted: true }
  }
  return out
}
