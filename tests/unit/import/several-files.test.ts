// Issue 12 item 8: several files chosen at once are previewed as one list through the worker: rows are
// numbered across the files and each says which file it came from; a broken file gives its own message
// and does not block the others.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitRunImport, previewRunImport } from '../../../electron/services/runs/import-service'
import { athleteRecord } from '../../../electron/services/runs/run-service'
import { makeActivity } from '../../fixtures/import/make-fit'
import { tempDir } from '../../support/temp'
import { setup } from '../runs/helpers'
import { gpxTrack, STRAVA_HEADER } from './generate'

describe('several files in one import', () => {
  it('one list across a FIT, a broken GPX and a Strava CSV; the broken one says why; the others import', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Jun Park')
    const dir = tempDir()
    const fit = path.join(dir, 'tuesday.fit')
    writeFileSync(fit, makeActivity({ start: new Date('2024-04-02T07:00:00Z'), sport: 'running', distanceM: 6000, elapsedSec: 1800, serial: 11, utcOffsetSec: 3600 }))
    const broken = path.join(dir, 'broken.gpx')
    writeFileSync(broken, gpxTrack(40).slice(0, 700))
    const csv = path.join(dir, 'activities.csv')
    writeFileSync(csv, `${STRAVA_HEADER}\n51,"Apr 3, 2024, 7:00:00 AM",Easy,Run,,1500,5.00,,1500.0,5000.0,10.0\n52,"Apr 4, 2024, 7:00:00 AM",Spin,Ride,,3600,20.00,,3600.0,20000.0,10.0\n`)
    dialogs.openPaths.push([fit, broken, csv])
    const p = await previewRunImport(services, { athleteId: id })
    if (p.status !== 'ready') throw new Error('expected a preview')
    expect(p.fileName).toBe('3 files')
    expect(p.format).toBe('mixed') // a FIT and a Strava CSV read: not one kind (the broken GPX gave no rows)
    expect(p.fileProblems).toEqual([])
    expect(p.rows.map((r) => [r.rowNumber, r.origin, r.status])).toEqual([
      [1, { file: 'tuesday.fit', row: 1 }, 'ready'],
      [2, { file: 'broken.gpx', row: 0 }, 'skipped'],
      [3, { file: 'activities.csv', row: 2 }, 'ready'],
      [4, { file: 'activities.csv', row: 3 }, 'skipped'],
    ])
    expect(p.rows[1]?.problems[0]).toMatch(/^broken\.gpx: This GPX file is incomplete/)
    expect(await commitRunImport(services, p.token, p.rows.filter((r) => r.preselected).map((r) => r.rowNumber))).toMatchObject({ added: 2, skippedInvalid: 0 })
    expect(athleteRecord(services, id).runs.map((r) => [r.date, r.distanceKm])).toEqual([
      ['2024-04-02', 6],
      ['2024-04-03', 5],
    ])
  })
})
