/**
 * The squad list sorted by its column headings (issue 13, point 2) on the demo squad: mouse and keyboard,
 * `aria-sort` on the sorted heading, the order read back against the board's own figures (the one summary),
 * and the sort and group filter still there after CalfCoach is closed and opened again.
 *
 *   export CALFCOACH_OUT_DIR=$PWD/.tmp/out; npx electron-vite build --outDir $CALFCOACH_OUT_DIR && \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/squad-sort.spec.ts
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { SquadTriage } from '../../shared/api/channels/runs'
import { callBridge, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { useDemoFolders } from '../support/demo-folder'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

const rowNames = (page: Page) => page.getByTestId('squad-row').locator('td:first-child a').allTextContents()
const heading = (page: Page, name: string) => page.getByRole('columnheader', { name, exact: false }).filter({ has: page.getByRole('button', { name, exact: true }) })

describe('squad list sorting', () => {
  it('sorts by any heading with the mouse or the keyboard and opens sorted and filtered the same way after a restart', async () => {
    const dataDir = await demoFolder()
    let app = await openApp({ browser: browser(), dataDir })
    try {
      const board = await callBridge<SquadTriage>(app.page, 'getSquadTriage', {})
      const active = board.athletes
      expect(active.some((a) => a.weekMaxPain !== null) && active.some((a) => a.weekMaxPain === null), 'the demo squad has runners with and without pain this week').toBe(true)
      await app.page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      await expect.poll(() => rowNames(app.page)).toEqual([...active].map((a) => a.name).sort((a, b) => a.localeCompare(b)))
      expect(await heading(app.page, 'Name').getAttribute('aria-sort')).toBe('ascending')

      // Highest pain this week, most first; no pain logged last; ties by name (worked out here from the board).
      await app.page.getByRole('button', { name: 'Highest pain this week', exact: true }).click()
      const byPain = [...active].sort((a, b) => (b.weekMaxPain ?? -1) - (a.weekMaxPain ?? -1) || a.name.localeCompare(b.name)).map((a) => a.name)
      await expect.poll(() => rowNames(app.page)).toEqual(byPain)
      expect(await heading(app.page, 'Highest pain this week').getAttribute('aria-sort')).toBe('descending')
      expect(await heading(app.page, 'Name').getAttribute('aria-sort')).toBeNull()
      const top = active.find((a) => a.name === byPain[0])!
      expect(await app.page.getByTestId('squad-week-pain').first().textContent()).toBe(`${top.weekMaxPain}/10`)
      await app.screenshot('squad-sort-01-highest-pain')

      // The keyboard: Tab reaches the heading buttons; Enter sorts by status (the board's order), again flips it.
      await app.page.getByRole('button', { name: 'Last run', exact: true }).focus()
      await app.page.keyboard.press('Shift+Tab')
      await app.page.keyboard.press('Enter')
      await expect.poll(() => rowNames(app.page)).toEqual(active.map((a) => a.name))
      await app.page.keyboard.press('Enter')
      await expect.poll(() => heading(app.page, 'Status').getAttribute('aria-sort')).toBe('descending')
      const masters = active.filter((a) => a.groupIds.includes('grp-masters')).map((a) => a.name).reverse()
      await app.page.getByLabel('Group').selectOption({ label: 'Masters' })
      await expect.poll(() => rowNames(app.page)).toEqual(masters)
      await expect.poll(() => JSON.parse(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).settings.squadList).toEqual({ sort: 'status', direction: 'descending', groupId: 'grp-masters', showArchived: false })
      expect(app.consoleErrors).toEqual([])
      await app.close()

      // A restart: the list opens the way it was left.
      app = await openApp({ browser: browser(), dataDir })
      await app.page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      await expect.poll(() => rowNames(app.page)).toEqual(masters)
      expect(await heading(app.page, 'Status').getAttribute('aria-sort')).toBe('descending')
      expect(await app.page.getByLabel('Group').inputValue()).toBe('grp-masters')
      await app.screenshot('squad-sort-02-after-restart')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
