// PDF export time for a 20-week plan with both charts (issue 5), through the same path as the e2e test: the
// exportPlanPdf request goes over the page's bridge to the real handler, which asks the (scripted) save dialog,
// renders the print route with the harness's PdfPort (Playwright's page.pdf(), Chromium's print path, as
// main's webContents.printToPDF) and writes the file durably. Needs the built renderer (CALFCOACH_OUT_DIR or
// out/; build first). Plan generation time is in bench/plan.bench.ts. The lead's `npm run bench` calls
// benchPdfExport().
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addDays } from '../shared/dates'
import type { PlanRecord } from '../shared/domain/documents'
import { openApp } from '../tests/support/harness'
import { writeBenchSquad } from './fixtures'
import { median } from './timing'

const REPEATS = 5

function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

type Page = Awaited<ReturnType<typeof openApp>>['page']

/** A call over the page's bridge, as the renderer makes it (through the dispatcher and the real handler). */
function bridgeOf(page: Page) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = (await page.evaluate(([m, i]) => (window as unknown as Record<string, Record<string, (x: unknown) => Promise<unknown>>>)['calfcoach']![m as string]!(i), [method, input] as const)) as
      | { ok: true; value: T }
      | { ok: false; error: { message: string } }
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value
  }
}

/** Exports the plan `repeats` times after one warm-up, through exportPlanPdf and the scripted save dialog. */
async function timeExports(app: Awaited<ReturnType<typeof openApp>>, out: string, athleteId: string, planId: string, repeats: number) {
  const bridge = bridgeOf(app.page)
  const exportOnce = async (i: number) => {
    const file = path.join(out, `plan-${i}.pdf`)
    app.dialogs.savePaths.push(file)
    const t0 = performance.now()
    const r = await bridge<{ path: string | null; bytes: number; pages: number | null }>('exportPlanPdf', { athleteId, planId })
    const ms = performance.now() - t0
    if (r.path !== file) throw new Error('the PDF was not written')
    return { ms, pages: r.pages ?? 0, bytes: r.bytes }
  }
  await exportOnce(0) // warm-up: first page load compiles the renderer bundle
  const samples: { ms: number; pages: number; bytes: number }[] = []
  for (let i = 1; i <= repeats; i++) samples.push(await exportOnce(i))
  return samples
}

/** The same 52-week plan (from 5 km a week towards 250 km) exported for an athlete with `years` of daily runs. */
async function longPlanPdf(years: number) {
  const fixture = writeBenchSquad(localToday(), 1, years * 365 + 1)
  const app = await openApp({ dataDir: fixture.dataDir })
  const out = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-pdf-bench-'))
  try {
    const bridge = bridgeOf(app.page)
    const athleteId = fixture.squad.athletes[0]!.id
    const defaults = await bridge<{ request: Record<string, unknown> }>('planDefaults', { athleteId })
    // From 5 km a week towards 250 km: the plan runs its full 52 weeks without reaching the target.
    const plan = await bridge<PlanRecord>('savePlan', { athleteId, request: { ...defaults.request, currentWeeklyKm: 5, targetWeeklyKm: 250, maxWeeks: 52 }, acknowledged: true })
    const weeks = plan.output.weeks.length
    const samples = await timeExports(app, out, athleteId, plan.id, REPEATS)
    // The main-process part: what the print view asks for (charts from the plan's weeks and the last 12 weeks only).
    const data: number[] = []
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now()
      const printData = await bridge<{ planVsActual: unknown[]; weekly: unknown }>('getPrintData', { athleteId, planId: plan.id })
      data.push(performance.now() - t0)
      if (printData.planVsActual.length !== weeks) throw new Error('the plan chart should have one point per plan week')
    }
    return { weeks, ms: median(samples.map((s) => s.ms)), dataMs: median(data), pages: samples.at(-1)!.pages }
  } finally {
    await app.close()
    rmSync(out, { recursive: true, force: true })
    rmSync(fixture.dataDir, { recursive: true, force: true })
  }
}

/**
 * The 52-week plan of an athlete with 10 years of daily runs (issue 15): the print view's charts must
 * draw from the plan's weeks and the last 12 weeks, not from the whole history. The same plan for an
 * athlete with 1 year of runs beside it: the difference is what the history still costs.
 */
export async function benchPdfLongHistory(): Promise<{ name: string; value: number; unit: string; target?: string }[]> {
  const ten = await longPlanPdf(10)
  const one = await longPlanPdf(1)
  return [
    { name: `PDF export, ${ten.weeks}-week plan, athlete with 10 years of daily runs (median of ${REPEATS})`, value: ten.ms, unit: 'ms', target: '≤ 1500' },
    { name: `  of which the print view's data (getPrintData through the bridge, median)`, value: ten.dataMs, unit: 'ms' },
    { name: `PDF pages, ${ten.weeks}-week plan`, value: ten.pages, unit: 'pages' },
    { name: `PDF export, the same plan, athlete with 1 year of daily runs (median of ${REPEATS})`, value: one.ms, unit: 'ms' },
  ]
}

export async function benchPdfExport(): Promise<{ name: string; value: number; unit: string; target?: string }[]> {
  const app = await openApp()
  const out = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-pdf-bench-'))
  try {
    const { page } = app
    const bridge = bridgeOf(page)
    // An athlete with 12 weeks of logged runs (so the pain-vs-distance chart has data) and a 20-week plan.
    const today = localToday()
    const athlete = await bridge<{ id: string }>('createAthlete', { name: 'Bench Runner', sex: 'female', dateOfBirth: '1985-06-01' })
    for (let d = 84; d >= 1; d--) {
      if (d % 7 !== 1 && d % 7 !== 3 && d % 7 !== 5) continue
      await bridge('addRun', { athleteId: athlete.id, run: { date: addDays(today, -d), distanceKm: d % 7 === 1 ? 10 : 6, painDuring: d % 3, painAfter: 1, painNextMorning: 0 } })
    }
    const defaults = await bridge<{ request: Record<string, unknown> }>('planDefaults', { athleteId: athlete.id })
    const plan = await bridge<PlanRecord>('savePlan', { athleteId: athlete.id, request: { ...defaults.request, targetWeeklyKm: 80, maxWeeks: 20 }, acknowledged: true })
    if (plan.output.weeks.length !== 20) throw new Error(`expected a 20-week plan, got ${plan.output.weeks.length}`)

    const samples = await timeExports(app, out, athlete.id, plan.id, REPEATS)
    const last = samples[samples.length - 1]!
    return [
      { name: `PDF export, 20-week plan with charts (median of ${REPEATS})`, value: median(samples.map((s) => s.ms)), unit: 'ms', target: '≤ 1500' },
      { name: 'PDF export, slowest of the runs', value: Math.max(...samples.map((s) => s.ms)), unit: 'ms' },
      { name: 'PDF pages, 20-week plan', value: last.pages, unit: 'pages' },
      { name: 'PDF size, 20-week plan', value: Math.round(last.bytes / 1024), unit: 'KiB' },
    ]
  } finally {
    await app.close()
    rmSync(out, { recursive: true, force: true })
  }
}
