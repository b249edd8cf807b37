import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { athleteV1toV2 } from '../../../electron/services/store/athlete-migrations'
import { interpretDocument } from '../../../electron/services/store/document'
import { athleteKind } from '../../../electron/services/store/kinds'
import type { ClinicalStateDto } from '../../../shared/api/channels/clinical-state'
import type { PlanDefaults } from '../../../shared/api/channels/plans'
import { diagnose } from '../../../shared/assessment/diagnose'
import { addDays } from '../../../shared/dates'
import type { Clearance } from '../../../shared/clinical/clearance'
import { ATHLETE_SCHEMA_VERSION, type AthleteDocument, type PlanRecord } from '../../../shared/domain/documents'
import { addRuns, AMBER_ASSESSMENT, FACTORS_ASSESSMENT, RED_ASSESSMENT, setupPlans, steadyRuns, T0 } from '../plans/helpers'

type Setup = Awaited<ReturnType<typeof setupPlans>>

const AMBER_IDS = diagnose(AMBER_ASSESSMENT).referrals.map((r) => r.id)

async function amberAthlete(t: Setup, name = 'Maya Costa') {
  const id = await t.athlete(name)
  await addRuns(t.call, id, steadyRuns(T0, 6))
  await t.call('saveAssessment', { athleteId: id, date: T0, input: AMBER_ASSESSMENT })
  return id
}

/**
 * Rewrites an athlete file as data format 1 wrote it: no clearances, and the plan-level "referral cleared
 * on" date in the requests of the plans from `clearedFrom` on (format 1 saved it there; the app no longer
 * takes that date, so the test writes it as the old app did).
 */
function downgradeToV1(t: Setup, id: string, cleared?: { on: string; clearedFrom: number }): Record<string, unknown> {
  const doc = JSON.parse(t.readAthleteFile(id)) as Record<string, unknown>
  delete doc['clearances']
  if (cleared) {
    const plans = doc['plans'] as { request: Record<string, unknown> }[]
    for (const plan of plans.slice(cleared.clearedFrom)) plan.request['referralClearedOn'] = cleared.on
  }
  doc['schemaVersion'] = 1
  writeFileSync(t.athleteFile(id), JSON.stringify(doc))
  return doc
}

const validClearance = (athleteId: string, extra: Record<string, unknown> = {}) => ({
  athleteId,
  referralId: AMBER_IDS[0],
  date: addDays(T0, 2),
  clearedBy: { role: 'physiotherapist', name: 'Sam Okafor' },
  outcome: 'cleared',
  ...extra,
})

