import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deepFreeze } from '../../../electron/services/store/document'
import { documentBytes, prepareDocumentBytes } from '../../../electron/services/store/json-text'

const documentJson = (doc: unknown) => documentBytes(doc).toString('utf8')

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
      fc.property(doc, fc.array(fc.tuple(fc.nat(), record), { maxLength: 3 }), (first, edits) => {
        const before = deepFreeze(first)
        expect(documentJson(before)).toBe(JSON.stringify(before))
        // The next version shares its unchanged records with the one just written (as a save's does).
        const runs = [...before.runs]
        for (const [at, value] of edits) runs.splice(at % (runs.length + 1), runs.length ? 1 : 0, value)
        const after = deepFreeze({ ...before, runs, extra: undefined, fn: () => 1 })
        expect(documentJson(after)).toBe(JSON.stringify(after))
        expect(documentBytes(after, '\n').equals(Buffer.from(`${JSON.stringify(after)}\n`))).toBe(true)
      }),
    )
  })

  it('serialises a frozen record once and an edited record afresh', () => {
    const old = deepFreeze({ id: 'run-1', km: 5 })
    const first = deepFreeze({ schemaVersion: 1, runs: [old] })
    expect(documentJson(first)).toBe('{"schemaVersion":1,"runs":[{"id":"run-1","km":5}]}')
    const spy = JSON.stringify
    const seen: unknown[] = []
    JSON.stringify = ((value: unknown, ...rest: []) => (seen.push(value), spy(value, ...rest))) as typeof JSON.stringify
    try {
      const edited = deepFreeze({ ...old, km: 6 })
      expect(documentJson(deepFreeze({ schemaVersion: 1, runs: [old, edited] }))).toBe('{"schemaVersion":1,"runs":[{"id":"run-1","km":5},{"id":"run-1","km":6}]}')
    } finally {
      JSON.stringify = spy
    }
    expect(seen).not.toContain(old)
    expect(seen.filter((v) => typeof v === 'object' && v !== null && (v as { km?: number }).km === 6)).toHaveLength(1)
  })

  it('serialises records that are not frozen every time (they could still change)', () => {
    const loose = { id: 'run-2', km: 5 }
    const list = Object.freeze([loose])
    expect(documentJson({ runs: list })).toBe('{"runs":[{"id":"run-2","km":5}]}')
    loose.km = 7
    expect(documentJson({ runs: list })).toBe('{"runs":[{"id":"run-2","km":7}]}')
  })

  it('an opened record is got ready in the background: its first save serialises only the new record', async () => {
    const runs = Array.from({ length: 1200 }, (_, i) => deepFreeze({ id: `run-${i}`, km: i }))
    const opened = deepFreeze({ schemaVersion: 1, runs })
    prepareDocumentBytes(opened)
    // Three turns of the event loop cover 1,200 records (a few hundred per turn).
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
    const added = deepFreeze({ id: 'run-new', km: 1 })
    const next = deepFreeze({ ...opened, runs: [...runs, added] })
    const spy = JSON.stringify
    const seen: unknown[] = []
    JSON.stringify = ((value: unknown, ...rest: []) => (seen.push(value), spy(value, ...rest))) as typeof JSON.stringify
    let bytes: Buffer
    try {
      bytes = documentBytes(next)
    } finally {
      JSON.stringify = spy
    }
    expect(bytes.toString('utf8')).toBe(JSON.stringify(next))
    expect(seen.filter((v) => runs.includes(v as never))).toEqual([])
    expect(seen).toContain(added)
  })
})
