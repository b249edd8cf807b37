import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deepFreeze } from '../../../electron/services/store/document'
import { documentBytes, DocumentText, prepareDocumentBytes, preparing } from '../../../electron/services/store/json-text'

const documentJson = (doc: unknown, memo?: DocumentText) => documentBytes(doc, '', memo).toString('utf8')

/** Every value JSON.stringify is asked to write while `fn` runs. */
function stringified(fn: () => void): unknown[] {
  const spy = JSON.stringify
  const seen: unknown[] = []
  JSON.stringify = ((value: unknown, ...rest: []) => (seen.push(value), spy(value, ...rest))) as typeof JSON.stringify
  try {
    fn()
  } finally {
    JSON.stringify = spy
  }
  return seen
}

const turn = () => new Promise((resolve) => setImmediate(resolve))
async function prepared(): Promise<void> {
  for (let i = 0; i < 1000 && preparing(); i++) await turn()
}

/**
 * documentBytes reuses the text of unchanged records between saves; the files it writes must stay exactly
 * what JSON.stringify wrote before (older CalfCoach versions and sync tools read them).
 */
// Any characters, lone surrogates too: the bytes must be what JSON.stringify's text encodes to.
const text = fc.string({ unit: 'binary', maxLength: 6 })
const record = fc.dictionary(text, fc.oneof(fc.jsonValue({ maxDepth: 2 }), text), { maxKeys: 5 })
const doc = fc.record({
  schemaVersion: fc.integer(),
  name: fc.option(text, { nil: undefined }),
  runs: fc.array(record, { maxLength: 8 }),
  plans: fc.array(fc.oneof(record, fc.constant(null), fc.constant(undefined), fc.integer()), { maxLength: 4 }),
  settings: record,
})

