import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { AppServices } from '../../electron/services/app-services'
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/handlers'
import { addDays } from '../../shared/dates'
import type { ApiResult } from '../../shared/api/result'
import { localToday, useSharedBrowser } from '../support/e2e'
import { FakeDialogs, openApp } from '../support/harness'
import { draft, tempDir } from '../support/temp'

const browser = useSharedBrowser()

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/** The single-coach files, byte for byte: sharing must copy them, never change or move them. */
function singleCoachFiles(dataDir: string): Record<string, string> {
  const out: Record<string, string> = { 'squad.json': readFileSync(path.join(dataDir, 'squad.json'), 'utf8') }
  for (const name of readdirSync(path.join(dataDir, 'athletes'))) out[`athletes/${name}`] = readFileSync(path.join(dataDir, 'athletes', name), 'utf8')
  return out
}

/** A second coach's installation in this process: its own data folder and service stack, writing into the club folder. */
async function secondCoach(club: string, name: string): Promise<{ services: AppServices; dispatch: Dispatch }> {
  const services = await AppServices.open({ dataDir: tempDir('calfcoach-kim-'), dialogs: new FakeDialogs(), shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() }, watch: false })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason })
  ok(await dispatch('shareSquad', { folder: club, installName: name }))
  return { services, dispatch }
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash)

describe('Settings → Share, and another coach’s changes appearing by themselves', () => {
  it('shares a single-coach squad by copying it (backup first), names this computer, and shows the other coach’s runs on the board and athlete page without a restart', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const kimName = 'Kim’s laptop'
    let kim: Awaited<ReturnType<typeof secondCoach>> | null = null
    try {
      const seed = createDispatcher(createHandlers(app.services), { readOnlyReason: () => app.services.db.readOnlyReason })
      const ada = ok<{ id: string }>(await seed('createAthlete', draft('Ada Byrne')))
      const today = localToday()
      const first = ok<{ id: string }>(await seed('addRun', { athleteId: ada.id, run: { date: addDays(today, -3), distanceKm: 5, painDuring: 0 } }))
      await app.services.db.flush()
      const before = singleCoachFiles(app.dataDir)
      const backupsBefore = (await app.services.db.backups.list()).map((b) => b.id)
      await app.reload()

      // Pick the club folder through the (stubbed) folder dialog, name this computer, share.
      const club = tempDir('calfcoach-club-')
      app.dialogs.folderPaths.push(club)
      await go(page, '#/settings')
      await page.getByRole('heading', { name: 'Share with other coaches' }).waitFor()
      await page.getByRole('button', { name: 'Choose folder…' }).click()
      await expect.poll(() => page.getByLabel('Club folder').inputValue()).toBe(club)
      await page.getByLabel('Name of this computer').fill('Sam’s laptop')
      await page.getByRole('button', { name: 'Share this squad' }).click()
      await page.getByRole('status').filter({ hasText: 'Your squad is now shared through the club folder.' }).waitFor()
      await page.getByRole('cell', { name: 'Sam’s laptop (this computer)' }).waitFor()
      expect(app.dialogs.asked.map((a) => a.kind)).toEqual(['folder'])

      // Copied, not moved: the single-coach files are exactly as they were, and a backup of them was taken first.
      expect(singleCoachFiles(app.dataDir)).toEqual(before)
      const backup = (await app.services.db.backups.list()).find((b) => !backupsBefore.includes(b.id))
      expect(backup?.reason).toBe('manual')
      expect(readFileSync(path.join(app.dataDir, 'backups', backup!.id, 'squad.json'), 'utf8')).toBe(before['squad.json'])

      // Another coach joins the folder and logs a painful run while the board is open: the board changes by itself.
      kim = await secondCoach(club, kimName)
      await go(page, '#/board')
      const row = page.getByTestId('board-row').filter({ hasText: 'Ada Byrne' })
      const lastRun = () => row.getByRole('cell').last().textContent()
      await expect.poll(lastRun).toBe(addDays(today, -3))
      const painful = ok<{ id: string }>(await kim.dispatch('addRun', { athleteId: ada.id, run: { date: today, distanceKm: 7.25, painDuring: 8 } }))
      await expect.poll(lastRun).toBe(today)
      await app.screenshot('club-01-board-updated')

      // On the athlete page, each run says who added it; a run the other coach adds meanwhile appears by itself.
      await go(page, `#/athlete/${ada.id}/runs`)
      const runRow = (km: string) => page.getByTestId('run-row').filter({ has: page.getByTestId('run-distance').getByText(km, { exact: true }) })
      await expect.poll(() => runRow('7.25').getByTestId('record-author').textContent()).toMatch(/^Added by Kim’s laptop, /)
      await expect.poll(() => runRow('5.00').getByTestId('record-author').textContent()).toMatch(/^Added by Sam’s laptop, /)
      ok(await kim.dispatch('addRun', { athleteId: ada.id, run: { date: today, distanceKm: 3.5 } }))
      await runRow('3.50').waitFor({ timeout: 60_000 })
      // Sam edits the other coach's run here: it now says who changed it last.
      ok(await seed('updateRun', { athleteId: ada.id, runId: painful.id, run: { date: today, distanceKm: 7.5, painDuring: 8 } }))
      await app.reload()
      await expect.poll(() => runRow('7.50').getByTestId('record-author').textContent()).toMatch(/^Added by Kim’s laptop, .* · changed by Sam’s laptop, /)
      expect(first.id).toBeTruthy()
      await app.screenshot('club-02-athlete-runs')

      // The profile says who created the athlete; Settings lists both coaches with when they last wrote.
      await go(page, `#/athlete/${ada.id}/profile`)
      await expect.poll(() => page.getByTestId('record-author').first().textContent()).toMatch(/^Added by Sam’s laptop, /)
      await go(page, '#/settings')
      const kimRow = page.getByRole('row').filter({ hasText: kimName })
      await kimRow.waitFor()
      expect(await kimRow.getByRole('cell').last().textContent()).not.toBe('nothing yet')
      await app.screenshot('club-03-share-settings')
    } finally {
      await kim?.services.close()
      await app.services.close()
      await app.close()
    }
  })
})
