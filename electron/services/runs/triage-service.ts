import type { SquadTriage, SquadTriageEntry } from '../../../shared/api/channels/runs'
import { diagnose } from '../../../shared/assessment/diagnose'
import type { AssessmentRecord } from '../../../shared/domain/documents'
import { latestAssessment } from '../../../shared/domain/summary'
import { sparkline } from '../../../shared/load/chart-data'
import { athleteStatus, compareStatus, type Triage } from '../../../shared/load/status'
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

/**
 * Every active athlete's status (shared/load/status.ts: latest assessment triage plus pain and load
 * flags), with a 12-week sparkline, the ones needing attention first and ties by name. Built from the
 * per-athlete summaries (recent runs + latest assessment), so a big squad's board opens from the cache.
 */
export async function squadTriage(ctx: ServiceContext, todayInput?: string): Promise<SquadTriage> {
  const today = todayInput ?? localIsoDate(ctx.now())
  const summaries = await ctx.db.summaries(today)
  const entries = ctx.db.squad.data.athletes
    .filter((a) => !a.archived)
    .map((athlete) => {
      const doc = ctx.db.hasAthleteDoc(athlete.id) ? ctx.db.athleteDoc(athlete.id) : null
      const summary = summaries.get(athlete.id)
      const runs = summary?.recentRuns ?? []
      const latest = summary?.latestAssessment ?? null
      const assessmentTriage = triageOf(latest)
      const status = athleteStatus({ latestTriage: assessmentTriage, runs, today })
      let lastRunDate: string | null = null
      for (const r of runs) if (r.date <= today && (lastRunDate === null || r.date > lastRunDate)) lastRunDate = r.date
      lastRunDate ??= summary?.lastRunDate ?? null
      const reasons: SquadTriageEntry['reasons'] = status.reasons.map((r) => ({ id: r.id, text: r.text, level: r.level, ...(r.date ? { date: r.date } : {}) }))
      if (doc?.lockedReason) reasons.push({ id: 'record-locked', text: doc.lockedReason, level: 'info' })
      const entry: SquadTriageEntry = {
        athleteId: athlete.id,
        name: athlete.name,
        groupIds: athlete.groupIds,
        level: status.level,
        reasons,
        assessmentTriage,
        latestAssessmentDate: latest?.date ?? null,
        lastRunDate,
        sparkline: sparkline(runs, today, SPARKLINE_WEEKS),
        locked: doc?.lockedReason != null,
      }
      return { entry, status }
    })
  entries.sort((a, b) => compareStatus(a.status, b.status) || a.entry.name.localeCompare(b.entry.name))
  return { today, athletes: entries.map((e) => e.entry) }
}