describe('documentBytes', () => {
  it('writes exactly what JSON.stringify writes, before and after records change', () => {
    fc.assert(
      fc.property(doc, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.array(record, { maxLength: 2 })), { maxLength: 4 }), (first, edits) => {
        const memo = new DocumentText()
        const before = deepFreeze(first)
        expect(documentJson(before, memo)).toBe(JSON.stringify(before))
        // Each next version shares its unchanged records with the one just written (as a save's does):
        // records added, removed or replaced anywhere, several versions in a row.
        let current: typeof before = before
        for (const [at, removed, added] of edits) {
          const runs = [...current.runs]
          runs.splice(at % (runs.length + 1), removed, ...added)
          current = deepFreeze({ ...current, runs, extra: undefined, fn: () => 1 })
          expect(documentJson(current, memo)).toBe(JSON.stringify(current))
        }
        expect(documentBytes(current, '\n', memo).equals(Buffer.from(`${JSON.stringify(current)}\n`))).toBe(true)
      }),
    )
  })

  it('serialises a frozen record once and an edited record afresh', () => {
    const memo = new DocumentText()
    const old = deepFreeze({ id: 'run-1', km: 5 })
    const first = deepFreeze({ schemaVersion: 1, runs: [old] })
    expect(documentJson(first, memo)).toBe('{"schemaVersion":1,"runs":[{"id":"run-1","km":5}]}')
    const edited = deepFreeze({ ...old, km: 6 })
    const seen = stringified(() => {
      expect(documentJson(deepFreeze({ schemaVersion: 1, runs: [old, edited] }), memo)).toBe('{"schemaVersion":1,"runs":[{"id":"run-1","km":5},{"id":"run-1","km":6}]}')
    })
    expect(seen).not.toContain(old)
    expect(seen.filter((v) => typeof v === 'object' && v !== null && (v as { km?: number }).km === 6)).toHaveLength(1)
  })

  it('serialises records that are not frozen every time (they could still change)', () => {
    const memo = new DocumentText()
    const loose = { id: 'run-2', km: 5 }
    const list = Object.freeze([loose])
    expect(documentJson({ runs: list }, memo)).toBe('{"runs":[{"id":"run-2","km":5}]}')
    loose.km = 7
    expect(documentJson({ runs: list }, memo)).toBe('{"runs":[{"id":"run-2","km":7}]}')
  })

  it('a record got ready in the background with an item not frozen serialises that item again', async () => {
    const memo = new DocumentText()
    const loose = { id: 'run-3', km: 5 }
    const list = Object.freeze([deepFreeze({ id: 'run-1' }), loose])
    prepareDocumentBytes({ runs: list }, memo)
    await prepared()
    loose.km = 8
    expect(documentJson({ runs: list }, memo)).toBe('{"runs":[{"id":"run-1"},{"id":"run-3","km":8}]}')
  })

  it('a record edited or removed in the middle: only that record is serialised, those around it are reused', () => {
    const memo = new DocumentText()
    const runs = Array.from({ length: 50 }, (_, i) => deepFreeze({ id: `run-${i}`, note: i % 7 ? 'ok' : 'très bien ✓' }))
    documentBytes(deepFreeze({ schemaVersion: 1, runs }), '', memo)
    const edited = deepFreeze({ id: 'run-20', note: 'edited ✓' })
    const next = deepFreeze({ schemaVersion: 1, runs: runs.map((r, i) => (i === 20 ? edited : r)).filter((_, i) => i !== 35) })
    let text = ''
    const seen = stringified(() => {
      text = documentJson(next, memo)
    })
    expect(text).toBe(JSON.stringify(next))
    expect(seen.filter((v) => runs.includes(v as never))).toEqual([])
    expect(seen).toContain(edited)
  })

  it('an opened record is got ready in the background: its first save serialises only the new record', async () => {
    const runs = Array.from({ length: 1200 }, (_, i) => deepFreeze({ id: `run-${i}`, km: i }))
    const opened = deepFreeze({ schemaVersion: 1, runs })
    const memo = new DocumentText()
    prepareDocumentBytes(opened, memo)
    await prepared()
    const added = deepFreeze({ id: 'run-new', km: 1 })
    const next = deepFreeze({ ...opened, runs: [...runs, added] })
    let bytes: Buffer = Buffer.alloc(0)
    const seen = stringified(() => {
      bytes = documentBytes(next, '', memo)
    })
    expect(bytes.toString('utf8')).toBe(JSON.stringify(next))
    expect(seen.filter((v) => runs.includes(v as never))).toEqual([])
    expect(seen).toContain(added)
  })

  it('records opened together are got ready one slice per turn, not one slice each', async () => {
    const docs = Array.from({ length: 5 }, (_, d) => deepFreeze({ schemaVersion: 1, runs: Array.from({ length: 1500 }, (_, i) => ({ id: `run-${d}-${i}` })) }))
    const memos = docs.map(() => new DocumentText())
    const perTurn: number[] = []
    const spy = JSON.stringify
    // Only this test's records count: unit files share a worker, and another file's background work (a cache
    // write, a flush) may call JSON.stringify during these turns.
    const records = new Set<unknown>(docs.flatMap((d) => d.runs))
    let count = 0
    JSON.stringify = ((value: unknown, ...rest: []) => (records.has(value) && count++, spy(value, ...rest))) as typeof JSON.stringify
    try {
      docs.forEach((doc, i) => prepareDocumentBytes(doc, memos[i]!))
      while (preparing()) {
        count = 0
        await turn()
        perTurn.push(count)
      }
    } finally {
      JSON.stringify = spy
    }
    // 7,500 records in all, at most a thousand in any one turn of the event loop.
    expect(perTurn.reduce((a, b) => a + b, 0)).toBe(7500)
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(1000)
    for (const [i, doc] of docs.entries()) expect(documentBytes(doc, '', memos[i]).toString()).toBe(JSON.stringify(doc))
  })

  it('a save while its record is being got ready wins: the older version never replaces what it wrote', async () => {
    const runs = Array.from({ length: 3000 }, (_, i) => deepFreeze({ id: `run-${i}` }))
    const opened = deepFreeze({ schemaVersion: 1, runs })
    const memo = new DocumentText()
    prepareDocumentBytes(opened, memo)
    await turn()
    const saved = deepFreeze({ ...opened, runs: [...runs, deepFreeze({ id: 'run-new' })] })
    documentBytes(saved, '', memo)
    await prepared()
    const seen = stringified(() => {
      expect(documentJson(deepFreeze({ ...saved, runs: [...saved.runs] }), memo)).toBe(JSON.stringify(saved))
    })
    // Every record, the one saved too, comes from what that save wrote.
    expect(seen.filter((v) => Array.isArray(v) || (typeof v === 'object' && v !== null && 'id' in v))).toEqual([])
  })
})
