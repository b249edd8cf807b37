import { describe, expect, it } from 'vitest'
import { compareAssessments } from '../../../shared/assessment/compare'
import { diagnose } from '../../../shared/assessment/diagnose'
import { ageOn } from '../../../shared/dates'
import { demoAssessments } from '../../../shared/demo/demo-assessments'
import { type DemoAthlete, generateDemoSquad } from '../../../shared/demo/demo-squad'
import { AssessmentRecord } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'

const TODAY = new Date('2026-03-10T10:00:00.000Z')
const squad = generateDemoSquad(TODAY)
const byStory = (story: string): DemoAthlete[] => squad.athletes.filter((a) => a.athlete.notes === `Demo story: ${story}.`)
const newest = (records: AssessmentRecord[]) => [...records].sort((a, b) => (a.date < b.date ? 1 : -1))[0]!

describe('demo assessments', () => {
  it('every record is a valid stored AssessmentRecord with a unique id, dated on or before today', () => {
    const all = squad.athletes.flatMap((a) => a.assessments)
    expect(all.length).toBeGreaterThan(15)
    for (const record of all) {
      expect(AssessmentRecord.safeParse(record).success, record.id).toBe(true)
      expect(record.date <= '2026-03-10').toBe(true)
    }
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length)
  })

  it('most athletes have been assessed, and each record carries their sex and age on that date', () => {
    const assessed = squad.athletes.filter((a) => a.assessments.length > 0)
    expect(assessed.length).toBeGreaterThanOrEqual(Math.ceil(squad.athletes.length * 0.6))
    expect(assessed.length).toBeLessThan(squad.athletes.length) // and a few were never screened
    for (const { athlete, assessments } of assessed) {
      for (const r of assessments) {
        expect(r.input.athlete).toEqual({ sex: athlete.sex, ageYears: ageOn(athlete.dateOfBirth!, r.date) })
      }
    }
  })

  it('is deterministic for the same athlete, story and date', () => {
    const { athlete } = squad.athletes[0]!
    const a = demoAssessments(athlete, 'steady', 40, '2026-03-10', TODAY.toISOString())
    const b = demoAssessments(athlete, 'steady', 40, '2026-03-10', TODAY.toISOString())
    expect(a).toEqual(b)
    expect(generateDemoSquad(TODAY).athletes.map((x) => x.assessments)).toEqual(squad.athletes.map((x) => x.assessments))
  })

  it("'red-flag': the latest assessment is red with a same-day suspected DVT after long-haul travel", () => {
    const [entry] = byStory('red flag')
    const latest = newest(entry!.assessments)
    const d = diagnose(latest.input)
    expect(d.triage).toBe('red')
    expect(d.referrals[0]).toMatchObject({ id: 'suspected-dvt', urgency: 'same-day' })
    expect(latest.input.history?.recentLongHaulTravel).toBe(true)
    expect(Math.abs(latest.input.symptoms?.calfCircumferenceDifferenceCm ?? 0)).toBeGreaterThanOrEqual(3)
    expect(d.recommendations.map((r) => r.id)).toEqual(['stop-running-and-get-checked'])
  })

  it("'amber-referral': amber, with a before-progressing referral and nothing more urgent", () => {
    const [entry] = byStory('amber referral')
    const d = diagnose(newest(entry!.assessments).input)
    expect(d.triage).toBe('amber')
    expect(d.referrals.map((r) => r.id)).toContain('suspected-achilles-tendinopathy')
    expect(d.referrals.every((r) => r.urgency === 'before-progressing')).toBe(true)
  })

  it("'improving': two assessments weeks apart with real gains in knee-to-wall and heel raises on both legs", () => {
    const entries = byStory('improving')
    expect(entries.length).toBeGreaterThan(0)
    for (const { assessments } of entries) {
      expect(assessments).toHaveLength(2)
      const [first, second] = [...assessments].sort((a, b) => (a.date < b.date ? -1 : 1)) as [AssessmentRecord, AssessmentRecord]
      const days = (Date.parse(second.date) - Date.parse(first.date)) / 86_400_000
      expect(days).toBeGreaterThanOrEqual(21)
      const changes = compareAssessments(first.input, second.input)
      for (const field of ['screening.kneeToWallCm', 'screening.singleLegHeelRaiseReps']) {
        const sides = changes.filter((c) => c.field === field)
        expect(sides.map((c) => [c.side, c.real, c.direction])).toEqual([
          ['left', true, 'better'],
          ['right', true, 'better'],
        ])
      }
      expect(changes.filter((c) => c.real && c.direction === 'worse')).toEqual([])
      for (const r of assessments) expect(diagnose(r.input).triage).toBe('green')
    }
  })

  it("'flare-after-spike': the training-load spike is the most likely factor", () => {
    const entries = byStory('flare after spike')
    expect(entries.length).toBeGreaterThan(0)
    for (const { assessments } of entries) {
      const d = diagnose(newest(assessments).input)
      expect(d.factors[0]).toMatchObject({ id: 'training-load-spike', likelihood: 'high' })
      expect(d.triage).toBe('green')
    }
  })

  it('the other stories show everyday overload factors and no referral', () => {
    const typical = new Set(['restricted-ankle-dorsiflexion', 'hip-abductor-weakness', 'footwear', 'excessive-pronation', 'gluteus-maximus-inhibition'])
    const others = squad.athletes.filter((a) => !/red flag|amber referral|improving|flare after spike|awaiting clearance|return to run/.test(a.athlete.notes))
    const seen = new Set<string>()
    let assessed = 0
    for (const { assessments } of others) {
      for (const r of assessments) {
        assessed++
        const d = diagnose(r.input)
        expect(d.triage).toBe('green')
        expect(d.factors.some((f) => typical.has(f.id))).toBe(true)
        expect(d.pattern.fit).not.toBe('atypical')
        d.factors.forEach((f) => seen.add(f.id))
      }
    }
    expect(assessed).toBeGreaterThan(8)
    for (const id of ['restricted-ankle-dorsiflexion', 'hip-abductor-weakness', 'footwear']) expect(seen.has(id), id).toBe(true)
  })

  it('an athlete without a date of birth gets the given age', () => {
    const athlete: Athlete = { ...squad.athletes[1]!.athlete, dateOfBirth: null }
    const records = demoAssessments(athlete, 'red-flag', 44, '2026-03-10', TODAY.toISOString())
    expect(records.map((r) => r.input.athlete?.ageYears)).toEqual([44, 44])
  })
})
