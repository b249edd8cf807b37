import { describe, expect, it } from 'vitest'
import { type SquadTriage, SquadTriage as SquadTriageSchema, type SquadTriageEntry } from '../../../shared/api/channels/runs'
import type { Handlers } from '../../../shared/api/contract'
import { checkEntriesOnce } from '../../../electron/services/checked-entries'
import { createDispatcher } from '../../../electron/services/dispatch'
import { draft } from '../../support/temp'
import { boardFactsOf } from '../../../electron/services/runs/board-facts'
import { entryOf } from '../../../electron/services/runs/triage-service'
import { summariseAthlete } from '../../../shared/domain/summary'
import { ok, setup } from '../runs/helpers'

// The dispatcher checks the board's entries once per entry object (electron/services/checked-entries.ts): an
// entry handed out again by identity is not checked again, because the check froze it. These tests hold the
// guard to what it replaced: a broken entry is refused whether or not its neighbours were checked before, an
// entry checked once cannot be changed, and the answer sent is the one zod's full check gives.

const entry = (n: number, more: Partial<SquadTriageEntry> = {}): SquadTriageEntry => ({
  athleteId: `athlete-${n}`,
  name: `Athlete ${n}`,
  groupIds: [],
  level: 'green',
  reasons: [{ id: 'ok', text: 'Nothing to report', level: 'info' }],
  assessmentTriage: null,
  latestAssessmentDate: null,
  lastRunDate: '2026-11-20',
  sparkline: [{ weekStart: '2026-11-16', km: 12.5, maxPain: null }],
  locked: false,
  headline: 'Green: progress as planned',
  topReason: 'Nothing to report',
  runningAllowance: 'progress',
  seeClinicianToday: false,
  openReferrals: 0,
  weekKm: 12.5,
  weekMaxPain: null,
  ...more,
})

/** A dispatcher whose board handler answers whatever the test puts in `answer.next`. */
function boardDispatcher() {
  const answer: { next: unknown } = { next: null }
  const logged: string[] = []
  const handlers = { getSquadTriage: async () => answer.next } as unknown as Handlers
  const dispatch = createDispatcher(handlers, { readOnlyReason: () => null, logError: (e) => logged.push(String(e)) })
  return { answer, logged, board: () => dispatch('getSquadTriage', undefined) }
}

