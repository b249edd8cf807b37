import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../electron/services/store/folder-lock'
import { useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { draft, openServices } from '../support/temp'
import { createAthlete } from '../../electron/services/squad/squad-service'
import { AthleteDraft } from '../../shared/domain/squad'

const browser = useSharedBrowser()

describe('a second CalfCoach window on a data folder another one is using', () => {
  it('shows the read-only banner naming the other window, and a save is refused with the same words, changing nothing', async () => {
    const { services, dataDir } = await openServices()
    await createAthlete(services, AthleteDraft.parse(draft('Ada Byrne')))
    await services.close()
    // Another process that is running (this test's parent) holds the folder.
    const holder = process.ppid
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: holder, host: os.hostname(), startedAt: new Date().toISOString() }))
    const squadBefore = readFileSync(path.join(dataDir, 'squad.json'), 'utf8')

    const app = await openApp({ browser: browser(), dataDir })
    const { page } = app
    try {
      const banner = `Another CalfCoach window (pid ${holder}) is using this squad; this window is read-only. Close the other window, then reopen this one to make changes.`
      await page.getByRole('alert').filter({ hasText: `Read-only: ${banner}` }).waitFor()
      await page.getByRole('link', { name: 'Ada Byrne' }).waitFor()
      await app.screenshot('second-window-01-banner')

      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByLabel('Distances').selectOption('mi')
      await expect.poll(() => page.getByText(banner, { exact: true }).count()).toBe(1)
      await expect.poll(() => app.calls.filter((c) => c.method === 'updateSettings')).toEqual([{ method: 'updateSettings', ok: false }])
      expect(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).toBe(squadBefore)
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(holder)
    } finally {
      await app.services.close()
      await app.close()
    }
  })
})
