/**
 * Screens fed by the run log (issue 13, points 11, 4 and 6), each on one small seeded athlete:
 * the assessment's Training section filled from the log in the coach's unit and saved as km; deleting a plan
 * and bringing it back with Undo; one range (fixed or custom) for both charts of the runs tab, weeks that start on
 * the coach's day, pain outside the limits marked, and metric names explained on focus.
 *
 *   export CALFCOACH_OUT_DIR=$PWD/.tmp/out; npx electron-vite build --outDir $CALFCOACH_OUT_DIR && \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/log-fed.spec.ts
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planDefaults } from '../../electron/services/plans/plan-defaults'
import { savePlan } from '../../electron/services/plans/plan-service'
import { addRun } from '../../electron/services/runs/run-service'
import { createAthlete, updateSettings } from '../../electron/services/squad/squad-service'
import { addDays, weekStart } from '../../shared/dates'
import { AthleteDraft } from '../../shared/domain/squad'
import { KM_PER_MILE } from '../../shared/units'
import { artifactsDir } from '../support/chromium'
import { localToday, useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'
import { draft } from '../support/temp'

const browser = useSharedBrowser()

/** An athlete with a few weeks of runs, and the page on one of their tabs. */
async function seeded(app: Harness, runs: { back: number; km: number; morning?: number }[], tab: string): Promise<string> {
  const today = localToday()
  const id = (await createAthlete(app.services, AthleteDraft.parse(draft('Lena Fischer')))).id
  for (const r of runs) await addRun(app.services, id, { date: addDays(today, -r.back), distanceKm: r.km, painDuring: 2, painAfter: 3, painNextMorning: r.morning ?? 1 })
  // A new hash alone keeps the squad the page loaded at start, which has no such athlete yet: load it again.
  await app.page.goto(`${app.page.url().split('#')[0]}#/athlete/${id}/${tab}`)
  await app.reload()
  return id
}

const miles = (km: number) => String(Math.round((km / KM_PER_MILE) * 10) / 10)

