import { addDays } from '../dates'
import type { AssessmentRecord, AthleteDocument } from './documents'
import type { Run } from './run'

/** How far back the squad triage looks; enough for 30-day-longest, 4-week trends and ACWR's 28 days. */
export const SUMMARY_WINDOW_DAYS = 180

/** The parts of a run the squad triage reads (load, pain flags, sparkline). */
export type SummaryRun = Pick<Run, 'date' | 'distanceKm' | 'painDuring' | 'painAfter' | 'painNextMorning'>

/** What the squad-wide triage needs from one athlete, small enough to cache for a fast start. */
export interface AthleteSummary {
  recentRuns: SummaryRun[]
  latestAssessment: AssessmentRecord | null
  runCount: number
  lastRunDate: string | null
}

export function summariseAthlete(doc: AthleteDocument, todayIso: string): AthleteSummary {
  const from = addDays(todayIso, -SUMMARY_WINDOW_DAYS)
  let lastRunDate: string | null = null
  const recentRuns: SummaryRun[] = []
  for (const run of doc.runs) {
    if (!lastRunDate || run.date > lastRunDate) lastRunDate = run.date
    if (run.date >= from) {
      recentRuns.push({ date: run.date, distanceKm: run.distanceKm, painDuring: run.painDuring ?? null, painAfter: run.painAfter ?? null, painNextMorning: run.painNextMorning ?? null })
    }
  }
  recentRuns.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { recentRuns, latestAssessment: latestAssessment(doc.assessments), runCount: doc.runs.length, lastRunDate }
}

/** The most recent assessment by date, then by when it was recorded. */
export function latestAssessment(assessments: readonly AssessmentRecord[]): AssessmentRecord | null {
  let best: AssessmentRecord | null = null
  for (const a of assessments) {
    if (!best || a.date > best.date || (a.date === best.date && a.createdAt > best.createdAt)) best = a
  }
  return best
}
