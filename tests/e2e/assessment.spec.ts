import { AxeBuilder } from '@axe-core/playwright'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RED_FLAG_FIELDS } from '../../shared/assessment/form'
import { ageOn, addDays } from '../../shared/dates'
import { dayMonth, longDate, tableDate } from '../../shared/format/dates'
import { localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'

const browser = useSharedBrowser()

/** Answers one yes/no question: the fieldset is named by the question, the radios Yes / No / Not asked. */
async function answer(page: Page, question: string, choice: 'Yes' | 'No' | 'Not asked') {
  await page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: choice, exact: true }).check()
}

/** Same-document navigation to an athlete's Assessment tab, as a link would do. */
async function openTab(page: Page, athleteId: string) {
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, `#/athlete/${athleteId}/assessment`)
}

const banner = (page: Page) => page.getByTestId('triage-banner')

/** What the banner shows: a triage, or "incomplete" (never green before the red-flag screen is complete). */
async function bannerTriage(page: Page, triage: 'red' | 'amber' | 'green' | 'incomplete', headline: string | RegExp) {
  await banner(page).and(page.locator(`[data-triage="${triage}"]`)).filter({ hasText: headline }).waitFor()
}

/** Answers "No" to every yes/no red-flag question (the form's own list), as a complete screen. */
async function noRedFlags(page: Page) {
  for (const f of RED_FLAG_FIELDS) if (f.kind === 'boolean') await answer(page, f.label, 'No')
}

const DISCRIMINATORS = [
  'Numbness or pins and needles in the leg or foot?',
  'Foot weakness or slapping?',
  'Foot cold or pale?',
  'Is the calf swollen?',
  'Chest pain or unusual breathlessness?',
]

