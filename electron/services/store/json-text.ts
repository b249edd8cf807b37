/**
 * The bytes of a frozen document as JSON, exactly what `JSON.stringify` writes (UTF-8), made without
 * serialising or encoding the records it already did: saving one run to an athlete with ten years of daily
 * runs otherwise stringifies 3,650 unchanged runs and encodes 0.7 MB of text (together most of a save's CPU).
 *
 * A document's file remembers (in a `DocumentText`, one per file) the bytes each top-level array (runs,
 * assessments, plans…) was last written as, with where each item ends. The next write of that array reuses
 * the bytes of the items that are the very same frozen objects at its start and at its end (a save adds,
 * edits or removes an item or two; the others are shared with the version before) and serialises only
 * the items between. No per-item buffers: one remembered buffer per array, a slice of the last file written.
 *
 * Relies on what JsonDocument guarantees: its data is frozen deeply (deepFreeze), so an item that is frozen
 * can never serialise differently later. Anything not frozen is serialised every time.
 */

/** What one top-level array was last written as. */
interface ArrayText {
  readonly items: readonly unknown[]
  /** `[item0,item1,…]` as UTF-8. */
  readonly bytes: Buffer
  /** ends[i]: the offset in `bytes` just past item i (item i starts at 1, or at ends[i - 1] + 1 after its comma). */
  readonly ends: Uint32Array
  /**
   * Some item was an object not frozen when written (it may have changed since, so it is never reused). False
   * for a JsonDocument's data, whose items are all frozen for good: the next write then finds the unchanged
   * start by identity alone, a tight loop even before it is optimised (a process's first save).
   */
  readonly loose: boolean
}

/** The bytes a document's arrays were last written as, kept by whoever writes that document's file. */
export class DocumentText {
  readonly arrays = new Map<string, ArrayText>()
}

const COMMA = Buffer.from(',')
const OPEN_ARRAY = Buffer.from('[')
const CLOSE_ARRAY = Buffer.from(']')

