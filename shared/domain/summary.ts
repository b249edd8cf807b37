import type { ClinicalInput, RunDigest } from '../clinical'
import { addDays } from '../dates'
import { LOG_SIGNAL_RULES } from '../load/log-signals'
import { type AthleteClinicalSource, type AthleteProfile, athleteClinicalInput } from './athlete-clinical'
import type { AssessmentRecord } from './documents'
import type { Run } from './run'

/**
 * How far before a summary's day its runs reach. The board needs, counted back from today: the
 * 12-week sparkline (from this week's Monday minus 11 weeks: at most 83 days), the pain flags (this
 * and the previous two weeks: at most 20 days) and the longest-run rule (runs of the last 14 days
 * against the 30 days before each: 43 days). 84 days covers all three.
 */
export const SUMMARY_WINDOW_DAYS = 84

/** The parts of a run the squad triage reads (load, pain flags, sparkline). */
export type SummaryRun = Pick<Run, 'date' | 'distanceKm' | 'painDuring' | 'painAfter' | 'painNextMorning'>

/**
 * What the squad board needs from one athlete, small enough to keep for every athlete and persist.
 *
 * A summary made on day D serves every later day too: the runs the board reads for a later "today"
 * are all dated on or after D − SUMMARY_WINDOW_DAYS, or are the last run before that window with the
 * runs of the 28 days up to it (what "stopped logging" reads). So a new day needs no rescan; only a
 * change to the athlete's record (or a clock set back before D) does.
 */
export interface AthleteSummary {
  /** The day the summary was made for; it serves this day and every later one. */
  asOf: string
  /** Oldest first: runs from asOf − SUMMARY_WINDOW_DAYS on, plus the activity window before the last older run. */
  recentRuns: SummaryRun[]
  latestAssessment: AssessmentRecord | null
  runCount: number
  lastRunDate: string | null
  /**
   * The clinical digest computeClinicalState reads (shared/clinical), for any day from asOf on, built by
   * athleteClinicalInput like every other clinical state; its runs are recentRuns (a superset of the runs
   * the state reads for any day from asOf on; it ignores runs after the day it is asked about).
   */
  clinical: ClinicalInput
  /** The profile the digest was made with (sex and age change the rules' reading): another one means stale. */
  profile: AthleteProfile | null
}

/** Whether a summary was made with this profile (a profile edited since means the digest must be made again). */
export function summaryMadeWith(summary: Pick<AthleteSummary, 'profile'>, profile: AthleteProfile | null): boolean {
  const held = summary.profile
  return held === null || profile === null ? held === profile : held.sex === profile.sex && held.dateOfBirth === profile.dateOfBirth
}

function summaryRun(run: SummaryRun): SummaryRun {
  return { date: run.date, distanceKm: run.distanceKm, painDuring: run.painDuring ?? null, painAfter: run.painAfter ?? null, painNextMorning: run.painNextMorning ?? null }
}

function byDate(a: SummaryRun, b: SummaryRun): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}

export function runDigest(run: SummaryRun): RunDigest {
  return { date: run.date, km: run.distanceKm, painDuring: run.painDuring ?? null, painAfter: run.painAfter ?? null, painNextMorning: run.painNextMorning ?? null }
}

export type SummarySource = AthleteClinicalSource & { runs: readonly Run[] }

/**
 * The board's summary of one athlete. `profile` is the athlete's squad entry (null while the athlete is being
 * created and has no entry yet: the board then makes the summary again, see summaryMadeWith).
 */
export function summariseAthlete(doc: SummarySource, asOf: string, profile: AthleteProfile | null): AthleteSummary {
  const from = addDays(asOf, -SUMMARY_WINDOW_DAYS)
  let lastRunDate: string | null = null
  let lastBefore: string | null = null
  const recentRuns: SummaryRun[] = []
  for (const run of doc.runs) {
    if (!lastRunDate || run.date > lastRunDate) lastRunDate = run.date
    if (run.date >= from) recentRuns.push(summaryRun(run))
    else if (run.distanceKm > 0 && (!lastBefore || run.date > lastBefore)) lastBefore = run.date
  }
  if (lastBefore) {
    // "Stopped logging" counts the runs of the 28 days up to the last run, which may predate the window.
    const activeFrom = addDays(lastBefore, -(LOG_SIGNAL_RULES.activeWindowDays - 1))
    for (const run of doc.runs) if (run.date >= activeFrom && run.date <= lastBefore) recentRuns.push(summaryRun(run))
  }
  recentRuns.sort(byDate)
  const clinical: ClinicalInput = {
    ...athleteClinicalInput(profile, { ...doc, runs: [] }, asOf),
    runs: recentRuns.map(runDigest),
  }
  const summaryProfile = profile ? { sex: profile.sex, dateOfBirth: profile.dateOfBirth } : null
  return { asOf, recentRuns, latestAssessment: latestAssessment(doc.assessments), runCount: doc.runs.length, lastRunDate, clinical, profile: summaryProfile }
}

/** Whether a summary can answer for `today` (false only when the clock went back before it was made). */
export function summaryServes(summary: Pick<AthleteSummary, 'asOf'>, today: string): boolean {
  return summary.asOf <= today
}

/** The most recent assessment by date, then by when it was recorded. */
export function latestAssessment(assessments: readonly AssessmentRecord[]): AssessmentRecord | null {
  let best: AssessmentRecord | null = null
  for (const a of assessments) {
    if (!best || a.date > best.date || (a.date === best.date && a.createdAt > best.createdAt)) best = a
  }
  return best
}
