import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseRunFile } from '../../../electron/services/import/index'
import { makeActivity } from '../../fixtures/import/make-fit'
import { fixture } from './helpers'

describe('FIT import (@garmin/fitsdk)', () => {
  it('reads the fixture activity: local date, km, elapsed seconds, stable key', () => {
    const p = parseRunFile('activity.fit', fixture('activity.fit'), { timeZone: 'America/Los_Angeles' })
    expect(p.format).toBe('fit')
    expect(p.fileProblems).toEqual([])
    expect(p.rows).toHaveLength(1)
    // 07:10 UTC on 2024-03-31 (the EU DST day); the file's own local time (UTC+2) wins over the option.
    expect(p.rows[0]).toEqual({
      rowNumber: 1,
      run: { date: '2024-03-31', distanceKm: 5, durationSec: 1800, source: { kind: 'fit', key: 'fit:3456789012:1711869000:1711869000' } },
      problems: [],
      flags: [],
      details: { sport: 'running', name: null, startTime: '2024-03-31 09:10', timeZone: 'UTC+02:00', timeZoneSource: 'file', notes: null, painOnset: null },
    })
    expect(p.warnings).toBeUndefined()
  })

  it('gives the same key on every parse (idempotent import)', () => {
    const a = parseRunFile('activity.fit', fixture('activity.fit'))
    const b = parseRunFile('renamed.fit', fixture('activity.fit'))
    expect(a.rows[0]?.run?.source?.key).toBe(b.rows[0]?.run?.source?.key)
  })

  it('uses the device local time for the date, not UTC', () => {
    // 23:30 UTC on 1 May with the watch at UTC+2 → it was 01:30 on 2 May for the runner.
    const bytes = makeActivity({ start: new Date('2024-05-01T23:30:00Z'), sport: 'running', distanceM: 8000, elapsedSec: 2400, serial: 1, utcOffsetSec: 7200 })
    expect(parseRunFile('late.fit', bytes, { timeZone: 'UTC' }).rows[0]?.run?.date).toBe('2024-05-02')
  })

  it('skips a non-running session with a reason', () => {
    const p = parseRunFile('ride.fit', fixture('ride.fit'))
    expect(p.fileProblems).toEqual([])
    expect(p.rows).toMatchObject([{ rowNumber: 1, run: null, problems: ['Skipped: this session is cycling, not a run.'] }])
  })

  it('refuses the truncated copy with a clear message and no rows', () => {
    const p = parseRunFile('activity-truncated.fit', fixture('activity-truncated.fit'))
    expect(p.format).toBe('fit')
    expect(p.rows).toEqual([])
    expect(p.fileProblems).toHaveLength(1)
    expect(p.fileProblems[0]).toMatch(/truncated: it has 519 of the 865 bytes/)
  })

  it('refuses a file whose checksum does not match (one flipped byte)', () => {
    const bytes = fixture('activity.fit').slice()
    bytes[200] = (bytes[200] ?? 0) ^ 0xff
    const p = parseRunFile('activity.fit', bytes)
    expect(p.rows).toEqual([])
    expect(p.fileProblems[0]).toMatch(/damaged: its checksum does not match/)
  })

  it('refuses binary garbage named .fit', () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)
    const p = parseRunFile('watch.fit', garbage)
    expect(p.format).toBe('fit')
    expect(p.rows).toEqual([])
    expect(p.fileProblems[0]).toMatch(/not a FIT file/)
  })

  it('refuses an empty or tiny .fit', () => {
    expect(parseRunFile('a.fit', new Uint8Array(0)).fileProblems[0]).toMatch(/empty/)
    expect(parseRunFile('a.fit', new Uint8Array([14, 16, 0, 0])).fileProblems[0]).toMatch(/not a FIT file/)
  })

  it('falls back to track points when the session summary is missing', () => {
    const bytes = makeActivity({ start: new Date('2024-06-01T06:00:00Z'), sport: 'running', distanceM: 4000, elapsedSec: 1500, serial: 7, utcOffsetSec: 0, omitSummary: true })
    const p = parseRunFile('crash.fit', bytes, { timeZone: 'Europe/Berlin' })
    expect(p.fileProblems).toEqual([])
    expect(p.rows[0]?.run).toMatchObject({ date: '2024-06-01', distanceKm: 4, durationSec: 1500 })
    expect(p.rows[0]?.problems[0]).toMatch(/no session summary/)
    expect(p.warnings?.[0]).toMatch(/no local time; dates use the Europe\/Berlin time zone/)
  })

  it('detects FIT by content even with a wrong name, and unpacks .fit.gz (Strava bulk export)', () => {
    const plain = parseRunFile('activity.fit', fixture('activity.fit'))
    expect(parseRunFile('export.bin', fixture('activity.fit')).rows).toEqual(plain.rows)
    expect(parseRunFile('12345.fit.gz', gzipSync(fixture('activity.fit'))).rows).toEqual(plain.rows)
  })
})
