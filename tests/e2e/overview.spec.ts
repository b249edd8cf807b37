/**
 * The athlete overview (issue 13, point 1) on the demo squad: the first tab, and every figure on it read back
 * against the athlete's own data (clinical state, record, saved assessments), worked out here from the raw
 * records rather than by the function that builds the tab.
 *
 *   export CALFCOACH_OUT_DIR=$PWD/.tmp/out; npx electron-vite build --outDir $CALFCOACH_OUT_DIR && \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/overview.spec.ts
 */
import { describe, expect, it } from 'vitest'
import type { ClinicalStateDto } from '../../shared/api/channels/clinical-state'
import type { SavedAssessment } from '../../shared/api/channels/assessments'
import type { AthleteRecord } from '../../shared/api/channels/runs'
import { referralWords } from '../../shared/clinical/words'
import { addDays, weekStart } from '../../shared/dates'
import { datesInText, longDate, tableDate } from '../../shared/format/dates'
import { formatDistance } from '../../shared/units'
import { callBridge, localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { useDemoFolders } from '../support/demo-folder'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

const api = callBridge

const kmOf = (runs: AthleteRecord['runs'], from: string, to: string) => runs.filter((r) => r.date >= from && r.date <= to).reduce((a, r) => a + r.distanceKm, 0)

describe('athlete overview', () => {
  it('is the first tab and shows the state, referrals, latest assessment, plan week, 8 weeks, sessions and notes from the data', async () => {
    const dataDir = await demoFolder()
    const app = await openApp({ browser: browser(), dataDir })
    const { page } = app
    const today = localToday()
    try {
      const athletes = app.services.db.squad.data.athletes.filter((a) => !a.archived)
      // A runner with an active plan running this week and an assessment note, and one with an open referral.
      let planned: { id: string; name: string; record: AthleteRecord } | null = null
      let referred: { id: string; name: string; state: ClinicalStateDto } | null = null
      for (const a of athletes) {
        const record = await api<AthleteRecord>(page, 'getAthleteRecord', { athleteId: a.id })
        const state = await api<ClinicalStateDto>(page, 'getClinicalState', { athleteId: a.id })
        const plan = record.plans.find((p) => p.active)
        const week = plan?.output.weeks.find((w) => w.startDate <= today && w.endDate >= today)
        if (!planned && plan?.output.status === 'ok' && week && record.assessments.some((x) => x.note.trim())) planned = { id: a.id, name: a.name, record }
        if (!referred && state.openReferrals.length > 0) referred = { id: a.id, name: a.name, state }
      }
      expect(planned, 'the demo squad has a runner on a plan this week').not.toBeNull()
      expect(referred, 'the demo squad has a runner with an open referral').not.toBeNull()

      // 1. From the squad list, the athlete opens on the Overview.
      await page.getByRole('link', { name: planned!.name, exact: true }).click()
      await page.getByRole('tab', { name: 'Overview', exact: true, selected: true }).waitFor()
      expect((await page.getByRole('tab').allTextContents())[0]).toBe('Overview')
      const overview = page.getByTestId('overview')
      await overview.waitFor()
      const state = await api<ClinicalStateDto>(page, 'getClinicalState', { athleteId: planned!.id })
      await expect.poll(() => page.getByTestId('overview-headline').textContent()).toBe(state.headline)
      if (state.reasons.length) expect(await page.getByTestId('overview-reasons').locator('li').count()).toBe(state.reasons.length)

      // The latest assessment in one paragraph, dated in words.
      const saved = await api<SavedAssessment[]>(page, 'listAssessments', { athleteId: planned!.id })
      if (saved.length) {
        const latest = [...saved].sort((a, b) => b.date.localeCompare(a.date))[0]!
        await expect.poll(() => page.getByTestId('overview-assessment').textContent()).toContain(`Assessed on ${longDate(latest.date, 'en-GB')}`)
      }

      // This plan week: planned against logged, worked out from the plan and the runs.
      const runs = planned!.record.runs
      const plan = planned!.record.plans.find((p) => p.active)!
      const week = plan.output.weeks.find((w) => w.startDate <= today && w.endDate >= today)!
      const done = kmOf(runs, week.startDate, today)
      const weekText = await page.getByTestId('overview-plan-week').textContent()
      expect(weekText).toContain(`Week ${week.index} of “${datesInText(plan.label, 'en-GB')}”: ${formatDistance(done, 'km')} done of ${formatDistance(week.plannedKm, 'km')} planned`)

      // Upcoming sessions: the plan's next dated sessions, soonest first.
      const next = plan.output.weeks.flatMap((w) => w.runs).filter((r) => r.date >= today).sort((a, b) => a.date.localeCompare(b.date))
      if (next.length) expect(await page.getByTestId('overview-upcoming').locator('li').first().textContent()).toContain(formatDistance(next[0]!.km, 'km'))

      // Eight weeks, Monday to Sunday, the current week last, each with the logged distance.
      const rows = page.getByTestId('overview-weeks').locator('tbody tr')
      expect(await rows.count()).toBe(8)
      const monday = weekStart(today)
      for (let i = 0; i < 8; i++) {
        const start = addDays(monday, -7 * (7 - i))
        const row = rows.nth(i)
        expect(await row.getAttribute('data-week')).toBe(start)
        expect(await row.locator('th time').textContent()).toBe(tableDate(start, 'en-GB', today))
        expect(await row.locator('td').first().textContent()).toBe(formatDistance(kmOf(runs, start, addDays(start, 6) < today ? addDays(start, 6) : today), 'km'))
      }

      // Recent notes: the newest note of a run or an assessment comes first; no ISO date anywhere on the tab.
      const notes = [
        ...runs.map((r) => ({ date: r.date, text: r.notes?.trim() ?? '' })),
        ...planned!.record.assessments.map((x) => ({ date: x.date, text: x.note.trim() })),
      ].filter((n) => n.text && n.date <= today)
      const newestDate = notes.map((n) => n.date).sort().at(-1)!
      const firstNote = await page.getByTestId('overview-notes').locator('li').first().textContent()
      expect(notes.filter((n) => n.date === newestDate).some((n) => firstNote?.endsWith(n.text))).toBe(true)
      expect(firstNote).toContain(tableDate(newestDate, 'en-GB', today))
      expect(await overview.textContent()).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/)
      await page.locator('.overview-weeks-chart svg').first().waitFor()
      await app.screenshot('overview-01-plan-week')

      // 2. Miles: the same figures in the coach's unit.
      await api(page, 'updateSettings', { distanceUnit: 'mi' })
      await app.reload()
      await expect.poll(() => page.getByTestId('overview-plan-week').textContent()).toContain(`${formatDistance(done, 'mi')} done of ${formatDistance(week.plannedKm, 'mi')} planned`)
      expect(await page.getByTestId('overview-weeks').locator('tbody tr td').first().textContent()).toMatch(/ mi$/)
      await api(page, 'updateSettings', { distanceUnit: 'km' })

      // 3. An open referral: listed by name with its date, and the link leads to the Referrals tab.
      await page.evaluate((id) => (location.hash = `#/athlete/${id}/overview`), referred!.id)
      const list = page.getByTestId('overview-referrals')
      await list.waitFor()
      for (const r of referred!.state.openReferrals) expect(await list.textContent()).toContain(`Open since ${tableDate(r.since, 'en-GB', today)}: ${referralWords(r.referralId)}`)
      await app.screenshot('overview-02-open-referral')
      await page.getByRole('link', { name: 'See referrals and clearances' }).click()
      await page.getByRole('tab', { name: 'Referrals', exact: true, selected: true }).waitFor()
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
