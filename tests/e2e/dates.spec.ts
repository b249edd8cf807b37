/**
 * Dates in the computer's own language and region (issue 13, point 3): the same log reads "Mon 7 Dec" on a
 * British machine and "Mon, Dec 7" on an American one; no ISO dates or raw backup ids in front of a coach;
 * dates never break across lines.
 */
import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/dates'
import { longDate, tableDate } from '../../shared/format/dates'
import { localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { draft, openServices, tempDir } from '../support/temp'
import { createAthlete } from '../../electron/services/squad/squad-service'
import { addRun } from '../../electron/services/runs/run-service'
import { backupNow } from '../../electron/services/backup/backup-service'
import { AthleteDraft } from '../../shared/domain/squad'

const browser = useSharedBrowser()
const ISO = /\b\d{4}-\d{2}-\d{2}\b/

async function folderWithRuns(): Promise<{ dataDir: string; athleteId: string; dates: string[] }> {
  const { services, dataDir } = await openServices(tempDir('calfcoach-dates-'))
  const athlete = await createAthlete(services, AthleteDraft.parse(draft('Maya Costa')))
  const today = localToday()
  const dates = [addDays(today, -40), addDays(today, -3)]
  for (const date of dates) await addRun(services, athlete.id, { date, distanceKm: 6, painDuring: 2 })
  await backupNow(services)
  await services.db.flush()
  return { dataDir, athleteId: athlete.id, dates }
}

describe('dates follow the computer’s locale', () => {
  for (const locale of ['en-GB', 'en-US'] as const) {
    it(`reads naturally in ${locale}`, async () => {
      const prep = await folderWithRuns()
      const app = await openApp({ browser: browser(), dataDir: prep.dataDir, locale })
      const { page } = app
      const today = localToday()
      try {
        await page.evaluate((id) => (location.hash = `#/athlete/${id}/runs`), prep.athleteId)
        const rows = page.getByTestId('run-row')
        await expect.poll(() => rows.count()).toBe(2)
        const cells = await rows.locator('td:first-child time').allTextContents()
        expect(cells).toEqual([...prep.dates].reverse().map((d) => tableDate(d, locale, today)))
        expect(cells[0]).toMatch(locale === 'en-GB' ? /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2,3}/ : /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}/)
        // The full date on hover, and never split across two lines.
        await expect(rows.first().locator('time').getAttribute('title')).resolves.toBe(longDate(prep.dates[1]!, locale))
        await expect(rows.first().locator('time').evaluate((el) => getComputedStyle(el).whiteSpace)).resolves.toBe('nowrap')
        expect(await page.locator('.runs-table').textContent()).not.toMatch(ISO)
        await app.screenshot(`dates-runs-${locale}`)

        // The backup list: a readable moment and a reason in words, never the folder name.
        await page.getByRole('link', { name: 'Settings' }).click()
        const choices = page.getByLabel('Restore from backup…').locator('option')
        await expect.poll(() => choices.count()).toBeGreaterThan(1)
        const options = await choices.allTextContents()
        for (const option of options.slice(1)) {
          expect(option).not.toMatch(ISO)
          expect(option).not.toMatch(/manual|auto|Z\b/)
        }
        expect(options.slice(1).some((o) => o.includes('made with Back up now'))).toBe(true)
      } finally {
        await app.close()
      }
    })
  }
})
