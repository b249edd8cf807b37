import { describe, expect, it } from 'vitest'
import type { SquadTriage } from '../../../shared/api/channels/runs'
import { DEFAULT_SQUAD_LIST_VIEW, SQUAD_SORT_COLUMNS, type Athlete } from '../../../shared/domain/squad'
import { buildSquadIndex, clickSort, sortSquad } from '../../../renderer/src/features/squad/squad-sort'

const TODAY = '2026-12-02'

function athlete(id: string, name: string, dateOfBirth: string | null, groupIds: string[] = []): Athlete {
  return { id, name, dateOfBirth, groupIds, sex: 'female', email: '', notes: '', archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } as Athlete
}

type Entry = SquadTriage['athletes'][number]
function boardLine(a: Athlete, lastRunDate: string | null, weekKm: number, weekMaxPain: number | null): Entry {
  return {
    athleteId: a.id, name: a.name, groupIds: a.groupIds, level: 'green', reasons: [], assessmentTriage: null, latestAssessmentDate: null, lastRunDate,
    sparkline: [], locked: false, headline: '', topReason: null, runningAllowance: 'progress', seeClinicianToday: false, openReferrals: 0, weekKm, weekMaxPain,
  }
}

const ann = athlete('ath-ann', 'Ann', '1990-05-01', ['grp-b'])
const ben = athlete('ath-ben', 'Ben', '1970-05-01', ['grp-a'])
const cat = athlete('ath-cat', 'Cat', null)
const dev = athlete('ath-dev', 'Dev', '1985-05-01', ['grp-a'])
// The board's order (who needs attention first): Dev, Ann, Ben; Cat is archived and not on it.
const triage: SquadTriage = { today: TODAY, athletes: [boardLine(dev, '2026-11-20', 0, null), boardLine(ann, '2026-12-01', 12.5, 7), boardLine(ben, '2026-11-30', 30, 2)] }
const groups = new Map([['grp-a', 'Masters'], ['grp-b', 'Beginners']])
const index = buildSquadIndex([ann, ben, cat, dev], groups, triage, TODAY)
const names = (column: (typeof SQUAD_SORT_COLUMNS)[number], direction: 'ascending' | 'descending') => sortSquad(index, column, direction).map((e) => e.athlete.name)

describe('squad list sorting', () => {
  it('sorts every column both ways, keeping athletes with nothing to sort on last', () => {
    expect(names('name', 'ascending')).toEqual(['Ann', 'Ben', 'Cat', 'Dev'])
    expect(names('name', 'descending')).toEqual(['Dev', 'Cat', 'Ben', 'Ann'])
    expect(names('age', 'ascending')).toEqual(['Ann', 'Dev', 'Ben', 'Cat'])
    expect(names('age', 'descending')).toEqual(['Ben', 'Dev', 'Ann', 'Cat'])
    expect(names('groups', 'ascending')).toEqual(['Ann', 'Ben', 'Dev', 'Cat'])
    expect(names('status', 'ascending')).toEqual(['Dev', 'Ann', 'Ben', 'Cat'])
    expect(names('status', 'descending')).toEqual(['Ben', 'Ann', 'Dev', 'Cat'])
    expect(names('lastRun', 'descending')).toEqual(['Ann', 'Ben', 'Dev', 'Cat'])
    expect(names('weekDistance', 'descending')).toEqual(['Ben', 'Ann', 'Dev', 'Cat'])
    // Dev logged no pain this week and Cat is archived: both last, by name.
    expect(names('weekPain', 'descending')).toEqual(['Ann', 'Ben', 'Cat', 'Dev'])
    expect(names('weekPain', 'ascending')).toEqual(['Ben', 'Ann', 'Cat', 'Dev'])
  })

  it('breaks ties by name whatever order the athletes came in', () => {
    const tied = buildSquadIndex([dev, ben, ann], groups, { today: TODAY, athletes: [boardLine(dev, null, 5, 3), boardLine(ben, null, 5, 3), boardLine(ann, null, 5, 3)] }, TODAY)
    expect(sortSquad(tied, 'weekDistance', 'descending').map((e) => e.athlete.name)).toEqual(['Ann', 'Ben', 'Dev'])
    expect(sortSquad([...tied].reverse(), 'weekPain', 'ascending').map((e) => e.athlete.name)).toEqual(['Ann', 'Ben', 'Dev'])
  })

  it('a click on the sorted column flips it; another column starts in its usual direction and keeps the filters', () => {
    const view = { ...DEFAULT_SQUAD_LIST_VIEW, groupId: 'grp-a' }
    expect(clickSort(view, 'name')).toEqual({ ...view, direction: 'descending' })
    expect(clickSort(clickSort(view, 'name'), 'name')).toEqual(view)
    expect(clickSort(view, 'weekPain')).toEqual({ ...view, sort: 'weekPain', direction: 'descending' })
    expect(clickSort(view, 'status')).toEqual({ ...view, sort: 'status', direction: 'ascending' })
  })
})
