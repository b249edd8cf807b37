// The import service with its worker: a big file can be cancelled (nothing is kept or saved), the notes
// and a proposed pain onset are imported only as the coach chooses, and the athlete's time zone is used.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startParseJob } from '../../../electron/services/import/parse-job'
import { readRunFiles } from '../../../electron/services/import/read-files'
import { cancelRunImport, commitRunImport, describeRows, previewRunImport, runImportProgress } from '../../../electron/services/runs/import-service'
import { athleteRecord } from '../../../electron/services/runs/run-service'
import type { ImportPreviewResult, ReadyImportPreview } from '../../../shared/api/channels/runs'
import { tempDir } from '../../support/temp'
import { setup } from '../runs/helpers'
import { gpxTrack, STRAVA_HEADER, stravaCsv } from './generate'

function ready(p: ImportPreviewResult): ReadyImportPreview {
  if (p.status !== 'ready') throw new Error('expected a preview')
  return p
}

const waitForNextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('import through the worker', () => {
  it('Cancel while a big GPX is read: the preview answers "cancelled" and nothing is saved', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Cora Quinn')
    const file = path.join(tempDir(), 'big.gpx')
    writeFileSync(file, gpxTrack(60_000))
    dialogs.openPaths.push(file)
    const progressId = '11111111-2222-4333-8444-555555555555'
    expect(runImportProgress(services, progressId).state).toBe('idle')
    const pending = previewRunImport(services, { athleteId: id, progressId })
    while (runImportProgress(services, progressId).state !== 'reading') await waitForNextTurn()
    expect(cancelRunImport(services, progressId)).toEqual({ cancelled: true })
    await expect(pending).resolves.toEqual({ status: 'cancelled' })
    expect(runImportProgress(services, progressId).state).toBe('idle')
    expect(cancelRunImport(services, progressId)).toEqual({ cancelled: false })
    expect(athleteRecord(services, id).runs).toEqual([])
  })

  it('imports the notes unless unticked, and a proposed pain onset only when confirmed; dates in the profile time zone', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Dev Patel', { timeZone: 'America/Los_Angeles' })
    const csv = [
      STRAVA_HEADER,
      // 03:30 UTC on 2 April is still 1 April in Los Angeles.
      '901,"Apr 2, 2024, 3:30:00 AM",Tempo,Run,calves tight at 5k,1800,6.00,,1800.0,6000.0,31.0',
      '902,"Apr 3, 2024, 3:30:00 AM",Long run,Run,,3600,12.00,calf cramp after 40 min,3600.0,12000.0,31.0',
      '903,"Apr 4, 2024, 3:30:00 AM",Shakeout,Run,felt fine,1500,5.00,,1500.0,5000.0,31.0',
    ].join('\n')
    const file = path.join(tempDir(), 'activities.csv')
    writeFileSync(file, csv)
    dialogs.openPaths.push(file)
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.rows.map((r) => [r.run?.date, r.details?.timeZone, r.details?.timeZoneSource])).toEqual([
      ['2024-04-01', 'America/Los_Angeles', 'profile'],
      ['2024-04-02', 'America/Los_Angeles', 'profile'],
      ['2024-04-03', 'America/Los_Angeles', 'profile'],
    ])
    expect(p.rows.map((r) => r.details?.painOnset)).toEqual([
      { km: 5, minutes: null, text: 'calves tight at 5k' },
      { km: null, minutes: 40, text: 'calf cramp after 40 min' },
      null,
    ])
    expect(p.rows.every((r) => r.preselected && r.status === 'ready')).toBe(true)
    await commitRunImport(services, p.token, [2, 3, 4], { withoutNotes: [4], painOnsetRows: [2] })
    const runs = athleteRecord(services, id).runs
    expect(runs.map((r) => [r.date, r.notes ?? null, r.painOnsetKm ?? null, r.painOnsetMinutes ?? null])).toEqual([
      ['2024-04-01', 'Tempo — calves tight at 5k', 5, null],
      ['2024-04-02', 'Long run — calf cramp after 40 min', null, null],
      ['2024-04-03', null, null, null],
    ])
  })

  it('flagged rows and rows with warnings start unticked; clean rows start ticked', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Eli Moss')
    const csv = [
      STRAVA_HEADER,
      '801,"Apr 2, 2024, 7:00:00 AM",x,Run,,1800,6.00,,1800.0,6000.0,31.0',
      // 30 km in 30 min: a car, not a run.
      '802,"Apr 3, 2024, 7:00:00 AM",x,Run,,1800,30.00,,1800.0,30000.0,31.0',
    ].join('\n')
    const file = path.join(tempDir(), 'activities.csv')
    writeFileSync(file, csv)
    dialogs.openPaths.push(file)
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.rows.map((r) => [r.status, r.preselected])).toEqual([
      ['ready', true],
      ['check', false],
    ])
    expect(p.rows[1]?.flags[0]).toMatch(/faster than 2:30 per km/)
  })

  it('a big export sends only the first rows; the rest are imported as chosen (the ready ones by default)', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Fay Lund')
    const file = path.join(tempDir(), 'activities.csv')
    writeFileSync(file, stravaCsv(1_200))
    dialogs.openPaths.push(file)
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.rows).toHaveLength(500)
    expect(p.counts.rows).toBe(1_200)
    expect(p.notShown).toEqual({ rows: 700, preselected: 700, importable: 700 })
    // Ten of the rows shown, and none of the rest.
    expect(await commitRunImport(services, p.token, p.rows.slice(0, 10).map((r) => r.rowNumber), { rowsNotShown: 'none' })).toMatchObject({ added: 10 })
    // Then the ready rows not shown.
    expect(await commitRunImport(services, p.token, [], { rowsNotShown: 'preselected' })).toMatchObject({ added: 700 })
    expect(athleteRecord(services, id).runs).toHaveLength(710)
  })

  it('rows come from the worker in batches as exactly the rows read in one piece, in order', async () => {
    const file = path.join(tempDir(), 'activities.csv')
    // Several batches and a part-filled last one.
    writeFileSync(file, stravaCsv(5_001))
    const whole = await readRunFiles([file], {})
    const batched = await startParseJob([file], {}).result
    expect(batched?.rows.length).toBe(5_001)
    expect(batched).toEqual(whole)
  })

  // 8,000 rows: 32 of the worker's batches and 16 slices of the preview's description, past the 500 shown; the
  // bench reads the 50,000-row file (npm run bench), where speed, not correctness, depends on the size.
  it('an 8,000-row file: the preview and the commit say what the rows read in one piece say, every row', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Gus Hale')
    const file = path.join(tempDir(), 'activities.csv')
    writeFileSync(file, stravaCsv(8_000))
    const whole = await readRunFiles([file], {})
    dialogs.openPaths.push(file)
    const p = ready(await previewRunImport(services, { athleteId: id }))
    const described = await describeRows(whole.rows, [])
    expect(p.rows).toEqual(described.shown)
    expect(p.counts).toEqual(described.counts)
    expect(p.notShown).toEqual({ rows: 7_500, preselected: described.notShown.preselected.length, importable: described.notShown.importable.length })
    // (The generated days run past today: the later ones are rows that cannot be imported.)
    const importable = whole.rows.flatMap((r) => (r.run ? [r.run] : []))
    expect(p.counts).toMatchObject({ rows: 8_000, importable: importable.length })
    expect(await commitRunImport(services, p.token, p.rows.map((r) => r.rowNumber), { rowsNotShown: 'importable' })).toMatchObject({ added: importable.length, skippedInvalid: 0 })
    const byKey = (a: { source?: { key?: string } | undefined }, b: { source?: { key?: string } | undefined }) => String(a.source?.key).localeCompare(String(b.source?.key))
    const saved = athleteRecord(services, id).runs.map(({ id: _id, createdAt: _c, updatedAt: _u, ...run }) => run)
    expect(saved.sort(byKey)).toEqual([...importable].sort(byKey))
  })
})
