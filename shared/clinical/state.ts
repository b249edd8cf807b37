// computeClinicalState: the one place that decides an athlete's colour, running allowance and actions
// (issue 10 item 1). Pure: the digest and "today" in, the state out.
//
// Each colour means one thing:
//   red   an open referral needs a clinician today or stops running (clinical-and-peers.md B2 RED; B1 actions);
//   amber hold or reduce: a before-progressing referral is open (B2 AMBER), pain went outside the limits of the
//         pain-monitoring model (C1), a run went more than 10 % beyond the longest of the previous 30 days
//         (C2), the runner is in the readiness gates of a return to running (C5), or a clinician found
//         something else and the runner has not been re-assessed since;
//   green progress as planned.
// Information (no assessment, an incomplete red-flag screen, a stop in logging) is shown but never changes
// the colour.

import { addDays, isIsoDate } from '../dates'
import { breachText, logSignals, stoppedLoggingText, type LogSignals } from '../load/log-signals'
import { clearsForRunning, sortClearances } from './clearance'
import { episodeStoppedRunning, openReferrals, referralEpisodes, sortAssessments, type Episode } from './episodes'
import { judgeReadiness } from './readiness'
import { crossTrainingFor, isUrgent, returnPathFor } from './referral-policy'
import type {
  AssessmentDigest,
  ClearanceRecord,
  ClinicalAction,
  ClinicalInput,
  ClinicalReason,
  ClinicalState,
  OpenReferral,
  ReturnToRunGate,
} from './types'
import { actionsFor, referralReason, referralWords } from './words'

export const CLINICAL_RULES = {
  /** Review a green runner this long after the latest assessment (B2: no change after ~6 weeks → refer). */
  greenReviewDays: 42,
  /** Look at an amber runner's log again within a week. */
  amberReviewDays: 7,
} as const

const LEVEL_ORDER = { red: 0, amber: 1, info: 2 } as const

function returnGate(episodes: readonly Episode[], input: ClinicalInput, open: readonly OpenReferral[]): ReturnToRunGate | null {
  if (open.some((r) => r.stopsRunning)) return null
  // The newest clearance for running of a referral that stopped running starts the return.
  const stoppedAndCleared = episodes.filter(
    (e) => e.closedBy !== null && clearsForRunning(e.closedBy.outcome) && episodeStoppedRunning(e, episodes),
  )
  if (stoppedAndCleared.length === 0) return null
  const clearedOn = stoppedAndCleared.reduce((d, e) => ((e.closedBy?.date ?? '') > d ? (e.closedBy?.date ?? d) : d), '')
  // Referrals cleared in the same return: those cleared within the same fortnight as the newest clearance.
  const from = addDays(clearedOn, -14)
  const group = stoppedAndCleared.filter((e) => (e.closedBy?.date ?? '') >= from)
  const ids = [...new Set(group.map((e) => e.referralId))]
  const path = returnPathFor(ids)
  const tests = input.readinessTests.filter((t) => t.date >= clearedOn).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const passedTest = tests.map((t) => judgeReadiness(t, path.painLimit)).find((r) => r.passed) ?? null
  const newest = tests[tests.length - 1]
  const latestTest = passedTest ?? (newest ? judgeReadiness(newest, path.painLimit) : null)
  return {
    referralIds: ids,
    clearedOn,
    restrictions: group.map((e) => e.closedBy?.restrictions ?? '').filter((r) => r.trim().length > 0),
    path,
    status: passedTest ? 'walk-run-ladder' : 'readiness-tests',
    latestTest,
  }
}

