import { describe, expect, it } from 'vitest'
import { dateRangeText, datesInText, dateTimeText, dayMonth, longDate, relativeDay, startOfWeek, tableDate } from '../../../shared/format/dates'

describe('dates as a coach reads them', () => {
  it('tables: weekday, day and month in the locale’s order, with the year only when it is not this year', () => {
    expect(tableDate('2026-12-07', 'en-GB', '2026-12-09')).toBe('Mon 7 Dec')
    expect(tableDate('2026-12-07', 'en-US', '2026-12-09')).toBe('Mon, Dec 7')
    expect(tableDate('2025-12-07', 'en-GB', '2026-01-02')).toBe('Sun, 7 Dec 2025')
    expect(tableDate('2025-12-07', 'en-US', '2026-01-02')).toBe('Sun, Dec 7, 2025')
  })

  it('sentences and PDFs: the full date', () => {
    expect(longDate('2026-12-07', 'en-GB')).toBe('7 December 2026')
    expect(longDate('2026-12-07', 'en-US')).toBe('December 7, 2026')
  })

  it('never shifts a calendar date by a day, whatever the time zone', () => {
    // Formatting happens in UTC on UTC midnight: the first and last day of a year stay put.
    expect(longDate('2026-01-01', 'en-GB')).toBe('1 January 2026')
    expect(longDate('2026-12-31', 'en-GB')).toBe('31 December 2026')
  })

  it('relative days where they read better, the date once they would be vague', () => {
    expect(relativeDay('2026-12-07', '2026-12-07', 'en-GB')).toBe('today')
    expect(relativeDay('2026-12-06', '2026-12-07', 'en-GB')).toBe('yesterday')
    expect(relativeDay('2026-12-04', '2026-12-07', 'en-GB')).toBe('3 days ago')
    expect(relativeDay('2026-11-16', '2026-12-07', 'en-GB')).toBe('3 weeks ago')
    expect(relativeDay('2026-06-01', '2026-12-07', 'en-GB')).toBe('Mon 1 Jun')
  })

  it('ranges, short dates and moments', () => {
    const spaced = (s: string) => s.replace(/\s+/g, ' ')
    expect(spaced(dateRangeText('2026-12-07', '2026-12-13', 'en-GB'))).toBe('7 – 13 Dec')
    expect(spaced(dateRangeText('2026-12-07', '2026-12-13', 'en-US'))).toBe('Dec 7 – 13')
    expect(dayMonth('2026-03-03', 'en-GB')).toBe('3 Mar')
    expect(dateTimeText('2026-12-01T21:36:34.813Z', 'en-GB')).toMatch(/^(Mon, 30 Nov|Tue, 1 Dec|Wed, 2 Dec) 2026, \d\d:\d\d$/)
    expect(dateTimeText('not a time', 'en-GB')).toBe('not a time')
  })

  it('weeks start on Monday or Sunday as the coach chooses', () => {
    // 2026-12-09 is a Wednesday.
    expect(startOfWeek('2026-12-09', 'monday')).toBe('2026-12-07')
    expect(startOfWeek('2026-12-09', 'sunday')).toBe('2026-12-06')
    expect(startOfWeek('2026-12-06', 'sunday')).toBe('2026-12-06')
    expect(startOfWeek('2026-12-06', 'monday')).toBe('2026-11-30')
  })

  it('dates inside engine sentences and stored labels read as sentence dates; non-dates stay as written', () => {
    expect(datesInText('Pain 6/10 on 2026-11-30.', 'en-GB')).toBe('Pain 6/10 on 30 November 2026.')
    expect(datesInText('30 km a week from 2026-11-11 (regenerated 2026-12-02)', 'en-US')).toBe('30 km a week from November 11, 2026 (regenerated December 2, 2026)')
    expect(datesInText('code 2026-13-45 and 12026-11-30x', 'en-GB')).toBe('code 2026-13-45 and 12026-11-30x')
  })
})
