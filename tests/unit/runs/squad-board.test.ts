import { describe, expect, it } from 'vitest'
import { addRun } from '../../../electron/services/runs/run-service'
import { addDays } from '../../../shared/dates'
import { type SquadBoard, SquadBoard as SquadBoardSchema, type SquadTriage, type SquadTriageEntry } from '../../../shared/api/channels/runs'
import { compactBoardEntry, expandBoardEntry, expandSquadBoard } from '../../../shared/api/squad-board'
import { ok, setup } from './helpers'

// getSquadBoard answers the board of getSquadTriage in fewer bytes (the sparkline's week starts once, no
// topReason); the renderer expands it. Both must be the same board, entry for entry, in the same order.

const TODAY = '2025-06-18' // a Wednesday

async function squadWithStatuses() {
  const ctx = await setup({ now: () => new Date(`${TODAY}T12:00:00`) })
  const { services, athlete, dispatch } = ctx
  const ids = [await athlete('Zoe Green'), await athlete('Mia Amber'), await athlete('No Runs Yet')]
  for (const back of [40, 13, 10, 6, 2]) await addRun(services, ids[0]!, { date: addDays(TODAY, -back), distanceKm: 6.25, painDuring: 1, painAfter: 1, painNextMorning: 0 })
  await addRun(services, ids[1]!, { date: addDays(TODAY, -1), distanceKm: 5, painDuring: 2, painAfter: 3, painNextMorning: 4 })
  return { ...ctx, ids, dispatch }
}

describe('the compact board (getSquadBoard)', () => {
  it('expands to exactly the answer of getSquadTriage, and is smaller', async () => {
    const { dispatch } = await squadWithStatuses()
    const triage = ok<SquadTriage>(await dispatch('getSquadTriage', { today: TODAY }))
    const board = ok<SquadBoard>(await dispatch('getSquadBoard', { today: TODAY }))
    expect(triage.athletes.length).toBe(3)
    expect(expandSquadBoard(board)).toStrictEqual(triage)
    expect(board.weeks).toHaveLength(12)
    expect(board.athletes.some((a) => a.sparkWeeks)).toBe(false)
    expect(JSON.stringify(board).length).toBeLessThan(JSON.stringify(triage).length)
    // Asked again with nothing changed: the same compact entries (checked once by the dispatcher).
    const again = ok<SquadBoard>(await dispatch('getSquadBoard', { today: TODAY }))
    expect(again.athletes[0]).toBe(board.athletes[0])
    expect(again).toStrictEqual(board)
  })

  it('follows a save like the triage board does', async () => {
    const { dispatch, ids } = await squadWithStatuses()
    ok(await dispatch('getSquadBoard', { today: TODAY }))
    ok(await dispatch('addRun', { athleteId: ids[2], run: { date: TODAY, distanceKm: 3 } }))
    const triage = ok<SquadTriage>(await dispatch('getSquadTriage', { today: TODAY }))
    const board = ok<SquadBoard>(await dispatch('getSquadBoard', { today: TODAY }))
    expect(expandSquadBoard(board)).toStrictEqual(triage)
    expect(triage.athletes.find((a) => a.athleteId === ids[2])?.lastRunDate).toBe(TODAY)
  })

  it("keeps an athlete's own sparkline weeks when they differ from the board's, and every field round-trips", () => {
    const entry: SquadTriageEntry = {
      athleteId: 'athlete-1',
      name: 'Ada',
      groupIds: ['group-a'],
      level: 'amber',
      reasons: [
        { id: 'a', text: 'First reason', level: 'amber', date: '2025-06-10' },
        { id: 'b', text: 'Second', level: 'info' },
      ],
      assessmentTriage: 'green',
      latestAssessmentDate: '2025-06-01',
      lastRunDate: '2025-06-17',
      sparkline: [
        { weekStart: '2025-06-09', km: 10.5, maxPain: 3 },
        { weekStart: '2025-06-16', km: 0, maxPain: null },
      ],
      locked: true,
      headline: 'Amber: hold, do not increase running',
      topReason: 'First reason',
      runningAllowance: 'hold',
      seeClinicianToday: false,
      openReferrals: 1,
      weekKm: 4.2,
      weekMaxPain: null,
    }
    const sameWeeks = compactBoardEntry(entry, ['2025-06-09', '2025-06-16'])
    expect(sameWeeks.sparkWeeks).toBeUndefined()
    expect(expandBoardEntry(sameWeeks, ['2025-06-09', '2025-06-16'])).toStrictEqual(entry)
    const otherWeeks = compactBoardEntry(entry, ['2025-06-02', '2025-06-09'])
    expect(otherWeeks.sparkWeeks).toEqual(['2025-06-09', '2025-06-16'])
    expect(expandBoardEntry(otherWeeks, ['2025-06-02', '2025-06-09'])).toStrictEqual(entry)
    const noReasons = { ...entry, reasons: [], topReason: null }
    expect(expandBoardEntry(compactBoardEntry(noReasons, ['2025-06-09', '2025-06-16']), ['2025-06-09', '2025-06-16'])).toStrictEqual(noReasons)
    expect(SquadBoardSchema.safeParse({ today: '2025-06-18', weeks: ['2025-06-09', '2025-06-16'], athletes: [sameWeeks, otherWeeks] }).success).toBe(true)
  })
})
