import { describe, expect, it } from 'vitest'
import { parseRunFile } from '../../../electron/services/import/index'
import { text } from './helpers'

const HEADER = 'Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Elapsed Time'

describe("Garmin Connect's Activities.csv", () => {
  it('reads runs as dated in the file, skips other sports by name, refuses rows that do not match the header', () => {
    const csv = [
      HEADER,
      'Running,2024-05-01 07:00:00,false,Easy calf test 3k,5.02,300,00:27:30,140,00:28:10',
      'Trail Running,2024-05-02 23:30:00,false,Night trail,8.00,500,00:50:00,150,00:52:00.5',
      'Cycling,2024-05-03 07:00:00,false,Commute,12.00,300,00:30:00,120,00:31:00',
      'Running,2024-05-04 07:00:00,false,Cut',
    ].join('\n')
    const p = parseRunFile('Activities.csv', text(csv), { timeZone: 'America/New_York' })
    expect(p.format).toBe('csv')
    expect(p.fileProblems).toEqual([])
    expect(p.rows.map((r) => r.run?.date ?? r.problems[0])).toEqual([
      '2024-05-01',
      '2024-05-02',
      'Skipped: this activity is cycling, not a run.',
      'Skipped: row 5 has 4 of the 9 cells the header names, so the file was probably cut short in this row; its values would land in the wrong columns.',
    ])
    expect(p.rows[0]?.run).toMatchObject({ distanceKm: 5.02, durationSec: 1690, notes: 'Easy calf test 3k' })
    expect(p.rows[1]?.run?.durationSec).toBe(3120)
    expect(p.rows[1]?.details).toMatchObject({ sport: 'trail running', name: 'Night trail', startTime: '2024-05-02 23:30', timeZone: null, timeZoneSource: 'file' })
    expect(p.warnings?.[0]).toMatch(/read as kilometres/)
  })
})
