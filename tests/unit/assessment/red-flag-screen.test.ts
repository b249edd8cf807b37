// Issue 10 item 5: the diagnosis says whether the red-flag screen is complete, and which questions are not
// answered yet. The questions are the form fields marked redFlag (one list); some apply only to some runners.

import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../shared/assessment/diagnose'
import { FORM_FIELDS, RED_FLAG_FIELDS, pathKey } from '../../../shared/assessment/form'
import { parseAssessment } from '../../../shared/assessment/schema'
import { CLEAN, withPatch } from './fixtures'

const ALL_IDS = RED_FLAG_FIELDS.map((f) => pathKey(f.path))

describe('redFlagScreen', () => {
  it('a blank assessment is incomplete and lists every question that applies', () => {
    const screen = diagnose({}).redFlagScreen
    expect(screen?.complete).toBe(false)
    // Unknown age: the arterial risk-factor question is asked too. Every id is a form field marked redFlag.
    expect(screen?.unanswered).toEqual(ALL_IDS)
    expect(screen?.unanswered).toContain('symptoms.saddleNumbnessOrBladderBowelChange')
    expect(screen?.unanswered).toContain('symptoms.forcedToStop')
    expect(screen?.unanswered).toContain('symptoms.muscleHernia')
    expect(screen?.unanswered).toContain('history.vascularRiskFactors')
  })

  it('the fully answered clean assessment is complete', () => {
    expect(diagnose(CLEAN).redFlagScreen).toEqual({ complete: true, unanswered: [] })
  })

  it('one unanswered question makes it incomplete, naming that question', () => {
    for (const id of ['symptoms.swelling', 'symptoms.painfulHop', 'history.previousDvt', 'symptoms.forcedToStop']) {
      const [section, field] = id.split('.') as [string, string]
      const input = withPatch(CLEAN, { [section]: { [field]: undefined } })
      expect(diagnose(input).redFlagScreen, id).toEqual({ complete: false, unanswered: [id] })
    }
  })

  it('"no" and "does not settle" are answers; so is an empty or "none of these" risk-factor list', () => {
    const older = withPatch(CLEAN, { athlete: { ageYears: 58 } })
    expect(diagnose(older).redFlagScreen?.unanswered).toEqual(['history.vascularRiskFactors'])
    for (const list of [[], ['none-of-these'], ['smoking']]) {
      expect(diagnose(withPatch(older, { history: { vascularRiskFactors: list } })).redFlagScreen?.complete, JSON.stringify(list)).toBe(true)
    }
  })

  it('questions that do not apply are not asked: girth when the calf is not swollen, arterial risks under 50', () => {
    const noGirth = withPatch(CLEAN, { symptoms: { calfCircumferenceDifferenceCm: undefined } })
    expect(diagnose(noGirth).redFlagScreen?.complete).toBe(true)
    const swollenNoGirth = withPatch(noGirth, { symptoms: { swelling: true } })
    expect(diagnose(swollenNoGirth).redFlagScreen?.unanswered).toEqual(['symptoms.calfCircumferenceDifferenceCm'])
    expect(diagnose(withPatch(CLEAN, { athlete: { ageYears: 49 } })).redFlagScreen?.complete).toBe(true)
    expect(diagnose(withPatch(CLEAN, { athlete: { ageYears: 50 } })).redFlagScreen?.complete).toBe(false)
  })

  it('the new red-flag questions are in the red-flag section of the form, in plain words', () => {
    for (const id of ['symptoms.forcedToStop', 'symptoms.muscleHernia', 'symptoms.saddleNumbnessOrBladderBowelChange']) {
      const field = FORM_FIELDS.find((f) => pathKey(f.path) === id)
      expect(field?.redFlag, id).toBe(true)
      expect(field?.kind, id).toBe('boolean')
    }
    const risks = FORM_FIELDS.find((f) => pathKey(f.path) === 'history.vascularRiskFactors')
    expect(risks?.kind).toBe('multi')
    expect(risks?.options?.map((o) => o.value)).toContain('none-of-these')
  })

  it('"none of these" cannot be combined with a risk factor, and nothing is listed twice', () => {
    expect(parseAssessment({ history: { vascularRiskFactors: ['none-of-these', 'smoking'] } })).toEqual({
      ok: false,
      errors: ['history.vascularRiskFactors: "none-of-these" cannot be combined with a risk factor'],
    })
    expect(parseAssessment({ history: { vascularRiskFactors: ['smoking', 'smoking'] } }).ok).toBe(false)
    expect(parseAssessment({ history: { vascularRiskFactors: ['vaping'] } }).ok).toBe(false)
  })

  it('bilateral pain with the forced-stop question unanswered asks it in missing, in words', () => {
    const input = withPatch(CLEAN, { symptoms: { side: 'both', forcedToStop: undefined } })
    const d = diagnose(input)
    expect(d.referrals).toEqual([])
    expect(d.missing.join('\n')).toMatch(/both legs hurt\. Does the pain force the runner to stop/)
  })
})
