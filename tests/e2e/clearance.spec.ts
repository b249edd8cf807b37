/**
 * From a stop-running referral back to running, through the built renderer (issue 10 items 2 and 4): a red
 * runner with a suspected clot → the coach records the clinician's clearance on the Referrals tab (bad input
 * first: field messages, nothing saved) → the state turns amber with the readiness tests pending → passing
 * readiness tests are recorded → the plan becomes a walk-run ladder; the clearance stays in the history.
 *
 *   npx electron-vite build --outDir .tmp/out && CALFCOACH_OUT_DIR=.tmp/out \
 *     npx vitest run --config vitest.e2e.config.mts tests/e2e/clearance.spec.ts
 */
import { describe, expect, it } from 'vitest'
import type { ClinicalStateDto } from '../../shared/api/channels/clinical-state'
import { addDays } from '../../shared/dates'
import { CLEAN, withPatch } from '../unit/assessment/fixtures'
import { callBridge, localToday, useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'

const browser = useSharedBrowser()
const CLOT = withPatch(CLEAN, { symptoms: { swelling: true } })

const api = callBridge

const stateOf = (app: Harness, athleteId: string) => api<ClinicalStateDto>(app.page, 'getClinicalState', { athleteId })

describe('clearance and readiness tests in the built renderer', () => {
  it('red clot referral → clearance (bad input refused) → amber readiness tests → passing tests → walk-run plan', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      const today = localToday()
      const athlete = await api<{ id: string }>(page, 'createAthlete', { name: 'Rosa Reid', sex: 'female', dateOfBirth: '1988-04-12' })
      const id = athlete.id
      for (let d = 21; d >= 2; d -= 2) await api(page, 'addRun', { athleteId: id, run: { date: addDays(today, -d), distanceKm: 6, painDuring: 1, painAfter: 1, painNextMorning: 0 } })
      await api(page, 'saveAssessment', { athleteId: id, date: today, input: CLOT })
      const before = await stateOf(app, id)
      expect(before.colour).toBe('red')
      expect(before.openReferrals.map((r) => [r.referralId, r.stopsRunning])).toEqual([['suspected-dvt', true]])

      await app.reload()
      await page.getByRole('link', { name: 'Rosa Reid' }).click()
      await page.getByRole('tab', { name: 'Referrals' }).click()
      const card = page.getByRole('article', { name: 'Possible blood clot in the leg (DVT)' })
      await card.waitFor()
      await expect.poll(() => card.textContent()).toContain('No running until the clearance is recorded.')
      // The status header above every tab reads the same state, and follows each save below without a reload.
      const header = page.getByTestId('athlete-status')
      await expect.poll(() => header.getAttribute('data-level')).toBe('red')

      // Bad input: every missing field gets its own message and nothing is saved.
      await card.getByRole('button', { name: 'Record clearance: Possible blood clot in the leg (DVT)' }).click()
      const form = page.getByRole('form', { name: 'Record clearance: Possible blood clot in the leg (DVT)' })
      await form.getByRole('button', { name: 'Save clearance' }).click()
      await form.getByText('choose who saw the runner').waitFor()
      await form.getByText('name the clinician').waitFor()
      await form.getByText('choose what the clinician decided').waitFor()
      // Restrictions are required for a restricted clearance.
      await form.getByLabel('Cleared by').selectOption('doctor')
      await form.getByLabel('Clinician’s name').fill('Dr Amara Lee')
      await form.getByLabel('Cleared with restrictions').check()
      await form.getByRole('button', { name: 'Save clearance' }).click()
      await form.getByText('write down the restrictions the clinician gave').waitFor()
      expect(app.services.db.athleteDoc(id).data.clearances).toEqual([])
      await app.screenshot('clearance-01-form-errors')

      await form.getByLabel('Cleared: may return to running').check()
      await form.getByRole('button', { name: 'Save clearance' }).click()
      await page.getByRole('status').filter({ hasText: 'Clearance recorded for Possible blood clot in the leg (DVT).' }).waitFor()
      expect(app.services.db.athleteDoc(id).data.clearances).toMatchObject([
        { referralId: 'suspected-dvt', date: today, clearedBy: { role: 'doctor', name: 'Dr Amara Lee' }, outcome: 'cleared' },
      ])

      // The state reads amber: no running until the readiness tests pass.
      await page.getByText('No referral is open: nothing waits for a clinician.').waitFor()
      const status = page.getByTestId('return-status')
      await expect.poll(() => status.getAttribute('data-status')).toBe('readiness-tests')
      await expect.poll(() => status.textContent()).toMatch(/no running until the readiness tests pass/)
      await expect.poll(() => header.getAttribute('data-level')).toBe('amber')
      await expect.poll(() => header.getByTestId('status-badge').textContent()).toBe('Amber: no running until the readiness tests pass')
      const cleared = await stateOf(app, id)
      expect([cleared.colour, cleared.runningAllowance, cleared.returnToRun?.status]).toEqual(['amber', 'none', 'readiness-tests'])

      // The history shows the clearance.
      const rows = page.getByTestId('clearance-row')
      await expect.poll(() => rows.count()).toBe(1)
      await expect.poll(() => rows.first().textContent()).toMatch(/Possible blood clot in the leg \(DVT\).*Doctor: Dr Amara Lee.*Cleared: may return to running/)

      // Passing readiness tests (reference C5): main judges them and the return moves to walk-run.
      const readiness = page.getByRole('form', { name: 'Record readiness test' })
      await readiness.getByLabel('Yes, no pain').check()
      await readiness.getByLabel('Single-leg hops on the affected leg').fill('12')
      await readiness.getByLabel('Worst pain during the hops (0–10)').fill('1')
      await readiness.getByLabel('Single-leg heel raises, left').fill('27')
      await readiness.getByLabel('Single-leg heel raises, right').fill('26')
      await readiness.getByRole('button', { name: 'Save readiness test' }).click()
      await page.getByRole('status').filter({ hasText: 'Readiness test recorded: every check passed.' }).waitFor()
      await expect.poll(() => page.getByTestId('readiness-result').first().getAttribute('data-passed')).toBe('true')
      await expect.poll(() => status.getAttribute('data-status')).toBe('walk-run-ladder')
      expect((await stateOf(app, id)).returnToRun?.status).toBe('walk-run-ladder')
      await expect.poll(() => header.getByTestId('status-badge').textContent()).not.toBe('Amber: no running until the readiness tests pass')
      await app.screenshot('clearance-02-readiness-passed')

      // The plan is no longer refer-first: it starts as a walk-run ladder.
      await page.getByRole('tab', { name: 'Plan' }).click()
      const builder = page.getByRole('form', { name: 'Plan builder' })
      await builder.waitFor()
      await page.getByRole('button', { name: 'Save plan' }).click()
      await page.getByText(/^Saved “.*” as the active plan\.$/).waitFor()
      const plan = app.services.db.athleteDoc(id).data.plans.find((p) => p.active)!
      expect(plan.output.status).toBe('ok')
      expect(plan.output.returnToRun).toMatchObject({ referralIds: ['suspected-dvt'], readiness: 'passed' })
      expect(plan.output.weeks[0]!.runs.length).toBeGreaterThan(0)
      expect(plan.output.weeks[0]!.runs.every((r) => r.kind === 'walk-run')).toBe(true)
      await expect.poll(() => page.getByText(/Walk–run/).count()).toBeGreaterThan(0)

      // The history still shows the clearance after the round trip.
      await page.getByRole('tab', { name: 'Referrals' }).click()
      await expect.poll(() => page.getByTestId('clearance-row').count()).toBe(1)
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
