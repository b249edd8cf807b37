/**
 * One clinical state, everywhere (issue 10 item 1): the same status line on the triage board, the squad list,
 * the athlete header on every tab, the Plan tab and the plan's PDF.
 *
 *   npx electron-vite build --outDir "$PWD/.tmp/out" && CALFCOACH_OUT_DIR=.tmp/out \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/clinical-state.spec.ts
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { saveAssessment } from '../../electron/services/assessments/assessment-service'
import { addRun } from '../../electron/services/runs/run-service'
import { createAthlete } from '../../electron/services/squad/squad-service'
import { addDays } from '../../shared/dates'
import { AthleteDraft } from '../../shared/domain/squad'
import { CLEAN, withPatch } from '../unit/assessment/fixtures'
import { artifactsDir } from '../support/chromium'
import { localToday, useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'
import { readPdf } from '../support/pdf-text'
import { draft } from '../support/temp'

/** Rendering to PDF is the slowest step; on a busy machine it can take minutes. */
const PDF_WAIT_MS = 180_000

const browser = useSharedBrowser()
beforeAll(() => {
  mkdirSync(artifactsDir(), { recursive: true })
})

const AMBER = 'Amber: hold, do not increase running'
const RED = 'Red: see a clinician today, no running'
const TABS = ['Profile', 'Runs & pain', 'Assessment', 'Plan']

/** Four weeks of easy, pain-free running (3 runs a week) ending three days ago. */
async function easyMonth(app: Harness, id: string, today: string): Promise<void> {
  for (let back = 28; back >= 3; back--) {
    if (back % 7 === 0 || back % 7 === 2 || back % 7 === 4) {
      await addRun(app.services, id, { date: addDays(today, -back), distanceKm: 6, painDuring: 1, painAfter: 1, painNextMorning: 0 })
    }
  }
}

/** A link in the app's main navigation (the athlete page has a "Squad" breadcrumb too). */
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })
const boardRow = (page: Page, name: string) => page.getByTestId('board-row').filter({ has: page.getByRole('link', { name, exact: true }) })
const squadRow = (page: Page, name: string) => page.getByTestId('squad-row').filter({ has: page.getByRole('link', { name, exact: true }) })
const headerBadge = (page: Page) => page.getByTestId('athlete-status').getByTestId('status-badge')

/** The board, the squad list and the header on every athlete tab all show `headline`. */
async function sameStatusEverywhere(app: Harness, name: string, headline: string): Promise<void> {
  const { page } = app
  await nav(page, 'Triage board').click()
  await expect.poll(() => boardRow(page, name).getByTestId('status-badge').textContent()).toBe(headline)

  await nav(page, 'Squad').click()
  await expect.poll(() => squadRow(page, name).getByTestId('status-badge').textContent()).toBe(headline)

  await squadRow(page, name).getByRole('link', { name, exact: true }).click()
  for (const tab of TABS) {
    await page.getByRole('tab', { name: tab, exact: true }).click()
    await expect.poll(() => page.getByRole('tab', { name: tab, exact: true }).getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => headerBadge(page).textContent()).toBe(headline)
  }
  // The last tab is the Plan tab: its own status line says the same.
  await expect.poll(() => page.getByTestId('plan-status').textContent()).toContain(headline)
}

async function exportPdf(app: Harness, file: string): Promise<string> {
  rmSync(file, { force: true })
  app.dialogs.savePaths.push(file)
  await app.page.getByRole('button', { name: 'Export PDF…' }).click()
  await app.page.getByText(/^Saved the PDF \(\d+ pages?\) to /).waitFor({ timeout: PDF_WAIT_MS })
  return (await readPdf(file)).flat
}

