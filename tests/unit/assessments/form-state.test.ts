import { describe, expect, it } from 'vitest'
import { FORM_FIELDS } from '../../../shared/assessment/form'
import { generateDemoSquad } from '../../../shared/demo/demo-squad'
import {
  buildInput,
  checkDraft,
  draftFromInput,
  EMPTY_DRAFT,
  errorFor,
  errorsFromIssues,
  fieldKey,
  newDraft,
  withTrainingFromLog,
  parseNumberText,
  profileAge,
} from '../../../renderer/src/features/assessment/form-state'
import { redFlagQuestion, triageHeadline } from '../../../renderer/src/features/assessment/labels'
import { diagnose } from '../../../shared/assessment/diagnose'

const field = (name: string) => FORM_FIELDS.find((f) => f.path[1] === name)!

describe('assessment form state (renderer)', () => {
  it('a new draft carries only the profile sex and age; unanswered questions stay out of the input', () => {
    const draft = newDraft({ sex: 'female', dateOfBirth: '1986-04-12' }, '2026-04-11')
    expect(buildInput(draft)).toEqual({ athlete: { sex: 'female', ageYears: 39 } })
    expect(buildInput(newDraft({ sex: 'male', dateOfBirth: null }, '2026-04-11'))).toEqual({ athlete: { sex: 'male' } })
  })

  it('yes/no questions are three-state: "not asked" is absent, never false', () => {
    const key = fieldKey(field('numbnessOrTingling'))
    expect(buildInput({ values: { [key]: true }, texts: {} })).toEqual({ symptoms: { numbnessOrTingling: true } })
    expect(buildInput({ values: { [key]: false }, texts: {} })).toEqual({ symptoms: { numbnessOrTingling: false } })
    expect(buildInput({ values: { [key]: undefined }, texts: {} })).toEqual({})
  })

  it('per-side numbers keep only the sides entered, and "does not settle" is null', () => {
    const ktw = field('kneeToWallCm')
    const settles = fieldKey(field('settlesAfterStoppingMinutes'))
    const state = {
      values: { [settles]: null, [fieldKey(field('character'))]: [] },
      texts: { [fieldKey(ktw, 'left')]: '6', [fieldKey(ktw, 'right')]: '  ', [settles]: '12' },
    }
    expect(buildInput(state)).toEqual({ screening: { kneeToWallCm: { left: 6 } }, symptoms: { settlesAfterStoppingMinutes: null } })
  })

  it('parses typed numbers, accepting a decimal comma, and passes anything else on for the schema to name', () => {
    expect(parseNumberText('6.5')).toBe(6.5)
    expect(parseNumberText('6,5')).toBe(6.5)
    expect(parseNumberText('')).toBeUndefined()
    expect(parseNumberText('abc')).toBe('abc')
  })

  it('validation messages land on the exact control, and the live result uses the valid answers only', () => {
    const ktw = field('kneeToWallCm')
    const checked = checkDraft({
      values: { [fieldKey(field('swelling'))]: true },
      texts: { [fieldKey(ktw, 'left')]: '45', [fieldKey(ktw, 'right')]: '11', [fieldKey(field('ageYears'))]: 'abc' },
    })
    expect(checked.valid).toBeNull()
    expect(checked.errors).toEqual({
      'screening.kneeToWallCm.left': 'must be at most 30 cm',
      'athlete.ageYears': 'must be a number (years)',
    })
    expect(checked.usable).toEqual({ screening: { kneeToWallCm: { right: 11 } }, symptoms: { swelling: true } })
    expect(errorFor(checked.errors, 'screening.kneeToWallCm.left')).toBe('must be at most 30 cm')
    expect(errorFor(checked.errors, 'screening.kneeToWallCm.right')).toBeUndefined()
    expect(checkDraft(EMPTY_DRAFT)).toEqual({ valid: {}, errors: {}, usable: {} })
  })

  it('whole-number and range rules come from the shared schema', () => {
    const reps = fieldKey(field('singleLegHeelRaiseReps'), 'right')
    expect(checkDraft({ values: {}, texts: { [reps]: '12.5' } }).errors).toEqual({ [reps]: 'must be a whole number' })
  })

  it('a saved assessment round-trips through the form unchanged (every demo record)', () => {
    const records = generateDemoSquad(new Date('2026-03-10T10:00:00Z')).athletes.flatMap((a) => a.assessments)
    expect(records.length).toBeGreaterThan(10)
    for (const r of records) {
      const draft = draftFromInput(r.input)
      expect(buildInput(draft)).toEqual(r.input)
      expect(checkDraft(draft).valid).toEqual(r.input)
    }
  })

  it('distances are typed in the coach’s unit and stored in km; an untouched saved answer keeps its exact km', () => {
    const saved = { training: { weeklyKm: 21, longestRunLast30DaysKm: 16.09 } }
    const draft = draftFromInput(saved, 'mi')
    expect(draft.texts['training.weeklyKm']).toBe('13')
    expect(buildInput(draft)).toEqual(saved)
    expect(buildInput({ ...draft, texts: { ...draft.texts, 'training.weeklyKm': '10' } })).toEqual({ training: { weeklyKm: 16.09, longestRunLast30DaysKm: 16.09 } })
    expect(buildInput(draftFromInput(saved, 'km'))).toEqual(saved)
  })

  it('the log fills only the Training boxes still empty, in the coach’s unit', () => {
    const typed = { ...newDraft({ sex: 'female', dateOfBirth: null }, '2026-12-02', 'mi'), texts: { 'training.weeklyKm': '7' } }
    const { draft, filled } = withTrainingFromLog(typed, { weeklyKm: 30, weeklyKmFourWeeksAgo: 16.1, longestRunThisWeekKm: 8 })
    expect(filled).toEqual(['training.weeklyKmFourWeeksAgo', 'training.longestRunThisWeekKm'])
    expect(draft.texts).toMatchObject({ 'training.weeklyKm': '7', 'training.weeklyKmFourWeeksAgo': '10', 'training.longestRunThisWeekKm': '5' })
    expect(buildInput(draft)['training']).toEqual({ weeklyKm: 11.27, weeklyKmFourWeeksAgo: 16.1, longestRunThisWeekKm: 8 })
  })

  it('server issues map onto the same controls', () => {
    expect(errorsFromIssues([{ path: 'input.screening.kneeToWallCm.left', message: 'x' }, { path: 'date', message: 'y' }])).toEqual({
      'screening.kneeToWallCm.left': 'x',
      date: 'y',
    })
  })

  it('profile age is whole years on the date, and only within what the contract accepts', () => {
    expect(profileAge({ dateOfBirth: '1990-05-01' }, '2025-04-30')).toBe(34)
    expect(profileAge({ dateOfBirth: '1990-05-01' }, '2025-05-01')).toBe(35)
    expect(profileAge({ dateOfBirth: '2020-01-01' }, '2025-05-01')).toBeUndefined()
    expect(profileAge({ dateOfBirth: null }, '2025-05-01')).toBeUndefined()
  })

  it('reads the red-flag screen from the shared diagnose (no count of its own): girth only when the calf is swollen', () => {
    const all = diagnose({}).redFlagScreen!
    expect(all.complete).toBe(false)
    const some = diagnose({ symptoms: { swelling: false, numbnessOrTingling: true } }).redFlagScreen!
    expect(some.unanswered.length).toBe(all.unanswered.length - 3) // two answered, and no swelling: no girth to measure
    expect(some.unanswered).not.toContain('symptoms.calfCircumferenceDifferenceCm')
    expect(redFlagQuestion('symptoms.swelling')).toBe('Is the calf swollen?')
  })
})