function logReasons(signals: LogSignals): ClinicalReason[] {
  const reasons: ClinicalReason[] = []
  const seen = new Set<string>()
  // Pain flags of this week and last week; one reason per flag (the most recent week wins).
  for (const week of signals.painWeeks.slice(0, 2)) {
    for (const flag of week.flags) {
      if (seen.has(flag.id)) continue
      seen.add(flag.id)
      const when = week.weeksAgo === 0 ? 'This week' : 'Last week'
      reasons.push({ code: flag.id, level: 'amber', text: `${when}: ${flag.detail}`, date: flag.weekStart })
    }
  }
  const latest = signals.breaches[signals.breaches.length - 1]
  if (latest) {
    reasons.push({ code: 'run-beyond-30d-longest', level: 'amber', date: latest.run.date, text: breachText(latest, signals.breaches.length) })
  }
  if (signals.lastRunDate === null) {
    reasons.push({ code: 'no-runs', level: 'info', text: 'No runs logged yet.' })
  } else if (signals.stoppedLogging) {
    reasons.push({ code: 'stopped-logging', level: 'info', date: signals.stoppedLogging.lastRunDate, text: stoppedLoggingText(signals.stoppedLogging) })
  }
  return reasons
}

/** Pain outside the limits two weeks running, or morning pain rising two weeks running (issue 10 item 1). */
export function painCallsForReassessment(signals: LogSignals): boolean {
  const weeks = signals.painWeeks
  for (let w = 0; w + 1 < weeks.length; w++) {
    const a = weeks[w]?.flags ?? []
    const b = weeks[w + 1]?.flags ?? []
    if (a.length > 0 && b.length > 0) return true
  }
  return false
}

/**
 * The newest referral whose latest clearance says "something else found" and that no assessment has looked at
 * since. A later "cleared" for the same referral replaces it (latest clearance wins, episodes.ts).
 */
function somethingElseFound(episodes: readonly Episode[], latest: AssessmentDigest | null): Episode | null {
  const found = episodes
    .filter((e) => e.closedBy?.outcome === 'something-else-found')
    .filter((e) => latest === null || latest.date <= (e.closedBy?.date ?? ''))
    .sort((a, b) => ((a.closedBy?.date ?? '') < (b.closedBy?.date ?? '') ? -1 : 1))
  return found[found.length - 1] ?? null
}

