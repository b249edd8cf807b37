import { describe, expect, it } from 'vitest'
import type { ClinicalStateDto } from '../../../shared/api/channels/clinical-state'
import type { SquadTriage, SquadTriageEntry } from '../../../shared/api/channels/runs'
import type { AssessmentInput } from '../../../shared/assessment/schema'
import { addDays } from '../../../shared/dates'
import type { AssessmentRecord } from '../../../shared/domain/documents'
import { ok, setup } from './helpers'

// One state, one digest (issue 10 item 1): the board answers from cached summaries and the athlete header from
// the whole record, and both must read the record the same way, including the parts that come from outside
// the assessment itself (the profile's age and sex, the assessment before it).

const TODAY = '2026-03-18'
const noon = (day: string) => () => new Date(`${day}T12:00:00`)

function record(id: string, date: string, input: AssessmentInput): AssessmentRecord {
  return { id, date, input, note: '', createdAt: `${date}T10:00:00.000Z`, updatedAt: `${date}T10:00:00.000Z` }
}

/** Cramping on effort that eases within 2 minutes: an arterial check from 60 (reference B1/B2, issue 10 item 6). */
const CRAMPING: AssessmentInput = { symptoms: { location: 'calf', character: ['cramping'], settlesAfterStoppingMinutes: 2 } }

async function world() {
  const t = await setup({ now: noon(TODAY) })
  const board = async () => ok<SquadTriage>(await t.dispatch('getSquadTriage', { today: TODAY }))
  const state = async (athleteId: string) => ok<ClinicalStateDto>(await t.dispatch('getClinicalState', { athleteId }))
  const entry = async (athleteId: string) => (await board()).athletes.find((a) => a.athleteId === athleteId)!
  /** Stores answers as recorded elsewhere (an import, an older version): no age or sex in the record itself. */
  const store = (athleteId: string, records: AssessmentRecord[]) =>
    t.services.db.athleteDoc(athleteId).mutate((d) => ({ ...d, assessments: [...d.assessments, ...records] }))
  return { ...t, board, state, entry, store }
}

function sameAnswer(entry: SquadTriageEntry, state: ClinicalStateDto) {
  expect(entry.level).toBe(state.colour)
  expect(entry.headline).toBe(state.headline)
  expect(entry.runningAllowance).toBe(state.runningAllowance)
  expect(entry.openReferrals).toBe(state.openReferrals.length)
  expect(entry.reasons.map((r) => [r.id, r.level, r.text])).toEqual(state.reasons.map((r) => [r.code, r.level, r.text]))
}

describe('the board and the athlete header read one clinical digest', () => {
  it('fills the age from the profile in both: a 66-year-old with quickly easing cramps is amber (arterial check) on both', async () => {
    const w = await world()
    const older = await w.athlete('Olga Older', { sex: 'female', dateOfBirth: '1960-02-01' })
    const younger = await w.athlete('Yara Younger', { sex: 'female', dateOfBirth: '1996-02-01' })
    await w.store(older, [record('asm-older-1', addDays(TODAY, -3), CRAMPING)])
    await w.store(younger, [record('asm-younger-1', addDays(TODAY, -3), CRAMPING)])

    const olderState = await w.state(older)
    expect(olderState.openReferrals.map((r) => r.referralId)).toEqual(['suspected-arterial-claudication'])
    expect(olderState.colour).toBe('amber')
    sameAnswer(await w.entry(older), olderState)
    expect((await w.entry(older)).assessmentTriage).toBe('amber')

    const youngerState = await w.state(younger)
    expect(youngerState.openReferrals).toEqual([])
    sameAnswer(await w.entry(younger), youngerState)
    expect((await w.entry(younger)).assessmentTriage).toBe('green')
  })

  it('follows a profile edit: with the date of birth removed the age is unknown, on the board too', async () => {
    const w = await world()
    const id = await w.athlete('Olga Older', { sex: 'female', dateOfBirth: '1960-02-01' })
    await w.store(id, [record('asm-older-1', addDays(TODAY, -3), CRAMPING)])
    expect((await w.entry(id)).level).toBe('amber')

    const athlete = w.services.db.squad.data.athletes.find((a) => a.id === id)!
    ok(await w.dispatch('updateAthlete', { id, draft: { name: athlete.name, sex: athlete.sex, dateOfBirth: null, groupIds: [] } }))
    const state = await w.state(id)
    expect(state.openReferrals).toEqual([])
    sameAnswer(await w.entry(id), state)
  })

  it('judges each assessment with the one before it in both: no real change in 8 weeks is amber (not improving)', async () => {
    const w = await world()
    const id = await w.athlete('Nell Nochange', { sex: 'female', dateOfBirth: '1990-05-05' })
    const same: AssessmentInput = { symptoms: { location: 'calf', nextMorningPain: 4, settlesAfterStoppingMinutes: 5 } }
    await w.store(id, [record('asm-nell-1', addDays(TODAY, -60), same), record('asm-nell-2', addDays(TODAY, -4), same)])

    const state = await w.state(id)
    expect(state.openReferrals.map((r) => r.referralId)).toContain('not-improving-with-conservative-care')
    sameAnswer(await w.entry(id), state)
    // The saved-assessment list reads the same record the same way.
    const listed = ok<{ id: string; diagnosis: { referrals: { id: string }[] } }[]>(await w.dispatch('listAssessments', { athleteId: id }))
    expect(listed.find((a) => a.id === 'asm-nell-2')!.diagnosis.referrals.map((r) => r.id)).toContain('not-improving-with-conservative-care')
  })
})