describe("the board's answer, entries checked once per object", () => {
  it('refuses a broken entry among entries checked before, and names it in the log', async () => {
    const { answer, logged, board } = boardDispatcher()
    const kept = [entry(1), entry(2), entry(3)]
    answer.next = { today: '2026-11-22', athletes: kept }
    expect((await board()).ok).toBe(true)
    // The same objects again, plus one that breaks the contract (a colour the board does not have).
    answer.next = { today: '2026-11-22', athletes: [...kept, { ...entry(4), level: 'purple' }] }
    const refused = await board()
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('internal')
    expect(logged.at(-1)).toMatch(/output of getSquadTriage broke the contract: .*athletes\.3\.level/)
    // A new object in place of a checked one is checked: an extra field is refused (strict entries).
    answer.next = { today: '2026-11-22', athletes: [kept[0], { ...kept[1], extra: 1 }] }
    expect((await board()).ok).toBe(false)
    // And the rest of the answer is still checked in full.
    answer.next = { today: 'not a day', athletes: kept }
    expect((await board()).ok).toBe(false)
    answer.next = { today: '2026-11-22', athletes: kept, extra: true }
    expect((await board()).ok).toBe(false)
  })

  it('freezes an entry it checked, so one handed out again holds what was checked', async () => {
    const { answer, board } = boardDispatcher()
    const kept = entry(1, { groupIds: ['group-a'] })
    answer.next = { today: '2026-11-22', athletes: [kept] }
    ok(await board())
    expect(() => {
      ;(kept as { level: string }).level = 'purple'
    }).toThrow(TypeError)
    expect(() => (kept.reasons as unknown[]).push({ id: 'x', text: 'x', level: 'nope' })).toThrow(TypeError)
    expect(() => {
      ;(kept.sparkline[0] as { km: number }).km = Number.NaN
    }).toThrow(TypeError)
    expect(() => (kept.groupIds as string[]).push('Not An Id')).toThrow(TypeError)
    expect(ok<SquadTriage>(await board()).athletes[0]).toStrictEqual(entry(1, { groupIds: ['group-a'] }))
  })

  it("answers exactly what zod's full check gives, the first time and when entries are seen again", () => {
    const check = checkEntriesOnce(SquadTriageSchema, 'athletes')
    const athletes = [entry(1), entry(2, { level: 'red', reasons: [{ id: 'r', text: 'See a clinician', level: 'red', date: '2026-11-21' }] })]
    const value = { today: '2026-11-22', athletes }
    const full = SquadTriageSchema.parse(value)
    const first = check(value)
    const again = check({ today: '2026-11-22', athletes: [...athletes] })
    expect(first.success && first.data).toStrictEqual(full)
    expect(again.success && again.data).toStrictEqual(full)
  })

  it("keeps a real board's answer the same, and the entries the board hands out again are the ones checked", async () => {
    const { dispatch, athlete } = await setup({ now: () => new Date('2026-11-22T12:00:00') })
    await athlete('Ada Lovelace')
    const id = await athlete('Grace Hopper')
    const first = ok<SquadTriage>(await dispatch('getSquadTriage', {}))
    const second = ok<SquadTriage>(await dispatch('getSquadTriage', {}))
    expect(second).toStrictEqual(first)
    expect(second.athletes[0]).toBe(first.athletes[0])
    // A save changes that athlete's entry (a new object, checked), and only theirs.
    ok(await dispatch('addRun', { athleteId: id, run: { date: '2026-11-22', distanceKm: 5 } }))
    const third = ok<SquadTriage>(await dispatch('getSquadTriage', {}))
    const grace = (b: SquadTriage) => b.athletes.find((a) => a.athleteId === id)!
    const ada = (b: SquadTriage) => b.athletes.find((a) => a.athleteId !== id)!
    expect(grace(third)).not.toBe(grace(second))
    expect(grace(third).lastRunDate).toBe('2026-11-22')
    expect(ada(third)).toBe(ada(second))
    // A new name or groups (the same facts) make a new entry that says so.
    const group = ok<{ id: string }>(await dispatch('createGroup', { name: 'Tuesday track' }))
    ok(await dispatch('updateAthlete', { id: ada(third).athleteId, draft: draft('Ada King', { groupIds: [group.id] }) }))
    const fourth = ok<SquadTriage>(await dispatch('getSquadTriage', {}))
    expect(ada(fourth)).toMatchObject({ name: 'Ada King', groupIds: [group.id] })
    expect(grace(fourth)).toBe(grace(third))
  })

  it("hands out an athlete's entry again only while their facts, id, name, groups and lock are the same", async () => {
    const { services, athlete } = await setup({ now: () => new Date('2026-11-22T12:00:00') })
    const id = await athlete('Ada Lovelace')
    const facts = boardFactsOf(summariseAthlete({ runs: [], assessments: [] }, '2026-11-22', null), '2026-11-22', 'monday')
    const ada = { ...services.db.squad.data.athletes.find((a) => a.id === id)!, groupIds: ['group-a'] }
    const first = entryOf(ada, facts, null)
    expect(entryOf({ ...ada, groupIds: ['group-a'] }, facts, null)).toBe(first)
    // Each below differs from the entry made just before it in one thing only.
    const base = () => expect(entryOf(ada, facts, null)).toMatchObject({ athleteId: id, name: 'Ada Lovelace', groupIds: ['group-a'], locked: false })
    expect(entryOf({ ...ada, id: 'another-athlete' }, facts, null).athleteId).toBe('another-athlete')
    base()
    expect(entryOf({ ...ada, name: 'Ada King' }, facts, null).name).toBe('Ada King')
    base()
    expect(entryOf({ ...ada, groupIds: ['group-b'] }, facts, null).groupIds).toEqual(['group-b'])
    base()
    const locked = entryOf(ada, facts, 'Written by a newer CalfCoach')
    expect(locked).toMatchObject({ locked: true })
    expect(locked.reasons.at(-1)).toMatchObject({ id: 'record-locked', text: 'Written by a newer CalfCoach' })
    base()
  })
})
