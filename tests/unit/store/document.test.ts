import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { assertMigrationsComplete, type DocumentKind, interpretDocument } from '../../../electron/services/store/document'
import { squadKind } from '../../../electron/services/store/kinds'

type V3 = { schemaVersion: 3; name: string; tags: string[]; count: number }
const kindV3: DocumentKind<V3> = {
  label: 'test doc',
  currentVersion: 3,
  schema: z.strictObject({ schemaVersion: z.literal(3), name: z.string(), tags: z.array(z.string()), count: z.number() }) as z.ZodType<V3>,
  migrations: {
    1: (d) => ({ ...d, tags: String(d['tag'] ?? '').split(',').filter(Boolean), tag: undefined }),
    2: (d) => ({ ...d, count: (d['tags'] as string[]).length }),
  },
  create: () => ({ schemaVersion: 3, name: '', tags: [], count: 0 }),
}

describe('interpretDocument', () => {
  it('migrates old versions step by step, in order', () => {
    const out = interpretDocument(JSON.stringify({ schemaVersion: 1, name: 'a', tag: 'x,y' }), {
      ...kindV3,
      migrations: { 1: (d) => { const { tag, ...rest } = d; return { ...rest, tags: String(tag).split(',') } }, 2: kindV3.migrations[2]! },
    })
    expect(out).toEqual({ kind: 'ok', migratedFrom: 1, data: { schemaVersion: 3, name: 'a', tags: ['x', 'y'], count: 2 } })
  })
  it('refuses a file from a newer version instead of reading it', () => {
    expect(interpretDocument(JSON.stringify({ schemaVersion: 4, name: 'a' }), kindV3)).toEqual({ kind: 'newer', version: 4 })
  })
  it.each([
    ['', 'empty'],
    ['{"schemaVersion": 3, "name": "tru', 'not valid JSON'],
    ['[1,2]', 'JSON object'],
    ['{"name":"x"}', 'schemaVersion'],
    ['{"schemaVersion":3,"name":5,"tags":[],"count":0}', 'name'],
  ])('classifies damaged text %j', (text, why) => {
    const out = interpretDocument(text, kindV3)
    expect(out.kind).toBe('damaged')
    expect(out.kind === 'damaged' && out.reason).toContain(why)
  })
  it('reports a missing file as missing, not damaged', () => {
    expect(interpretDocument(null, kindV3)).toEqual({ kind: 'missing' })
  })
  it('checks migration registries are complete', () => {
    expect(() => assertMigrationsComplete(kindV3 as never)).not.toThrow()
    expect(() => assertMigrationsComplete({ ...kindV3, migrations: { 1: kindV3.migrations[1]! } } as never)).toThrow(/from version 2/)
    expect(() => assertMigrationsComplete(squadKind as never)).not.toThrow()
  })
})
