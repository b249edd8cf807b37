import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerAsJson } from '../../support/json-bridge'

// The e2e harness sends an answer to the page as JSON text only when parsing that text gives back the very
// same value; anything else keeps Playwright's own serialisation (tests/support/harness.ts).

describe('answers carried to the page as JSON text', () => {
  it('carries plain data, and what the page parses equals what the dispatcher answered', () => {
    const answer = {
      ok: true,
      value: { today: '2026-11-22', athletes: [{ id: 'a-1', sparkline: [{ km: 1.5, maxPain: null }], locked: false, reasons: [] }], nested: [[1, 'two', { three: 3 }]] },
    }
    const text = answerAsJson(answer)
    expect(text).not.toBeNull()
    expect(JSON.parse(text!)).toStrictEqual(answer)
    expect(answerAsJson({ ok: false, error: { code: 'internal', message: 'x' } })).not.toBeNull()
  })

  it.each<[string, unknown]>([
    ['a key whose value is undefined (JSON would drop the key)', { ok: true, value: { a: 1, b: undefined } }],
    ['undefined in an array (JSON would make it null)', { ok: true, value: [1, undefined] }],
    ['a sparse array', { ok: true, value: new Array<number>(2) }],
    ['NaN', { ok: true, value: Number.NaN }],
    ['Infinity', { ok: true, value: [Number.POSITIVE_INFINITY] }],
    ['-0', { ok: true, value: { km: -0 } }],
    ['a Date', { ok: true, value: { at: new Date(0) } }],
    ['a Map', { ok: true, value: new Map([[1, 2]]) }],
    ['a typed array', { ok: true, value: new Uint8Array(2) }],
    ['a class instance', { ok: true, value: new (class Point { x = 1 })() }],
    ['a bigint', { ok: true, value: 1n }],
    ['a function', { ok: true, value: () => 1 }],
    ['undefined itself', undefined],
  ])('leaves %s to Playwright', (_what, answer) => {
    expect(answerAsJson(answer)).toBeNull()
  })

  it('leaves a cycle to Playwright instead of overflowing', () => {
    const looped: Record<string, unknown> = { ok: true }
    looped['value'] = looped
    expect(answerAsJson(looped)).toBeNull()
  })

  it('never changes a value it sends as text (any value fast-check makes)', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true }), (value) => {
        const text = answerAsJson(value)
        if (text !== null) expect(JSON.parse(text)).toStrictEqual(value)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('frozen answers found plain before', () => {
  it('are not walked again, yet a frozen object that holds something unfrozen is walked every time', () => {
    const entry = Object.freeze({ id: 'a-1', reasons: Object.freeze([Object.freeze({ text: 'x' })]) })
    expect(answerAsJson({ ok: true, value: [entry] })).not.toBeNull()
    expect(JSON.parse(answerAsJson({ ok: true, value: [entry, entry] })!)).toStrictEqual({ ok: true, value: [entry, entry] })
    // Frozen on the outside only: what it holds can change, so it must be looked at again.
    const inner: { km: unknown } = { km: 1 }
    const shallow = Object.freeze({ inner })
    expect(answerAsJson({ ok: true, value: shallow })).not.toBeNull()
    inner.km = undefined
    expect(answerAsJson({ ok: true, value: shallow })).toBeNull()
    inner.km = -0
    expect(answerAsJson({ ok: true, value: shallow })).toBeNull()
    // A getter's answer can change even on a frozen object.
    let km: unknown = 1
    const withGetter = Object.freeze({ get km() { return km } })
    expect(answerAsJson({ ok: true, value: withGetter })).not.toBeNull()
    km = undefined
    expect(answerAsJson({ ok: true, value: withGetter })).toBeNull()
  })
})