describe('data format 2: clearances migrated from the plans’ single “referral cleared on” date', () => {
  it('the amber test assessment raises at least one referral (the cases below depend on it)', () => {
    expect(AMBER_IDS.length).toBeGreaterThan(0)
    expect(ATHLETE_SCHEMA_VERSION).toBe(2)
  })

  it('turns each amber plan’s cleared-on date into one clearance per referral, once, marked migrated', async () => {
    const t = await setupPlans()
    const id = await amberAthlete(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    await t.call<PlanRecord>('savePlan', { athleteId: id, request: { ...d.request, targetWeeklyKm: 30 } })
    t.advance(3)
    // Two regenerated versions carry the same date: still one clearance per referral.
    await t.call('regeneratePlan', { athleteId: id })
    await t.call('regeneratePlan', { athleteId: id })
    const v1 = downgradeToV1(t, id, { on: addDays(T0, 2), clearedFrom: 1 })

    const out = interpretDocument(JSON.stringify(v1), athleteKind(id, 'Maya Costa'))
    expect(out.kind).toBe('ok')
    if (out.kind !== 'ok') return
    expect(out.migratedFrom).toBe(1)
    expect(out.data.schemaVersion).toBe(2)
    expect(out.data.clearances).toEqual(
      AMBER_IDS.map((referralId, i) => ({
        id: `clr-migrated-${i + 1}`,
        referralId,
        date: addDays(T0, 2),
        clearedBy: { role: 'other', name: expect.stringMatching(/not recorded/) },
        outcome: 'cleared',
        migrated: true,
      })),
    )
    // Nothing else changes: the plans keep their date, runs and assessments are as they were.
    expect(JSON.parse(JSON.stringify(out.data.plans))).toEqual(v1['plans'])
    expect(JSON.parse(JSON.stringify(out.data.runs))).toEqual(v1['runs'])
    expect(out.data.readinessTests).toEqual([])
  })

  it('ignores a cleared-on date the generator never honoured (red diagnosis) and plans without one', () => {
    const red = diagnose(RED_ASSESSMENT)
    expect(red.triage).toBe('red')
    const plan = (diagnosis: unknown, referralClearedOn?: string) => ({ request: { diagnosis, ...(referralClearedOn ? { referralClearedOn } : {}) } })
    const migrated = athleteV1toV2({ plans: [plan(red, '2026-01-05'), plan(diagnose(AMBER_ASSESSMENT))] })
    expect(migrated['clearances']).toEqual([])
    expect(athleteV1toV2({})['clearances']).toEqual([])
  })

  it('opening a format-1 folder upgrades the file on disk after a pre-migration backup', async () => {
    const t = await setupPlans()
    const id = await amberAthlete(t)
    const d = await t.call<PlanDefaults>('planDefaults', { athleteId: id })
    await t.call('savePlan', { athleteId: id, request: { ...d.request, targetWeeklyKm: 30 } })
    await t.services.db.flush()
    downgradeToV1(t, id, { on: T0, clearedFrom: 0 })
    await t.services.reopen()
    const onDisk = JSON.parse(readFileSync(t.athleteFile(id), 'utf8')) as AthleteDocument
    expect(onDisk.schemaVersion).toBe(2)
    expect(onDisk.clearances.map((c) => [c.referralId, c.date, c.migrated])).toEqual(AMBER_IDS.map((r) => [r, T0, true]))
    expect(t.services.db.notices.map((n) => n.title)).toContain('Data upgraded')
    expect((await t.services.db.backups.list()).some((b) => b.reason === 'pre-migration')).toBe(true)
    expect(await t.call<Clearance[]>('listClearances', { athleteId: id })).toHaveLength(AMBER_IDS.length)
  })
})

describe('recordClearance / listClearances', () => {
  it('records a clearance for a raised referral and lists the history newest first', async () => {
    const t = await setupPlans()
    const id = await amberAthlete(t)
    t.advance(5)
    const first = await t.call<Clearance>('recordClearance', validClearance(id))
    expect(first).toMatchObject({ referralId: AMBER_IDS[0], date: addDays(T0, 2), outcome: 'cleared', clearedBy: { role: 'physiotherapist', name: 'Sam Okafor' } })
    expect(first.migrated).toBeUndefined()
    // Cleared means closed: a second clearance for it is refused until an assessment raises it again.
    const again = await t.dispatch('recordClearance', validClearance(id, { date: addDays(T0, 3) }))
    expect(again.ok ? '' : again.error.message).toMatch(/no open referral/)
    await t.call('saveAssessment', { athleteId: id, date: addDays(T0, 3), input: AMBER_ASSESSMENT })
    const second = await t.call<Clearance>(
      'recordClearance',
      validClearance(id, { date: addDays(T0, 4), outcome: 'cleared-with-restrictions', restrictions: '  No hills for two weeks  ', clearedBy: { role: 'doctor', name: ' Dr Lee ' } }),
    )
    expect(second.restrictions).toBe('No hills for two weeks')
    expect(second.clearedBy.name).toBe('Dr Lee')
    expect((await t.call<Clearance[]>('listClearances', { athleteId: id })).map((c) => c.id)).toEqual([second.id, first.id])
    // Durable: a fresh open of the folder reads both back.
    await t.services.reopen()
    expect(await t.call<Clearance[]>('listClearances', { athleteId: id })).toHaveLength(2)
  })

  it.each([
    ['a date in the future', { date: addDays(T0, 30) }, /future/],
    ['a date before the referral was raised', { date: addDays(T0, -1) }, /was raised on/],
    ['a referral no assessment raised', { referralId: 'possible-pulmonary-embolism' }, /no open referral/],
    ['restrictions missing for a restricted clearance', { outcome: 'cleared-with-restrictions' }, /restrictions/],
    ['no name for who cleared it', { clearedBy: { role: 'doctor', name: '   ' } }, /name the clinician/],
    ['an unknown role', { clearedBy: { role: 'nurse', name: 'Kim' } }, /"doctor", "physiotherapist", "other"/],
    ['an unknown outcome', { outcome: 'fine' }, /something-else-found/],
  ])('refuses %s with a specific message and changes nothing', async (_label, change, message) => {
    const t = await setupPlans()
    const id = await amberAthlete(t)
    t.advance(5)
    const before = t.readAthleteFile(id)
    const r = await t.dispatch('recordClearance', validClearance(id, change))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-input')
    expect(r.error.message).toMatch(message)
    expect(t.readAthleteFile(id)).toBe(before)
  })

  it('refuses an unknown athlete', async () => {
    const t = await setupPlans()
    const r = await t.dispatch('recordClearance', validClearance('ath-nobody'))
    expect(r.ok ? '' : r.error.code).toBe('not-found')
  })
})

describe('getClinicalState: the one state, from the whole record', () => {
  it('keeps a referral open across a newer assessment without it, until its clearance is recorded', async () => {
    const t = await setupPlans()
    const id = await amberAthlete(t)
    t.advance(7)
    await t.call('saveAssessment', { athleteId: id, date: addDays(T0, 7), input: FACTORS_ASSESSMENT })
    const state = await t.call<ClinicalStateDto>('getClinicalState', { athleteId: id })
    expect(state.openReferrals.map((r) => r.referralId).sort()).toEqual([...AMBER_IDS].sort())
    expect(state.openReferrals.every((r) => r.notFoundInLatestAssessment && r.since === T0)).toBe(true)
    expect(state.colour).not.toBe('green')
    for (const referralId of AMBER_IDS) await t.call('recordClearance', validClearance(id, { referralId }))
    const after = await t.call<ClinicalStateDto>('getClinicalState', { athleteId: id })
    expect(after.openReferrals).toEqual([])
    expect(after.clearances.filter((c) => c.closedReferral)).toHaveLength(AMBER_IDS.length)
  })
})
