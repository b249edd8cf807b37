import { describe, expect, it } from 'vitest'
import { haversineKm, parseRunFile } from '../../../electron/services/import/index'
import { fixture, text } from './helpers'

const R = 6371.0088
const degKm = (deg: number) => (R * deg * Math.PI) / 180

describe('haversineKm', () => {
  it('equals R·Δφ along a meridian and is symmetric', () => {
    expect(haversineKm(48, 2, 48.009, 2)).toBeCloseTo(degKm(0.009), 9)
    expect(haversineKm(48.009, 2, 48, 2)).toBeCloseTo(haversineKm(48, 2, 48.009, 2), 12)
    expect(haversineKm(0, 0, 0, 0)).toBe(0)
    // A quarter of the equator.
    expect(haversineKm(0, 0, 0, 90)).toBeCloseTo((Math.PI / 2) * R, 6)
  })
})

describe('GPX import', () => {
  it('sums distance within segments (not across the pause gap) and dates by the time zone', () => {
    const p = parseRunFile('run.gpx', fixture('run.gpx'), { timeZone: 'Europe/Paris' })
    expect(p.format).toBe('gpx')
    expect(p.fileProblems).toEqual([])
    // Segment 1: 48.000→48.045 (0.045°); segment 2: 48.100→48.136 (0.036°); the 0.055° jump is a pause.
    const expectedKm = Math.round(degKm(0.081) * 1000) / 1000
    expect(expectedKm).toBe(9.007)
    expect(p.rows[0]).toEqual({
      rowNumber: 1,
      // First point 2024-10-26T23:30Z = 01:30 on 27 Oct in Paris (summer time still on); last 00:30Z → 3600 s.
      run: { date: '2024-10-27', distanceKm: expectedKm, durationSec: 3600, notes: 'Night run over the DST change', source: { kind: 'gpx', key: 'gpx:2024-10-26T23:30:00.000Z' } },
      problems: [],
      flags: [],
      details: {
        sport: 'running',
        name: 'Night run over the DST change',
        startTime: '2024-10-27 01:30',
        timeZone: 'Europe/Paris',
        timeZoneSource: 'computer',
        notes: 'Night run over the DST change',
        painOnset: null,
      },
    })
    expect(p.rows[1]).toMatchObject({ rowNumber: 2, run: null, problems: ['Skipped: this track is cycling, not a run.'] })
  })

  it('the same instant is still 26 October in New York and in UTC', () => {
    expect(parseRunFile('run.gpx', fixture('run.gpx'), { timeZone: 'America/New_York' }).rows[0]?.run?.date).toBe('2024-10-26')
    expect(parseRunFile('run.gpx', fixture('run.gpx'), { timeZone: 'UTC' }).rows[0]?.run?.date).toBe('2024-10-26')
  })

  it('keeps the key stable whatever the time zone', () => {
    const a = parseRunFile('run.gpx', fixture('run.gpx'), { timeZone: 'UTC' })
    const b = parseRunFile('run.gpx', fixture('run.gpx'), { timeZone: 'Asia/Tokyo' })
    expect(a.rows[0]?.run?.source?.key).toBe(b.rows[0]?.run?.source?.key)
  })

  it('refuses the truncated GPX with a clear message and no rows', () => {
    const p = parseRunFile('broken.gpx', fixture('broken.gpx'))
    expect(p.rows).toEqual([])
    expect(p.fileProblems).toHaveLength(1)
    expect(p.fileProblems[0]).toMatch(/incomplete: it ends inside <gpx > trk > trkseg/)
    expect(p.fileProblems[0]).toMatch(/truncated/)
  })

  it('reports malformed XML with line and column', () => {
    const p = parseRunFile('x.gpx', text('<?xml version="1.0"?>\n<gpx><trk></gpx>'))
    expect(p.fileProblems[0]).toMatch(/not well-formed XML at line 2/)
  })

  it('skips a track without timestamps', () => {
    const p = parseRunFile('no-times.gpx', fixture('no-times.gpx'))
    expect(p.fileProblems).toEqual([])
    expect(p.rows).toMatchObject([{ rowNumber: 1, run: null, problems: ['Skipped: the track has no timestamps, so the run cannot be dated.'] }])
  })

  it('explains routes, missing tracks and non-GPX XML', () => {
    expect(parseRunFile('r.gpx', text('<gpx><rte><rtept lat="1" lon="2"/></rte></gpx>')).fileProblems[0]).toMatch(/planned route/)
    expect(parseRunFile('e.gpx', text('<gpx version="1.1"></gpx>')).fileProblems[0]).toMatch(/no track/)
    expect(parseRunFile('t.gpx', text('<TrainingCenterDatabase/>')).fileProblems[0]).toMatch(/no <gpx> element/)
  })

  it('does not expand DOCTYPE entities (billion laughs)', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      '<gpx><trk><name>&c;</name><trkseg><trkpt lat="1" lon="1"><time>2024-01-01T10:00:00Z</time></trkpt><trkpt lat="1.01" lon="1"><time>2024-01-01T10:06:00Z</time></trkpt></trkseg></trk></gpx>'
    const t0 = performance.now()
    const p = parseRunFile('bomb.gpx', text(bomb), { timeZone: 'UTC' })
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(p.rows[0]?.run?.date).toBe('2024-01-01')
  })

  it('refuses UTF-16, binary and empty GPX files', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(new TextEncoder().encode('<gpx/>')).flatMap((b) => [b, 0])])
    expect(parseRunFile('u.gpx', utf16).fileProblems[0]).toMatch(/UTF-16/)
    const garbage = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256)
    garbage[0] = 0x3c // starts like XML
    expect(parseRunFile('b.gpx', garbage).fileProblems[0]).toMatch(/binary data/)
    expect(parseRunFile('e.gpx', new Uint8Array(0)).fileProblems[0]).toMatch(/empty/)
    expect(parseRunFile('w.gpx', text('  \n ')).fileProblems[0]).toMatch(/empty/)
  })
})