describe('one clinical state on every screen and in print', () => {
  it('pain in the log alone makes an athlete amber everywhere; a plan without an assessment needs the acknowledgement, printed on the PDF', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const today = localToday()
    try {
      const ada = (await createAthlete(app.services, AthleteDraft.parse(draft('Ada Amber')))).id
      const calm = (await createAthlete(app.services, AthleteDraft.parse(draft('Cal Calm')))).id
      await easyMonth(app, ada, today)
      await easyMonth(app, calm, today)
      // Pain during the run above the limit (5/10): a hold, never a referral, so amber, not red.
      await addRun(app.services, ada, { date: addDays(today, -1), distanceKm: 5, painDuring: 7, painAfter: 5, painNextMorning: 4 })
      await app.reload()

      await sameStatusEverywhere(app, 'Ada Amber', AMBER)
      await sameStatusEverywhere(app, 'Cal Calm', 'Green: progress as planned')

      // Ada's Plan tab: no assessment, so the builder asks for the acknowledgement; main refuses without it.
      await nav(page, 'Squad').click()
      await squadRow(page, 'Ada Amber').getByRole('link', { name: 'Ada Amber', exact: true }).click()
      await page.getByRole('tab', { name: 'Plan', exact: true }).click()
      const builder = page.getByRole('form', { name: 'Plan builder' })
      const tick = builder.getByRole('checkbox', { name: /I understand that this runner has had no calf-pain assessment/ })
      await tick.waitFor()
      await builder.getByRole('button', { name: 'Save plan' }).click()
      await builder.getByText(/Plan not saved: this runner has no assessment yet\./).waitFor()
      await expect.poll(() => tick.getAttribute('aria-invalid')).toBe('true')
      expect(app.services.db.athleteDoc(ada).data.plans).toEqual([])

      await tick.check()
      await builder.getByRole('button', { name: 'Save plan' }).click()
      await page.getByText(/^Saved “.+” as the active plan\.$/).waitFor()
      const [plan] = app.services.db.athleteDoc(ada).data.plans
      expect(plan?.acknowledgement).toMatchObject({ reason: 'no-assessment', assessmentId: null, unanswered: [] })
      expect(plan?.acknowledgement?.text).toMatch(/^I understand that this runner has had no calf-pain assessment/)
      await expect.poll(() => page.getByTestId('plan-status').textContent()).toContain(AMBER)

      const pdf = await exportPdf(app, path.join(artifactsDir(), 'clinical-state-amber-plan.pdf'))
      expect(pdf).toContain(`Status today: ${AMBER}`)
      expect(pdf).toContain('Built without an assessment: red flags not checked')
      expect(pdf).toContain('I understand that this runner has had no calf-pain assessment')
      expect(pdf).not.toMatch(/Green: no red flags/)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('an assessment with a stop-running referral makes an athlete red everywhere, and the plan refers first', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const today = localToday()
    try {
      const rosa = (await createAthlete(app.services, AthleteDraft.parse(draft('Rosa Red')))).id
      await easyMonth(app, rosa, today)
      // A swollen calf: a possible clot (DVT), same day, stops running (reference B1/B2).
      await saveAssessment(app.services, rosa, { date: today, input: withPatch(CLEAN, { symptoms: { swelling: true } }) })
      await app.reload()

      await sameStatusEverywhere(app, 'Rosa Red', RED)
      await page.getByRole('heading', { name: 'REFER FIRST — see a doctor before running' }).waitFor()
      await expect.poll(() => page.getByRole('form', { name: 'Plan builder' }).count()).toBe(0)
      await page.getByRole('button', { name: 'Save refer-first sheet' }).click()
      await page.getByText('Saved the refer-first sheet. Export it as a PDF for the runner.').waitFor()
      expect(app.services.db.athleteDoc(rosa).data.plans.map((p) => [p.output.status, p.output.weeks.length])).toEqual([['refer-first', 0]])

      const pdf = await exportPdf(app, path.join(artifactsDir(), 'clinical-state-red-refer-first.pdf'))
      // The refer-first PDF is the referral letter (issue 10 item 8), under the same status line.
      expect(pdf).toContain(`Status today: ${RED}`)
      expect(pdf).toContain('Referral letter')
      expect(pdf).toContain('PLEASE SEE THIS RUNNER TODAY')
      expect(pdf).not.toMatch(/Easy run|Long run|Walk–run/)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