export function computeClinicalState(input: ClinicalInput, today: string): ClinicalState {
  if (!isIsoDate(today)) throw new Error(`computeClinicalState: today must be an ISO date, got ${today}`)
  const assessments = sortAssessments(input.assessments.filter((a) => a.date <= today))
  const latest = assessments[assessments.length - 1] ?? null
  const clearanceInput = sortClearances(input.clearances.filter((c) => c.date <= today))
  const episodes = referralEpisodes(assessments, clearanceInput)
  const open = openReferrals(episodes, latest)
  const closing = new Set(episodes.flatMap((e) => e.clearances))
  const clearances: ClearanceRecord[] = clearanceInput.map((c) => ({ ...c, closedReferral: closing.has(c) }))

  const reasons: ClinicalReason[] = open.map(referralReason)
  for (const r of open.filter((o) => o.notFoundInLatestAssessment)) {
    reasons.push({
      code: 'referral-not-in-latest-assessment',
      level: 'info',
      referralId: r.referralId,
      text: `${referralWords(r.referralId)}: not found in the latest assessment, but it stays open until the clearance is recorded.`,
    })
  }

  const gate = returnGate(episodes, input, open)
  if (gate) {
    reasons.push(
      gate.status === 'readiness-tests'
        ? {
            code: 'return-to-run-readiness',
            level: 'amber',
            date: gate.clearedOn,
            text: `Cleared on ${gate.clearedOn}: no running until the readiness tests pass (30 min walk without pain, 10 single-leg hops at ${gate.path.painLimit}/10 or less, 25 heel raises a side within 10 %).`,
          }
        : {
            code: 'return-to-run-ladder',
            level: 'info',
            date: gate.latestTest?.date ?? gate.clearedOn,
            text: `Readiness tests passed on ${gate.latestTest?.date ?? gate.clearedOn}: running restarts as walk-run, pain at ${gate.path.painLimit}/10 or less.`,
          },
    )
  }
  for (const c of clearances.filter((x) => x.outcome === 'cleared-with-restrictions' && x.closedReferral)) {
    reasons.push({
      code: 'cleared-with-restrictions',
      level: 'info',
      referralId: c.referralId,
      date: c.date,
      text: `${referralWords(c.referralId)} cleared on ${c.date} with restrictions: ${c.restrictions?.trim() || 'not written down'}.`,
    })
  }
  const elseEpisode = somethingElseFound(episodes, latest)
  const elseFound = elseEpisode?.closedBy ?? null
  // A stop-running referral answered with "something else found" is not a clearance for running: no running
  // until the runner has been re-assessed (or the clinician records a later "cleared").
  const elseStopsRunning = elseEpisode !== null && episodeStoppedRunning(elseEpisode, episodes)
  if (elseFound) {
    reasons.push({
      code: 'something-else-found',
      level: 'amber',
      referralId: elseFound.referralId,
      date: elseFound.date,
      text: elseStopsRunning
        ? `On ${elseFound.date} the clinician found something else: no running until the runner is re-assessed; follow their advice meanwhile.`
        : `On ${elseFound.date} the clinician found something else: follow their advice and re-assess before progressing.`,
    })
  }

  // Named fields, not a spread: the board does this for every run of every athlete, and a spread copy of
  // digests from different sources (a record, the summary cache file) is several times slower.
  const runs = input.runs.map((r) => ({ date: r.date, distanceKm: r.km, painDuring: r.painDuring, painAfter: r.painAfter, painNextMorning: r.painNextMorning }))
  const signals = logSignals(runs, today)
  reasons.push(...logReasons(signals))

  const screen = latest?.redFlagScreen ?? { complete: false, unanswered: [] }
  if (!latest) reasons.push({ code: 'no-assessment', level: 'info', text: 'No assessment yet: the red-flag questions have not been asked.' })
  else if (!screen.complete) {
    const n = screen.unanswered.length
    reasons.push({
      code: 'red-flag-screen-incomplete',
      level: 'info',
      text: n > 0 ? `Incomplete: ${n} red-flag question${n === 1 ? '' : 's'} not asked.` : 'Incomplete: the red-flag screen of the latest assessment was not checked.',
    })
  }

  reasons.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
  const colour = reasons.some((r) => r.level === 'red') ? 'red' : reasons.some((r) => r.level === 'amber') ? 'amber' : 'green'
  const stopped = open.filter((r) => r.stopsRunning)
  const runningAllowance =
    stopped.length > 0 || gate?.status === 'readiness-tests' || elseStopsRunning ? 'none' : colour === 'amber' ? 'hold' : 'progress'

  const reassess = painCallsForReassessment(signals) || elseFound !== null
  const actions: ClinicalAction[] = actionsFor({
    open,
    reassess,
    hasAssessment: latest !== null,
    screenComplete: screen.complete,
    readinessPending: gate?.status === 'readiness-tests',
    stoppedLogging: signals.stoppedLogging !== null,
  })

  let nextReviewDate: string
  if (colour === 'red' || reassess || !latest || open.some((r) => isUrgent(r.urgency))) nextReviewDate = today
  else if (colour === 'amber') nextReviewDate = addDays(today, CLINICAL_RULES.amberReviewDays)
  else {
    const due = addDays(latest.date, CLINICAL_RULES.greenReviewDays)
    nextReviewDate = due < today ? today : due
  }

  return {
    asOf: today,
    colour,
    reasons,
    openReferrals: open,
    clearances,
    runningAllowance,
    actions,
    nextReviewDate,
    redFlagScreen: { complete: screen.complete, unanswered: [...screen.unanswered] },
    crossTraining: stopped.length > 0 ? crossTrainingFor(stopped.map((r) => r.referralId)) : null,
    returnToRun: gate,
    latestAssessmentId: latest?.id ?? null,
  }
}

const COLOUR_RANK = { red: 0, amber: 1, green: 2 } as const

/**
 * Board order, needs-attention first: red, amber, green; within a colour, more red reasons, then more amber
 * reasons, then more information (a quiet log, an incomplete screen) first. Break remaining ties by name.
 */
export function compareClinicalState(a: ClinicalState, b: ClinicalState): number {
  const count = (s: ClinicalState, level: ClinicalReason['level']) => s.reasons.filter((r) => r.level === level).length
  return (
    COLOUR_RANK[a.colour] - COLOUR_RANK[b.colour] ||
    count(b, 'red') - count(a, 'red') ||
    count(b, 'amber') - count(a, 'amber') ||
    count(b, 'info') - count(a, 'info')
  )
}
