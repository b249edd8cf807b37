import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  compareLatest,
  deleteAssessment,
  diagnoseDraft,
  listAssessments,
  prefillAthlete,
  saveAssessment,
} from '../../../electron/services/assessments/assessment-service'
import { loadDemoSquad } from '../../../electron/services/demo/demo-service'
import type { SavedAssessment } from '../../../shared/api/channels/assessments'
import { DomainError } from '../../../shared/api/result'
import type { AssessmentInput } from '../../../shared/assessment/schema'
import { setup, ok } from '../runs/helpers'

/** A clock that moves one minute per call, so createdAt/updatedAt differ between saves. */
function tickingClock(start = '2026-03-10T09:00:00.000Z') {
  let t = Date.parse(start)
  return () => new Date((t += 60_000))
}

const overload: AssessmentInput = {
  symptoms: { location: 'calf', onset: 'gradual', swelling: false, numbnessOrTingling: false },
  screening: { kneeToWallCm: { left: 6, right: 11 }, singleLegHeelRaiseReps: { left: 20, right: 22 } },
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected the call to be rejected')
}

describe('assessment service', () => {
  it('saves a new assessment with the profile pre-filled and returns its diagnosis', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Ada Byrne', { sex: 'female', dateOfBirth: '1990-05-01' })
    const saved = await saveAssessment(t.services, id, { date: '2025-04-30', input: overload, note: 'first screen' })
    expect(saved.id).toMatch(/^asm-/)
    expect(saved.input.athlete).toEqual({ sex: 'female', ageYears: 34 }) // the day before the 35th birthday
    expect(saved.diagnosis.factors.map((f) => f.id)).toContain('restricted-ankle-dorsiflexion')
    const stored = t.services.db.athleteDoc(id).data.assessments
    expect(stored).toHaveLength(1)
    expect(stored[0]).toEqual({ id: saved.id, date: '2025-04-30', input: saved.input, note: 'first screen', createdAt: saved.createdAt, updatedAt: saved.createdAt })
    // Only the answers are stored; the diagnosis is always recomputed.
    expect(JSON.parse(readFileSync(t.services.db.athleteFile(id), 'utf8')).assessments[0]).not.toHaveProperty('diagnosis')
  })

  it('pre-fill uses the age on the assessment date and never overrides what the coach recorded', () => {
    const athlete = { sex: 'male' as const, dateOfBirth: '1990-05-01' }
    expect(prefillAthlete({}, athlete, '2025-05-01').athlete).toEqual({ sex: 'male', ageYears: 35 })
    expect(prefillAthlete({ athlete: { sex: 'female' } }, athlete, '2025-05-01').athlete).toEqual({ sex: 'female', ageYears: 35 })
    expect(prefillAthlete({ athlete: { ageYears: 50 } }, athlete, '2025-05-01').athlete).toEqual({ sex: 'male', ageYears: 50 })
    expect(prefillAthlete({}, { sex: 'female', dateOfBirth: null }, '2025-05-01').athlete).toEqual({ sex: 'female' })
    // A date of birth that gives an age the contract does not accept is left out rather than saved invalid.
    expect(prefillAthlete({}, { sex: 'female', dateOfBirth: '2020-01-01' }, '2025-05-01').athlete).toEqual({ sex: 'female' })
    const complete: AssessmentInput = { athlete: { sex: 'male', ageYears: 40 } }
    expect(prefillAthlete(complete, athlete, '2025-05-01')).toBe(complete)
  })

  it('updates an assessment in place: same id and createdAt, new date, answers, note and updatedAt', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Ben Okafor', { sex: 'male', dateOfBirth: '1985-01-10' })
    const first = await saveAssessment(t.services, id, { date: '2026-03-01', input: overload })
    const edited = await saveAssessment(t.services, id, {
      id: first.id,
      date: '2026-03-02',
      input: { ...overload, symptoms: { ...overload.symptoms, swelling: true } },
      note: 'swelling noticed',
    })
    expect(edited.id).toBe(first.id)
    expect(edited.createdAt).toBe(first.createdAt)
    expect(edited.updatedAt > first.updatedAt).toBe(true)
    expect(edited.diagnosis.triage).toBe('red')
    const stored = t.services.db.athleteDoc(id).data.assessments
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ date: '2026-03-02', note: 'swelling noticed' })
    expect(stored[0]!.input.symptoms?.swelling).toBe(true)
  })

  it('updating or deleting an unknown assessment is not-found and changes nothing', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Chloe Lindqvist')
    const saved = await saveAssessment(t.services, id, { date: '2026-03-01', input: overload })
    const before = readFileSync(t.services.db.athleteFile(id), 'utf8')
    expect((await rejection(saveAssessment(t.services, id, { id: 'asm-missing-1', date: '2026-03-01', input: {} }))).code).toBe('not-found')
    expect((await rejection(deleteAssessment(t.services, id, 'asm-missing-1'))).code).toBe('not-found')
    expect(readFileSync(t.services.db.athleteFile(id), 'utf8')).toBe(before)
    expect(t.services.db.athleteDoc(id).data.assessments.map((a) => a.id)).toEqual([saved.id])
  })

  it('deletes an assessment, and deleting it again is not-found', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Dev Patel')
    const a = await saveAssessment(t.services, id, { date: '2026-02-01', input: overload })
    const b = await saveAssessment(t.services, id, { date: '2026-03-01', input: {} })
    expect(await deleteAssessment(t.services, id, a.id)).toEqual({ deletedId: a.id })
    expect(listAssessments(t.services, id).map((x) => x.id)).toEqual([b.id])
    expect((await rejection(deleteAssessment(t.services, id, a.id))).code).toBe('not-found')
  })

  it('rejects invalid answers naming the field, and saves nothing', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Elena Moreau')
    const before = readFileSync(t.services.db.athleteFile(id), 'utf8')
    const outOfRange = await rejection(
      saveAssessment(t.services, id, { date: '2026-03-01', input: { screening: { kneeToWallCm: { left: 45 } } } }),
    )
    expect(outOfRange.code).toBe('invalid-input')
    expect(outOfRange.issues).toEqual([{ path: 'input.screening.kneeToWallCm.left', message: 'must be at most 30 cm' }])
    expect(outOfRange.message).toContain('input.screening.kneeToWallCm.left')

    const unknownField = await rejection(saveAssessment(t.services, id, { date: '2026-03-01', input: { symptoms: { calfPain: true } } }))
    expect(unknownField.issues?.[0]?.path).toBe('input.symptoms')
    expect(unknownField.issues?.[0]?.message).toContain('"calfPain"')

    const badDate = await rejection(saveAssessment(t.services, id, { date: '2026-02-30', input: {} }))
    expect(badDate.issues?.map((i) => i.path)).toEqual(['date'])
    const future = await rejection(saveAssessment(t.services, id, { date: '2026-03-11', input: {} }))
    expect(future.issues).toEqual([{ path: 'date', message: 'cannot be in the future' }])
    const longNote = await rejection(saveAssessment(t.services, id, { date: '2026-03-01', input: {}, note: 'x'.repeat(4001) }))
    expect(longNote.issues?.map((i) => i.path)).toEqual(['note'])

    expect(t.services.db.athleteDoc(id).data.assessments).toEqual([])
    expect(readFileSync(t.services.db.athleteFile(id), 'utf8')).toBe(before)
  })

  it('through the dispatcher: the contract rejects invalid answers with the field path, nothing saved', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Finn Kowalski')
    const result = await t.dispatch('saveAssessment', {
      athleteId: id,
      date: '2026-03-01',
      input: { screening: { singleLegHeelRaiseReps: { right: 12.5 } } },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-input')
    expect(result.error.issues?.[0]?.path).toBe('input.screening.singleLegHeelRaiseReps.right')
    expect(result.error.issues?.[0]?.message).toBe('must be a whole number')
    expect(t.services.db.athleteDoc(id).data.assessments).toEqual([])
    const saved = ok<SavedAssessment>(await t.dispatch('saveAssessment', { athleteId: id, date: '2026-03-01', input: overload }))
    expect(saved.note).toBe('')
    expect(ok<SavedAssessment[]>(await t.dispatch('listAssessments', { athleteId: id })).map((a) => a.id)).toEqual([saved.id])
  })

  it('lists newest first by date, then by last change, each with a diagnosis from the current rules', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Grace Hughes', { sex: 'female', dateOfBirth: '1980-06-15' })
    const mid = await saveAssessment(t.services, id, { date: '2026-02-01', input: overload })
    const newest = await saveAssessment(t.services, id, { date: '2026-03-05', input: { symptoms: { swelling: true } } })
    const oldest = await saveAssessment(t.services, id, { date: '2026-01-01', input: {} })
    const sameDayLater = await saveAssessment(t.services, id, { date: '2026-02-01', input: {} })
    const list = listAssessments(t.services, id)
    expect(list.map((a) => a.id)).toEqual([newest.id, sameDayLater.id, mid.id, oldest.id])
    expect(list[0]!.diagnosis.triage).toBe('red')
    expect(list[0]!.diagnosis.referrals[0]!.id).toBe('suspected-dvt')
    expect(list[3]!.diagnosis.triage).toBe('green')
    // Stored order is untouched (frozen data, sorted copies only).
    expect(t.services.db.athleteDoc(id).data.assessments.map((a) => a.id)).toEqual([mid.id, newest.id, oldest.id, sameDayLater.id])
  })

  it('lists nothing for an athlete without assessments, and not-found for an unknown athlete', async () => {
    const t = await setup()
    const id = await t.athlete('Hamid Nakamura')
    expect(listAssessments(t.services, id)).toEqual([])
    expect(() => listAssessments(t.services, 'ath-nobody')).toThrow(/No athlete/)
  })

  it('compares the latest two assessments with the real-change thresholds', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Isla Silva', { sex: 'female', dateOfBirth: '1992-02-02' })
    expect(compareLatest(t.services, id)).toBeNull()
    await saveAssessment(t.services, id, { date: '2026-01-05', input: { screening: { kneeToWallCm: { left: 2, right: 2 } } } })
    const previous = await saveAssessment(t.services, id, { date: '2026-02-01', input: overload })
    expect(compareLatest(t.services, id)?.latest.id).toBe(previous.id) // only two so far: the first and this one
    const latest = await saveAssessment(t.services, id, {
      date: '2026-03-01',
      input: { ...overload, screening: { kneeToWallCm: { left: 8, right: 11.5 }, singleLegHeelRaiseReps: { left: 17, right: 22 } } },
    })
    const cmp = compareLatest(t.services, id)!
    expect(cmp.previous).toEqual({ id: previous.id, date: '2026-02-01' })
    expect(cmp.latest).toEqual({ id: latest.id, date: '2026-03-01' })
    const find = (field: string, side: string) => cmp.changes.find((c) => c.field === field && c.side === side)
    expect(find('screening.kneeToWallCm', 'left')).toMatchObject({ before: 6, after: 8, change: 2, real: true, direction: 'better' })
    expect(find('screening.kneeToWallCm', 'right')).toMatchObject({ change: 0.5, real: false }) // under 1.0 cm
    expect(find('screening.singleLegHeelRaiseReps', 'left')).toMatchObject({ change: -3, real: false, direction: 'worse' }) // under 6 reps
    expect(find('screening.singleLegHeelRaiseReps', 'right')).toMatchObject({ change: 0, real: false, direction: 'same' })
    const viaApi = ok(await t.dispatch('compareLatest', { athleteId: id }))
    expect(viaApi).toEqual(cmp)
  })

  it('diagnoseDraft runs the shared engine and pre-fills age and sex for a named athlete', async () => {
    const t = await setup({ now: tickingClock() })
    const id = await t.athlete('Jonas Fischer', { sex: 'male', dateOfBirth: '1970-03-01' })
    const anonymous = diagnoseDraft(t.services, overload)
    expect(anonymous.missing.some((m) => m.startsWith('Athlete: age'))).toBe(true)
    const named = diagnoseDraft(t.services, overload, id, '2026-03-01')
    expect(named.missing.some((m) => m.startsWith('Athlete: age'))).toBe(false)
    expect(named.missing.some((m) => m.startsWith('Athlete: sex'))).toBe(false)
    const red = ok<{ triage: string }>(await t.dispatch('diagnoseDraft', { input: { symptoms: { chestPainOrBreathlessness: true } } }))
    expect(red.triage).toBe('red')
    const bad = await t.dispatch('diagnoseDraft', { input: { symptoms: { nextMorningPain: 11 } } })
    expect(bad.ok ? null : bad.error.issues?.[0]?.path).toBe('input.symptoms.nextMorningPain')
  })

  it('refuses to write in read-only mode', async () => {
    const t = await setup()
    const id = await t.athlete('Kemi Adeyemi')
    t.services.db.readOnlyReason = 'test: read-only'
    expect((await rejection(saveAssessment(t.services, id, { date: '2026-03-01', input: {} }))).code).toBe('read-only')
    expect(t.services.db.athleteDoc(id).data.assessments).toEqual([])
  })

  it('the demo squad comes with assessments the list and comparison can read', async () => {
    const t = await setup({ now: () => new Date('2026-03-10T10:00:00.000Z') })
    await loadDemoSquad(t.services)
    const athletes = t.services.db.squad.data.athletes
    const red = athletes.find((a) => a.trainingStatus === 'resting')!
    expect(listAssessments(t.services, red.id)[0]!.diagnosis.triage).toBe('red')
    const improving = athletes.find((a) => a.notes.includes('improving'))!
    const cmp = compareLatest(t.services, improving.id)!
    expect(cmp.changes.filter((c) => c.field === 'screening.kneeToWallCm' && c.real && c.direction === 'better')).toHaveLength(2)
  })
})
