import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES, parseRunFile } from '../../../electron/services/import/index'
import { text } from './helpers'

describe('hostile input', () => {
  it('refuses a 50 MB+ file at once, whatever its name, without parsing it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41)
    for (const name of ['big.csv', 'big.gpx', 'big.fit', 'big']) {
      const t0 = performance.now()
      const p = parseRunFile(name, big)
      const ms = performance.now() - t0
      expect(ms).toBeLessThan(50)
      expect(p.rows).toEqual([])
      expect(p.fileProblems).toEqual(['The file is 50.0 MB; the import limit is 50.0 MB. Nothing was imported.'])
    }
    expect(parseRunFile('big.gpx', big).format).toBe('gpx')
  })

  it('refuses a .gz that unpacks beyond the limit (zip bomb) quickly', () => {
    const bomb = gzipSync(new Uint8Array(MAX_IMPORT_BYTES + 1024))
    expect(bomb.length).toBeLessThan(100_000)
    const t0 = performance.now()
    const p = parseRunFile('activities.csv.gz', bomb)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(p.rows).toEqual([])
    expect(p.fileProblems[0]).toMatch(/Unpacked, the file is more than 50.0 MB/)
  })

  it('a damaged .gz is a clear problem', () => {
    const gz = gzipSync(text('date,km\n2024-05-01,5\n'))
    const p = parseRunFile('log.csv.gz', gz.subarray(0, gz.length - 6))
    expect(p.fileProblems[0]).toMatch(/could not be unpacked/)
  })

  it('empty files are refused for every format', () => {
    for (const name of ['a.csv', 'a.gpx', 'a.fit', 'noext']) {
      const p = parseRunFile(name, new Uint8Array(0))
      expect(p.rows).toEqual([])
      expect(p.fileProblems[0]).toMatch(/empty/)
    }
  })

  it('never throws, and either has file problems and no rows or rows with runs that validate (property)', () => {
    const names = fc.constantFrom('a.csv', 'a.gpx', 'a.fit', 'a', 'a.csv.gz', 'x.txt')
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string({ maxLength: 500 }).map((s) => text(s)),
      fc.string({ maxLength: 300 }).map((s) => text(`date,km\n${s}`)),
      fc.string({ maxLength: 300 }).map((s) => text(`<gpx><trk><trkseg>${s}</trkseg></trk></gpx>`)),
    )
    fc.assert(
      fc.property(names, bytes, (name, b) => {
        const p = parseRunFile(name, b, { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km' }, timeZone: 'UTC' })
        expect(['fit', 'gpx', 'strava-csv', 'csv']).toContain(p.format)
        if (p.fileProblems.length > 0) expect(p.rows).toEqual([])
        for (const row of p.rows) {
          if (row.run) {
            expect(row.run.distanceKm).toBeGreaterThan(0)
            expect(row.run.source?.key).toBeTruthy()
          } else {
            expect(row.problems.length).toBeGreaterThan(0)
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it('an unknown time zone is a file problem, not a crash', () => {
    const p = parseRunFile('a.gpx', text('<gpx/>'), { timeZone: 'Mars/Olympus' })
    expect(p.fileProblems[0]).toMatch(/Unknown time zone/)
  })
})
