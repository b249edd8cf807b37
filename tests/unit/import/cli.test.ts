// `npm run --silent import -- <file>`: the preview as JSON, exit 0; a file that cannot be imported exits 2
// with the app's own message. One spawn per case: the first through tsx as `npm run` starts it, the others
// from a bundle of the same script (tests/support/script-bundle.ts), which starts ten times cheaper.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readRunFile } from '../../../electron/services/import/read-file'
import { gzipSync, zipSync } from 'fflate'
import { appendRawRecords, makeActivity, makeMultisport } from '../../fixtures/import/make-fit'
import { scriptRunner } from '../../support/script-bundle'
import { tempDir } from '../../support/temp'

const importCli = scriptRunner('scripts/import.ts')
afterAll(() => importCli.dispose())

describe('import command line', () => {
  it('prints one JSON object per row of a damaged triathlon FIT file, and exits 0', () => {
    const file = path.join(tempDir(), 'triathlon.fit')
    const legs = [
      { sport: 'swimming', subSport: 'openWater', distanceM: 1500, elapsedSec: 1920 },
      { sport: 'cycling', subSport: 'road', distanceM: 40_100, elapsedSec: 4300 },
      { sport: 'running', distanceM: 4492, elapsedSec: 1574 },
    ]
    writeFileSync(file, appendRawRecords(makeMultisport({ start: new Date('2024-07-14T06:00:00Z'), legs, serial: 3, utcOffsetSec: 3600 })))
    const r = importCli.viaTsx([file])
    expect(r.stderr).toMatch(/^import: note: Part of the FIT file could not be decoded/)
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(rows.map((x) => [x['sport'], x['status'], x['importable']])).toEqual([
      ['swimming (open water)', 'skipped', false],
      ['cycling (road)', 'skipped', false],
      ['running', 'ready', true],
    ])
    expect(rows[2]).toMatchObject({ date: '2024-07-14', startTime: '2024-07-14 08:43', timeZone: 'UTC+01:00', km: 4.492, seconds: 1574, warnings: [], notes: null })
  }, 150_000)

  it('an unreadable file exits 2 with the message the app shows, and prints nothing on stdout', async () => {
    const missing = path.join(tempDir(), 'gone.gpx')
    const r = importCli.run([missing])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const app = await readRunFile(missing, {})
    expect(r.stderr).toBe(`import: ${app.fileProblems[0]}\n`)
  }, 150_000)

  it('reads a Strava bulk export zip: one object per activities.csv row, with the file it came from', () => {
    const header = 'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Elapsed Time,Distance'
    const csv = `${header}\n7,"Mar 31, 2024, 2:30:00 AM",Hills,Run,,2700,8.00,activities/7.fit.gz,2700.0,8000.0\n8,"Apr 1, 2024, 5:00:00 PM",Spin,Ride,,3600,25.00,,3600.0,25000.0\n`
    const fit = makeActivity({ start: new Date('2024-03-31T02:30:00Z'), sport: 'running', distanceM: 8000, elapsedSec: 2700, serial: 9, utcOffsetSec: -7 * 3600 })
    const file = path.join(tempDir(), 'export.zip')
    writeFileSync(file, zipSync({ 'activities.csv': new TextEncoder().encode(csv), activities: { '7.fit.gz': gzipSync(fit) } }))
    const r = importCli.run([file, '--tz', 'Europe/London'])
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(rows.map((x) => [x['row'], x['file'], x['date'], x['timeZone'], x['status']])).toEqual([
      [2, 'activities/7.fit.gz', '2024-03-30', 'UTC-07:00', 'ready'],
      [3, 'activities.csv', null, 'Europe/London', 'skipped'],
    ])
  }, 150_000)
})
