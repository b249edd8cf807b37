import { describe, expect, it } from 'vitest'
import { athleteKind, validateAthleteChange } from '../../../electron/services/store/kinds'
import { deepFreeze } from '../../../electron/services/store/document'
import type { AthleteDocument } from '../../../shared/domain/documents'

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
