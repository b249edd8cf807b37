/**
 * The calendar (issue 13 point 7) on the demo squad: an athlete's month read back cell by cell against their log
 * and active plan, and the squad week's "held" against the board. Expected values are worked out here from the
 * raw records and PAIN_LIMITS, not by shared/calendar.
 *
 *   export CALFCOACH_OUT_DIR=$PWD/.tmp/out; npx electron-vite build --outDir $CALFCOACH_OUT_DIR && \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/calendar.spec.ts
 */
import { describe, expect, it } from 'vitest'
import type { AthleteRecord, SquadTriage } from '../../shared/api/channels/runs'
import { PAIN_LIMITS } from '../../shared/load/pain-monitoring'
import { addDays, weekStart } from '../../shared/dates'
import { callBridge, localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { useDemoFolders } from '../support/demo-folder'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

/** Outside the pain-monitoring limits: during/after above their limit, or next morning not settled (above the
 * settled level, or worse than straight after the run). */
const over = (r: AthleteRecord['runs'][number]) =>
  (r.painDuring ?? -1) > PAIN_LIMITS.during ||
  (r.painAfter ?? -1) > PAIN_LIMITS.after ||
  (r.painNextMorning ?? -1) > PAIN_LIMITS.settledMorning ||
  (r.painNextMorning != null && r.painAfter != null && r.painNextMorning > r.painAfter)

describe('calendar', () => {
  it('shows an athlete’s month as logged and planned, and the squad week with who is held', async () => {
    const dataDir = await demoFolder()
    const app = await openApp({ browser: browser(), dataDir })
    const { page } = app
    const today = localToday()
    const month = today.slice(0, 7)
    try {
      // A runner with an active plan that has sessions this month, and a run outside the pain limits last month.
      const previous = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 2, 1)).toISOString().slice(0, 7)
      let chosen: { id: string; name: string; record: AthleteRecord } | null = null
      for (const a of app.services.db.squad.data.athletes.filter((x) => !x.archived)) {
        const record = await callBridge<AthleteRecord>(page, 'getAthleteRecord', { athleteId: a.id })
        const sessions = record.plans.find((p) => p.active)?.output.weeks.flatMap((w) => w.runs).filter((r) => r.date.startsWith(month)) ?? []
        if (sessions.length > 0 && record.runs.some((r) => r.date.startsWith(previous) && over(r))) {
          chosen = { id: a.id, name: a.name, record }
          break
        }
      }
      expect(chosen, 'the demo squad has a runner with a plan this month and a painful run last month').not.toBeNull()
      const { record } = chosen!
      const planned = record.plans.find((p) => p.active)!.output.weeks.flatMap((w) => w.runs)

      /** Every cell of the grid on screen against the log and the plan; the month's totals against the log. */
      const checkMonth = async (shown: string) => {
        await expect.poll(() => page.locator('#calendar-title').textContent()).toBe(new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${shown}-01T00:00:00Z`)))
        const cells = await page.locator('.cal-table td[data-date]').evaluateAll((tds) =>
          tds.map((td) => ({
            date: td.getAttribute('data-date')!,
            runs: [...td.querySelectorAll('[data-testid="cal-run"]')].map((li) => ({ text: li.textContent ?? '', over: li.classList.contains('cal-zone-over') })),
            planned: td.querySelectorAll('[data-testid="cal-planned"]').length,
          })),
        )
        expect(cells.filter((c) => c.date.startsWith(shown)).length).toBe(new Date(Date.UTC(Number(shown.slice(0, 4)), Number(shown.slice(5)), 0)).getUTCDate())
        for (const cell of cells) {
          const logged = record.runs.filter((r) => r.date === cell.date && r.distanceKm > 0)
          expect(cell.runs.length, `runs on ${cell.date}`).toBe(logged.length)
          expect(cell.runs.map((r) => r.over), `pain zones on ${cell.date}`).toEqual(logged.map(over))
          for (const r of cell.runs.filter((x) => x.over)) expect(r.text).toMatch(/outside the limits/)
          expect(cell.planned, `sessions on ${cell.date}`).toBe(planned.filter((p) => p.date === cell.date).length)
        }
        const monthRuns = record.runs.filter((r) => r.date.startsWith(shown) && r.distanceKm > 0)
        const monthKm = Math.round(monthRuns.reduce((s, r) => s + r.distanceKm, 0) * 10) / 10
        const sessions = planned.filter((p) => p.date.startsWith(shown)).length
        const totals = await page.getByTestId('calendar-totals').textContent()
        expect(totals).toContain(`${monthRuns.length} ${monthRuns.length === 1 ? 'run' : 'runs'} logged, ${monthKm.toFixed(1)} km`)
        expect(totals).toContain(`${sessions} ${sessions === 1 ? 'session' : 'sessions'} planned`)
        const painful = monthRuns.filter(over).length
        if (painful > 0) expect(totals).toContain(`${painful} with pain outside the limits`)
        else expect(totals).not.toContain('outside the limits')
        return cells
      }

      await page.getByRole('link', { name: chosen!.name, exact: true }).click()
      await page.getByRole('tab', { name: 'Calendar' }).click()
      await page.getByTestId('calendar-totals').waitFor()
      await checkMonth(month)
      const isoOnTab = (await page.locator('section[aria-labelledby="calendar-title"]').innerText()).match(/.{0,60}\d{4}-\d{2}-\d{2}.{0,20}/)?.[0]
      expect(isoOnTab ?? null).toBeNull()
      await app.screenshot('calendar-01-athlete-month')
      await page.getByRole('button', { name: 'Previous month' }).click()
      const last = await checkMonth(previous)
      expect(last.some((c) => c.runs.some((r) => r.over))).toBe(true)
      await app.screenshot('calendar-02-athlete-previous-month')

      // The squad week: one row per active athlete; "held" exactly where the clinical state holds running.
      await page.getByRole('link', { name: 'Squad week' }).click()
      await page.getByTestId('week-row').first().waitFor()
      const board = await callBridge<SquadTriage>(page, 'getSquadTriage', {})
      const rows = page.getByTestId('week-row')
      expect(await rows.count()).toBe(board.athletes.length)
      for (const entry of board.athletes) {
        const row = rows.filter({ has: page.getByRole('link', { name: entry.name, exact: true }) })
        expect(await row.getByTestId('week-held').count(), entry.name).toBe(entry.runningAllowance === 'progress' ? 0 : 1)
      }
      const mine = rows.filter({ has: page.getByRole('link', { name: chosen!.name, exact: true }) })
      const monday = weekStart(today)
      const weekRuns = record.runs.filter((r) => r.date >= monday && r.date <= addDays(monday, 6) && r.distanceKm > 0).length
      expect(await mine.getByTestId('cal-run').count()).toBe(weekRuns)
      await app.screenshot('calendar-03-squad-week')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
