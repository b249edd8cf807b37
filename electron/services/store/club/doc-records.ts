import { z } from 'zod'
import type { Envelope, RecordMap } from './records'

/**
 * Turns a whole document (the squad index or an athlete's record) into records and back, from the
 * document's own zod schema: an array of objects with ids is a collection (one record per item,
 * "c:runs/<id>"), a plain object is one record per field ("o:settings/distanceUnit"), anything else is
 * one record ("s:athleteName"). New fields other teams add to a document are therefore shared too.
 */
type Shape = Record<string, z.ZodType>

function shapeOf(schema: z.ZodType): Shape {
  return (schema as unknown as z.ZodObject<Shape>).shape
}

function unwrap(t: z.ZodType): z.ZodType {
  let cur = t as z.ZodType & { unwrap?: () => z.ZodType; def?: { innerType?: z.ZodType } }
  for (let i = 0; i < 5; i++) {
    const inner = cur.def?.innerType
    if (!inner) break
    cur = inner as typeof cur
  }
  return cur
}

type FieldKind = { kind: 'collection'; item: z.ZodType } | { kind: 'object'; fields: Shape } | { kind: 'scalar'; schema: z.ZodType }

/** Fields that identify the document itself and are never records. */
const FIXED = new Set(['schemaVersion', 'athleteId'])

export class DocumentRecords<T extends { schemaVersion: number }> {
  private readonly fields = new Map<string, FieldKind>()
  /**
   * Each frozen item's record key, per collection: a save turns the whole document into records, and
   * building (and hashing) thousands of fresh key strings per save cost more than the save's own change.
   */
  private readonly itemKeys = new Map<string, WeakMap<object, string>>()

  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly template: () => T,
  ) {
    for (const [key, field] of Object.entries(shapeOf(schema))) {
      if (FIXED.has(key)) continue
      const inner = unwrap(field)
      if (inner instanceof z.ZodArray) this.fields.set(key, { kind: 'collection', item: inner.element as z.ZodType })
      else if (inner instanceof z.ZodObject) this.fields.set(key, { kind: 'object', fields: shapeOf(inner) })
      else this.fields.set(key, { kind: 'scalar', schema: field })
    }
  }

  /** The records of a document, keyed as described above. */
  toRecords(doc: T): Map<string, unknown> {
    const out = new Map<string, unknown>()
    const d = doc as Record<string, unknown>
    for (const [key, f] of this.fields) {
      const value = d[key]
      if (value === undefined) continue
      if (f.kind === 'collection' && Array.isArray(value) && value.every((v) => v && typeof (v as { id?: unknown }).id === 'string')) {
        for (const item of value) out.set(this.itemKey(key, item as { id: string }), item)
      } else if (f.kind === 'collection') {
        // An array without ids is one value (shared as a whole).
        out.set(`s:${key}`, value)
      } else if (f.kind === 'object' && value && typeof value === 'object') {
        for (const [field, v] of Object.entries(value)) out.set(`o:${key}/${field}`, v)
      } else {
        out.set(`s:${key}`, value)
      }
    }
    return out
  }

  private itemKey(collection: string, item: { id: string }): string {
    if (!Object.isFrozen(item)) return `c:${collection}/${item.id}`
    let keys = this.itemKeys.get(collection)
    if (!keys) this.itemKeys.set(collection, (keys = new WeakMap()))
    let key = keys.get(item)
    if (key === undefined) keys.set(item, (key = `c:${collection}/${item.id}`))
    return key
  }

  /**
   * Builds the document from merged records. Records whose value does not pass its schema (hand-edited,
   * or written by a newer CalfCoach) are left out of the view, never deleted, and reported.
   */
  fromRecords(merged: RecordMap): { doc: T; skipped: string[] } {
    const doc = { ...(this.template() as Record<string, unknown>) }
    const skipped: string[] = []
    const collections = new Map<string, { env: Envelope; value: unknown }[]>()
    for (const [key, env] of Object.entries(merged)) {
      if (env.deleted) continue
      const m = /^([cos]):([A-Za-z]+)(?:\/(.+))?$/.exec(key)
      const f = m ? this.fields.get(m[2]!) : undefined
      if (!m || !f) {
        skipped.push(key)
        continue
      }
      const [, tag, name, sub] = m as unknown as [string, string, string, string | undefined]
      if (tag === 'c' && f.kind === 'collection') {
        const parsed = f.item.safeParse(env.value)
        if (!parsed.success || (parsed.data as { id?: unknown }).id !== sub) skipped.push(key)
        else {
          // Pushed, not copied: a copy per record made reading ten years of runs quadratic.
          const items = collections.get(name) ?? []
          items.push({ env, value: parsed.data })
          collections.set(name, items)
        }
      } else if (tag === 'o' && f.kind === 'object' && sub && f.fields[sub]) {
        const parsed = f.fields[sub]!.safeParse(env.value)
        if (!parsed.success) skipped.push(key)
        else doc[name] = { ...(doc[name] as Record<string, unknown>), [sub]: parsed.data }
      } else if (tag === 's') {
        const schema = f.kind === 'scalar' ? f.schema : f.kind === 'collection' ? shapeOf(this.schema)[name]! : null
        const parsed = schema?.safeParse(env.value)
        if (!parsed?.success) skipped.push(key)
        else doc[name] = parsed.data
      } else {
        skipped.push(key)
      }
    }
    for (const [name, items] of collections) doc[name] = orderItems(name, items)
    return { doc: doc as T, skipped }
  }
}

/** Runs by date; everything else (and runs on the same day) in the order they were created. */
function orderItems(name: string, items: { env: Envelope; value: unknown }[]): unknown[] {
  const dateOf = (v: unknown) => (name === 'runs' ? String((v as { date?: unknown }).date ?? '') : '')
  return items
    .sort((a, b) => {
      const da = dateOf(a.value)
      const db = dateOf(b.value)
      if (da !== db) return da < db ? -1 : 1
      if (a.env.created.hlc !== b.env.created.hlc) return a.env.created.hlc < b.env.created.hlc ? -1 : 1
      return (a.value as { id: string }).id < (b.value as { id: string }).id ? -1 : 1
    })
    .map((i) => i.value)
}
