import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addRun } from '../../electron/services/runs/run-service'
import { createAthlete } from '../../electron/services/squad/squad-service'
import { addDays } from '../../shared/dates'
import { longDate, tableDate } from '../../shared/format/dates'
import { AthleteDraft } from '../../shared/domain/squad'
import { artifactsDir } from '../support/chromium'
import { localToday, useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'
import { draft } from '../support/temp'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import')

const browser = useSharedBrowser()

async function seedAthlete(app: Harness, name: string): Promise<string> {
  return (await createAthlete(app.services, AthleteDraft.parse(draft(name)))).id
}

async function openRunsTab(app: Harness, id: string): Promise<void> {
  await app.page.goto(`${app.page.url().split('#')[0]}#/athlete/${id}/runs`)
  await app.page.getByRole('heading', { name: 'Distance and pain' }).waitFor()
}

const weeklyBars = (page: Page) => page.locator('[data-testid=weekly-chart] .recharts-bar-rectangle')
const runRows = (page: Page) => page.getByTestId('run-row')

/** Accessibility rules (axe-core, including colour contrast) inside one region of the page. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function chartShot(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).screenshot({ path: path.join(artifactsDir(), `${name}.png`) })
}

describe('run and pain log in the built renderer', () => {
  it('quick-adds runs from the keyboard; the table and the chart follow; edit and delete in place; km ↔ mi', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      const id = await seedAthlete(app, 'Maya Costa')
      await app.reload()
      await openRunsTab(app, id)
      await expect.poll(() => weeklyBars(page).count()).toBe(0)
      await expect.poll(() => page.getByLabel('Date', { exact: true }).inputValue()).toBe(localToday())

      // A typo is caught per field and nothing is sent.
      await page.getByRole('textbox', { name: 'Distance (km)', exact: true }).focus()
      await page.keyboard.type('six')
      await page.keyboard.press('Enter')
      await page.getByText('write the distance as a number of km, e.g. 6.5').waitFor()
      expect(app.calls.filter((c) => c.method === 'addRun')).toEqual([])

      // Three runs, one week apart: type, Tab, Enter; focus comes back to the distance each time.
      const today = localToday()
      const entries = [
        { date: addDays(today, -14), km: '5', time: '30:00', during: '1', after: '1' },
        { date: addDays(today, -7), km: '6.5', time: '38:10', during: '2', after: '3' },
        { date: today, km: '8', time: '45:00', during: '3', after: '2' },
      ]
      for (const [i, e] of entries.entries()) {
        await page.getByLabel('Date', { exact: true }).fill(e.date)
        await page.getByRole('textbox', { name: 'Distance (km)', exact: true }).fill('')
        await page.getByRole('textbox', { name: 'Distance (km)', exact: true }).focus()
        await page.keyboard.type(e.km)
        await page.keyboard.press('Tab')
        await page.keyboard.type(e.time)
        await page.keyboard.press('Tab')
        await page.keyboard.type(e.during)
        await page.keyboard.press('Tab')
        await page.keyboard.type(e.after)
        await page.keyboard.press('Enter')
        await expect.poll(() => runRows(page).count()).toBe(i + 1)
        // A visible notice says so, and the new row is marked.
        await page.getByTestId('toast').filter({ hasText: `Saved the run on ${longDate(e.date, 'en-GB')} (${Number(e.km).toFixed(1)} km).` }).waitFor()
        await page.locator('[data-testid=run-row].just-changed').filter({ hasText: tableDate(e.date, 'en-GB', today) }).waitFor()
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('qa-distance')
        await expect.poll(() => page.getByRole('textbox', { name: 'Distance (km)', exact: true }).inputValue()).toBe('')
      }
      await expect.poll(() => weeklyBars(page).count()).toBe(3)
      await expect.poll(() => page.getByTestId('run-distance').allTextContents()).toEqual(['8.00', '6.50', '5.00'])
      expect(app.services.db.athleteDoc(id).data.runs.map((r) => [r.date, r.distanceKm, r.durationSec, r.painDuring, r.painAfter])).toEqual([
        [entries[0]!.date, 5, 1800, 1, 1],
        [entries[1]!.date, 6.5, 2290, 2, 3],
        [today, 8, 2700, 3, 2],
      ])
      await app.screenshot('log-01-quick-add')
      await expect(axeViolations(page, '.runs-tab')).resolves.toEqual([])
      await chartShot(page, 'weekly-chart', 'log-02-weekly-chart')

      // Edit in place: Enter saves, focus returns to the row's Edit button.
      await page.getByRole('button', { name: `Edit run on ${tableDate(entries[1]!.date, 'en-GB', today)}, 6.5 km` }).click()
      const editDistance = page.getByRole('textbox', { name: 'Edit distance (km)', exact: true })
      await editDistance.fill('7.25')
      await page.getByRole('textbox', { name: 'Edit next morning (0–10)', exact: true }).fill('11')
      await editDistance.press('Enter')
      await page.getByText('a number from 0 to 10').waitFor()
      await page.getByRole('textbox', { name: 'Edit next morning (0–10)', exact: true }).fill('1')
      // The message goes as soon as the field is valid, before saving again.
      await page.getByText('a number from 0 to 10').waitFor({ state: 'detached' })
      await editDistance.press('Enter')
      await page.getByTestId('toast').filter({ hasText: `Saved your changes to the run on ${longDate(entries[1]!.date, 'en-GB')}.` }).waitFor()
      await expect.poll(() => page.getByTestId('run-distance').allTextContents()).toEqual(['8.00', '7.25', '5.00'])
      expect(app.services.db.athleteDoc(id).data.runs[1]).toMatchObject({ distanceKm: 7.25, painNextMorning: 1 })

      // Delete asks first; Cancel keeps the run, Delete run removes it.
      const deleteFirst = page.getByRole('button', { name: `Delete run on ${tableDate(entries[0]!.date, 'en-GB', today)}, 5.0 km` })
      await deleteFirst.click()
      await page.getByRole('dialog', { name: 'Delete this run?' }).getByRole('button', { name: 'Cancel' }).click()
      await expect.poll(() => runRows(page).count()).toBe(3)
      const stored = () => app.services.db.athleteDoc(id).data.runs.map((r) => [r.date, r.distanceKm, r.durationSec, r.painDuring, r.painAfter])
      const before = stored()

      // Undo puts the deleted run back exactly as it was (date, distance, time, pain), then it can go for good.
      await deleteFirst.click()
      await page.getByRole('button', { name: 'Delete run', exact: true }).click()
      await expect.poll(() => runRows(page).count()).toBe(2)
      const deletedNotice = page.getByTestId('toast').filter({ hasText: `Deleted the run on ${longDate(entries[0]!.date, 'en-GB')} (5.0 km).` })
      await deletedNotice.getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => runRows(page).count()).toBe(3)
      await deletedNotice.filter({ hasText: /^Undone: / }).waitFor()
      expect(stored()).toEqual(before)
      await page.locator('[data-testid=run-row].just-changed').filter({ hasText: tableDate(entries[0]!.date, 'en-GB', today) }).waitFor()
      await app.screenshot('log-undo-delete-run')

      await deleteFirst.click()
      await page.getByRole('button', { name: 'Delete run', exact: true }).click()
      await expect.poll(() => runRows(page).count()).toBe(2)
      await expect.poll(() => weeklyBars(page).count()).toBe(2)

      // Miles everywhere after the setting changes; typed miles are stored as km.
      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByLabel('Distances').selectOption('mi')
      await page.getByText('Distance unit saved.').waitFor()
      await openRunsTab(app, id)
      await expect.poll(() => page.getByRole('columnheader', { name: 'Distance (mi)' }).count()).toBe(1)
      await expect.poll(() => page.getByTestId('run-distance').allTextContents()).toEqual(['4.97', '4.50'])
      await expect.poll(() => page.getByTestId('this-week').textContent()).toBe('5.0 mi')
      await expect.poll(() => page.locator('[data-testid=weekly-chart] .recharts-label').allTextContents()).toContain('Distance (mi)')
      await page.getByLabel('Date', { exact: true }).fill(addDays(today, -1))
      await page.getByRole('textbox', { name: 'Distance (mi)', exact: true }).focus()
      await page.keyboard.type('5')
      await page.keyboard.press('Enter')
      await expect.poll(() => runRows(page).count()).toBe(3)
      expect(app.services.db.athleteDoc(id).data.runs.find((r) => r.date === addDays(today, -1))?.distanceKm).toBeCloseTo(8.04672, 6)
      await chartShot(page, 'weekly-chart', 'log-03-weekly-chart-miles')
      // Engine-written sentences (board reasons) follow the unit too: no km figure left on the board.
      await page.getByRole('link', { name: 'Triage board' }).click()
      await page.getByRole('heading', { name: 'Triage board' }).waitFor()
      await expect.poll(() => page.locator('.reasons').allTextContents().then((t) => t.join(' '))).not.toMatch(/\d\s?km\b/)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('imports a FIT file and a generic CSV through the UI; the same file twice adds nothing; a broken file saves nothing', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      const id = await seedAthlete(app, 'Tariq Walsh')
      await app.reload()
      await openRunsTab(app, id)

      app.dialogs.openPaths.push(path.join(FIXTURES, 'activity.fit'))
      await page.getByRole('button', { name: 'Import runs…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Import runs from activity.fit' })
      await dialog.waitFor()
      await expect.poll(() => dialog.getByTestId('import-counts').textContent()).toBe('1 row: 1 can be imported.')
      await dialog.getByRole('button', { name: 'Import 1 run' }).click()
      await expect.poll(() => page.getByTestId('import-result').textContent()).toBe('Added 1 run from activity.fit.')
      await page.getByRole('button', { name: 'Close' }).click()
      await expect.poll(() => runRows(page).count()).toBe(1)
      await expect.poll(() => runRows(page).first().textContent()).toContain(tableDate('2024-03-31', 'en-GB', localToday()))

      // The same file again: the row is marked as already in the log and cannot be picked.
      app.dialogs.openPaths.push(path.join(FIXTURES, 'activity.fit'))
      await page.getByRole('button', { name: 'Import runs…' }).click()
      await dialog.waitFor()
      await dialog.getByText('Already in the log: importing it again adds nothing.').waitFor()
      await expect.poll(() => dialog.getByRole('checkbox', { name: 'Import row 1' }).isDisabled()).toBe(true)
      await expect.poll(() => dialog.getByRole('button', { name: 'Import 0 runs' }).isDisabled()).toBe(true)
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      expect(app.services.db.athleteDoc(id).data.runs).toHaveLength(1)

      // A generic CSV: map the columns, preview, untick nothing, import.
      app.dialogs.openPaths.push(path.join(FIXTURES, 'generic.csv'))
      await page.getByRole('button', { name: 'Import runs…' }).click()
      const csv = page.getByRole('dialog', { name: 'Import runs from generic.csv' })
      await csv.getByRole('form', { name: 'Column mapping' }).waitFor()
      await expect.poll(() => csv.getByLabel('Date column', { exact: true }).inputValue()).toBe('Day')
      await expect.poll(() => csv.getByLabel('Distance column', { exact: true }).inputValue()).toBe('Km')
      await csv.getByLabel('Pain during column (optional)', { exact: true }).selectOption('Pain (during)')
      await csv.getByLabel('Dates are written', { exact: true }).selectOption('dmy')
      await csv.getByRole('button', { name: 'Preview with these columns' }).click()
      // Re-reading the file runs in main's import worker: allow for a slow machine.
      await expect.poll(() => csv.getByTestId('import-row').count()).toBe(6)
      await expect.poll(() => csv.getByTestId('import-counts').textContent()).toBe('6 rows: 4 can be imported, 2 skipped.')
      await csv.getByText('Skipped: the distance is empty.').waitFor()
      // A row with a warning (pain typed as 12) starts unticked; the coach ticks it after reading why.
      const warned = csv.getByRole('checkbox', { name: 'Import row 6' })
      await expect.poll(() => warned.isChecked()).toBe(false)
      await expect.poll(() => csv.getByTestId('import-row').filter({ has: page.getByRole('checkbox', { name: 'Import row 6' }) }).textContent()).toMatch(/Check before importing: Pain during 12 is outside 0–10/)
      await warned.check()
      await app.screenshot('log-04-import-csv-preview')
      await expect(axeViolations(page, '[role=dialog]')).resolves.toEqual([])
      await csv.getByRole('button', { name: 'Import 4 runs' }).click()
      await expect.poll(() => page.getByTestId('import-result').textContent()).toBe('Added 4 runs from generic.csv.')
      await page.getByRole('button', { name: 'Close' }).click()
      await expect.poll(() => runRows(page).count()).toBe(5)
      expect(app.services.db.athleteDoc(id).data.runs.find((r) => r.date === '2024-03-27')).toMatchObject({ distanceKm: 8, painDuring: 4, painOnsetKm: 6 })

      // The whole history on the chart.
      await page.getByRole('button', { name: 'All', exact: true }).click()
      // Every week from March 2024 to now, two of them with runs: 25 Mar (three runs) and 1 Apr 2024 (two).
      await expect.poll(async () => Number(await page.getByTestId('weekly-chart').getAttribute('data-points'))).toBeGreaterThan(100)
      await expect.poll(() => weeklyBars(page).count()).toBe(2)
      await chartShot(page, 'weekly-chart', 'log-05-weekly-chart-imported')
      await chartShot(page, 'scatter-chart', 'log-06-pain-vs-distance')

      // Export: main asks where to save; the file is CSV in the coach's unit.
      const exportPath = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-export.csv`)
      app.dialogs.savePaths.push(exportPath)
      await page.getByRole('button', { name: 'Export CSV…' }).click()
      await page.getByText(`Exported 5 runs to ${exportPath}.`).waitFor()
      const lines = readFileSync(exportPath, 'utf8').trim().split('\r\n')
      expect(lines[0]).toMatch(/^Date,Distance \(km\),/)
      expect(lines.slice(1).map((l) => l.slice(0, 10))).toEqual(['2024-03-25', '2024-03-27', '2024-03-31', '2024-04-03', '2024-04-06'])

      // A truncated FIT: a clear message, and nothing saved.
      app.dialogs.openPaths.push(path.join(FIXTURES, 'activity-truncated.fit'))
      await page.getByRole('button', { name: 'Import runs…' }).click()
      await page.getByTestId('file-problems').getByText(/truncated/).waitFor()
      await page.getByRole('button', { name: 'Cancel' }).click()
      expect(app.services.db.athleteDoc(id).data.runs).toHaveLength(5)

      // Several files at once (the dialog allows multi-select): one list, each row naming its file; the
      // broken file is one row with its own message and does not block the others.
      app.dialogs.openPaths.push([path.join(FIXTURES, 'run.gpx'), path.join(FIXTURES, 'activity-truncated.fit'), path.join(FIXTURES, 'ride.fit')])
      await page.getByRole('button', { name: 'Import runs…' }).click()
      const several = page.getByRole('dialog', { name: 'Import runs from 3 files' })
      await several.waitFor()
      await expect.poll(async () => new Set(await several.getByTestId('import-origin').allTextContents()).size).toBeGreaterThanOrEqual(3)
      await several.getByText(/^activity-truncated\.fit: The FIT file is truncated/).waitFor()
      await several.getByRole('button', { name: 'Cancel' }).click()
      expect(app.services.db.athleteDoc(id).data.runs).toHaveLength(5)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('the triage board puts an athlete first once they log high pain, and logs a group session', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      const today = localToday()
      const ids: string[] = []
      for (const name of ['Ada Byrne', 'Ben Okafor', 'Cleo Patel']) {
        const id = await seedAthlete(app, name)
        ids.push(id)
        for (const back of [12, 9, 5, 2]) await addRun(app.services, id, { date: addDays(today, -back), distanceKm: 6, painDuring: 1, painAfter: 1, painNextMorning: 0 })
      }
      await app.reload()
      await page.getByRole('link', { name: 'Triage board' }).click()
      await page.getByTestId('board-row').first().waitFor()
      const names = () => page.locator('[data-testid=board-row] th a').allTextContents()
      await expect.poll(() => names()).toEqual(['Ada Byrne', 'Ben Okafor', 'Cleo Patel'])
      await expect.poll(() => page.getByTestId('status-badge').allTextContents()).toEqual(['Green: progress as planned', 'Green: progress as planned', 'Green: progress as planned'])
      await expect.poll(() => page.locator('[data-testid=board-row] svg.sparkline').count()).toBe(3)
      await app.screenshot('log-07-board-before')

      // Click through to Cleo and log a painful run.
      await page.getByRole('link', { name: 'Cleo Patel' }).click()
      await page.getByRole('heading', { name: 'Distance and pain' }).waitFor()
      expect(page.url()).toContain(`#/athlete/${ids[2]}/runs`)
      await page.getByRole('textbox', { name: 'Distance (km)', exact: true }).focus()
      await page.keyboard.type('7')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.type('8')
      await page.keyboard.press('Enter')
      await expect.poll(() => runRows(page).count()).toBe(5)

      await page.getByRole('link', { name: 'Triage board' }).click()
      await expect.poll(names).toEqual(['Cleo Patel', 'Ada Byrne', 'Ben Okafor'])
      // Pain alone is a hold (amber), never a referral (issue 10: red means a clinician today or stop running).
      await expect.poll(() => page.getByTestId('status-badge').first().textContent()).toBe('Amber: hold, do not increase running')
      await page.getByTestId('board-row').first().getByText(/Pain during running went above 5\/10 \(8\/10/).waitFor()
      await app.screenshot('log-08-board-after-high-pain')

      // A group session for two of them; a bad pain score blocks the whole session.
      await page.getByRole('button', { name: 'Log a group session' }).click()
      const form = page.getByRole('form', { name: 'Log a group session' })
      await form.waitFor()
      await expect(axeViolations(page, 'main')).resolves.toEqual([])
      await form.getByRole('textbox', { name: 'Distance for Ada Byrne', exact: true }).fill('10')
      await form.getByRole('textbox', { name: 'Pain during for Ada Byrne', exact: true }).fill('2')
      await form.getByRole('textbox', { name: 'Distance for Ben Okafor', exact: true }).fill('9.5')
      await form.getByRole('textbox', { name: 'Pain during for Ben Okafor', exact: true }).fill('12')
      await form.getByRole('button', { name: 'Save session for 2 athletes' }).click()
      await form.getByText('Please fix the marked rows. Nothing was saved.').waitFor()
      expect(app.calls.filter((c) => c.method === 'addRunsForGroup')).toEqual([])
      await form.getByRole('textbox', { name: 'Pain during for Ben Okafor', exact: true }).fill('6')
      await form.getByRole('textbox', { name: 'Pain during for Ben Okafor', exact: true }).press('Enter')
      await page.getByText(`Logged the session on ${today} for 2 athletes.`).waitFor()
      expect(app.services.db.athleteDoc(ids[0]!).data.runs.filter((r) => r.date === today)).toMatchObject([{ distanceKm: 10, painDuring: 2 }])
      expect(app.services.db.athleteDoc(ids[1]!).data.runs.filter((r) => r.date === today)).toMatchObject([{ distanceKm: 9.5, painDuring: 6 }])
      // Ben's 6/10 is above the limit too, and Ada's 10 km is well beyond her 30-day longest (6 km): all three hold.
      await expect.poll(() => page.getByTestId('status-badge').allTextContents()).toEqual(Array(3).fill('Amber: hold, do not increase running'))
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
