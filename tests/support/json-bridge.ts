// The e2e harness carries each answer from the dispatcher to the page through Playwright's exposeBinding.
// Playwright serialises a returned object value by value in its own tagged format, which for the board's
// 1.7 MB answer (1,000 entries) took about a second; Electron's IPC structured-clones it in tens of ms.
// Every contract output is plain JSON data (no Dates, Maps or typed arrays in shared/api), so the harness
// sends an answer as one JSON text that the page parses: a faster copy that arrives the same.
//
// "The same" is checked, not assumed: an answer holding anything JSON would change (an undefined value,
// which JSON drops or turns into null; NaN, ±Infinity or -0; a Date or any other non-plain object; a sparse
// array; a cycle) is not turned into text, and goes through Playwright's own serialisation as before.

/** Deeper than any contract answer; beyond it (or a cycle) the answer takes Playwright's path. */
const MAX_DEPTH = 200

/**
 * Frozen objects found plain before: a frozen object cannot gain, lose or change a property, so it stays plain
 * if everything it holds is frozen too, which is checked before one is added (the dispatcher freezes the board's
 * entries once checked, and hands the same ones out again: their walk is then skipped).
 */
const frozenPlain = new WeakSet<object>()

function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object': {
      if (value === null || frozenPlain.has(value)) return true
      if (depth >= MAX_DEPTH) return false
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false
        for (let i = 0; i < value.length; i++) {
          // A hole reads as undefined: refused below, so a sparse array keeps Playwright's path.
          if (!isPlainJson(value[i], depth + 1)) return false
        }
      } else {
        const proto: unknown = Object.getPrototypeOf(value)
        if (proto !== Object.prototype && proto !== null) return false
        for (const key in value) {
          if (!Object.hasOwn(value, key)) return false
          if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false
        }
      }
      if (Object.isFrozen(value) && holdsOnlyFrozen(value)) frozenPlain.add(value)
      return true
    }
    default:
      // undefined, bigint, symbol, function
      return false
  }
}

/**
 * True when `value` holds only data properties (no getter, whose answer could change) and every object it holds
 * directly is frozen and known plain: then `value`, frozen, cannot change.
 */
function holdsOnlyFrozen(value: object): boolean {
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
    if (!('value' in descriptor)) return false
    const item: unknown = descriptor.value
    if (typeof item === 'object' && item !== null && !frozenPlain.has(item)) return false
  }
  return true
}

/**
 * The answer as JSON text when JSON.parse of that text gives back exactly the same value (plain objects,
 * arrays, strings, finite numbers other than -0, booleans, null); otherwise null.
 */
export function answerAsJson(value: unknown): string | null {
  return isPlainJson(value, 0) ? JSON.stringify(value) : null
}
