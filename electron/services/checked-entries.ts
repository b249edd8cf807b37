import { z } from 'zod'

// The dispatcher checks every answer against the contract before it leaves main, so a bug can never send a
// broken one. The board's answer is 1,000 strict entries at a big club, and most of them are the very objects
// the last board answered (the triage service hands out an athlete's entry again while their facts, name,
// groups and lock are unchanged): checking all of them again was most of a board request's work after a save.
//
// So entries of a list answer are checked once per entry object. What makes skipping one sound is that it
// cannot have changed since it was checked: a checked entry is deep-frozen (the object handed in, and the
// checked copy that is sent), so an entry seen again by identity holds exactly what was checked. Anything
// new, or not an object, is checked in full; an answer whose entry fails is checked again as a whole, so the
// error (and its field paths) is the contract's own.

/** Freezes a plain value and everything it holds (an object frozen already may still hold unfrozen ones). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  Object.freeze(value)
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  return value
}

/** What the dispatcher runs on a handler's answer: `schema.safeParse` or one equal to it. */
export type OutputCheck = (value: unknown) => { success: true; data: unknown } | { success: false; error: z.ZodError }

/**
 * An output check equal to `schema.safeParse` for an object schema whose `field` is an array, that skips the
 * entries of that array it checked before (same object, frozen since). The entry schema is the contract's own,
 * read from `schema`, so the two cannot drift apart.
 */
export function checkEntriesOnce(schema: z.ZodType, field: string): OutputCheck {
  if (!(schema instanceof z.ZodObject)) throw new Error(`checkEntriesOnce needs an object schema (field ${field})`)
  const list: unknown = (schema.shape as Record<string, unknown>)[field]
  if (!(list instanceof z.ZodArray)) throw new Error(`checkEntriesOnce: ${field} is not an array in the schema`)
  const entry = list.element as z.ZodType
  // The answer with the list's entries left unchecked (its other fields, strictness and the list itself are).
  const shell = schema.extend({ [field]: z.array(z.unknown()) })
  const checked = new WeakMap<object, unknown>()
  return (value) => {
    const head = shell.safeParse(value)
    if (!head.success) return schema.safeParse(value)
    const entries = (head.data as Record<string, unknown[]>)[field] as unknown[]
    const out: unknown[] = new Array(entries.length)
    for (let i = 0; i < entries.length; i++) {
      const item = entries[i]
      const known = typeof item === 'object' && item !== null ? checked.get(item) : undefined
      if (known !== undefined) {
        out[i] = known
        continue
      }
      const result = entry.safeParse(item)
      if (!result.success) return schema.safeParse(value)
      if (typeof item === 'object' && item !== null) {
        deepFreeze(item)
        checked.set(item, deepFreeze(result.data))
      }
      out[i] = result.data
    }
    return { success: true, data: { ...(head.data as object), [field]: out } }
  }
}
