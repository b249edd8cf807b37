import { describe, expect, it } from 'vitest'
import { emptyRunForm, fieldForIssue, parseRunForm, runToForm } from '../../../renderer/src/features/log/run-form'
import { guessMapping } from '../../../renderer/src/features/log/csv-mapping'

const TODAY = '2025-06-18'
const form = (patch: Partial<ReturnType<typeof emptyRunForm>>) => ({ ...emptyRunForm(TODAY), ...patch })

describe('quick-add form parsing', () => {
  it('turns typed km values into a run in SI units', () => {
    const r = parseRunForm(form({ distance: '6,5', duration: '45:30', painDuring: '3', painAfter: '2', onset: '4.5', performance: '90%', notes: ' tight ' }), 'km', { today: TODAY })
    expect(r).toEqual({
      ok: true,
      run: { date: TODAY, distanceKm: 6.5, durationSec: 2730, painDuring: 3, painAfter: 2, painNextMorning: null, painOnsetKm: 4.5, painOnsetMinutes: null, performancePercent: 90, notes: 'tight' },
    })
  })

  it('reads miles as miles and stores km; onset can be minutes', () => {
    const r = parseRunForm(form({ distance: '5', onset: '20 min' }), 'mi', { today: TODAY })
    if (!r.ok) throw new Error('expected ok')
    expect(r.run.distanceKm).toBeCloseTo(8.04672, 6)
    expect(r.run.painOnsetMinutes).toBe(20)
    expect(r.run.painOnsetKm).toBeNull()
    // And back: the edit row shows the same miles the coach typed.
    const back = runToForm({ ...r.run, id: 'run-x', createdAt: '', updatedAt: '' }, 'mi')
    expect(back.distance).toBe('5')
    expect(back.onset).toBe('20 min')
  })

  it('names every bad field and builds nothing', () => {
    const r = parseRunForm(form({ date: '2025-06-19', distance: 'six', duration: '1:75', painDuring: '11', painAfter: '-1', onset: 'soon', performance: '200' }), 'km', { today: TODAY })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual(['date', 'distance', 'duration', 'onset', 'painAfter', 'painDuring', 'performance'])
    expect(r.errors.date).toBe('the run cannot be in the future')
    expect(parseRunForm(form({ distance: '5', onset: '6' }), 'km', { today: TODAY })).toMatchObject({ ok: false, errors: { onset: 'cannot be beyond the run’s distance' } })
    expect(parseRunForm(form({ distance: '' }), 'mi', { today: TODAY })).toMatchObject({ ok: false, errors: { distance: 'enter the distance in mi' } })
  })

  it('keeps what the form does not show (source, shoes) when editing', () => {
    const r = parseRunForm(form({ distance: '5' }), 'km', { today: TODAY, base: { source: { kind: 'fit', key: 'k' }, shoes: 'Pegasus' } })
    expect(r.ok && r.run.source).toEqual({ kind: 'fit', key: 'k' })
    expect(r.ok && r.run.shoes).toBe('Pegasus')
  })

  it('maps server issue paths back to form fields', () => {
    expect(fieldForIssue('run.distanceKm')).toBe('distance')
    expect(fieldForIssue('entries.3.painDuring')).toBe('painDuring')
    expect(fieldForIssue('run.painOnsetMinutes')).toBe('onset')
    expect(fieldForIssue('athleteId')).toBeNull()
  })
})

describe('CSV column guess', () => {
  it('guesses the generic fixture’s columns, the specific pain columns before the plain one', () => {
    expect(guessMapping(['Day', 'Km', 'Time', 'Pain (during)', 'Pain after', 'Morning pain', 'Onset km', 'Shoes', 'Notes'], 'mi')).toEqual({
      date: 'Day',
      distance: 'Km',
      distanceUnit: 'km',
      dateFormat: 'auto',
      duration: 'Time',
      painDuring: 'Pain (during)',
      painAfter: 'Pain after',
      painNextMorning: 'Morning pain',
      painOnsetDistance: 'Onset km',
      shoes: 'Shoes',
      notes: 'Notes',
    })
    expect(guessMapping(['When', 'Miles'], 'km')).toEqual({ date: 'When', distance: 'Miles', distanceUnit: 'mi', dateFormat: 'auto' })
  })
})
