import type { BoardFacts } from '../../../shared/api/channels/runs'
import { triageOf } from '../../../shared/assessment/diagnose'
import type { Triage } from '../../../shared/assessment/schema'
import { computeClinicalState } from '../../../shared/clinical/index'
import { weekStart, type WeekStartDay } from '../../../shared/dates'
import type { AthleteSummary } from '../../../shared/domain/summary'
import { sparkline } from '../../../shared/load/chart-data'
import { withHeadline } from '../clinical/clinical-service'

// What the triage board shows for one athlete that depends only on their summary, the day and the week start.
// Worked out here and nowhere else, from computeClinicalState (the one status every screen reads); the summary
// cache keeps the result beside the summary it came from, per day, so a warm launch and a board after one save
// reuse it and only a new day, a changed athlete or another week start work it out again.

export const SPARKLINE_WEEKS = 12

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
function attentionKey(colour: keyof typeof COLOUR_RANK, reasons: readonly { level: string }[], urgent: boolean): number {
  const count = (level: 'red' | 'amber' | 'info') => Math.min(9, reasons.filter((r) => r.level === level).length)
  return COLOUR_RANK[colour] * 10_000 + (urgent ? 0 : 1000) + (9 - count('red')) * 100 + (9 - count('amber')) * 10 + (9 - count('info'))
}

/** The board facts of one athlete for `today`, from their summary. */
export function boardFactsOf(summary: AthleteSummary, today: string, startsOn: WeekStartDay): BoardFacts {
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
  return {
    level: state.colour,
    reasons: state.reasons.map((r) => ({ id: r.code, text: r.text, level: r.level, ...(r.date ? { date: r.date } : {}) })),
    assessmentTriage: latestAssessmentTriage(summary),
    latestAssessmentDate: summary.latestAssessment?.date ?? null,
    lastRunDate,
    sparkline: spark,
    headline: state.headline,
    runningAllowance: state.runningAllowance,
    seeClinicianToday: state.seeClinicianToday,
    openReferrals: state.openReferrals.length,
    weekKm: Math.round(weekKm * 10) / 10,
    weekMaxPain: spark[spark.length - 1]?.maxPain ?? null,
    attention: attentionKey(state.colour, state.reasons, state.seeClinicianToday),
  }
}