/** `${JSON.stringify(doc)}${end}` as UTF-8 bytes; `memo` (the file's) makes a later write cost what changed. */
export function documentBytes(doc: unknown, end = '', memo: DocumentText = new DocumentText()): Buffer {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || typeof (doc as { toJSON?: unknown }).toJSON === 'function') {
    return Buffer.from(`${JSON.stringify(doc)}${end}`)
  }
  const parts: Buffer[] = []
  // Text between remembered arrays, gathered into one string so it is encoded once.
  let text = '{'
  let first = true
  const made: { key: string; items: readonly unknown[]; at: number; length: number; ends: Uint32Array; loose: boolean }[] = []
  let offset = 0
  const flushText = () => {
    if (!text) return
    const bytes = Buffer.from(text)
    parts.push(bytes)
    offset += bytes.length
    text = ''
  }
  for (const key of Object.keys(doc)) {
    const value = (doc as Record<string, unknown>)[key]
    if (Array.isArray(value) && Object.isFrozen(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
      text += `${first ? '' : ','}${JSON.stringify(key)}:`
      first = false
      flushText()
      const array = arrayBytes(value, memo.arrays.get(key))
      made.push({ key, items: value, at: offset, length: array.length, ends: array.ends, loose: array.loose })
      for (const p of array.parts) parts.push(p)
      offset += array.length
      continue
    }
    // JSON.stringify leaves out fields it cannot write (undefined, functions, symbols).
    const json = JSON.stringify(value) as string | undefined
    if (json === undefined) continue
    text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`
    first = false
  }
  text += `}${end}`
  flushText()
  const out = Buffer.concat(parts, offset)
  // What each array was written as, for the next write: slices of this very buffer (never changed after).
  for (const m of made) memo.arrays.set(m.key, { items: m.items, bytes: out.subarray(m.at, m.at + m.length), ends: m.ends, loose: m.loose })
  for (const key of [...memo.arrays.keys()]) if (!made.some((m) => m.key === key)) memo.arrays.delete(key)
  return out
}

/** An item whose bytes can be taken from the last write: the same frozen object (or the same primitive but undefined). */
function same(item: unknown, before: unknown): boolean {
  if (item !== before) return false
  return item === null || (typeof item === 'object' ? Object.isFrozen(item) : item !== undefined)
}

/** An item as JSON writes it inside an array (what it cannot represent becomes null). */
function itemJson(item: unknown): string {
  return (JSON.stringify(item) as string | undefined) ?? 'null'
}

/** Encodes `texts` (items side by side, with their commas) and returns where each item ends, from `base`. */
function encodeItems(texts: string[], withLeadingComma: boolean, base: number, ends: Uint32Array, from: number): Buffer {
  const joined = (withLeadingComma ? ',' : '') + texts.join(',')
  const bytes = Buffer.from(joined)
  // All ASCII (the usual case) when the byte count equals the character count: offsets are character offsets.
  const ascii = bytes.length === joined.length
  let at = base + (withLeadingComma ? 1 : 0)
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string
    at += ascii ? t.length : Buffer.byteLength(t)
    ends[from + i] = at
    at += 1
  }
  return bytes
}

/** New or edited items met before items that moved are looked up instead (a reorder), as validation does. */
const MISSES_BEFORE_LOOKUP = 4

/**
 * `[…]` of `items` as buffers, reusing the bytes of every item that is the same frozen object as in `before`:
 * the items are walked alongside the previous list (a save adds, edits or removes one or two), and each run of
 * unchanged items is copied as one slice of the bytes written last time.
 */
function arrayBytes(items: readonly unknown[], before: ArrayText | undefined): { parts: Buffer[]; length: number; ends: Uint32Array; loose: boolean } {
  const n = items.length
  const ends = new Uint32Array(n)
  const prev = before?.items ?? []
  const m = prev.length
  const parts: Buffer[] = [OPEN_ARRAY]
  let length = 1
  // Items written so far (k), the run of previous items being reused ([runFrom, runTo)), the fresh texts pending.
  let k = 0
  let runFrom = -1
  let runTo = -1
  let fresh: string[] = []
  const flushRun = () => {
    if (runFrom < 0 || !before) return
    const start = runFrom === 0 ? 1 : (before.ends[runFrom - 1] as number) + 1
    if (k > 0) {
      parts.push(COMMA)
      length += 1
    }
    const bytes = before.bytes.subarray(start, before.ends[runTo - 1])
    parts.push(bytes)
    const shift = length - start
    for (let t = runFrom; t < runTo; t++) ends[k++] = (before.ends[t] as number) + shift
    length += bytes.length
    runFrom = runTo = -1
  }
  const flushFresh = () => {
    if (fresh.length === 0) return
    const bytes = encodeItems(fresh, k > 0, length, ends, k)
    parts.push(bytes)
    length += bytes.length
    k += fresh.length
    fresh = []
  }
  let loose = false
  // The usual save: every item up to the change is the very same (frozen) object as last time.
  let head = 0
  if (before && !before.loose) while (head < n && head < m && items[head] === prev[head]) head++
  if (head > 0) {
    runFrom = 0
    runTo = head
  }
  let j = head
  let misses = 0
  let indexOf: Map<unknown, number> | null = null
  for (let i = head; i < n; i++) {
    const item = items[i]
    let at = -1
    if (j < m && same(item, prev[j])) at = j
    else if (j + 1 < m && same(item, prev[j + 1])) at = j + 1
    else if (m > 0 && ++misses > MISSES_BEFORE_LOOKUP && typeof item === 'object' && item !== null && Object.isFrozen(item)) {
      indexOf ??= new Map(prev.map((entry, index) => [entry, index]))
      at = indexOf.get(item) ?? -1
    }
    if (at < 0) {
      flushRun()
      fresh.push(itemJson(item))
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) loose = true
      continue
    }
    j = at + 1
    if (runFrom >= 0 && at === runTo) {
      runTo++
      continue
    }
    flushFresh()
    flushRun()
    runFrom = at
    runTo = at + 1
  }
  flushFresh()
  flushRun()
  parts.push(CLOSE_ARRAY)
  length += 1
  return { parts, length, ends, loose }
}

/** Items serialised per turn of the event loop while getting a record ready: about a millisecond's work. */
const ITEMS_PER_TURN = 1000

interface Preparation {
  memo: DocumentText
  doc: object
  /** The arrays still to do, each with what the memo held for it when asked (a write since wins). */
  arrays: { key: string; items: readonly unknown[]; held: ArrayText | undefined }[]
  /** The texts of the array under way, and whether an item of it is an object not frozen. */
  texts: string[]
  loose: boolean
}
/** One record is got ready at a time, a slice per turn: records opened together never add up within one turn. */
const queue: Preparation[] = []

/**
 * Remembers the bytes of `doc`'s arrays in `memo` in the background, a slice per turn of the event loop, so
 * the first save after the coach opened an athlete costs what a later one does (it would otherwise serialise
 * ten years of runs itself). Called for athletes a call opens, never for a pass over the squad. An array the
 * memo already holds (a saved version) is skipped, and a write meanwhile wins over what this got ready.
 */
export function prepareDocumentBytes(doc: unknown, memo: DocumentText): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return
  if (queue.some((p) => p.memo === memo && p.doc === doc)) return
  const arrays: Preparation['arrays'] = []
  for (const [key, items] of Object.entries(doc)) {
    if (!Array.isArray(items) || !Object.isFrozen(items)) continue
    const held = memo.arrays.get(key)
    if (held?.items !== items) arrays.push({ key, items, held })
  }
  if (arrays.length === 0) return
  queue.push({ memo, doc, arrays, texts: [], loose: false })
  if (queue.length === 1) setImmediate(step).unref()
}

/** Whether records are being got ready in the background (tests wait for it). */
export function preparing(): boolean {
  return queue.length > 0
}

function step(): void {
  const job = queue[0]
  if (!job) return
  let budget = ITEMS_PER_TURN
  while (budget > 0 && job.arrays.length) {
    const { key, items, held } = job.arrays[0]!
    const from = job.texts.length
    const to = Math.min(items.length, from + budget)
    for (let i = from; i < to; i++) {
      const item = items[i]
      job.texts.push(itemJson(item))
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) job.loose = true
    }
    budget -= Math.max(1, to - from)
    if (job.texts.length < items.length) break
    // Written since (the memo holds a newer version): that write already remembered what it needs.
    if (job.memo.arrays.get(key) === held) {
      const ends = new Uint32Array(items.length)
      const body = encodeItems(job.texts, false, 1, ends, 0)
      job.memo.arrays.set(key, { items, bytes: Buffer.concat([OPEN_ARRAY, body, CLOSE_ARRAY]), ends, loose: job.loose })
    }
    job.arrays.shift()
    job.texts = []
    job.loose = false
  }
  if (job.arrays.length === 0) queue.shift()
  if (queue.length) setImmediate(step).unref()
}
