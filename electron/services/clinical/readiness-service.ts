import type { JudgedReadinessTest } from '../../../shared/api/channels/clinical'
import { DomainError } from '../../../shared/api/result'
import { judgeReadiness, ReadinessTest, SAFE_PAIN_MAX } from '../../../shared/clinical/index'
import type { ServiceContext } from '../context'
import { localIsoDate, writableDoc } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'
import { clinicalStateFor, clinicalStateOf } from './clinical-service'

// Readiness tests before the first run after a stop-running referral was cleared (issue 10 item 4; reference
// C5). Like clearances they are history: only ever added. Every verdict comes from judgeReadiness here, with
// the pain limit of the return path in force, so the screen never judges a test itself.

function refuse(path: string, message: string): DomainError {
  return new DomainError('invalid-input', `Readiness test not recorded: ${message}.`, path ? [{ path, message }] : undefined)
}

function judged(test: ReadinessTest, painLimit: number): JudgedReadinessTest {
  return { test, painLimit, result: judgeReadiness(test, painLimit) }
}

export async function recordReadinessTest(ctx: ServiceContext, athleteId: string, test: ReadinessTest): Promise<JudgedReadinessTest> {
  const athlete = findAthlete(ctx, athleteId)
  const doc = writableDoc(ctx, athleteId)
  const today = localIsoDate(ctx.now())
  if (test.date > today) throw refuse('date', 'the date cannot be in the future')
  const gate = clinicalStateOf(athlete, doc.data, today).returnToRun
  if (!gate) {
    throw refuse('', `${athlete.name} is not returning to running after a cleared stop-running referral, so there is no readiness test to take`)
  }
  if (test.date < gate.clearedOn) throw refuse('date', `the clearance is dated ${gate.clearedOn}; a test before it does not count for this return`)
  const stored = ReadinessTest.parse(test)
  await doc.mutate((d) => ({ ...d, readinessTests: [...d.readinessTests, stored] }))
  return judged(stored, gate.path.painLimit)
}

/** Newest first: by date, then the later-recorded one first. */
export function listReadinessTests(ctx: ServiceContext, athleteId: string): JudgedReadinessTest[] {
  const painLimit = clinicalStateFor(ctx, athleteId).returnToRun?.path.painLimit ?? SAFE_PAIN_MAX
  return ctx.db
    .athleteDoc(athleteId)
    .data.readinessTests.map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.date !== b.t.date ? (a.t.date < b.t.date ? 1 : -1) : b.i - a.i))
    .map(({ t }) => judged(t, painLimit))
}
