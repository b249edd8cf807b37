import { describe, expect, it } from 'vitest'
import { REFERRAL_IDS } from '../../../shared/assessment/schema'
import { crossTrainingFor, REFERRAL_POLICY, referralStopsRunning, returnPathFor } from '../../../shared/clinical'

describe('referral policy (issue 10 item 3)', () => {
  it('has one entry for every frozen referral id', () => {
    expect(Object.keys(REFERRAL_POLICY).sort()).toEqual([...REFERRAL_IDS].sort())
    for (const id of REFERRAL_IDS) expect(REFERRAL_POLICY[id].id).toBe(id)
  })

  it.each([
    'possible-pulmonary-embolism',
    'suspected-dvt',
    'suspected-stress-fracture',
    'suspected-calf-strain',
    'suspected-tendon-rupture',
    'suspected-vascular-entrapment',
  ] as const)('%s stops running even at before-progressing urgency (clinical-and-peers.md B1 actions)', (id) => {
    expect(referralStopsRunning(id, 'before-progressing', [id])).toBe(true)
  })

  it('DVT raised by night pain alone (before-progressing) still stops running (B1 DVT row: "stop exercise")', () => {
    expect(referralStopsRunning('suspected-dvt', 'before-progressing', ['suspected-dvt'])).toBe(true)
  })

  it.each(['suspected-compartment-syndrome', 'suspected-nerve-root', 'suspected-achilles-tendinopathy'] as const)(
    '%s holds but does not stop running unless urgent (B2 AMBER)',
    (id) => {
      expect(referralStopsRunning(id, 'before-progressing', [id])).toBe(false)
      expect(referralStopsRunning(id, 'same-day', [id])).toBe(true)
    },
  )

  it('energy availability stops running only together with a bone stress referral (B1 RED-S row)', () => {
    expect(referralStopsRunning('energy-availability-concern', 'before-progressing', ['energy-availability-concern'])).toBe(false)
    expect(
      referralStopsRunning('energy-availability-concern', 'before-progressing', [
        'energy-availability-concern',
        'suspected-stress-fracture',
      ]),
    ).toBe(true)
  })

  it('a suspected clot allows no exercise at all, and wins over any other referral (B1 DVT row)', () => {
    expect(crossTrainingFor(['suspected-dvt'])).toMatchObject({ allowed: false, kinds: [] })
    expect(crossTrainingFor(['suspected-stress-fracture', 'suspected-dvt'])?.allowed).toBe(false)
    expect(crossTrainingFor(['suspected-stress-fracture', 'suspected-dvt'])?.note).toMatch(/clot/)
  })

  it('bone stress allows cycling and pool running with the 0-2/10 bone pain limit (C1 bone tolerance)', () => {
    expect(crossTrainingFor(['suspected-stress-fracture'])).toMatchObject({
      allowed: true,
      kinds: ['cycling', 'pool-running'],
      painLimit: 2,
    })
  })

  it('return paths: bone uses 0-2/10 (C1), the Achilles path checks hop and heel-raise pain and one new load at a time (C5)', () => {
    const bone = returnPathFor(['suspected-stress-fracture'])
    expect(bone.path).toBe('bone')
    expect(bone.painLimit).toBe(2)
    const tendon = returnPathFor(['suspected-tendon-rupture'])
    expect(tendon.path).toBe('tendon')
    expect(tendon.checksBeforeIncrease).toEqual(expect.arrayContaining(['hop-pain', 'heel-raise-pain']))
    expect(tendon.oneNewLoadPerWeek).toBe(true)
    const both = returnPathFor(['suspected-calf-strain', 'suspected-stress-fracture'])
    expect(both.path).toBe('bone')
    expect(both.checksBeforeIncrease).toEqual(expect.arrayContaining(['hop-pain', 'heel-raise-pain']))
  })
})
