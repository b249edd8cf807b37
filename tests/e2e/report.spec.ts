/**
 * The squad report and squad CSV (issue 13 point 8) on the demo squad: the PDF read back with pdfjs against the
 * board's own entries, the CSV against the athletes' files, and Open / Show in folder after the export.
 *
 *   export CALFCOACH_OUT_DIR=$PWD/.tmp/out; npx electron-vite build --outDir $CALFCOACH_OUT_DIR && \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/report.spec.ts
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SquadTriage } from '../../shared/api/channels/runs'
import { addDays } from '../../shared/dates'
import { callBridge, localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { readPdf } from '../support/pdf-text'
import { useDemoFolders } from '../support/demo-folder'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

describe('squad report', () => {
  it('prints the board with red first, exports the runs of a date range, and opens what it exported', async () => {
    const dataDir = await demoFolder()
    const app = await openApp({ browser: browser(), dataDir })
    const { page } = app
    try {
      await page.getByRole('link', { name: 'Triage board' }).click()
      await page.getByTestId('board-counts').waitFor()
      const board = await callBridge<SquadTriage>(page, 'getSquadTriage', {})
      const red = board.athletes.filter((a) => a.level === 'red')
      expect(red.length, 'the demo squad has red athletes').toBeGreaterThan(0)

      // The PDF: every athlete in board order, the red ones first in a box, counts as on the board.
      const pdfFile = path.join(dataDir, 'squad-report.pdf')
      app.dialogs.savePaths.push(pdfFile)
      await page.getByRole('button', { name: 'Squad report PDF (everyone)…' }).click()
      await page.getByRole('status').filter({ hasText: 'Saved the squad report' }).waitFor()
      await app.screenshot('report-01-board-exports')
      const pdf = await readPdf(pdfFile)
      expect(pdf.flat).toContain('Squad report: whole squad')
      const counts = { red: red.length, amber: board.athletes.filter((a) => a.level === 'amber').length, green: board.athletes.filter((a) => a.level === 'green').length }
      expect(pdf.flat).toContain(`${counts.red} red (`)
      expect(pdf.flat).toContain(`${counts.amber} amber, ${counts.green} green`)
      expect(pdf.flat).toContain(`Red: ${red.length} ${red.length === 1 ? 'athlete needs' : 'athletes need'} a clinician before running`)
      const table = pdf.flat.slice(pdf.flat.indexOf('Athlete Status Why'))
      let at = 0
      for (const a of board.athletes) {
        const found = table.indexOf(a.name, at)
        expect(found, `${a.name} in board order`).toBeGreaterThan(-1)
        at = found
      }
      expect(table.match(/\bRED\b/g)?.length).toBe(red.length)
      expect(pdf.flat).not.toMatch(/\d{4}-\d{2}-\d{2}/)

      // Open and Show in folder reach exactly the exported file.
      await page.getByTestId('export-actions').getByRole('button', { name: 'Open' }).click()
      await page.getByTestId('export-actions').getByRole('button', { name: 'Show in folder' }).click()
      await expect.poll(() => app.openedFiles).toEqual([
        { how: 'open', file: pdfFile },
        { how: 'show', file: pdfFile },
      ])
      const refused = await page.evaluate((file) => (window as unknown as { calfcoach: Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).calfcoach['openExportedFile']!({ path: file, how: 'open' }), path.join(dataDir, 'squad.json'))
      expect(refused.error?.code).toBe('forbidden')

      // The CSV: the runs of the last 14 days of every active athlete, as their files hold them.
      const today = localToday()
      const from = addDays(today, -13)
      await page.getByLabel('Runs from').fill(from)
      await page.getByLabel('to', { exact: true }).fill(today)
      const csvFile = path.join(dataDir, 'squad-runs.csv')
      app.dialogs.savePaths.push(csvFile)
      await page.getByRole('button', { name: 'Export runs CSV…' }).click()
      await page.getByRole('status').filter({ hasText: 'Exported' }).waitFor()
      const active = app.services.db.squad.data.athletes.filter((a) => !a.archived)
      const expected = active.flatMap((a) => app.services.db.athleteDoc(a.id).data.runs.filter((r) => r.date >= from && r.date <= today).map(() => a.name))
      const rows = readFileSync(csvFile, 'utf8').trim().split('\r\n').slice(1)
      expect(rows.length).toBe(expected.length)
      expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(new Set(expected))

      await page.goto(page.url().replace(/#.*$/, '#/print/squad/all'))
      await page.locator('body[data-print-ready]').waitFor()
      await app.screenshot('report-02-print-view')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
