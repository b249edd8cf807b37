// Imported rows are held to the checks a typed run gets (issue 14): under 10 m, more than a day in the
// future, or a pain onset beyond the run's distance is refused with the reason, never saved; notes with
// hidden characters are left out and the row starts unticked.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRunFile } from '../../../electron/services/import/index'
import { rowStatus } from '../../../electron/services/import/status'
import { commitRunImport, previewRunImport } from '../../../electron/services/runs/import-service'
import { athleteRecord } from '../../../electron/services/runs/run-service'
import { tempDir } from '../../support/temp'
import { setup } from '../runs/helpers'
import { STRAVA_HEADER } from './generate'
import { text } from './helpers'

const NOW = Date.parse('2024-06-01T12:00:00Z')
const OWN_HEADER = 'Date,Distance (km),Duration,Pain during (0-10),Pain after (0-10),Pain next morning (0-10),Pain onset (km),Pain onset (min),Performance %,Surface,Shoes,Notes'

function preview(csv: string) {
  return parseRunFile('runs.csv', text(csv), { timeZone: 'UTC', now: NOW })
}

describe('imported rows meet the typed-run checks', () => {
  it('refuses under 10 m, more than a day ahead, and a pain onset beyond the run, each with its reason', () => {
    const p = preview(
      [
        OWN_HEADER,
        '2024-05-01,0.005,0:00:30,0,0,0,,,,,,',
        '2024-06-03,5,0:30:00,0,0,0,,,,,,',
        '2024-06-02,5,0:30:00,0,0,0,,,,,,',
        '2024-05-02,5,0:30:00,3,2,1,7,,,,,',
        '2024-05-03,5,0:30:00,3,2,1,4,,,,,',
      ].join('\n'),
    )
    expect(p.fileProblems).toEqual([])
    const byRow = Object.fromEntries(p.rows.map((r) => [r.rowNumber, { run: r.run !== null, problems: r.problems, status: rowStatus(r, { duplicate: false, similarToExisting: false }).status }]))
    expect(byRow[2]).toEqual({ run: false, problems: ['Skipped: Distance must be at least 10 m (0.01 km).'], status: 'skipped' })
    expect(byRow[3]).toEqual({ run: false, problems: ['Skipped: the date, 2024-06-03, cannot be more than a day in the future.'], status: 'skipped' })
    // Tomorrow by UTC is allowed, as for a typed run (at noon UTC it is already tomorrow east of +12:00).
    expect(byRow[4]).toMatchObject({ run: true, status: 'ready' })
    expect(byRow[5]).toEqual({ run: false, problems: ['Skipped: Pain onset distance cannot be further into the run than the run’s own distance.'], status: 'skipped' })
    expect(byRow[6]).toMatchObject({ run: true, status: 'ready' })
  })

  it('notes with a hidden text-direction character are left out with the reason, and the row starts unticked', () => {
    const p = parseRunFile('activities.csv', text(`${STRAVA_HEADER}\n1,"May 1, 2024, 7:00:00 AM",Tempo,Run,calf \u202egnikool ton,1800,6.00,,1800.0,6000.0,31.0\n`), { timeZone: 'UTC', now: NOW })
    const row = p.rows[0]
    expect(row?.run?.notes).toBeUndefined()
    expect(row?.details?.notes).toBeNull()
    expect(row?.problems).toEqual(['The notes from the file were left out: the text contains a hidden text-direction character (such as a right-to-left override) that can disguise what it says.'])
    expect(rowStatus(row!, { duplicate: false, similarToExisting: false })).toEqual({ status: 'check', preselected: false })
  })

  it('notes with a control character are left out saying why; notes too long are shortened to fit, not lost', () => {
    const rows = ['calf\u0007tight', `calf ${'x'.repeat(2500)}`].map((notes, i) => `${i + 1},"May ${i + 1}, 2024, 7:00:00 AM",Easy,Run,"${notes}",1800,6.00,,1800.0,6000.0,31.0`)
    const p = parseRunFile('activities.csv', text(`${STRAVA_HEADER}\n${rows.join('\n')}\n`), { timeZone: 'UTC', now: NOW })
    expect(p.rows[0]?.run?.notes).toBeUndefined()
    expect(p.rows[0]?.problems).toEqual(['The notes from the file were left out: the text contains an invisible control character.'])
    expect(p.rows[1]?.problems).toEqual([])
    expect(p.rows[1]?.run?.notes).toHaveLength(2000)
    expect(p.rows[1]?.run?.notes).toMatch(/^Easy — calf x+…$/)
  })

  it('a pain onset read from the notes never lies beyond the run; the commit re-checks the run as chosen', async () => {
    const p = parseRunFile('activities.csv', text(`${STRAVA_HEADER}\n2,"May 1, 2024, 7:00:00 AM",Race,Run,calf cramp at 5k,1500,4.98,,1500.0,4980.0,31.0\n`), { timeZone: 'UTC', now: NOW })
    expect(p.rows[0]?.details?.painOnset).toEqual({ km: 4.98, minutes: null, text: 'calf cramp at 5k' })

    const { services, dialogs, athlete } = await setup()
    const id = await athlete('Ines Moreau')
    const file = path.join(tempDir(), 'runs.csv')
    writeFileSync(file, `${OWN_HEADER}\n2024-05-03,5,0:30:00,3,2,1,4,,,,,\n2024-05-04,0.004,0:00:30,0,0,0,,,,,,\n`)
    dialogs.openPaths.push(file)
    const previewed = await previewRunImport(services, { athleteId: id })
    if (previewed.status !== 'ready') throw new Error('expected a preview')
    expect(previewed.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'ready'],
      [3, 'skipped'],
    ])
    // Asking for the refused row anyway (a renderer bug, or a crafted call) saves only the good one.
    expect(await commitRunImport(services, previewed.token, [2, 3])).toMatchObject({ added: 1, skippedInvalid: 1 })
    expect(athleteRecord(services, id).runs.map((r) => r.distanceKm)).toEqual([5])
  })
})