describe('screens fed by the run log', () => {
  it('a new assessment starts with its Training section filled from the log, in miles for a miles coach, and saves km', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await updateSettings(app.services, { distanceUnit: 'mi' })
      // This week (last 7 days): 8 + 5 km; four weeks ago: 10 + 6 km; the 30 days before this week: longest 16 km.
      const id = await seeded(app, [{ back: 1, km: 8 }, { back: 4, km: 5 }, { back: 12, km: 16 }, { back: 29, km: 10 }, { back: 31, km: 6 }, { back: 45, km: 30 }], 'assessment')
      await page.getByRole('button', { name: 'New assessment' }).click()
      await page.getByTestId('training-from-log').waitFor()
      const box = (label: string) => page.locator('#as-section-training').getByLabel(label, { exact: true })
      await expect.poll(() => box('Distance this week').inputValue()).toBe(miles(13))
      expect(await box('Weekly distance four weeks ago').inputValue()).toBe(miles(16))
      expect(await box('Longest run in the previous 30 days').inputValue()).toBe(miles(16))
      expect(await box('Longest run this week').inputValue()).toBe(miles(8))
      expect(await page.locator('#as-section-training .as-unit').first().textContent()).toBe('mi')
      await page.locator('#as-section-training').screenshot({ path: path.join(artifactsDir(), 'log-fed-01-training-prefill.png') })
      // Editable: the coach corrects one figure; the others keep the log's exact km.
      await box('Longest run this week').fill('6')
      await page.getByRole('button', { name: 'Save assessment' }).click()
      await expect.poll(() => app.services.db.athleteDoc(id).data.assessments.length).toBe(1)
      expect(app.services.db.athleteDoc(id).data.assessments[0]!.input.training).toEqual({ weeklyKm: 13, weeklyKmFourWeeksAgo: 16, longestRunLast30DaysKm: 16, longestRunThisWeekKm: Math.round(6 * KM_PER_MILE * 100) / 100 })
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('a deleted plan comes back exactly as it was with Undo', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      const id = await seeded(app, [3, 6, 10, 13, 17, 20, 24, 27].map((back) => ({ back, km: 6 })), 'overview')
      const plan = await savePlan(app.services, id, 'Back to 30 km', { ...planDefaults(app.services, id).request, targetWeeklyKm: 30 }, true)
      const stored = () => app.services.db.athleteDoc(id).data.plans
      const before = structuredClone(stored())
      await page.getByRole('tab', { name: 'Plan' }).click()
      await page.getByRole('button', { name: 'Delete Back to 30 km' }).click()
      await page.getByRole('dialog', { name: 'Delete the plan “Back to 30 km”?' }).getByRole('button', { name: 'Delete plan' }).click()
      await expect.poll(() => stored().length).toBe(0)
      await expect.poll(() => page.getByTestId('plan-history-row').count()).toBe(0)
      const notice = page.getByTestId('toast').filter({ hasText: 'Plan “Back to 30 km” deleted.' })
      await app.screenshot('log-fed-02-plan-deleted')
      await notice.getByRole('button', { name: 'Undo' }).click()
      await notice.filter({ hasText: /^Undone: / }).waitFor()
      expect(stored()).toEqual(before)
      await expect.poll(() => page.getByTestId('plan-history-row').allTextContents()).toEqual([expect.stringContaining('Active')])
      expect(stored()[0]!.id).toBe(plan.id)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('one range for both charts, custom from–to included, weeks from Sunday, pain outside the limits marked, metrics explained', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    const today = localToday()
    try {
      await updateSettings(app.services, { weekStartsOn: 'sunday' })
      // A run every 5 days for 300 days; one with next-morning pain of 4/10 (not settled) 3 days ago.
      const backs = Array.from({ length: 60 }, (_, i) => i * 5 + 1)
      await seeded(app, [...backs.map((back) => ({ back, km: 5 + (back % 7) })), { back: 3, km: 6, morning: 4 }], 'runs')
      const dates = [...backs, 3].map((back) => addDays(today, -back))
      const weekly = page.getByTestId('weekly-chart')
      const dots = page.locator('[data-testid=scatter-chart] .recharts-scatter-symbol')
      const inRange = (from: string, to = today) => dates.filter((d) => d >= from && d <= to).length
      const sunday = weekStart(today, 'sunday')

      await expect.poll(() => weekly.getAttribute('data-points')).toBe('12')
      await weekly.getByText('Week starting (Sunday)').waitFor()
      await expect.poll(() => dots.count()).toBe(inRange(addDays(sunday, -77)))
      await page.getByRole('button', { name: '6 months', exact: true }).click()
      await expect.poll(() => weekly.getAttribute('data-points')).toBe('26')
      await expect.poll(() => dots.count()).toBe(inRange(addDays(sunday, -175)))

      // Custom: from a Sunday 20 weeks back to one 10 weeks back: 11 weeks on both charts.
      await page.getByRole('button', { name: 'Custom…' }).click()
      const from = addDays(sunday, -140)
      const to = addDays(sunday, -64)
      await page.getByLabel('From', { exact: true }).fill(from)
      await page.getByLabel('to', { exact: true }).fill(to)
      await expect.poll(() => weekly.getAttribute('data-points')).toBe('11')
      await expect.poll(() => dots.count()).toBe(inRange(from, to))
      // Ends out of order: both are marked, the reason is given, and the charts keep the range they had.
      await page.getByLabel('From', { exact: true }).fill(addDays(to, 7))
      await page.getByRole('alert').filter({ hasText: 'The start must be on or before the end.' }).waitFor()
      expect(await page.getByLabel('to', { exact: true }).getAttribute('aria-invalid')).toBe('true')
      expect(await weekly.getAttribute('data-points')).toBe('11')
      await page.getByRole('button', { name: '12 weeks', exact: true }).click()
      await expect.poll(() => weekly.getAttribute('data-points')).toBe('12')

      // The run whose pain had not settled: marked in the weekly chart's legend and in the table, with why.
      await weekly.getByText('Pain outside the limits').waitFor()
      const high = page.locator('[data-testid=run-row] td.pain-high')
      await expect.poll(() => high.count()).toBe(1)
      expect(await high.getAttribute('title')).toBe('Not settled by the next morning: above 2/10')

      // Metric names explain themselves on keyboard focus.
      const term = page.getByText('Load trend', { exact: true })
      await term.focus()
      await expect.poll(() => page.getByRole('tooltip').filter({ hasText: 'compared with the last four weeks' }).isVisible()).toBe(true)
      await app.screenshot('log-fed-03-charts-range')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
