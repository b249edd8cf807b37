/**
 * Visible feedback (issue 13, point 4): a notice after saving, editing and archiving, Undo for archiving,
 * new rows scrolled into view and marked, and validation messages that go as soon as the field is valid.
 * Undo of deleting a run and an assessment is covered in log.spec.ts and assessment.spec.ts.
 */
import { describe, expect, it } from 'vitest'
import { useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'

const browser = useSharedBrowser()

describe('feedback and undo on the squad', () => {
  it('add (message clears once the name is typed) → notice and marked row → archive → Undo brings the athlete back', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      // A few athletes first, so the new one lands lower in the list.
      for (const name of ['Aoife Byrne', 'Ben Cole', 'Cara Doyle']) {
        await page.evaluate((n) => (window as unknown as { calfcoach: Record<string, (i: unknown) => Promise<unknown>> }).calfcoach['createAthlete']!({ name: n, sex: 'female', dateOfBirth: null }), name)
      }
      await page.reload()
      await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()

      await page.getByRole('button', { name: 'Add athlete' }).click()
      const form = page.getByRole('form', { name: 'Add athlete' })
      await form.getByRole('button', { name: 'Add athlete' }).click()
      await form.getByText('name is required').waitFor()
      await page.getByLabel('Name').fill('Zoe Ward')
      // The message goes with the first valid keystroke, not on the next save.
      await form.getByText('name is required').waitFor({ state: 'detached' })
      await page.getByLabel('Sex (for test norms)').selectOption('female')
      await form.getByText('Please fix the highlighted fields').waitFor({ state: 'detached' })
      await form.getByRole('button', { name: 'Add athlete' }).click()

      await page.getByTestId('toast').filter({ hasText: 'Added Zoe Ward to the squad.' }).waitFor()
      const row = page.getByTestId('squad-row').filter({ hasText: 'Zoe Ward' })
      await expect.poll(() => row.getAttribute('class')).toContain('just-changed')
      await app.screenshot('feedback-01-added-athlete')
      // A notice never takes a click meant for the page under it: the point under its text is the page's.
      const underText = await page.getByTestId('toast').first().locator('span').first().evaluate((span) => {
        const box = span.getBoundingClientRect()
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        return hit === null ? 'nothing' : hit.closest('[data-testid=toast]') ? 'the notice' : 'the page'
      })
      expect(underText).toBe('the page')

      // Archive from the list: a notice with Undo; Undo puts the athlete back in the active list.
      await page.getByRole('button', { name: 'Archive Ben Cole' }).click()
      const notice = page.getByTestId('toast').filter({ hasText: 'Archived Ben Cole.' })
      await notice.waitFor()
      await page.getByRole('link', { name: 'Ben Cole' }).waitFor({ state: 'detached' })
      expect(app.services.db.squad.data.athletes.find((a) => a.name === 'Ben Cole')?.archived).toBe(true)
      await app.screenshot('feedback-02-archived-with-undo')
      await notice.getByRole('button', { name: 'Undo' }).click()
      await page.getByRole('link', { name: 'Ben Cole' }).waitFor()
      await notice.filter({ hasText: /^Undone: / }).waitFor()
      expect(app.services.db.squad.data.athletes.find((a) => a.name === 'Ben Cole')?.archived).toBe(false)

      // A profile edit says so.
      await page.getByRole('link', { name: 'Cara Doyle' }).click()
      await page.getByRole('tab', { name: 'Profile' }).click()
      await page.getByRole('button', { name: 'Edit profile' }).click()
      await page.getByLabel('Email').fill('cara@example.org')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByTestId('toast').filter({ hasText: 'Saved Cara Doyle’s profile.' }).waitFor()
      // The notices are one live region, so screen readers hear them too.
      await expect(page.getByRole('status').filter({ has: page.getByTestId('toast') }).count()).resolves.toBe(1)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
