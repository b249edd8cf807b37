import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { callBridge, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { tempDir } from '../support/temp'

const browser = useSharedBrowser()

async function addAthlete(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add athlete' }).first().click()
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Sex (for test norms)').selectOption('male')
  await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
  await page.getByRole('link', { name }).waitFor()
}

async function openSettings(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('heading', { name: 'Settings' }).waitFor()
}

describe('backups, restore and whole-database export/import from Settings', () => {
  it('back up now → add an athlete → restore the backup (after confirming) → the athlete is gone, and the restore can be undone', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await addAthlete(page, 'Liam Walsh')
      await openSettings(page)
      await page.getByRole('button', { name: 'Back up now' }).click()
      const made = await page.getByRole('status').filter({ hasText: /^Backup of .* made/ }).textContent()
      // The coach sees when, never the backup's folder name (an ISO-like id).
      expect(made).not.toMatch(/\d{4}-\d{2}-\d{2}|manual/)
      const backupId = (await callBridge<{ id: string; reason: string }[]>(page, 'listBackups', undefined)).find((b) => b.reason === 'manual')?.id
      expect(backupId).toBeTruthy()
      expect(existsSync(path.join(app.dataDir, 'backups', backupId!, 'squad.json'))).toBe(true)

      await page.getByRole('link', { name: 'Squad', exact: true }).click()
      await addAthlete(page, 'Niall Costa')
      expect(app.services.db.squad.data.athletes.map((a) => a.name).sort()).toEqual(['Liam Walsh', 'Niall Costa'])

      await openSettings(page)
      await page.getByLabel('Restore from backup…').selectOption(backupId!)
      await page.getByRole('button', { name: 'Restore', exact: true }).click()
      // Nothing happens until the coach confirms; Cancel keeps everything.
      await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Cancel' }).click()
      expect(app.services.db.squad.data.athletes).toHaveLength(2)
      await page.getByRole('button', { name: 'Restore', exact: true }).click()
      await page.getByRole('button', { name: 'Restore backup' }).click()
      const restored = await page.getByRole('status').filter({ hasText: /^Restored / }).textContent()
      expect(restored).not.toMatch(/\d{4}-\d{2}-\d{2}|manual|pre-restore/)
      expect(app.services.db.squad.data.athletes.map((a) => a.name)).toEqual(['Liam Walsh'])
      const safetyId = (await callBridge<{ id: string; reason: string }[]>(page, 'listBackups', undefined)).find((b) => b.reason === 'pre-restore')?.id
      const safety = JSON.parse(readFileSync(path.join(app.dataDir, 'backups', safetyId!, 'squad.json'), 'utf8')) as { athletes: { name: string }[] }
      expect(safety.athletes.map((a) => a.name).sort()).toEqual(['Liam Walsh', 'Niall Costa'])
      await app.screenshot('backup-01-restored')
    } finally {
      await app.close()
    }
  })

  it('exports the database through the save dialog and imports it into another folder after confirming', async () => {
    const first = await openApp({ browser: browser() })
    const exportFile = path.join(tempDir('calfcoach-export-'), 'squad-export.json')
    try {
      await first.page.getByRole('button', { name: 'Load demo squad' }).click()
      await first.page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      await openSettings(first.page)
      first.dialogs.savePaths.push(exportFile)
      await first.page.getByRole('button', { name: 'Export database…' }).click()
      await first.page.getByRole('status').filter({ hasText: /^Exported \d+ athletes to / }).waitFor()
      expect(first.dialogs.asked.at(-1)).toEqual({ kind: 'save', title: 'Export the whole CalfCoach database' })
    } finally {
      await first.close()
    }
    const exported = JSON.parse(readFileSync(exportFile, 'utf8')) as { format: string; squad: { athletes: unknown[] }; athletes: { runs: unknown[] }[] }
    expect(exported.format).toBe('calfcoach-database')
    expect(exported.athletes.length).toBe(exported.squad.athletes.length)
    expect(exported.athletes.some((a) => a.runs.length > 50)).toBe(true)

    const second = await openApp({ browser: browser() })
    const { page } = second
    try {
      await addAthlete(page, 'Somebody Else')
      await openSettings(page)
      second.dialogs.openPaths.push(exportFile)
      await page.getByRole('button', { name: 'Import database…' }).click()
      await page.getByRole('dialog', { name: 'Replace your data with an export?' }).waitFor()
      expect(second.dialogs.asked).toEqual([])
      await page.getByRole('button', { name: 'Choose export file…' }).click()
      await page.getByRole('status').filter({ hasText: /^Imported \d+ athletes\./ }).waitFor()
      // The import reopens the store, which loads athlete files in the background: wait for that load
      // (a state), not for time, before counting what is in memory.
      await second.services.db.athletesReady
      const names = second.services.db.squad.data.athletes.map((a) => a.name)
      expect(names).toHaveLength(exported.squad.athletes.length)
      expect(names).not.toContain('Somebody Else')
      let runs = 0
      await second.services.db.forEachAthlete((d) => {
        runs += d.data.runs.length
      })
      expect(runs).toBe(exported.athletes.reduce((n, a) => n + a.runs.length, 0))
    } finally {
      await second.close()
    }
  })
})
