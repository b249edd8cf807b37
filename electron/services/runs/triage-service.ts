import type { SquadTriage, SquadTriageEntry } from '../../../shared/api/channels/runs'
import { diagnose } from '../../../shared/assessment/diagnose'
import type { AssessmentRecord } from '../../../shared/domain/documents'
import { type AthleteSummary, latestAssessment, summariseAthlete } from '../../../shared/domain/summary'
import { type SparkPoint, sparkline } from '../../../shared/load/chart-data'
import { type AthleteStatus, athleteStatus, compareStatus, type Triage } from '../../../shared/load/status'
import type { ServiceContext } from '../context'
import { localIsoDate } from './run-service'

export const SPARKLINE_WEEKS = 12

export { latestAssessment }

/** Runs the rules engine on the stored answers; a record the engine cannot read counts as no assessment. */
export function triageOf(record: AssessmentRecord | null): Triage | null {
  if (!record) return null
  try {
    return diagnose(record.input).triage
  } catch {
    return null
  }
}

/** What the board shows for one athlete that depends only on their summary and the day. */
interface BoardFacts {
  status: AthleteStatus
  assessmentTriage: Triage | null
  lastRunDate: string | null
  sparkline: SparkPoint[]
}

/**
 * Board facts per summary object and day. A summary is replaced (never changed) when its athlete's
 * record changes, so after one save only that athlete is worked out again; the rest are reused.
 */
const factsBySummary = new WeakMap<AthleteSummary, { today: string; facts: BoardFacts }>()
/** For an athlete whose record could not be read at all: no runs, no assessment. */
const NO_SUMMARY: AthleteSummary = summariseAthlete({ runs: [], assessments: [] }, '1970-01-01')

function boardFacts(summary: AthleteSummary, today: string): BoardFacts {
  const memo = factsBySummary.get(summary)
  if (memo && memo.today === today) return memo.facts
  const runs = summary.recentRuns
  const assessmentTriage = triageOf(summary.latestAssessment)
  const status = athleteStatus({ latestTriage: assessmentTriage, runs, today })
  let lastRunDate: string | null = null
  for (const r of runs) if (r.date <= today && (lastRunDate === null || r.date > lastRunDate)) lastRunDate = r.date
  lastRunDate ??= summary.lastRunDate
  const facts = { status, assessmentTriage, lastRunDate, sparkline: sparkline(runs, today, SPARKLINE_WEEKS) }
  factsBySummary.set(summary, { today, facts })
  return facts
}

/**
 * Every active athlete's status (shared/load/status.ts: latest assessment triage plus pain and load
 * flags), with a 12-week sparkline, the ones needing attention first and ties by name. Built only from
 * the squad index and the per-athlete summaries, so the board answers at launch without waiting for
 * athlete files, and a request after one save works out only the athlete who changed.
 */
export async function squadTriage(ctx: ServiceContext, todayInput?: string): Promise<SquadTriage> {
  const today = todayInput ?? localIsoDate(ctx.now())
  const summaries = await ctx.db.summaries(today)
  const entries = ctx.db.squad.data.athletes
    .filter((a) => !a.archived)
    .map((athlete) => {
      const doc = ctx.db.hasAthleteDoc(athlete.id) ? ctx.db.athleteDoc(athlete.id) : null
      const summary = summaries.get(athlete.id) ?? NO_SUMMARY
      const { status, assessmentTriage, lastRunDate, sparkline: spark } = boardFacts(summary, today)
      const reasons: SquadTriageEntry['reasons'] = status.reasons.map((r) => ({ id: r.id, text: r.text, level: r.level, ...(r.date ? { date: r.date } : {}) }))
      if (doc?.lockedReason) reasons.push({ id: 'record-locked', text: doc.lockedReason, level: 'info' })
      const entry: SquadTriageEntry = {
        athleteId: athlete.id,
        name: athlete.name,
        groupIds: athlete.groupIds,
        level: status.level,
        reasons,
        assessmentTriage,
        latestAssessmentDate: summary.latestAssessment?.date ?? null,
        lastRunDate,
        sparkline: spark,
        locked: doc?.lockedReason != null,
      }
      return { entry, status }
    })
  entries.sort((a, b) => compareStatus(a.status, b.status) || a.entry.name.localeCompare(b.entry.name))
  return { today, athletes: entries.map((e) => e.entry) }
}