describe('triage banner wording (renderer)', () => {
  const base = { pattern: { id: 'exertional-calf-overload' as const, fit: 'partial' as const }, factors: [], recommendations: [], missing: [] }
  it('says what to do in words for every triage', () => {
    expect(
      triageHeadline({ ...base, triage: 'red', referrals: [{ id: 'possible-pulmonary-embolism', urgency: 'emergency', because: ['x'] }] }).headline,
    ).toBe('RED — emergency: get medical help now, no running')
    const sameDay = triageHeadline({ ...base, triage: 'red', referrals: [{ id: 'suspected-dvt', urgency: 'same-day', because: ['x'] }] })
    expect(sameDay.headline).toBe('RED — refer before any running')
    expect(sameDay.detail).toContain('Possible blood clot in the leg (DVT)')
    expect(
      triageHeadline({ ...base, triage: 'amber', referrals: [{ id: 'suspected-achilles-tendinopathy', urgency: 'before-progressing', because: ['x'] }] })
        .headline,
    ).toBe('AMBER — refer before progressing running')
    // Never green before every red-flag question was asked (issue 10 item 5): "Incomplete", with the count.
    const incomplete = { complete: false, unanswered: ['symptoms.swelling', 'symptoms.nightPain', 'history.previousDvt'] }
    expect(triageHeadline({ ...base, triage: 'green', referrals: [], redFlagScreen: incomplete }).headline).toBe('Incomplete: 3 red-flag questions not asked')
    expect(triageHeadline({ ...base, triage: 'green', referrals: [] }).headline).toMatch(/^Incomplete: /) // a diagnosis without a screen
    expect(triageHeadline({ ...base, triage: 'green', referrals: [], redFlagScreen: { complete: true, unanswered: [] } }).headline).toBe('GREEN — no referral needed')
  })
})
