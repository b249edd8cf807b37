import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../shared/api/channels/search'
import { excerptAround, matchesQuery } from '../../../shared/search/find-text'
import { addDays } from '../../../shared/dates'
import { draft } from '../../support/temp'
import { CLEAN } from '../assessment/fixtures'
import { setupPlans, T0 } from '../plans/helpers'

describe('find-text', () => {
  it('matches every word in any order, ignoring case and accents', () => {
    expect(matchesQuery('Felt tight on the HILLS', 'hills tight')).toBe(true)
    expect(matchesQuery('Zoë Ryan', 'zoe')).toBe(true)
    expect(matchesQuery('Felt tight on the hills', 'hills sore')).toBe(false)
  })
  it('cuts long text around the first word', () => {
    const text = `${'a'.repeat(200)} the calf cramped badly ${'b'.repeat(200)}`
    const excerpt = excerptAround(text, 'cramped', 60)
    expect(excerpt).toMatch(/^….*cramped.*…$/)
    expect(excerpt.length).toBeLessThanOrEqual(62)
  })
})

describe('searchRecords', () => {
  it('finds run notes, assessment notes and plan names across the squad, and refuses a one-letter query', async () => {
    const t = await setupPlans()
    const ana = (await t.call<{ id: string }>('createAthlete', draft('Ana Hills'))).id
    const ben = (await t.call<{ id: string }>('createAthlete', draft('Ben Flat'))).id
    await t.call('addRun', { athleteId: ana, run: { date: addDays(T0, -3), distanceKm: 8, notes: 'Calf tight on the hills after 5 km' } })
    await t.call('addRun', { athleteId: ana, run: { date: addDays(T0, -2), distanceKm: 6, notes: 'easy, nothing to report' } })
    await t.call('saveAssessment', { athleteId: ben, date: T0, input: CLEAN, note: 'Tight calf on hills; check shoes' })
    const found = await t.call<{ hits: SearchHit[]; more: boolean }>('searchRecords', { query: 'HILLS tight' })
    expect(found.more).toBe(false)
    expect(found.hits.map((h) => [h.athleteName, h.kind, h.date])).toEqual([
      ['Ana Hills', 'run-note', addDays(T0, -3)],
      ['Ben Flat', 'assessment-note', T0],
    ])
    const short = await t.dispatch('searchRecords', { query: ' x ' })
    expect(short.ok ? null : short.error.code).toBe('invalid-input')
  })
})
