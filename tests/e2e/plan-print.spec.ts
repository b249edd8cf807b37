/**
 * A walk–run plan printed for a coach who works in miles, through the built renderer and Chromium's print
 * path (the harness's PdfPort, as main's printToPDF). What the runner takes home must be in the coach's unit
 * throughout, with dates as dates, and each week's walk–run instructions given once, not once per session.
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PlanDefaults } from '../../shared/api/channels/plans'
import type { PlanRecord } from '../../shared/domain/documents'
import { addDays } from '../../shared/dates'
import { artifactsDir } from '../support/chromium'
import { callBridge as api, localToday, useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { readPdf } from '../support/pdf-text'

const browser = useSharedBrowser()
beforeAll(() => {
  mkdirSync(artifactsDir(), { recursive: true })
})

describe('plan PDF in miles', () => {
  it('gives distances in miles, dates as dates, and each different walk–run instruction once a week', async () => {
    const app = await openApp({ browser: browser() })
    const pdfFile = path.join(artifactsDir(), 'plan-walk-run-miles.pdf')
    rmSync(pdfFile, { force: true })
    try {
      const { page } = app
      const today = localToday()
      await api(page, 'updateSettings', { distanceUnit: 'mi' })
      const athlete = await api<{ id: string }>(page, 'createAthlete', { name: 'Ines Walker', sex: 'female', dateOfBirth: '1979-02-03' })
      // Four weeks of short runs (about 3 km a week): the plan starts with walk–runs.
      for (let d = 28; d >= 1; d -= 3) await api(page, 'addRun', { athleteId: athlete.id, run: { date: addDays(today, -d), distanceKm: 1.2, painDuring: 1, painAfter: 1, painNextMorning: 0 } })
      const defaults = await api<PlanDefaults>(page, 'planDefaults', { athleteId: athlete.id })
      // No assessment: the coach acknowledges that the red-flag questions were not asked.
      const plan = await api<PlanRecord>(page, 'savePlan', {
        athleteId: athlete.id,
        acknowledged: true,
        request: { ...defaults.request, currentWeeklyKm: 3, targetWeeklyKm: 20, runDaysPerWeek: 4, maxWeeks: 10 },
      })
      const walkRunWeeks = plan.output.weeks.filter((w) => w.runs.some((r) => r.detail))
      expect(walkRunWeeks.length, 'the plan should start with walk–run weeks').toBeGreaterThan(0)
      // Instructions per week: sessions of the same length share one.
      const instructions = plan.output.weeks.reduce((n, w) => n + new Set(w.runs.flatMap((r) => (r.detail ? [r.detail] : []))).size, 0)
      const walkRunSessions = plan.output.weeks.reduce((n, w) => n + w.runs.filter((r) => r.kind === 'walk-run').length, 0)
      expect(instructions, 'some sessions of a week should share an instruction').toBeLessThan(walkRunSessions)

      app.dialogs.savePaths.push(pdfFile)
      const saved = await api<{ path: string; pages: number }>(page, 'exportPlanPdf', { athleteId: athlete.id, planId: plan.id })
      expect(saved.path).toBe(pdfFile)
      const pdf = await readPdf(pdfFile)
      expect(pdf.pages).toHaveLength(saved.pages)

      // The coach's unit throughout: sessions, week totals and the engine's sentences, and never km.
      expect(pdf.flat).toMatch(/Walk–run \d+\.\d mi/)
      expect(pdf.flat).toMatch(/about \d+\.\d mi\) at an easy pace/)
      expect(pdf.flat).not.toMatch(/\d\s?km\b/)
      // Dates as dates: the engine writes ISO dates into its sentences ("Re-test on 2026-12-15").
      expect(pdf.flat).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/)
      // Each week's different instructions once each: a session line per run, an instruction per kind of session.
      expect(pdf.flat.match(/Walk–run: walk \d min, run \d min/g) ?? []).toHaveLength(instructions)
      expect(pdf.flat.match(/: Walk–run \d+\.\d mi/g) ?? []).toHaveLength(walkRunSessions)
    } finally {
      await app.close()
    }
  })
})