describe('calf-pain assessment in the built renderer', () => {
  it('fill → live triage and factors → red flag turns it RED → save → reload → second assessment → comparison', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const today = localToday()
    const firstDate = addDays(today, -21)
    const long = (iso: string) => longDate(iso, 'en-GB')
    const inTable = (iso: string) => tableDate(iso, 'en-GB', today)
    try {
      // An athlete with a date of birth, so the norms are age- and sex-specific.
      await page.getByRole('heading', { name: 'Welcome to CalfCoach' }).waitFor()
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Rosa Costa')
      await page.getByLabel('Sex (for test norms)').selectOption('female')
      await page.getByLabel('Date of birth').fill('1986-04-12')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('link', { name: 'Rosa Costa' }).click()
      await page.getByRole('tab', { name: 'Assessment' }).click()
      await page.getByText('No assessments saved yet').waitFor()
      // Keyboard: the button opens the form and focus lands on its heading, then the date.
      await page.getByRole('button', { name: 'New assessment' }).focus()
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'New assessment' }).waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('as-editor-title')
      await page.keyboard.press('Tab')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('as-date')

      // Profile pre-fill and the athlete's own norm next to the test.
      const age = ageOn('1986-04-12', today)
      await expect.poll(() => page.getByLabel('Sex', { exact: true }).inputValue()).toBe('female')
      await expect.poll(() => page.getByLabel('Age', { exact: true }).inputValue()).toBe(String(age))
      await page.getByText(`average for a ${age}-year-old woman`).waitFor()
      await expect.poll(() => page.locator('#as-screening-kneeToWallCm-norm').textContent()).toContain('under 10 cm is restricted')

      // Layout at 1280×800: the result panel sits beside the form.
      const formBox = (await page.locator('form.as-form').boundingBox())!
      const resultBox = (await page.getByRole('complementary', { name: 'Assessment result' }).boundingBox())!
      expect(resultBox.x).toBeGreaterThanOrEqual(formBox.x + formBox.width - 1)

      // The pain, the red-flag screen answered "no", and red-flag-free overload findings.
      await page.getByLabel('Where is the pain?').selectOption('calf')
      await page.getByLabel('Which leg?').selectOption('left')
      await page.getByLabel('How did it start?').selectOption('gradual')
      await page.getByRole('group', { name: 'What does it feel like?' }).getByRole('checkbox', { name: 'Tight' }).check()
      await page.getByLabel('Minutes into the run when it starts').fill('25')
      await answer(page, 'Gets worse the longer the run goes on?', 'Yes')
      for (const q of DISCRIMINATORS) await answer(page, q, 'No')
      await page.getByLabel('Knee-to-wall, Left').fill('6')
      await page.getByLabel('Knee-to-wall, Right').fill('11')
      await page.getByLabel('Thomas test (hip flexors), Left').selectOption('positive')
      await page.getByLabel('Single-leg squat, Left').selectOption('poor')
      await page.getByLabel('Single-leg squat, Right').selectOption('good')

      // Live result: green banner in words, the expected factors with their evidence.
      // No referral so far, but the red-flag screen is not finished: no green banner, the gaps listed instead.
      await bannerTriage(page, 'incomplete', /^Incomplete: \d+ red-flag questions not asked/)
      await banner(page).getByRole('list', { name: 'Red-flag questions not asked' }).getByText('Pain at night?', { exact: true }).waitFor()
      await expect.poll(() => banner(page).textContent()).not.toMatch(/GREEN/)
      const factors = page.getByTestId('factor')
      await factors.filter({ hasText: 'Stiff ankle (restricted dorsiflexion)' }).filter({ hasText: 'High likelihood' }).waitFor()
      await factors.filter({ hasText: 'Weak hip abductors' }).waitFor()
      await factors.filter({ hasText: 'Under-working gluteus maximus (hypothesis)' }).filter({ hasText: 'A hypothesis' }).waitFor()
      await expect.poll(() => factors.first().textContent()).toContain('Stiff ankle')
      await expect.poll(() => page.getByTestId('assessment-result').textContent()).toContain('Calf stretch with the knee bent (soleus)')
      expect(await page.getByRole('alert').count()).toBe(0)
      await app.screenshot('assessment-01-live-green')

      // A value out of range is named at the field, left out of the result, and blocks saving.
      await page.getByLabel('Knee-to-wall, Right').fill('45')
      await page.locator('#as-screening-kneeToWallCm-right-error').filter({ hasText: 'must be at most 30 cm' }).waitFor()
      await expect.poll(() => page.getByLabel('Knee-to-wall, Right').getAttribute('aria-invalid')).toBe('true')
      await expect.poll(() => page.getByText('must be at most 30 cm').count()).toBe(1) // under that side only
      await page.getByTestId('assessment-result').getByText('1 answer is not valid yet').waitFor()
      await page.getByRole('button', { name: 'Save assessment' }).click()
      await page.getByText('Please fix the highlighted fields. Nothing was saved.').waitFor()
      expect(app.calls.filter((c) => c.method === 'saveAssessment')).toEqual([])
      await page.getByLabel('Knee-to-wall, Right').fill('11')
      await page.locator('#as-screening-kneeToWallCm-right-error').waitFor({ state: 'detached' })

      // Numbness during runs: a discriminator for compartment pressure → AMBER before progressing.
      await answer(page, 'Numbness or pins and needles in the leg or foot?', 'Yes')
      await bannerTriage(page, 'amber', 'AMBER — refer before progressing running')
      await expect.poll(() => page.getByTestId('referral').first().textContent()).toContain('Possible exertional compartment syndrome')
      // …and pain that does not settle after stopping on top of it → RED, same day, the referral listed first.
      await page.getByLabel('It does not settle').check()
      await bannerTriage(page, 'red', 'RED — refer before any running')
      await expect.poll(() => banner(page).getAttribute('role')).toBe('alert')
      const firstReferral = page.getByTestId('referral').first()
      await expect.poll(() => firstReferral.textContent()).toMatch(/Possible exertional compartment syndrome\s*Same day/)
      await expect.poll(() => firstReferral.textContent()).toContain('numbness, weakness or swelling')
      await expect.poll(() => page.getByTestId('assessment-result').textContent()).toContain('Stop running')

      // Every control labelled, contrast and ARIA sound in the whole editor (form and result), red state included.
      const axe = await new AxeBuilder({ page }).include('.as-editor').analyze()
      expect(axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])

      // From the keyboard: arrow keys move a three-state answer; chest pain turns the banner to an emergency.
      await page.getByRole('group', { name: 'Chest pain or unusual breathlessness?', exact: true }).getByRole('radio', { name: 'No', exact: true }).focus()
      await page.keyboard.press('ArrowLeft')
      await bannerTriage(page, 'red', 'RED — emergency: get medical help now, no running')
      await expect.poll(() => page.getByTestId('referral').first().textContent()).toMatch(/Possible clot on the lungs\s*Emergency/)
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.getByRole('group', { name: 'Chest pain or unusual breathlessness?', exact: true }).getByRole('radio', { name: 'Not asked' }).isChecked()).toBe(true)
      await bannerTriage(page, 'red', 'RED — refer before any running')

      // The result panel stays in view while the coach scrolls the form.
      await page.getByLabel('Days a week in high heels').scrollIntoViewIfNeeded()
      const stuck = (await page.getByRole('complementary', { name: 'Assessment result' }).boundingBox())!
      expect(stuck.y).toBeGreaterThanOrEqual(0)
      expect(stuck.y).toBeLessThan(100)
      await app.screenshot('assessment-02-live-red')

      // Save with a date three weeks ago.
      await page.getByLabel('Assessment date').fill(firstDate)
      await page.getByLabel('Note for the record').fill('Numb foot late in runs; pain lingers. Sent to sports doctor.')
      await page.getByRole('button', { name: 'Save assessment' }).click()
      await page.getByText(new RegExp(`^Assessment of ${long(firstDate)} saved \\(triage RED; incomplete: \\d+ red-flag questions not asked\\)\\.$`)).waitFor()
      const rows = page.getByTestId('assessment-row')
      await expect.poll(() => rows.count()).toBe(1)
      await expect.poll(() => rows.first().textContent()).toMatch(new RegExp(`${inTable(firstDate)}\\s*Red`))

      // What was stored: the answers only, unanswered questions absent (never false), age/sex pre-filled.
      const athleteId = app.services.db.squad.data.athletes[0]!.id
      const [stored] = app.services.db.athleteDoc(athleteId).data.assessments
      expect(stored!.date).toBe(firstDate)
      expect(stored!.input.athlete).toEqual({ sex: 'female', ageYears: ageOn('1986-04-12', today) })
      expect(stored!.input.symptoms).toMatchObject({ numbnessOrTingling: true, settlesAfterStoppingMinutes: null, footWeakness: false })
      expect(stored!.input.symptoms).not.toHaveProperty('painAtRest')
      expect(stored!.input.screening?.kneeToWallCm).toEqual({ left: 6, right: 11 })
      expect(stored).not.toHaveProperty('diagnosis')

      // After a reload the saved assessment is still listed.
      await app.reload()
      await page.getByTestId('assessment-row').first().waitFor()
      await expect.poll(() => page.getByTestId('assessment-row').first().textContent()).toContain('Possible exertional compartment syndrome')
      await page.getByText('Save a second assessment to see what really changed').waitFor()
      await app.screenshot('assessment-03-saved-list')

      // A second assessment today: ankle range better on the left (real), right within error; no red flags.
      await page.getByRole('button', { name: 'New assessment' }).click()
      await page.getByLabel('Where is the pain?').selectOption('calf')
      await noRedFlags(page)
      await page.getByLabel('Knee-to-wall, Left').fill('8.5')
      await page.getByLabel('Knee-to-wall, Right').fill('11.5')
      await page.getByLabel('Thomas test (hip flexors), Left').selectOption('negative')
      await page.getByLabel('Single-leg squat, Left').selectOption('fair')
      await page.getByLabel('Minutes until it settles after stopping').fill('5')
      await bannerTriage(page, 'green', 'GREEN — no referral needed')
      await page.getByRole('button', { name: 'Save assessment' }).click()
      await page.getByText(`Assessment of ${long(today)} saved (triage GREEN).`).waitFor()
      await expect.poll(() => rows.count()).toBe(2)
      await expect.poll(() => rows.first().textContent()).toContain(inTable(today)) // newest first

      const comparison = page.getByTestId('assessment-comparison')
      await comparison.getByRole('heading', { name: `What really changed: ${dayMonth(firstDate, 'en-GB', true)} → ${dayMonth(today, 'en-GB', true)}` }).waitFor()
      await expect.poll(() => comparison.textContent()).toMatch(/Triage:\s*Red\s*→\s*Green/)
      const real = comparison.getByTestId('real-change')
      await real.filter({ hasText: 'Knee-to-wall, left: 6 cm → 8.5 cm' }).filter({ hasText: '▲ Better' }).waitFor()
      await real.filter({ hasText: 'Numbness or pins and needles in the leg or foot? now no (gone)' }).filter({ hasText: 'Better' }).waitFor()
      await real.filter({ hasText: 'Single-leg squat, left: poor → fair' }).waitFor()
      // Half a centimetre is within the knee-to-wall measurement error: listed, but not as a real change.
      await expect.poll(() => real.filter({ hasText: 'Knee-to-wall, right' }).count()).toBe(0)
      await comparison.getByText('Within measurement error or unchanged').click()
      await comparison.getByText(/Knee-to-wall, right: 11 cm → 11.5 cm .*within measurement error/).waitFor()
      await app.screenshot('assessment-04-comparison')

      // Edit the older one: the form opens with its answers; change the note and save.
      await page.getByRole('button', { name: `Edit assessment of ${inTable(firstDate)}` }).click()
      await page.getByRole('heading', { name: `Edit assessment of ${long(firstDate)}` }).waitFor()
      await expect.poll(() => page.getByLabel('Knee-to-wall, Left').inputValue()).toBe('6')
      await expect.poll(() => page.getByLabel('It does not settle').isChecked()).toBe(true)
      await bannerTriage(page, 'red', 'RED')
      await page.getByLabel('Note for the record').fill('Seen by the sports doctor: compartment pressures normal.')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByText(`Assessment of ${long(firstDate)} saved`).first().waitFor()
      await expect.poll(() => rows.count()).toBe(2)
      await expect.poll(() => rows.nth(1).textContent()).toContain('compartment pressures normal')

      // Delete it after confirming: the list and the comparison follow.
      await page.getByRole('button', { name: `Delete assessment of ${inTable(firstDate)}` }).click()
      await page.getByRole('dialog', { name: `Delete the assessment of ${long(firstDate)}?` }).waitFor()
      await page.getByRole('button', { name: 'Delete assessment', exact: true }).click()
      const deleted = page.getByTestId('toast').filter({ hasText: `Assessment of ${long(firstDate)} deleted.` })
      await deleted.waitFor()
      await expect.poll(() => rows.count()).toBe(1)
      await expect.poll(() => comparison.count()).toBe(0)
      expect(app.services.db.athleteDoc(athleteId).data.assessments.map((a) => a.date)).toEqual([today])
      await app.screenshot('assessment-05-deleted-with-undo')

      // Undo from the notice brings it back with its answers and note, without touching a backup.
      await deleted.getByRole('button', { name: 'Undo' }).click()
      await deleted.filter({ hasText: /^Undone: / }).waitFor()
      await expect.poll(() => rows.count()).toBe(2)
      const back = app.services.db.athleteDoc(athleteId).data.assessments.find((a) => a.date === firstDate)
      expect(back?.note).toBe('Seen by the sports doctor: compartment pressures normal.')
      expect(back?.input.screening?.kneeToWallCm).toEqual({ left: 6, right: 11 })
      await comparison.waitFor()
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('the demo squad shows a red and an amber assessment, and an improving runner’s real gains', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await page.getByRole('button', { name: 'Load demo squad' }).click()
      await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      const athletes = app.services.db.squad.data.athletes
      const red = athletes.find((a) => a.notes === 'Demo story: red flag.')!
      const amber = athletes.find((a) => a.notes === 'Demo story: amber referral.')!
      const improving = athletes.find((a) => a.notes === 'Demo story: improving.')!

      await openTab(page, red.id)
      const rows = page.getByTestId('assessment-row')
      await rows.first().waitFor()
      await expect.poll(() => rows.first().textContent()).toMatch(/Red\s*Possible blood clot in the leg \(DVT\)/)
      await page.getByRole('button', { name: /^Edit assessment of/ }).first().click()
      await bannerTriage(page, 'red', 'RED — refer before any running')
      await app.screenshot('assessment-05-demo-red')

      await openTab(page, amber.id)
      await page.getByRole('heading', { level: 1, name: new RegExp(amber.name) }).waitFor()
      await rows.first().filter({ hasText: 'Amber' }).filter({ hasText: 'Possible Achilles tendinopathy' }).waitFor()

      await openTab(page, improving.id)
      await page.getByRole('heading', { level: 1, name: new RegExp(improving.name) }).waitFor()
      const real = page.getByTestId('real-change')
      await real.filter({ hasText: /Knee-to-wall, left: .* real improvement/ }).waitFor()
      await real.filter({ hasText: /Single-leg heel raises, right: .* real improvement/ }).waitFor()
      await app.screenshot('assessment-06-demo-improving')
      // Every red-flag question was asked in the demo screenings: a plain green.
      await page.getByRole('button', { name: /^Edit assessment of/ }).first().click()
      await bannerTriage(page, 'green', 'GREEN — no referral needed')
      await expect.poll(() => banner(page).textContent()).not.toContain('not asked')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
