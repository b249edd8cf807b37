/**
 * Hostile payloads for the IPC fuzz (ipc-fuzz.test.ts): junk of every JSON and non-JSON shape, special
 * numbers and impossible dates, huge and deep values, prototype-pollution keys, and mutations of a valid
 * payload (one node replaced, deleted, wrapped, polluted). Pure: no services, no seeded state.
 */
import fc from 'fast-check'

/** Keys that reach an object's prototype when a payload is merged carelessly. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Defines an OWN enumerable property, even for "__proto__" (plain assignment would set the prototype). */
function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...POLLUTION_KEYS, 'toString', 'valueOf', 'hasOwnProperty', 'then') },
  { weight: 2, arbitrary: fc.constantFrom('id', 'athleteId', 'name', 'draft', 'run', 'runId', 'date', 'url', 'entries', 'token', 'rowNumbers', 'today') },
)

const specialNumberArb = fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 1e21, -1)

const badDateArb = fc.oneof(
  fc.constantFrom(
    '0000-00-00', '2024-02-30', '2023-02-29', '1899-12-31', '2201-01-01', '9999-12-31', '+275760-09-13', '-000001-01-01',
    '2024-13-01', '2024-1-1', '20240101', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024-01-01\u0000', '１９９０-０１-０１', 'yesterday', '',
  ),
  fc.constantFrom(new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(0)),
  fc.date({ noInvalidDate: false }),
  fc.integer().map((n) => new Date(n * 86_400_000)),
)

const hugeStringArb = fc
  .tuple(fc.integer({ min: 100_000, max: 300_000 }), fc.constantFrom('a', 'é', '😀', '\u0000', '<script>alert(1)</script>', '=HYPERLINK("http://x")', '../', '\uD800'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)))

const deepArb = fc.tuple(fc.integer({ min: 50, max: 5_000 }), fc.constantFrom('object', 'array', 'mixed', 'key')).map(([depth, shape]) => {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) {
    if (shape === 'object' || (shape === 'mixed' && i % 2)) v = { a: v }
    else if (shape === 'key') v = { id: v, name: v === 'bottom' ? 'x' : 'y', draft: i % 3 ? v : undefined }
    else v = [v]
  }
  return v
})

const POLLUTION_JSON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":null}',
  '[{"__proto__":{"polluted":"yes"}}]',
  '{"id":{"__proto__":{"polluted":"yes"}}}',
  '{"draft":{"__proto__":{"polluted":"yes"},"name":"x","sex":"female","dateOfBirth":null}}',
  '{"athleteId":"ath-abc","run":{"__proto__":{"polluted":"yes"},"date":"2025-01-01","distanceKm":5}}',
  '{"__proto__":{"toString":"boom","valueOf":"boom"}}',
  '{"constructor":{"name":"Object"},"__proto__":[]}',
]
/** Parsed fresh every time, so each payload carries its own "__proto__" as an own property. */
const pollutionArb = fc.constantFrom(...POLLUTION_JSON).map((text) => JSON.parse(text) as unknown)

const anythingArb = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  key: keyArb,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
})

export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anythingArb },
  { weight: 2, arbitrary: specialNumberArb },
  { weight: 2, arbitrary: badDateArb },
  { weight: 1, arbitrary: hugeStringArb },
  { weight: 1, arbitrary: deepArb },
  { weight: 2, arbitrary: pollutionArb },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, '', 0, false, true, [], {}, [[]], [{}], () => 1, Symbol('x')) },
)

type Op = 'replace' | 'delete' | 'add-key' | 'wrap-array' | 'pollute' | 'array-for-object'
export interface Mutation {
  at: number
  op: Op
  value: unknown
  key: string
  pollutionKey: (typeof POLLUTION_KEYS)[number]
}
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>('replace', 'replace', 'replace', 'delete', 'add-key', 'wrap-array', 'pollute', 'array-for-object'),
  value: fc.oneof({ weight: 4, arbitrary: junkArb }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: fc.double() }),
  key: keyArb,
  pollutionKey: fc.constantFrom(...POLLUTION_KEYS),
})

interface Node {
  parent: Record<string, unknown> | unknown[] | null
  key: string | number
  value: unknown
}

function nodesOf(root: unknown): Node[] {
  const out: Node[] = [{ parent: null, key: '', value: root }]
  const visit = (v: unknown) => {
    const children: [string | number, unknown][] = Array.isArray(v) ? v.map((c, i) => [i, c]) : v && typeof v === 'object' ? Object.entries(v) : []
    for (const [key, value] of children) {
      out.push({ parent: v as Record<string, unknown> | unknown[], key, value })
      visit(value)
    }
  }
  visit(root)
  return out
}

/** Applies one mutation to a copy of a valid payload. */
export function mutate(valid: unknown, m: Mutation): unknown {
  if (valid === undefined) return m.value
  const root = structuredClone(valid)
  const node = nodesOf(root)[m.at % nodesOf(root).length]!
  const set = (value: unknown): unknown => {
    if (!node.parent) return value
    ;(node.parent as Record<string | number, unknown>)[node.key] = value
    return root
  }
  const objectHere = node.value && typeof node.value === 'object' && !Array.isArray(node.value) ? (node.value as object) : null
  switch (m.op) {
    case 'replace':
      return set(m.value)
    case 'delete':
      if (!node.parent) return undefined
      if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1)
      else delete node.parent[node.key as string]
      return root
    case 'add-key':
      defineOwn(objectHere ?? (root && typeof root === 'object' ? root : {}), m.key, m.value)
      return root
    case 'wrap-array':
      return set([node.value])
    case 'pollute':
      defineOwn(objectHere ?? (root && typeof root === 'object' ? root : {}), m.pollutionKey, JSON.parse('{"polluted":"yes","__proto__":{"polluted":"deep"}}'))
      return root
    case 'array-for-object':
      return set(objectHere ? [objectHere] : [])
  }
}
