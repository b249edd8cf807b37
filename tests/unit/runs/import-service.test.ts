import { copyFileSync, readFileSync, writeFileSync, openSync, closeSync, ftruncateSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitRunImport, previewRunImport } from '../../../electron/services/runs/import-service'
import { addRun, athleteRecord } from '../../../electron/services/runs/run-service'
import type { ImportPreviewResult, ReadyImportPreview } from '../../../shared/api/channels/runs'
import { tempDir } from '../../support/temp'
import { fixturePath, setup } from './helpers'

function ready(p: ImportPreviewResult): ReadyImportPreview {
  if (p.status !== 'ready') throw new Error('expected a preview, got a cancelled dialog')
  return p
}

const importable = (p: ReadyImportPreview) => p.rows.filter((r) => r.run && !r.duplicate).map((r) => r.rowNumber)

describe('run import', () => {
  it('imports a FIT file once: the same file twice adds nothing', async () => {
    const { services, dialogs, athlete, dataDir } = await setup()
    const id = await athlete('Niall Novak')
    dialogs.openPaths.push(fixturePath('activity.fit'))
    const first = ready(await previewRunImport(services, { athleteId: id }))
    expect(first.format).toBe('fit')
    expect(first.fileName).toBe('activity.fit')
    expect(first.fileProblems).toEqual([])
    expect(first.counts).toEqual({ rows: 1, importable: 1, duplicates: 0, similar: 0, skipped: 0 })
    expect(await commitRunImport(services, first.token, importable(first))).toEqual({ athleteId: id, added: 1, skippedDuplicates: 0, skippedInvalid: 0 })
    expect(athleteRecord(services, id).runs).toMatchObject([{ date: '2024-03-31', distanceKm: 5, durationSec: 1800, source: { kind: 'fit' } }])

    // Committing the same preview again, and importing the same file again, both add nothing.
    expect(await commitRunImport(services, first.token, [1])).toMatchObject({ added: 0, skippedDuplicates: 1 })
    const copy = path.join(tempDir(), 'renamed-copy.fit')
    copyFileSync(fixturePath('activity.fit'), copy)
    dialogs.openPaths.push(copy)
    const second = ready(await previewRunImport(services, { athleteId: id }))
    expect(second.rows.map((r) => r.duplicate)).toEqual([true])
    expect(second.counts.duplicates).toBe(1)
    expect(await commitRunImport(services, second.token, [1])).toMatchObject({ added: 0, skippedDuplicates: 1 })
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'athletes', `${id}.json`), 'utf8'))
    expect(stored.runs).toHaveLength(1)
  })

  it('previews a Strava export with per-row problems and imports only the chosen rows', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Olga Reid')
    dialogs.openPaths.push(fixturePath('strava-activities.csv'))
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.format).toBe('strava-csv')
    // Six activities: three runs, a ride, a walk and a run with a broken date.
    expect(p.counts).toEqual({ rows: 6, importable: 3, duplicates: 0, similar: 0, skipped: 3 })
    expect(p.rows.find((r) => r.rowNumber === 3)?.problems[0]).toMatch(/, not a run\./)
    expect(p.rows.find((r) => r.rowNumber === 4)?.problems[0]).toMatch(/not a date/)
    const firstRun = p.rows.find((r) => r.run)!.rowNumber
    // Asking for a skipped row as well: it is counted, never saved.
    expect(await commitRunImport(services, p.token, [firstRun, 3])).toMatchObject({ added: 1, skippedInvalid: 1 })
    expect(athleteRecord(services, id).runs).toHaveLength(1)
    // The rest of the file later: only the new row is added.
    expect(await commitRunImport(services, p.token, importable(p))).toMatchObject({ added: 2, skippedDuplicates: 1 })
    expect(athleteRecord(services, id).runs).toHaveLength(3)
  })

  it('asks for a column mapping for a generic CSV, then re-parses the same file by token', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Priya Costa')
    dialogs.openPaths.push(fixturePath('generic.csv'))
    const first = ready(await previewRunImport(services, { athleteId: id }))
    expect(first.needsMapping).toBe(true)
    expect(first.rows).toEqual([])
    expect(first.csvHeaders).toEqual(['Day', 'Km', 'Time', 'Pain (during)', 'Pain after', 'Morning pain', 'Onset km', 'Shoes', 'Notes'])
    const mapped = ready(
      await previewRunImport(services, {
        athleteId: id,
        token: first.token,
        csvMapping: { date: 'Day', distance: 'Km', distanceUnit: 'km', duration: 'Time', painDuring: 'Pain (during)', painAfter: 'Pain after', painNextMorning: 'Morning pain', painOnsetDistance: 'Onset km', notes: 'Notes' },
      }),
    )
    expect(dialogs.asked.filter((a) => a.kind === 'open')).toHaveLength(1)
    expect(mapped.token).toBe(first.token)
    expect(mapped.needsMapping).toBe(false)
    // Six rows: one without a distance and one impossible date are skipped; pain typed as 12 is left out with a warning.
    expect(mapped.counts).toMatchObject({ rows: 6, importable: 4, skipped: 2 })
    expect(mapped.rows.find((r) => r.rowNumber === 6)?.problems.join(' ')).toMatch(/Pain during 12 is outside 0–10/)
    const res = await commitRunImport(services, mapped.token, importable(mapped))
    expect(res.added).toBe(4)
    expect(athleteRecord(services, id).runs.find((r) => r.date === '2024-03-27')).toMatchObject({ distanceKm: 8, painDuring: 4, painOnsetKm: 6, durationSec: 2645 })
  })

  it('marks a row like a run typed by hand (same day, distance within 5 %) without blocking it', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Quinn Byrne')
    await addRun(services, id, { date: '2024-03-31', distanceKm: 5.1, painDuring: 3 })
    dialogs.openPaths.push(fixturePath('activity.fit'))
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.rows[0]).toMatchObject({ duplicate: false, similarToExisting: true })
    expect(p.counts.similar).toBe(1)
  })

  it.each([
    ['activity-truncated.fit', /truncated/],
    ['broken.gpx', /./],
    ['generic-utf16.csv', /UTF-16/],
  ])('a malformed file (%s) gives a clear message and saves nothing', async (name, message) => {
    const { services, dialogs, athlete, dataDir } = await setup()
    const id = await athlete('Rosa Okafor')
    const before = readFileSync(path.join(dataDir, 'athletes', `${id}.json`), 'utf8')
    dialogs.openPaths.push(fixturePath(name))
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.fileProblems.length).toBeGreaterThan(0)
    expect(p.fileProblems.join(' ')).toMatch(message)
    expect(p.rows).toEqual([])
    expect(await commitRunImport(services, p.token, [0, 1, 2, 3])).toMatchObject({ added: 0 })
    expect(readFileSync(path.join(dataDir, 'athletes', `${id}.json`), 'utf8')).toBe(before)
    expect(athleteRecord(services, id).runs).toEqual([])
  })

  it('refuses an oversized file without reading it', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Sam Lindqvist')
    const big = path.join(tempDir(), 'huge.csv')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, 60 * 1024 * 1024) // sparse: no real disk use
    closeSync(fd)
    dialogs.openPaths.push(big)
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.fileProblems[0]).toMatch(/import limit is 50\.0 MB/)
    expect(p.rows).toEqual([])
  })

  it('handles a cancelled dialog, an unknown token and a token for another athlete', async () => {
    const { services, dialogs, athlete } = await setup()
    const a = await athlete('Tariq Patel')
    const b = await athlete('Uma Moreau')
    expect(await previewRunImport(services, { athleteId: a })).toEqual({ status: 'cancelled' })
    await expect(commitRunImport(services, '00000000-0000-4000-8000-000000000000', [1])).rejects.toMatchObject({ code: 'not-found' })
    dialogs.openPaths.push(fixturePath('activity.fit'))
    const p = ready(await previewRunImport(services, { athleteId: a }))
    await expect(previewRunImport(services, { athleteId: b, token: p.token })).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('never accepts a file path from the renderer', async () => {
    const { dispatch, athlete } = await setup()
    const id = await athlete('Vera Kowalski')
    const res = await dispatch('previewRunImport', { athleteId: id, path: '/etc/passwd' })
    expect(res.ok).toBe(false)
    expect(res.ok ? '' : res.error.message).toMatch(/unknown field "path"/)
  })

  it('reads a file that is not UTF-8 as a problem, not a crash', async () => {
    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Will Hughes')
    const file = path.join(tempDir(), 'latin1.csv')
    writeFileSync(file, Buffer.from([0x44, 0x61, 0x74, 0x65, 0x0a, 0xe9, 0xe8, 0x0a]))
    dialogs.openPaths.push(file)
    const p = ready(await previewRunImport(services, { athleteId: id }))
    expect(p.fileProblems.join(' ')).toMatch(/UTF-8/)
  })
})
