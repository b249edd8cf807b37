import type { SquadTriage, SquadTriageEntry } from '../../../shared/api/channels/runs'
import { triageOf } from '../../../shared/assessment/diagnose'
import type { Triage } from '../../../shared/assessment/schema'
import type { ClinicalState } from '../../../shared/clinical/types'
import { weekStart, type WeekStartDay } from '../../../shared/dates'
import { computeClinicalState } from '../../../shared/clinical/index'
import type { ClinicalStateDto } from '../../../shared/api/channels/clinical-state'
import { type AthleteSummary, latestAssessment, summariseAthlete } from '../../../shared/domain/summary'
import { type SparkPoint, sparkline } from '../../../shared/load/chart-data'
import { withHeadline } from '../clinical/clinical-service'
import type { ServiceContext } from '../context'
import { localIsoDate } from './run-service'

export const SPARKLINE_WEEKS = 12

export { latestAssessment }

/**
 * The triage label of the latest assessment, read from the summary's clinical digest (the same reading of the
 * record as the clinical state: profile filled in, judged with the assessment before it).
 */
export function latestAssessmentTriage(summary: AthleteSummary): Triage | null {
  const latest = summary.latestAssessment
  const digest = latest ? summary.clinical.assessments.find((a) => a.id === latest.id) : undefined
  return digest ? triageOf(digest.referrals.map((r) => ({ ...r, because: r.because ?? [] }))) : null
}

const COLOUR_RANK = { red: 0, amber: 1, green: 2 } as const

/**
 * Who needs attention first: red before amber before green; within red, a clinician-today referral before a
 * stop-running one; then more red, amber and information reasons first. Ties are broken by name by the caller.
 */
function attentionKey(state: Pick<ClinicalState, 'colour'> & { reasons: readonly { level: string }[] }, urgent: boolean): number {
  const count = (level: 'red' | 'amber' | 'info') => Math.min(9, state.reasons.filter((r) => r.level === level).length)
  return COLOUR_RANK[state.colour] * 10_000 + (urgent ? 0 : 1000) + (9 - count('red')) * 100 + (9 - count('amber')) * 10 + (9 - count('info'))
}

/** What the board shows for one athlete that depends only on their summary and the day. */
interface BoardFacts {
  state: ClinicalStateDto
  assessmentTriage: Triage | null
  lastRunDate: string | null
  weekKm: number
  /** The highest pain logged this week (the sparkline's last week), or null. */
  weekMaxPain: number | null
  sparkline: SparkPoint[]
}

/**
 * Board facts per summary object and day. A summary is replaced (never changed) when its athlete's
 * record changes, so after one save only that athlete is worked out again; the rest are reused.
 */
const factsBySummary = new WeakMap<AthleteSummary, { today: string; startsOn: WeekStartDay; facts: BoardFacts }>()
/** For an athlete whose record could not be read at all: no runs, no assessment. */
const NO_SUMMARY: AthleteSummary = summariseAthlete({ runs: [], assessments: [] }, '1970-01-01', null)

function boardFacts(summary: AthleteSummary, today: string, startsOn: WeekStartDay): BoardFacts {
  const memo = factsBySummary.get(summary)
  if (memo && memo.today === today && memo.startsOn === startsOn) return memo.facts
  const runs = summary.recentRuns
  const monday = weekStart(today, startsOn)
  // The clinical state from the summary's digest: the same pure function every other screen reads.
  const state = withHeadline(computeClinicalState(summary.clinical, today))
  let lastRunDate: string | null = null
  let weekKm = 0
  for (const r of runs) {
    if (r.date > today) continue
    if (lastRunDate === null || r.date > lastRunDate) lastRunDate = r.date
    if (r.date >= monday && r.distanceKm > 0) weekKm += r.distanceKm
  }
  lastRunDate ??= summary.lastRunDate
  const spark = sparkline(runs, today, SPARKLINE_WEEKS, startsOn)
  const weekMaxPain = spark[spark.length - 1]?.maxPain ?? null
  const facts = { state, assessmentTriage: latestAssessmentTriage(summary), lastRunDate, weekKm, weekMaxPain, sparkline: spark }
  factsBySummary.set(summary, { today, startsOn, facts })
  return facts
}

/**
 * Every active athlete's clinical state (computeClinicalState, the function behind every other status on
 * screen and in print), with the 12-week sparkline, last run and this week's distance, the ones needing
 * attention first and ties by name. Built only from the squad index and the per-athlete summaries, so the
 * board answers at launch without waiting for athlete files, and a request after one save works out only
 * the athlete who changed.
 */
export async function squadTriage(ctx: ServiceContext, todayInput?: string): Promise<SquadTriage> {
  const today = todayInput ?? localIsoDate(ctx.now())
  const summaries = await ctx.db.summaries(today)
  const startsOn = ctx.db.squad.data.settings.weekStartsOn ?? 'monday'
  const entries = ctx.db.squad.data.athletes
    .filter((a) => !a.archived)
    .map((athlete) => {
      const lockedReason = ctx.db.lockedReasonOf(athlete.id)
      const summary = summaries.get(athlete.id) ?? NO_SUMMARY
      const { state, assessmentTriage, lastRunDate, weekKm, weekMaxPain, sparkline: spark } = boardFacts(summary, today, startsOn)
      const reasons: SquadTriageEntry['reasons'] = state.reasons.map((r) => ({ id: r.code, text: r.text, level: r.level, ...(r.date ? { date: r.date } : {}) }))
      if (lockedReason) reasons.push({ id: 'record-locked', text: lockedReason, level: 'info' })
      const entry: SquadTriageEntry = {
        athleteId: athlete.id,
        name: athlete.name,
        groupIds: athlete.groupIds,
        level: state.colour,
        reasons,
        assessmentTriage,
        latestAssessmentDate: summary.latestAssessment?.date ?? null,
        lastRunDate,
        sparkline: spark,
        locked: lockedReason !== null,
        headline: state.headline,
        topReason: reasons[0]?.text ?? null,
        runningAllowance: state.runningAllowance,
        seeClinicianToday: state.seeClinicianToday,
        openReferrals: state.openReferrals.length,
        weekKm: Math.round(weekKm * 10) / 10,
        weekMaxPain,
      }
      return { entry, key: attentionKey(state, state.seeClinicianToday) }
    })
  entries.sort((a, b) => a.key - b.key || a.entry.name.localeCompare(b.entry.name))
  return { today, athletes: entries.map((e) => e.entry) }
}
