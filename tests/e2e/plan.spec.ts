/**
 * Return-to-distance plans from the builder to the PDF, through the built renderer in Chromium (issue 5).
 *
 * The Export PDF button's request reaches the real handler (exportPlanPdf), which asks the (scripted) save
 * dialog for a path and renders the print route with the harness's PdfPort: Playwright's page.pdf(), the
 * same Chromium print path as main's webContents.printToPDF. The PDFs are written under tests/artifacts (or
 * E2E_ARTIFACTS_DIR) and read back with pdfjs-dist to check their text and page count.
 *
 *   npx electron-vite build --outDir "$PWD/.tmp-plan-out" && CALFCOACH_OUT_DIR=.tmp-plan-out \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/plan.spec.ts
 */
import { AxeBuilder } from '@axe-core/playwright'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PlanRecord } from '../../shared/domain/documents'
import type { RunInput } from '../../shared/domain/run'
import { addDays, dayNumber } from '../../shared/dates'
import { CLEAN, withPatch } from '../unit/assessment/fixtures'
import { artifactsDir } from '../support/chromium'
import { callBridge, localToday, useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'
import { readPdf, squash } from '../support/pdf-text'

/** Rendering a 20-week plan to PDF is the slowest journey; on a busy machine it can take minutes. */
const PDF_WAIT_MS = 180_000

const browser = useSharedBrowser()
beforeAll(() => {
  mkdirSync(artifactsDir(), { recursive: true })
})

const FACTORS = withPatch(CLEAN, {
  screening: { kneeToWallCm: { left: 6, right: 11 }, singleLegHeelRaiseReps: { left: 12, right: 25 }, trendelenburg: { left: 'positive', right: 'negative' } },
})
const RED = withPatch(CLEAN, { symptoms: { swelling: true } })

/** 8 weeks of 3 runs a week (6, 6 and 10 km, pain inside the limits) ending yesterday: 22 km a week. */
function eightWeeks(today: string): RunInput[] {
  const runs: RunInput[] = []
  for (let d = 56; d >= 1; d--) {
    const dow = d % 7
    if (dow !== 1 && dow !== 3 && dow !== 5) continue
    runs.push({ date: addDays(today, -d), distanceKm: dow === 1 ? 10 : 6, painDuring: 1, painAfter: 1, painNextMorning: 0 })
  }
  return runs
}

const api = callBridge

async function seedAthlete(app: Harness, name: string, assessment: unknown): Promise<string> {
  const { page } = app
  const today = localToday()
  const athlete = await api<{ id: string }>(page, 'createAthlete', { name, sex: 'female', dateOfBirth: '1988-04-12' })
  for (const run of eightWeeks(today)) await api(page, 'addRun', { athleteId: athlete.id, run })
  await api(page, 'saveAssessment', { athleteId: athlete.id, date: today, input: assessment })
  return athlete.id
}

async function openPlanTab(app: Harness, name: string): Promise<void> {
  const { page } = app
  await app.reload()
  await page.getByRole('link', { name }).click()
  await page.getByRole('tab', { name: 'Plan' }).click()
  await page.getByRole('heading', { name: 'Return-to-distance plan' }).waitFor()
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
/** "Wed 23 Dec:" as the print view starts each session line. */
function sessionLabel(iso: string): string {
  return `${WEEKDAYS[(((dayNumber(iso) + 3) % 7) + 7) % 7]} ${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}:`
}

async function axeBlocking(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}

describe('return-to-distance plans in the built renderer', () => {
  it('builder with defaults → preview → save → edit a session (unsafe edit refused) → Export PDF of a 20-week plan', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const pdfFile = path.join(artifactsDir(), 'plan-maya-costa-20-weeks.pdf')
    rmSync(pdfFile, { force: true })
    try {
      const id = await seedAthlete(app, 'Maya Costa', FACTORS)
      await openPlanTab(app, 'Maya Costa')

      // Defaults from the log (22 km a week, longest 10 km, 3 run days) and the assessment (green, factors).
      const builder = page.getByRole('form', { name: 'Plan builder' })
      await builder.waitFor()
      await expect.poll(() => page.getByLabel('Comfortable weekly distance now (km)').inputValue()).toBe('22')
      await expect.poll(() => page.getByLabel('Longest run in the last 30 days (km)').inputValue()).toBe('10')
      await expect.poll(() => page.getByLabel('Run days a week').inputValue()).toBe('3')
      await expect.poll(() => page.getByLabel('Start date').inputValue()).toBe(localToday())
      // The status line is the athlete's one clinical state (issue 10), not a plan-tab reading of its own.
      await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Status today: Green: progress as planned.')

      // A far target with a 20-week cap gives a 20-week plan.
      await page.getByLabel('Plan name (optional)').fill('Back to 80 km')
      await page.getByLabel('Target weekly distance (km)').fill('80')
      await page.getByLabel('Longest plan (weeks, optional)').fill('20')
      await page.getByRole('button', { name: 'Preview plan' }).click()
      await page.getByRole('heading', { name: 'Preview (not saved)' }).waitFor()
      await page.getByText(/^20 weeks; does not reach the target within the plan/).waitFor()
      expect(app.services.db.athleteDoc(id).data.plans).toEqual([])
      await app.screenshot('plan-01-builder-preview')

      await page.getByRole('button', { name: 'Save plan' }).click()
      await page.getByText('Saved “Back to 80 km” as the active plan.').waitFor()
      const saved = app.services.db.athleteDoc(id).data.plans
      expect(saved).toHaveLength(1)
      const plan = saved[0] as PlanRecord
      expect(plan).toMatchObject({ label: 'Back to 80 km', active: true, editedAt: null })
      expect(plan.output.weeks).toHaveLength(20)
      expect(plan.request.diagnosis?.triage).toBe('green')
      expect(plan.output.weeks[0]?.plannedKm).toBe(22)
      await page.getByTestId('plan-vs-actual').waitFor()
      await expect.poll(() => page.getByTestId('plan-vs-actual').getAttribute('data-weeks')).toBe('20')
      await expect.poll(() => page.locator('[data-testid=plan-vs-actual] .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(20)
      await expect.poll(() => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Week \d+/ }) }).count()).toBe(20)
      await app.screenshot('plan-02-saved-plan')
      await expect(axeBlocking(page, '.plan-tab')).resolves.toEqual([])

      // A safe edit: shorten an easy run of the first lighter week a little.
      const lighter = plan.output.weeks.find((w) => w.lighterWeek)!
      const easyIndex = lighter.runs.findIndex((r) => r.kind === 'easy')
      const easy = lighter.runs[easyIndex]!
      await page.getByRole('button', { name: `Edit run ${easyIndex + 1} of week ${lighter.index}` }).click()
      const km = page.getByLabel(`Distance (km), week ${lighter.index} run ${easyIndex + 1}`)
      // Keyboard: the distance field has the focus, Enter saves, and the focus returns to the Edit button.
      await expect.poll(() => km.evaluate((el) => el === document.activeElement)).toBe(true)
      await km.fill(String(Math.round((easy.km - 0.3) * 10) / 10))
      await km.press('Enter')
      await page.getByText(`Week ${lighter.index} updated; the plan still keeps every safety rule.`).waitFor()
      await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Edit run ${easyIndex + 1} of week ${lighter.index}`)
      const afterSafe = app.services.db.athleteDoc(id).data.plans[0]!
      expect(afterSafe.editedAt).not.toBeNull()
      expect(afterSafe.output.weeks[lighter.index - 1]?.runs[easyIndex]?.km).toBeCloseTo(easy.km - 0.3, 5)

      // An unsafe edit: double the long run of week 3. Refused, the rule named, nothing saved.
      const week3 = afterSafe.output.weeks[2]!
      const longIndex = week3.runs.findIndex((r) => r.kind === 'long')
      await page.getByRole('button', { name: `Edit run ${longIndex + 1} of week 3` }).click()
      await page.getByLabel(`Distance (km), week 3 run ${longIndex + 1}`).fill(String(week3.longRunKm * 2))
      await page.getByRole('button', { name: 'Save session' }).click()
      const refusal = page.locator('.plan-refusal')
      await refusal.waitFor()
      await expect.poll(() => refusal.textContent()).toMatch(/^Not saved: .*the 30-day longest-run rule/)
      await expect.poll(() => refusal.getAttribute('role')).toBe('alert')
      await app.screenshot('plan-03-unsafe-edit-refused')
      expect(app.services.db.athleteDoc(id).data.plans[0]!.output.weeks[2]).toEqual(week3)
      await page.getByRole('button', { name: 'Cancel' }).click()

      // Export PDF through the UI: the real handler renders the print route with page.pdf().
      app.dialogs.savePaths.push(pdfFile)
      await page.getByRole('button', { name: 'Export PDF…' }).click()
      const status = page.getByText(/^Saved the PDF \(\d+ pages\) to /)
      await status.waitFor({ timeout: PDF_WAIT_MS })
      expect(app.dialogs.asked.at(-1)).toEqual({ kind: 'save', title: 'Export Maya Costa’s plan as PDF' })
      expect(app.pdfRenders).toEqual([`#/print/plan/${id}/${plan.id}`])
      expect(existsSync(pdfFile)).toBe(true)
      const announced = Number(/\((\d+) pages\)/.exec((await status.textContent()) ?? '')?.[1])

      const pdf = await readPdf(pdfFile)
      const n = pdf.pages.length
      expect(n).toBeGreaterThanOrEqual(3)
      expect(announced).toBe(n)
      expect(squash(pdf.pages[0]!)).toMatch(/^Return-to-distance plan Maya Costa · /)
      // Running header and page numbers on every page.
      pdf.pages.forEach((p, i) => {
        expect(squash(p)).toContain('Maya Costa — return-to-distance plan')
        expect(squash(p)).toContain(`Page ${i + 1} of ${n}`)
      })
      // The week table spans several pages, with the column header repeated on each of them.
      const rowPages = pdf.pages.map((p, i) => ({ i, p })).filter(({ p }) => /(^|\n)Week \d+\s*\n/.test(p))
      expect(rowPages.length).toBeGreaterThanOrEqual(2)
      for (const { p } of rowPages) expect(squash(p)).toContain('Week Phase Total Planned sessions What to check')
      // Every week is there, and no row is split: a week's heading and all its sessions are on one page.
      const edited = app.services.db.athleteDoc(id).data.plans[0]!
      for (const w of edited.output.weeks) {
        const pagesWithRow = pdf.pages.map((p, i) => (new RegExp(`(^|\\n)Week ${w.index}\\s*\\n`).test(p) ? i : -1)).filter((i) => i >= 0)
        expect(pagesWithRow, `week ${w.index}`).toHaveLength(1)
        const page = squash(pdf.pages[pagesWithRow[0]!]!)
        for (const r of w.runs) expect(page, `week ${w.index} ${r.date}`).toContain(sessionLabel(r.date))
      }
      // The edited session is in the PDF.
      expect(pdf.flat).toContain(`${sessionLabel(easy.date)} Easy run ${(Math.round((easy.km - 0.3) * 10) / 10).toFixed(1)} km`)
      // Assessment summary, exercise sheet with doses, pain rules in plain words, chart axes.
      expect(pdf.flat).toContain('Assessment summary')
      expect(pdf.flat).toContain('Status today: Green: progress as planned')
      expect(pdf.flat).not.toMatch(/no red flags/)
      expect(pdf.flat).toContain('Exercise sheet')
      expect(pdf.flat).toContain('Calf stretch with the knee straight (gastrocnemius)')
      expect(pdf.flat).toContain('5 holds of 30 s, twice a day, every day for at least 3 weeks')
      expect(pdf.flat).toContain('Single-leg heel raises for calf endurance')
      expect(pdf.flat).toContain('Some pain during a run is allowed: up to 5 out of 10 is acceptable')
      expect(pdf.flat).toContain('Pain after the run may also reach 5 out of 10, as long as it has settled by the next morning')
      expect(pdf.flat).toContain('Week starting (Monday)')
      expect(pdf.flat).toContain('Distance (km)')
      expect(pdf.flat).toContain('Pain (0–10)')
      expect(pdf.flat).toContain('Plan week')
      expect(pdf.flat).not.toMatch(/REFER/)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('a red-flag athlete gets the refer-first panel, and a one-page referral letter as its PDF', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const pdfFile = path.join(artifactsDir(), 'plan-red-flag-refer-first.pdf')
    rmSync(pdfFile, { force: true })
    try {
      const id = await seedAthlete(app, 'Rosa Reid', RED)
      await openPlanTab(app, 'Rosa Reid')
      const panel = page.getByRole('region', { name: 'REFER FIRST — see a doctor before running' })
      await panel.waitFor()
      await expect.poll(() => panel.textContent()).toContain('Possible blood clot in the leg (DVT) — See a doctor today, before any more running.')
      await expect.poll(() => page.getByRole('form', { name: 'Plan builder' }).count()).toBe(0)
      await app.screenshot('plan-04-refer-first')
      await expect(axeBlocking(page, '.plan-tab')).resolves.toEqual([])

      await page.getByRole('button', { name: 'Save refer-first sheet' }).click()
      await page.getByText('Saved the refer-first sheet. Export it as a PDF for the runner.').waitFor()
      const plan = app.services.db.athleteDoc(id).data.plans[0]!
      expect(plan.output.status).toBe('refer-first')
      expect(plan.output.weeks).toEqual([])

      app.dialogs.savePaths.push(pdfFile)
      await page.getByRole('button', { name: 'Export PDF…' }).click()
      await page.getByText(/^Saved the PDF \(\d+ pages?\) to /).waitFor({ timeout: PDF_WAIT_MS })
      const pdf = await readPdf(pdfFile)
      // The refer-first PDF is a one-page referral letter (issue 10 item 8).
      expect(pdf.pages).toHaveLength(1)
      const first = squash(pdf.pages[0]!)
      // Athlete and date, then the urgency before anything else.
      expect(first).toMatch(/Referral letter Rosa Reid · born \d+ \w+ 1988 · \d+ \w+ \d{4} To the doctor or physiotherapist who sees this runner, from their running coach\. Status today: Red: see a clinician today, no running PLEASE SEE THIS RUNNER TODAY /)
      expect(first.indexOf('PLEASE SEE THIS RUNNER TODAY')).toBeLessThan(first.indexOf('What was found, and why it matters'))
      // The findings and why they matter, with each referral's wording and urgency.
      expect(first).toContain('Possible blood clot in the leg (DVT) — See a doctor today, before any more running.')
      expect(first).toContain('The calf is swollen: a clot has to be ruled out the same day')
      expect(first).toContain('Why it matters: A clot in a deep calf vein')
      expect(first).toContain('The runner has been asked not to run until you have seen them.')
      // The clearance section for the clinician to fill in.
      for (const field of ['Clearance (to be filled in by the clinician)', 'Clinician’s name and role', 'Date the runner was seen:', 'Cleared: may return to running', 'Cleared with restrictions', 'Something else found', 'Restrictions or advice:']) {
        expect(first).toContain(field)
      }
      // What the runner was told: do not run, and for a clot no exercise at all.
      expect(first).toContain('Do not run until a clinician has seen you.')
      expect(first).toContain('No exercise at all until a doctor has seen the runner')
      // No running pain rules, no plan, no chart.
      expect(first).not.toContain('Some pain during a run is allowed')
      expect(first).not.toMatch(/up to 5 out of 10|Pain rules|Planned sessions|The plan week by week|Easy run|Long run|Walk–run|Week starting \(Monday\)|Return-to-distance plan/)
      expect(app.consoleErrors).toEqual([])

      // A print route for a plan that does not exist says so on <body> itself (the printer stops on that
      // attribute instead of waiting out its timeout); the state is what is checked, not how fast it came.
      const printPage = await app.context.newPage()
      await printPage.goto(`${page.url().split('#')[0]}#/print/plan/${id}/plan-gone-missing`)
      await printPage.waitForSelector('body[data-print-error]')
      await expect.poll(() => printPage.getAttribute('body', 'data-print-error')).toMatch(/no longer in this athlete/)
      await expect.poll(() => printPage.getAttribute('body', 'data-print-ready')).toBeNull()
      await printPage.close()
    } finally {
      await app.close()
    }
  })

  it('demo athletes have a plan in progress; an amber athlete shows the hold and where to record the clearance', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await api(page, 'loadDemoSquad', undefined)
      const withPlans = app.services.db.squad.data.athletes.filter((a) => app.services.db.athleteDoc(a.id).data.plans.some((p) => p.active))
      expect(withPlans.length).toBeGreaterThanOrEqual(4)
      const amber = withPlans.find((a) => app.services.db.athleteDoc(a.id).data.plans.find((p) => p.active)?.output.awaitingReferralClearance)
      expect(amber).toBeDefined()
      await openPlanTab(app, amber!.name)
      await page.getByText('Amber — refer before progressing.').waitFor()
      await page.getByText(/This is week \d+/).waitFor()
      // A clearance is recorded on the Referrals tab (one place, per referral), never as a date on the plan.
      await expect.poll(() => page.getByLabel('Referral cleared on').count()).toBe(0)
      await page.locator('.badge-current').first().waitFor()
      await app.screenshot('plan-05-demo-amber')
      const before = app.services.db.athleteDoc(amber!.id).data.plans.find((p) => p.active)!
      const referralIds = (before.request.diagnosis?.referrals ?? []).map((r) => r.id)
      for (const referralId of referralIds) {
        await api(page, 'recordClearance', { athleteId: amber!.id, referralId, date: localToday(), clearedBy: { role: 'doctor', name: 'Dr Ana Silva' }, outcome: 'cleared' })
      }
      // Regenerating then follows the recorded clearance, keeping the weeks already begun.
      await page.locator('.plan-clearance').getByRole('link', { name: 'Referrals tab' }).waitFor()
      await page.getByRole('button', { name: 'Regenerate from today' }).click()
      await page.getByText(/^Regenerated from /).waitFor()
      const after = app.services.db.athleteDoc(amber!.id).data.plans.find((p) => p.active)!
      expect(after.id).not.toBe(before.id)
      expect(after.output.awaitingReferralClearance).toBe(false)
      expect(after.output.weeks.slice(0, after.output.keptWeeks)).toEqual(before.output.weeks.slice(0, after.output.keptWeeks))
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
