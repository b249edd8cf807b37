import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { athleteKind, validateAthleteChange } from '../../../electron/services/store/kinds'
import { deepFreeze } from '../../../electron/services/store/document'
import { AthleteDocument } from '../../../shared/domain/documents'

const run = (id: string, km: number) => ({ id, date: '2026-03-02', distanceKm: km, createdAt: 'x', updatedAt: 'x' })

describe('incremental validation of athlete records', () => {
  const base = deepFreeze({ ...athleteKind('ath-one', 'One').create(), runs: [run('run-a', 5), run('run-b', 6)] }) as AthleteDocument
  it('accepts a valid new run and keeps unchanged entries as the same objects', () => {
    const next = { ...base, runs: [...base.runs, run('run-c', 7)] }
    const res = validateAthleteChange(next, base)
    expect(res.success).toBe(true)
    if (res.success) {
      expect(res.data.runs[0]).toBe(base.runs[0])
      expect(res.data.runs).toHaveLength(3)
    }
  })
  it('rejects an invalid new or changed entry with its path', () => {
    const next = { ...base, runs: [base.runs[0]!, { ...base.runs[1]!, distanceKm: -1 }] }
    const res = validateAthleteChange(next, base)
    expect(res.success).toBe(false)
    if (!res.success) expect(res.error.issues[0]!.path).toEqual(['runs', 1, 'distanceKm'])
  })
  it('agrees with the full schema on the document shell', () => {
    const next = { ...base, athleteId: 'Not An Id' }
    expect(validateAthleteChange(next, base).success).toBe(athleteKind('x', 'x').schema.safeParse(next).success)
    expect(validateAthleteChange({ ...base, extra: 1 } as never, base).success).toBe(false)
  })
  it('live data is frozen, so an in-place update throws instead of half-changing it', () => {
    expect(() => (base.runs as unknown as unknown[]).push(run('run-z', 1))).toThrow(TypeError)
  })
})

describe('incremental validation agrees with the whole schema', () => {
  const runs = Array.from({ length: 12 }, (_, i) => run(`run-${i}`, i + 1))
  const base = deepFreeze({ ...athleteKind('ath-one', 'One').create(), runs }) as AthleteDocument
  type Op = ['add-valid' | 'add-invalid' | 'remove' | 'move' | 'hole', number, number]
  const op = fc.tuple(fc.constantFrom('add-valid', 'add-invalid', 'remove', 'move', 'hole'), fc.nat(20), fc.nat(20)) as fc.Arbitrary<Op>
  it('accepts and refuses the same documents, unchanged entries trusted wherever they moved', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), (ops) => {
        const list: unknown[] = [...base.runs]
        for (const [kind, a, b] of ops) {
          const at = a % (list.length + 1)
          if (kind === 'add-valid') list.splice(at, 0, run(`run-new-${a}-${b}`, 3))
          else if (kind === 'add-invalid') list.splice(at, 0, { ...run(`run-bad-${a}`, 3), distanceKm: -b - 1 })
          else if (kind === 'hole') list.splice(at, 0, undefined)
          else if (list.length && kind === 'remove') list.splice(a % list.length, 1)
          else if (list.length) list.splice(b % list.length, 0, list.splice(a % list.length, 1)[0])
        }
        const next = { ...base, runs: list } as AthleteDocument
        const whole = AthleteDocument.safeParse(next)
        const incremental = validateAthleteChange(next, base)
        expect(incremental.success).toBe(whole.success)
        if (whole.success && incremental.success) expect(incremental.data).toEqual(whole.data)
        if (!whole.success && !incremental.success) expect(incremental.error.issues[0]!.path.slice(0, 2)).toEqual(whole.error.issues[0]!.path.slice(0, 2))
      }),
      { numRuns: 300 },
    )
  })
  it('trusts unchanged entries after many moves without parsing them again (a re-sorted log)', () => {
    const next = { ...base, runs: [...base.runs].reverse() }
    const res = validateAthleteChange(next, base)
    expect(res.success).toBe(true)
    // The first few out of place are parsed as if new (cheap for the one or two a save moves), the rest looked up.
    if (res.success) expect(res.data.runs.filter((r, i) => r !== next.runs[i]).length).toBeLessThanOrEqual(4)
  })
})
