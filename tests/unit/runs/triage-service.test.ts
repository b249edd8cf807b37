import { describe, expect, it } from 'vitest'
import { addRun } from '../../../electron/services/runs/run-service'
import { latestAssessment, squadTriage } from '../../../electron/services/runs/triage-service'
import { setArchived, updateSettings } from '../../../electron/services/squad/squad-service'
import { diagnose } from '../../../shared/assessment/diagnose'
import type { AssessmentInput } from '../../../shared/assessment/schema'
import { addDays } from '../../../shared/dates'
import type { AssessmentRecord } from '../../../shared/domain/documents'
import type { SquadTriage } from '../../../shared/api/channels/runs'
import { ok, setup } from './helpers'

const TODAY = '2025-06-18' // a Wednesday

/** Four easy, pain-free runs over the last two weeks: green. */
async function easyWeeks(services: Parameters<typeof addRun>[0], id: string) {
  for (const back of [13, 10, 6, 2]) await addRun(services, id, { date: addDays(TODAY, -back), distanceKm: 6, painDuring: 1, painAfter: 1, painNextMorning: 0 })
}

const RED_INPUT: AssessmentInput = { symptoms: { location: 'calf', chestPainOrBreathlessness: true } }

function assessment(date: string, input: AssessmentInput, n: number): AssessmentRecord {
  return { id: `asm-${n}-test`, date, input, note: '', createdAt: `${date}T10:00:00.000Z`, updatedAt: `${date}T10:00:00.000Z` }
}

