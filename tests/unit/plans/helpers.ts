import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { AppServices } from '../../../electron/services/app-services'
import type { DialogPort, PdfPort } from '../../../electron/services/context'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { createAthlete } from '../../../electron/services/squad/squad-service'
import type { PlanDefaults } from '../../../shared/api/channels/plans'
import type { ApiMethod } from '../../../shared/api/contract'
import type { ApiResult } from '../../../shared/api/result'
import type { AssessmentInput } from '../../../shared/assessment/schema'
import { addDays } from '../../../shared/dates'
import type { RunInput } from '../../../shared/domain/run'
import { AthleteDraft } from '../../../shared/domain/squad'
import { CLEAN, withPatch } from '../assessment/fixtures'
import { draft, tempDir } from '../../support/temp'

/** A dialog double that records every request (title and default name) and answers from a queue. */
export class RecordingDialogs implements DialogPort {
  readonly savePaths: (string | null)[] = []
  readonly asked: { title: string; defaultName: string; extensions: string[] }[] = []
  async chooseSavePath(o: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }) {
    this.asked.push({ title: o.title, defaultName: o.defaultName, extensions: o.filters.flatMap((f) => f.extensions) })
    return this.savePaths.shift() ?? null
  }
  async chooseOpenPath() {
    return null
  }
}

/** A PdfPort double: returns a small two-page PDF, or throws when `fail` is set; records every request. */
export class FakePdf implements PdfPort {
  readonly requests: { hash: string; pageSize: 'A4' | 'Letter'; headerTitle: string }[] = []
  fail: string | null = null
  bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n%%EOF\n')
  async renderRoute(o: { hash: string; pageSize: 'A4' | 'Letter'; headerTitle: string }) {
    this.requests.push(o)
    if (this.fail) throw new Error(this.fail)
    return this.bytes
  }
}

export const T0 = '2026-03-02' // a Monday

/** Real services over a temp folder with a movable clock, the dispatcher main uses, and seeding helpers. */
export async function setupPlans(start = `${T0}T10:00:00`) {
  const dataDir = tempDir('calfcoach-plans-')
  const clock = { now: new Date(start) }
  const dialogs = new RecordingDialogs()
  const pdf = new FakePdf()
  const services = await AppServices.open({ dataDir, dialogs, pdf, shell: { openExternal: async () => undefined }, now: () => clock.now })
  const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => services.db.readOnlyReason })
  const call = async <T = unknown>(method: ApiMethod, payload: unknown): Promise<T> => unwrap<T>(await dispatch(method, payload))
  const athlete = async (name: string) => (await createAthlete(services, AthleteDraft.parse(draft(name)))).id
  const athleteFile = (id: string) => path.join(dataDir, 'athletes', `${id}.json`)
  return {
    dataDir,
    clock,
    dialogs,
    pdf,
    services,
    dispatch,
    call,
    athlete,
    athleteFile,
    readAthleteFile: (id: string) => readFileSync(athleteFile(id), 'utf8'),
    listDir: (dir: string) => readdirSync(dir),
    /** Moves the clock forward by whole days. */
    advance(days: number) {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000)
    },
  }
}

export function unwrap<T = unknown>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** `weeks` weeks of runs ending the day before `end`: 3 runs a week of `km`, `km`, `long` with the given pain. */
export function steadyRuns(end: string, weeks: number, km = 6, long = 10, pain: Partial<RunInput> = { painDuring: 1, painAfter: 1, painNextMorning: 0 }): RunInput[] {
  const runs: RunInput[] = []
  for (let d = weeks * 7; d >= 1; d--) {
    const date = addDays(end, -d)
    const dow = d % 7
    if (dow === 1) runs.push({ date, distanceKm: long, ...pain })
    else if (dow === 3 || dow === 5) runs.push({ date, distanceKm: km, ...pain })
  }
  return runs
}

export async function addRuns(call: <T>(m: ApiMethod, p: unknown) => Promise<T>, athleteId: string, runs: readonly RunInput[]): Promise<void> {
  for (const run of runs) await call('addRun', { athleteId, run })
}

export const RED_ASSESSMENT: AssessmentInput = withPatch(CLEAN, { symptoms: { swelling: true } })
export const AMBER_ASSESSMENT: AssessmentInput = withPatch(CLEAN, { symptoms: { location: 'achilles', morningStiffness: true } })
export const FACTORS_ASSESSMENT: AssessmentInput = withPatch(CLEAN, {
  screening: { kneeToWallCm: { left: 6, right: 11 }, singleLegHeelRaiseReps: { left: 12, right: 25 }, trendelenburg: { left: 'positive', right: 'negative' } },
})

type PlanSetup = Awaited<ReturnType<typeof setupPlans>>

/** An athlete with eight steady weeks logged before T0: enough history for every plan default. */
export async function athleteWithLog(t: PlanSetup, name = 'Maya Costa'): Promise<string> {
  const id = await t.athlete(name)
  await addRuns(t.call, id, steadyRuns(T0, 8))
  return id
}

/** The request the plan form starts from, with some fields changed. */
export function defaultsRequest(d: PlanDefaults, extra: Record<string, unknown> = {}) {
  return { ...d.request, ...extra }
}
