import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseRunFile } from '../../../electron/services/import/index'
import { text } from './helpers'

function tcx(activities: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>${activities}</Activities></TrainingCenterDatabase>`
}

const RUN = `<Activity Sport="Running"><Id>2024-05-01T17:30:00.000Z</Id>
  <Lap StartTime="2024-05-01T17:30:00.000Z"><TotalTimeSeconds>1500</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters>
    <Track><Trackpoint><Time>2024-05-01T17:30:00.000Z</Time></Trackpoint><Trackpoint><Time>2024-05-01T17:55:40.000Z</Time></Trackpoint></Track></Lap>
  <Lap StartTime="2024-05-01T17:55:40.000Z"><TotalTimeSeconds>300</TotalTimeSeconds><DistanceMeters>1000</DistanceMeters>
    <Track><Trackpoint><Time>2024-05-01T18:01:00.000Z</Time></Trackpoint></Track></Lap>
  <Notes>calf cramp after 25 min</Notes></Activity>`

describe('TCX import', () => {
  it('reads a run: laps summed, elapsed time to the last point, notes and a pain onset proposal', () => {
    const p = parseRunFile('run.tcx', text(tcx(RUN)), { timeZone: 'Europe/London' })
    expect(p.format).toBe('tcx')
    expect(p.fileProblems).toEqual([])
    expect(p.rows[0]?.run).toEqual({ date: '2024-05-01', distanceKm: 6, durationSec: 1860, notes: 'calf cramp after 25 min', source: { kind: 'gpx', key: 'tcx:2024-05-01T17:30:00.000Z' } })
    expect(p.rows[0]?.details).toMatchObject({ sport: 'running', startTime: '2024-05-01 18:30', timeZone: 'Europe/London', painOnset: { km: null, minutes: 25, text: 'calf cramp after 25 min' } })
  })

  it('skips a ride with its name, is found by content and unpacked from .tcx.gz (Strava bulk export)', () => {
    const ride = RUN.replace('Sport="Running"', 'Sport="Biking"')
    const p = parseRunFile('12345.tcx.gz', gzipSync(text(tcx(ride))), { timeZone: 'UTC' })
    expect(p.rows[0]?.problems).toEqual(['Skipped: this activity is biking, not a run.'])
    expect(parseRunFile('export', text(tcx(RUN)), { timeZone: 'UTC' }).format).toBe('tcx')
  })

  it('a cut-short TCX is refused whole', () => {
    const full = tcx(RUN)
    const p = parseRunFile('run.tcx', text(full.slice(0, Math.floor(full.length * 0.7))), { timeZone: 'UTC' })
    expect(p.rows).toEqual([])
    expect(p.fileProblems[0]).toMatch(/incomplete/)
  })
})
