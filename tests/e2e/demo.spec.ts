/**
 * The demo squad leaves cleanly (issue 13, point 5): a backup from before it was loaded, demo athletes
 * marked as such, and "Remove demo squad" in Settings that takes out exactly them.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'

const browser = useSharedBrowser()

describe('demo squad', () => {
  it('load → backup from before exists → add your own athlete in a demo group → remove the demo → only yours remain', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await page.getByRole('button', { name: 'Load demo squad' }).click()
      await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      const demo = app.services.db.squad.data.athletes
      expect(demo.length).toBeGreaterThan(5)
      expect(demo.every((a) => a.demo === true)).toBe(true)
      // Every demo athlete carries a visible mark in the list.
      await expect.poll(() => page.getByTestId('squad-row').locator('.badge-demo').count()).toBe(demo.filter((a) => !a.archived).length)

      // The backup taken just before the demo holds the empty squad.
      const backups = await app.services.db.backups.list()
      expect(backups.some((b) => b.reason === 'pre-import')).toBe(true)

      // The coach's own athlete, with a run, in one of the demo's groups.
      const group = app.services.db.squad.data.groups[0]!
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Own Runner')
      await page.getByLabel('Sex (for test norms)').selectOption('male')
      await page.getByRole('checkbox', { name: group.name }).check()
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('link', { name: 'Own Runner' }).waitFor()
      const own = app.services.db.squad.data.athletes.find((a) => a.name === 'Own Runner')!
      expect(own.demo).toBeUndefined()
      await page.evaluate((id) => (window as unknown as { calfcoach: Record<string, (i: unknown) => Promise<unknown>> }).calfcoach['addRun']!({ athleteId: id, run: { date: '2026-01-05', distanceKm: 7 } }), own.id)

      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByRole('button', { name: 'Remove demo squad…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Remove the demo squad?' })
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      expect(app.services.db.squad.data.athletes).toHaveLength(demo.length + 1)
      await app.screenshot('demo-01-settings-remove')
      await page.getByRole('button', { name: 'Remove demo squad…' }).click()
      await dialog.getByRole('button', { name: `Remove ${demo.length} demo athletes` }).click()
      await page.getByRole('status').filter({ hasText: `Removed ${demo.length} demo athletes.` }).waitFor()

      const after = app.services.db.squad.data
      expect(after.athletes.map((a) => a.name)).toEqual(['Own Runner'])
      expect(after.groups.map((g) => g.id)).toEqual([group.id]) // kept: the coach's athlete is in it
      const files = readdirSync(path.join(app.dataDir, 'athletes'))
      expect(files).toEqual([`${own.id}.json`])
      expect(app.services.db.athleteDoc(own.id).data.runs).toHaveLength(1)
      for (const a of demo) expect(existsSync(path.join(app.dataDir, 'athletes', `${a.id}.json`))).toBe(false)
      await page.getByRole('button', { name: 'Remove demo squad…' }).waitFor({ state: 'detached' })

      await page.getByRole('link', { name: 'Squad', exact: true }).click()
      await expect.poll(() => page.getByTestId('squad-row').count()).toBe(1)
      await app.screenshot('demo-02-only-own-athletes')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
