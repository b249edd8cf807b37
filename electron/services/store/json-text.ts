/**
 * The bytes of a frozen document as JSON, exactly what `JSON.stringify` writes (UTF-8), made without
 * serialising or encoding the records it already did: saving one run to an athlete with ten years of daily
 * runs otherwise stringifies 3,650 unchanged runs and encodes 0.7 MB of text (together most of a save's CPU).
 * The encoded text of every frozen item of a top-level array (a run, an assessment, a plan…) is remembered
 * by the item object itself, so an edit (which makes a new object, the old one being frozen) is serialised
 * afresh and an unchanged item never again. The memory goes with the items (a WeakMap): an athlete who
 * leaves memory takes its texts along, and one only read (never saved) holds none.
 *
 * Relies on what JsonDocument guarantees: its data is frozen deeply (deepFreeze), so an item that is frozen
 * can never serialise differently later. Anything not frozen is serialised every time.
 */
const itemBytes = new WeakMap<object, Buffer>()
const COMMA = Buffer.from(',')
const OPEN_ARRAY = Buffer.from('[')
const CLOSE_ARRAY = Buffer.from(']')
const OPEN_OBJECT = Buffer.from('{')
const CLOSE_OBJECT = Buffer.from('}')
const NULL = Buffer.from('null')

/** `${JSON.stringify(doc)}${end}` as UTF-8 bytes. */
export function documentBytes(doc: unknown, end = ''): Buffer {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || typeof (doc as { toJSON?: unknown }).toJSON === 'function') {
    return Buffer.from(`${JSON.stringify(doc)}${end}`)
  }
  const parts: Buffer[] = [OPEN_OBJECT]
  for (const key of Object.keys(doc)) {
    const value = (doc as Record<string, unknown>)[key]
    if (Array.isArray(value) && Object.isFrozen(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
      if (parts.length > 1) parts.push(COMMA)
      parts.push(Buffer.from(`${JSON.stringify(key)}:`))
      arrayParts(value, parts)
      continue
    }
    // JSON.stringify leaves out fields it cannot write (undefined, functions, symbols).
    const text = JSON.stringify(value) as string | undefined
    if (text === undefined) continue
    if (parts.length > 1) parts.push(COMMA)
    parts.push(Buffer.from(`${JSON.stringify(key)}:${text}`))
  }
  parts.push(CLOSE_OBJECT)
  if (end) parts.push(Buffer.from(end))
  return Buffer.concat(parts)
}

function arrayParts(items: readonly unknown[], parts: Buffer[]): void {
  parts.push(OPEN_ARRAY)
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA)
    parts.push(itemPart(items[i]))
  }
  parts.push(CLOSE_ARRAY)
}

/** Documents whose items were (or are being) remembered ahead of a save. */
const prepared = new WeakSet<object>()
/** Items remembered per turn of the event loop: a 10-year record is prepared without holding a call up. */
const ITEMS_PER_TURN = 500

/**
 * Remembers the bytes of every frozen item of `doc` in the background, a few hundred per turn of the event
 * loop, so the first save after the coach opened an athlete costs what a later one does (it would otherwise
 * serialise ten years of runs itself). Called for athletes a call opens, never for a pass over the squad.
 */
export function prepareDocumentBytes(doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || prepared.has(doc)) return
  prepared.add(doc)
  // A list whose first and last items are remembered is a saved version of one already prepared: a call
  // after each save would otherwise walk ten years of runs again for nothing.
  const ready = (list: unknown[]) => list.length === 0 || (isRemembered(list[0]) && isRemembered(list[list.length - 1]))
  const items = Object.values(doc)
    .filter((v): v is unknown[] => Array.isArray(v) && Object.isFrozen(v) && !ready(v))
    .flat()
  const step = (from: number) => {
    const to = Math.min(items.length, from + ITEMS_PER_TURN)
    for (let i = from; i < to; i++) itemPart(items[i])
    if (to < items.length) setImmediate(step, to).unref()
  }
  setImmediate(step, 0).unref()
}

function isRemembered(item: unknown): boolean {
  return item !== null && typeof item === 'object' && itemBytes.has(item)
}

function itemPart(item: unknown): Buffer {
  if (item === null || typeof item !== 'object') {
    // Inside an array JSON writes what it cannot represent as null.
    const text = JSON.stringify(item) as string | undefined
    return text === undefined ? NULL : Buffer.from(text)
  }
  // Only frozen items are remembered, and a frozen object stays frozen: a hit needs no second check.
  const known = itemBytes.get(item)
  if (known) return known
  const text = JSON.stringify(item) as string | undefined
  const bytes = text === undefined ? NULL : Buffer.from(text)
  if (Object.isFrozen(item)) itemBytes.set(item, bytes)
  return bytes
}
