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
      const banner = `Another CalfCoach window (pid ${holder}) is using this squad; this window is read-only and shows its changes as they are saved. To make changes here, close the other window first.`
      await page.getByRole('alert').filter({ hasText: `Read-only: ${banner}` }).waitFor()
      await page.getByRole('link', { name: 'Ada Byrne' }).waitFor()
      await app.screenshot('second-window-01-banner')

      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByLabel('Distances').selectOption('mi')
      await expect.poll(() => page.getByText(banner, { exact: true }).count()).toBe(1)
      await expect.poll(() => app.calls.filter((c) => c.method === 'updateSettings')).toEqual([{ method: 'updateSettings', ok: false }])
      expect(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')).toBe(squadBefore)
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(holder)

      // Asking to make changes while the other window runs changes nothing; once it is gone, this window takes over.
      await page.getByRole('button', { name: 'Make changes in this window' }).click()
      await page.getByText('The other window is still open.').waitFor()
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(holder)
      writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), startedAt: new Date().toISOString() }))
      await page.getByRole('button', { name: 'Make changes in this window' }).click()
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Read-only:' }).count()).toBe(0)
      await page.getByLabel('Distances').selectOption('mi')
      await expect.poll(() => app.calls.filter((c) => c.method === 'updateSettings').at(-1)).toEqual({ method: 'updateSettings', ok: true })
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    } finally {
      await app.services.close()
      await app.close()
    }
  })
})
