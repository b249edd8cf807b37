/**
 * Find anything (issue 13 point 9), by keyboard only: Ctrl+K to an athlete and to a run note, the shortcut list
 * on "?", and N / A on an athlete's page.
 *
 *   export CALFCOACH_OUT_DIR=$PWD/.tmp/out; npx electron-vite build --outDir $CALFCOACH_OUT_DIR && \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/find.spec.ts
 */
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { addDays } from '../../shared/dates'
import { localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { draft, openServices, tempDir } from '../support/temp'
import { createAthlete } from '../../electron/services/squad/squad-service'
import { addRun } from '../../electron/services/runs/run-service'
import { AthleteDraft } from '../../shared/domain/squad'

const browser = useSharedBrowser()
const folders: string[] = []
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

describe('find anything', () => {
  it('switches to an athlete and to a run note by keyboard, lists the shortcuts, and starts a run or an assessment', async () => {
    const { services, dataDir } = await openServices(tempDir('calfcoach-find-'))
    folders.push(dataDir)
    await createAthlete(services, AthleteDraft.parse(draft('Zoë Hartley')))
    const sam = await createAthlete(services, AthleteDraft.parse(draft('Sam Okoro')))
    await addRun(services, sam.id, { date: addDays(localToday(), -2), distanceKm: 7, notes: 'Calf cramped on the hill repeats' })
    await services.close()
    const app = await openApp({ browser: browser(), dataDir })
    const { page } = app
    try {
      await page.getByRole('link', { name: 'Zoë Hartley' }).waitFor()
      const combo = page.getByRole('combobox', { name: 'Athlete, screen or words in notes and plans' })

      // 1. Ctrl+K, a name typed without its accent, Enter: the athlete's page.
      await page.keyboard.press('Control+k')
      await combo.waitFor()
      expect(await combo.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.type('zoe')
      await page.getByRole('option', { name: /Zoë Hartley/, selected: true }).waitFor()
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'Zoë Hartley', level: 1 }).waitFor()
      expect(await combo.count()).toBe(0)

      // 2. Words from a run note: main finds it; arrows choose it, Enter opens that athlete's runs.
      await page.keyboard.press('Control+k')
      await page.keyboard.type('hill cramped')
      const hit = page.getByRole('option', { name: /Calf cramped on the hill repeats.*Run note · Sam Okoro/ })
      await hit.waitFor()
      await app.screenshot('find-01-quick-switcher')
      const options = await page.getByRole('option').allTextContents()
      for (let i = 0; i < options.findIndex((o) => o.includes('Calf cramped')); i++) await page.keyboard.press('ArrowDown')
      expect(await hit.getAttribute('aria-selected')).toBe('true')
      expect(await combo.getAttribute('aria-activedescendant')).toBe(await hit.getAttribute('id'))
      await page.keyboard.press('Enter')
      await page.getByRole('tab', { name: 'Runs & pain', selected: true }).waitFor()
      expect(page.url()).toContain(`#/athlete/${sam.id}/runs`)

      // 3. Escape closes without moving.
      await page.keyboard.press('Control+k')
      await combo.waitFor()
      await page.keyboard.press('Escape')
      await combo.waitFor({ state: 'detached' })
      expect(page.url()).toContain(`#/athlete/${sam.id}/runs`)

      // 4. "?" lists the shortcuts.
      await page.locator('body').focus()
      await page.keyboard.press('?')
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await help.waitFor()
      expect(await help.textContent()).toMatch(/Ctrl K.*N.*new run.*A.*new assessment/)
      await app.screenshot('find-02-shortcuts')
      await page.keyboard.press('Escape')
      await help.waitFor({ state: 'detached' })

      // 5. On the athlete's page: A starts a new assessment, N goes to a new run with the cursor in the form.
      await page.getByRole('tab', { name: 'Overview' }).click()
      await page.getByRole('tab', { name: 'Overview', selected: true }).focus()
      await page.keyboard.press('a')
      await page.getByRole('tab', { name: 'Assessment', selected: true }).waitFor()
      await page.getByRole('button', { name: /Save assessment/ }).first().waitFor()
      await page.getByRole('tab', { name: 'Assessment', selected: true }).focus()
      await page.keyboard.press('n')
      await page.getByRole('tab', { name: 'Runs & pain', selected: true }).waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.qa-field') !== null)).toBe(true)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
