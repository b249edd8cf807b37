// Integrity of the declarative registry and the exercise catalog.

import { describe, expect, it } from 'vitest'
import { REFERRAL_POLICY } from '../../../shared/clinical/referral-policy'
import { EXERCISES, exerciseById, exercisesForFactors, exercisesForReferrals } from '../../../shared/assessment/exercises'
import { pathKey } from '../../../shared/assessment/form'
import { FACTOR_RULES, PATTERN_RULE, REFERRAL_RULES, RULES, factorRule, referralRule } from '../../../shared/assessment/rules/index'
import { FACTOR_IDS, REFERRAL_IDS, contractFieldPaths } from '../../../shared/assessment/schema'

const CONTRACT = new Set(contractFieldPaths().map(pathKey))

describe('rule registry', () => {
  it('has one referral rule per frozen referral id and one factor rule per factor id', () => {
    expect(REFERRAL_RULES.map((r) => r.id).sort()).toEqual([...REFERRAL_IDS].sort())
    expect(FACTOR_RULES.map((r) => r.id).sort()).toEqual([...FACTOR_IDS].sort())
    expect(RULES[0]?.kind).toBe('referral')
  })

  it('every rule has an explanation and a source; finding ids are unique within a rule', () => {
    for (const rule of RULES) {
      expect(rule.explanation.length, rule.id).toBeGreaterThan(40)
      expect(rule.source.length, rule.id).toBeGreaterThan(5)
      const ids =
        rule.kind === 'referral' ? rule.triggers.map((t) => t.id) : rule.kind === 'factor' ? rule.findings.map((f) => f.id) : rule.features.map((f) => f.id)
      expect(new Set(ids).size, rule.id).toBe(ids.length)
      expect(ids.length, rule.id).toBeGreaterThan(0)
    }
  })

  it('every field a rule says it uses is a contract field', () => {
    for (const rule of REFERRAL_RULES) for (const t of rule.triggers) for (const p of t.uses) expect(CONTRACT.has(pathKey(p)), `${rule.id}/${t.id}`).toBe(true)
    for (const rule of FACTOR_RULES) for (const f of rule.findings) for (const p of f.uses) expect(CONTRACT.has(pathKey(p)), `${rule.id}/${f.id}`).toBe(true)
    for (const f of PATTERN_RULE.features) for (const p of f.uses) expect(CONTRACT.has(pathKey(p)), f.id).toBe(true)
  })

  it('weak-evidence factors say so and are capped below high', () => {
    const glute = factorRule('gluteus-maximus-inhibition')
    expect(glute?.evidenceStrength).toBe('hypothesis')
    expect(glute?.maxLikelihood).toBe('moderate')
    expect(glute?.explanation).toMatch(/hypothesis/)
    expect(glute?.explanation).toMatch(/EMG/)
    expect(factorRule('footwear')?.maxLikelihood).toBe('moderate')
    expect(factorRule('hip-abductor-weakness')?.explanation).toMatch(/did not prevent/)
  })

  it('discriminating features of compartment syndrome and artery entrapment escalate', () => {
    const cecs = referralRule('suspected-compartment-syndrome')
    const uses = new Set(cecs?.triggers.flatMap((t) => t.uses.map(pathKey)))
    for (const f of ['symptoms.numbnessOrTingling', 'symptoms.footWeakness', 'symptoms.side', 'symptoms.settlesAfterStoppingMinutes']) {
      expect(uses.has(f), f).toBe(true)
    }
    expect(referralRule('suspected-vascular-entrapment')?.triggers.some((t) => t.uses.some((p) => p[1] === 'coldOrPaleFoot'))).toBe(true)
  })
})

describe('exercise catalog', () => {
  it('has unique ids, a dose, a purpose and a source for every item', () => {
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length)
    for (const e of EXERCISES) {
      expect(e.dose.length, e.id).toBeGreaterThan(20)
      expect(e.purpose.length, e.id).toBeGreaterThan(20)
      expect(e.source.length, e.id).toBeGreaterThan(3)
    }
  })

  it('carries the published doses from section D', () => {
    expect(exerciseById('calf-stretch-straight-knee')?.dose).toMatch(/5 holds of 30 s, twice a day/)
    expect(exerciseById('calf-stretch-bent-knee')?.dose).toMatch(/5 holds of 30 s, twice a day/)
    expect(exerciseById('hip-flexor-stretch')?.dose).toMatch(/2 holds of 30 s/)
    expect(exerciseById('clamshells')?.dose).toMatch(/2 × 15/)
    expect(exerciseById('side-lying-hip-abduction')?.dose).toMatch(/3 × 12–15/)
    expect(exerciseById('standing-hip-hike')?.dose).toMatch(/3 × 10 .*2-s hold/)
    expect(exerciseById('glute-bridge')?.dose).toMatch(/3 × 10.*3 × 15.*single-leg/)
    expect(exerciseById('single-leg-heel-raises')?.dose).toMatch(/25–30/)
    expect(exerciseById('eccentric-heel-drops')?.dose).toMatch(/3 × 15 .*twice a day.*12 weeks/)
  })

  it('every factor has at least one exercise, and everyone-items come first', () => {
    for (const id of FACTOR_IDS) {
      const items = exercisesForFactors([id])
      expect(items[0]?.id, id).toBe('keep-running-comfortably')
      expect(items.length, id).toBeGreaterThan(1)
      expect(items.slice(1).every((e) => e.forFactors !== 'everyone' && e.forFactors.includes(id)), id).toBe(true)
    }
    expect(exercisesForFactors([]).map((e) => e.id)).toEqual(['keep-running-comfortably'])
  })

  it('orders exercises by the factor order given and never repeats one', () => {
    const ids = exercisesForFactors(['excessive-pronation', 'hip-abductor-weakness']).map((e) => e.id)
    expect(ids).toEqual(['keep-running-comfortably', 'standing-hip-hike', 'clamshells', 'side-lying-hip-abduction'])
  })

  it('referral items: every stopping referral maps to the stop advice', () => {
    for (const id of ['possible-pulmonary-embolism', 'suspected-dvt', 'suspected-calf-strain', 'suspected-tendon-rupture', 'suspected-stress-fracture'] as const) {
      expect(exercisesForReferrals([id]).map((e) => e.id)).toContain('stop-running-and-get-checked')
    }
    for (const rule of REFERRAL_RULES) {
      if (REFERRAL_POLICY[rule.id].stopsRunning === 'always') expect(exercisesForReferrals([rule.id]).map((e) => e.id), rule.id).toContain('stop-running-and-get-checked')
    }
  })
})