describe('squad triage board', () => {
  it('sorts red before amber before green, names breaking ties, and leaves archived athletes out', async () => {
    const { services, athlete } = await setup()
    const green2 = await athlete('Zoe Green')
    const green1 = await athlete('Adam Green')
    const amber = await athlete('Mia Amber')
    const red = await athlete('Yan Red')
    const archived = await athlete('Old Archived')
    for (const id of [green1, green2, amber, red, archived]) await easyWeeks(services, id)
    // Red means an open referral that needs a clinician today or stops running (issue 10): here a possible clot.
    await services.db.athleteDoc(red).mutate((d) => ({ ...d, assessments: [assessment('2025-06-10', RED_INPUT, 1)] }))
    // Next-morning pain of 4/10 has not settled → amber.
    await addRun(services, amber, { date: addDays(TODAY, -1), distanceKm: 5, painDuring: 2, painAfter: 3, painNextMorning: 4 })
    await setArchived(services, archived, true)

    const board = (await squadTriage(services, TODAY))
    expect(board.today).toBe(TODAY)
    expect(board.athletes.map((a) => [a.name, a.level])).toEqual([
      ['Yan Red', 'red'],
      ['Mia Amber', 'amber'],
      ['Adam Green', 'green'],
      ['Zoe Green', 'green'],
    ])
    expect(board.athletes[0]!.reasons[0]).toMatchObject({ id: 'referral-needs-clinician-today', level: 'red' })
    expect(board.athletes[0]).toMatchObject({ headline: 'Red: see a clinician today, no running', seeClinicianToday: true, runningAllowance: 'none', openReferrals: 1 })
    expect(board.athletes[1]!.reasons.map((r) => r.id)).toContain('next-morning-not-settled')
    expect(board.athletes[1]).toMatchObject({ headline: 'Amber: hold, do not increase running', runningAllowance: 'hold', seeClinicianToday: false })
    expect(board.athletes[1]!.topReason).toMatch(/next-morning|morning/i)
    expect(board.athletes[2]!.lastRunDate).toBe(addDays(TODAY, -2))
    // This week (Monday 2025-06-16 to Wednesday): the run two days ago only.
    expect(board.athletes[2]!.weekKm).toBe(6)
    expect(board.athletes[2]!.headline).toBe('Green: progress as planned')
  })

  it("counts this week's distance and highest pain from the coach's first day of the week", async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Sol Sunday')
    // Sunday 15 June: 8 km, 4/10 after; Tuesday 17 June: 5 km, 3/10 the next morning.
    await addRun(services, id, { date: addDays(TODAY, -3), distanceKm: 8, painDuring: 1, painAfter: 4, painNextMorning: 1 })
    await addRun(services, id, { date: addDays(TODAY, -1), distanceKm: 5, painDuring: 2, painAfter: 2, painNextMorning: 3 })
    const monday = (await squadTriage(services, TODAY)).athletes[0]!
    expect([monday.weekKm, monday.weekMaxPain, monday.sparkline.at(-1)!.weekStart]).toEqual([5, 3, '2025-06-16'])
    await updateSettings(services, { weekStartsOn: 'sunday' })
    const sunday = (await squadTriage(services, TODAY)).athletes[0]!
    expect([sunday.weekKm, sunday.weekMaxPain, sunday.sparkline.at(-1)!.weekStart]).toEqual([13, 4, '2025-06-15'])
    await updateSettings(services, { weekStartsOn: 'monday' })
    await addRun(services, await athlete('No Runs This Week'), { date: addDays(TODAY, -9), distanceKm: 4, painDuring: 6 })
    expect((await squadTriage(services, TODAY)).athletes.find((a) => a.name === 'No Runs This Week')!.weekMaxPain).toBeNull()
  })

  it('moves an athlete to the top when they log high pain: amber hold, not red (pain alone is no referral)', async () => {
    const { dispatch, services, athlete } = await setup()
    const a = await athlete('Ava First')
    const b = await athlete('Bo Second')
    await easyWeeks(services, a)
    await easyWeeks(services, b)
    const before = ok<SquadTriage>(await dispatch('getSquadTriage', { today: TODAY }))
    expect(before.athletes.map((x) => x.name)).toEqual(['Ava First', 'Bo Second'])
    ok(await dispatch('addRun', { athleteId: b, run: { date: TODAY, distanceKm: 6, painDuring: 8 } }))
    const after = ok<SquadTriage>(await dispatch('getSquadTriage', { today: TODAY }))
    expect(after.athletes.map((x) => [x.name, x.level, x.runningAllowance])).toEqual([
      ['Bo Second', 'amber', 'hold'],
      ['Ava First', 'green', 'progress'],
    ])
    expect(after.athletes[0]!.reasons[0]).toMatchObject({ id: 'pain-during-above-limit', level: 'amber' })
  })

  it('uses the rules engine on the latest assessment: a red triage makes the athlete red without any runs', async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Cara Clot')
    const other = await athlete('Abe Fine')
    await easyWeeks(services, other)
    expect(diagnose(RED_INPUT).triage).toBe('red')
    const older = assessment('2025-05-01', {}, 1)
    const latest = assessment('2025-06-01', RED_INPUT, 2)
    await services.db.athleteDoc(id).mutate((d) => ({ ...d, assessments: [latest, older] }))
    expect(latestAssessment([older, latest])?.id).toBe(latest.id)

    const board = (await squadTriage(services, TODAY))
    expect(board.athletes[0]).toMatchObject({ name: 'Cara Clot', level: 'red', assessmentTriage: 'red', latestAssessmentDate: '2025-06-01', lastRunDate: null })
    expect(board.athletes[0]!.reasons[0]!.id).toBe('referral-needs-clinician-today')
    expect(board.athletes[0]!.reasons.map((r) => r.id)).toContain('no-runs')
    expect(board.athletes[1]).toMatchObject({ name: 'Abe Fine', assessmentTriage: null })
  })

  it('gives a 12-week sparkline ending this week, in km', async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Dee Spark')
    await addRun(services, id, { date: TODAY, distanceKm: 5, painDuring: 3 })
    await addRun(services, id, { date: addDays(TODAY, -1), distanceKm: 7.5 })
    await addRun(services, id, { date: addDays(TODAY, -200), distanceKm: 30 })
    const [entry] = (await squadTriage(services, TODAY)).athletes
    expect(entry!.sparkline).toHaveLength(12)
    expect(entry!.sparkline.at(-1)).toEqual({ weekStart: '2025-06-16', km: 12.5, maxPain: 3 })
    expect(entry!.sparkline.slice(0, -1).every((p) => p.km === 0)).toBe(true)
  })

  it('flags a locked record instead of failing', async () => {
    const { services, athlete } = await setup()
    const id = await athlete('Eve Locked')
    services.db.athleteDoc(id).lockedReason = 'written by a newer CalfCoach'
    const [entry] = (await squadTriage(services, TODAY)).athletes
    expect(entry!.locked).toBe(true)
    expect(entry!.reasons.at(-1)).toEqual({ id: 'record-locked', text: 'written by a newer CalfCoach', level: 'info' })
  })
})
