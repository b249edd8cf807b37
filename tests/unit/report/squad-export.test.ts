import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { NOT_EXPORTED_MESSAGE } from '../../../electron/services/report/exported-files'
import type { SquadReport } from '../../../shared/api/channels/report'
import type { SquadTriage } from '../../../shared/api/channels/runs'
import type { ApiMethod } from '../../../shared/api/contract'
import { addDays } from '../../../shared/dates'
import { draft, tempDir } from '../../support/temp'
import { FakePdf, RecordingDialogs, RED_ASSESSMENT, T0, unwrap } from '../plans/helpers'

// Squad report, squad CSV and the exported-path guard on "Open" / "Show in folder" (issue 13 point 8).

async function setup() {
  const dataDir = tempDir('calfcoach-report-')
  const dialogs = new RecordingDialogs()
  const pdf = new FakePdf()
  const shellCalls: { how: 'open' | 'show'; file: string }[] = []
  const shell = {
    openExternal: async () => undefined,
    openPath: async (file: string) => (shellCalls.push({ how: 'open', file }), ''),
    showItemInFolder: (file: string) => void shellCalls.push({ how: 'show', file }),
  }
  const services = await AppServices.open({ dataDir, dialogs, pdf, shell, now: () => new Date(`${T0}T10:00:00`) })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason })
  const call = async <T = unknown>(method: ApiMethod, payload: unknown): Promise<T> => unwrap<T>(await dispatch(method, payload))
  const group = await call<{ id: string }>('createGroup', { name: 'Tuesday 10k' })
  const ana = await call<{ id: string }>('createAthlete', draft('Ana Formula', { groupIds: [group.id] }))
  const ben = await call<{ id: string }>('createAthlete', draft('Ben Red'))
  // Ana: runs in and around the range, one with a note a spreadsheet would run as a formula.
  await call('addRun', { athleteId: ana.id, run: { date: addDays(T0, -40), distanceKm: 9 } })
  await call('addRun', { athleteId: ana.id, run: { date: addDays(T0, -10), distanceKm: 8, painDuring: 3, notes: '=HYPERLINK("http://x")' } })
  await call('addRun', { athleteId: ana.id, run: { date: T0, distanceKm: 5, painAfter: 6 } })
  await call('addRun', { athleteId: ben.id, run: { date: addDays(T0, -3), distanceKm: 12 } })
  await call('saveAssessment', { athleteId: ben.id, date: T0, input: RED_ASSESSMENT })
  return { dataDir, dialogs, pdf, shellCalls, services, dispatch, call, group, ana, ben }
}

describe('squad report', () => {
  it('prints exactly the board: same colour, headline, reasons and this week, filtered by group', async () => {
    const { call, group } = await setup()
    const board = await call<SquadTriage>('getSquadTriage', undefined)
    const all = await call<SquadReport>('getSquadReport', { groupId: null })
    expect(all.rows.map((r) => r.name)).toEqual(board.athletes.map((a) => a.name))
    for (const row of all.rows) {
      const entry = board.athletes.find((a) => a.athleteId === row.athleteId)!
      expect([row.colour, row.headline, row.weekKm, row.reasons.map((r) => r.text)]).toEqual([entry.level, entry.headline, entry.weekKm, entry.reasons.map((r) => r.text)])
    }
    expect(all.rows[0]).toMatchObject({ name: 'Ben Red', colour: 'red' })
    expect(all.counts).toMatchObject({ red: 1, green: 1 })
    const ana = all.rows.find((r) => r.name === 'Ana Formula')!
    // This week = T0 only (5 km); the 4 weeks before: the 8 km run 10 days ago (the 40-day-old one is outside).
    expect([ana.weekKm, ana.last4WeeksKm, ana.highestPain]).toEqual([5, 8, 6])
    const grouped = await call<SquadReport>('getSquadReport', { groupId: group.id })
    expect([grouped.groupName, grouped.rows.map((r) => r.name)]).toEqual(['Tuesday 10k', ['Ana Formula']])
  })

  it('exports the report through the print route and refuses a group that does not exist', async () => {
    const { call, dispatch, dialogs, pdf, dataDir } = await setup()
    dialogs.savePaths.push(path.join(dataDir, 'report'))
    const r = await call<{ path: string; athletes: number }>('exportSquadReportPdf', { groupId: null })
    expect(r.path).toBe(path.join(dataDir, 'report.pdf'))
    expect(r.athletes).toBe(2)
    expect(pdf.requests.map((q) => q.hash)).toEqual(['#/print/squad/all'])
    const missing = await dispatch('exportSquadReportPdf', { groupId: 'grp-gone-123' })
    expect(missing.ok ? null : missing.error.message).toMatch(/group no longer exists/)
  })
})

describe('squad runs CSV', () => {
  it('holds every run in the range, athlete first, formulas defused, and refuses a backwards range', async () => {
    const { call, dispatch, dialogs, dataDir } = await setup()
    dialogs.savePaths.push(path.join(dataDir, 'runs.csv'))
    const r = await call<{ path: string; runs: number; athletes: number }>('exportSquadRunsCsv', { groupId: null, from: addDays(T0, -14), to: T0 })
    expect([r.runs, r.athletes]).toEqual([3, 2])
    const lines = readFileSync(r.path, 'utf8').trim().split('\r\n')
    expect(lines[0]).toMatch(/^Athlete,Date,/)
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Ana Formula', 'Ana Formula', 'Ben Red'])
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`)
    const backwards = await dispatch('exportSquadRunsCsv', { groupId: null, from: T0, to: addDays(T0, -1) })
    expect(backwards.ok ? null : backwards.error.code).toBe('invalid-input')
  })
})

describe('Open and Show in folder', () => {
  it('refuses a path this session did not export, even one that exists, and opens an exported one', async () => {
    const { dispatch, call, dialogs, dataDir, shellCalls } = await setup()
    const stranger = path.join(dataDir, 'not-exported.csv')
    writeFileSync(stranger, 'x')
    for (const file of [stranger, path.join(dataDir, 'squad.json'), '/bin/sh']) {
      for (const how of ['open', 'show'] as const) {
        const refused = await dispatch('openExportedFile', { path: file, how })
        expect(refused.ok ? null : [refused.error.code, refused.error.message]).toEqual(['forbidden', NOT_EXPORTED_MESSAGE])
      }
    }
    expect(shellCalls).toEqual([])

    dialogs.savePaths.push(path.join(dataDir, 'ana.csv'))
    const exported = await call<{ path: string }>('exportRunsCsv', { athleteId: (await setupAthleteId(call)) })
    await call('openExportedFile', { path: exported.path, how: 'open' })
    // The same file written another way (a redundant "./") is the same file.
    await call('openExportedFile', { path: path.join(dataDir, '.', 'ana.csv'), how: 'show' })
    expect(shellCalls).toEqual([
      { how: 'open', file: path.join(dataDir, 'ana.csv') },
      { how: 'show', file: path.join(dataDir, 'ana.csv') },
    ])
    rmSync(exported.path)
    const gone = await dispatch('openExportedFile', { path: exported.path, how: 'open' })
    expect(gone.ok ? null : gone.error.message).toMatch(/^ana\.csv is no longer where it was saved/)
  })
})

async function setupAthleteId(call: <T>(m: ApiMethod, p: unknown) => Promise<T>): Promise<string> {
  const squad = await call<{ athletes: { id: string; name: string }[] }>('getSquad', undefined)
  return squad.athletes.find((a) => a.name === 'Ana Formula')!.id
}
