// The plan's words: gates, week focus lines, notes and the reasons given for adaptations.

import type { Referral } from '../assessment/schema'
import { READINESS_RULES } from '../clinical/readiness'
import { SAFE_PAIN_MAX, type CrossTrainingPolicy } from '../clinical/referral-policy'
import type { PlanReturn } from './clinical'
import { PAIN_LIMITS, type PainFlag } from '../load/pain-monitoring'
import { PLAN_RULES } from './rules'
import type { AdaptationAction, PlanPhase, PlanRetest } from './schema'
import { fmtKm } from './tenths'

function humanId(id: string): string {
  return id.replace(/-/g, ' ')
}

export function flagSentence(flags: readonly PainFlag[]): string {
  return flags.map((f) => f.detail).join(' ')
}

function referralList(referrals: readonly Referral[]): string {
  return referrals.map((r) => humanId(r.id)).join('; ')
}

// ---------------------------------------------------------------------------------------------------------
// Gates

/** The pain limits a gate states; a return to running uses the stricter during-run limit (C1 bone tolerance). */
export interface GateLimits {
  duringLimit: number
  /** Extra checks before an increase on a tendon return (C5 Achilles protocol). */
  checks: readonly ('hop-pain' | 'heel-raise-pain')[]
}

const DEFAULT_LIMITS: GateLimits = { duringLimit: PAIN_LIMITS.during, checks: [] }

function painLimitsWords(limits: GateLimits): string {
  return (
    `no more than ${limits.duringLimit}/10 during runs, settled to ${PAIN_LIMITS.settledMorning}/10 or less by the ` +
    `next morning, and morning pain no higher than the week before`
  )
}

function checksWords(limits: GateLimits): string {
  if (limits.checks.length === 0) return ''
  const what = limits.checks.map((c) => (c === 'hop-pain' ? '10 single-leg hops' : 'single-leg heel raises')).join(' and ')
  // C5 Achilles protocol: hop pain under 1-2/10 before running increases (C1: 0-2/10 is the safe zone).
  return ` Before going up, check ${what}: pain must stay at ${Math.min(limits.duringLimit, SAFE_PAIN_MAX)}/10 or less.`
}

export function retestGate(date: string, calfFactor: boolean, limits: GateLimits = DEFAULT_LIMITS): string {
  return (
    `Re-test on ${date}, at the end of this week. Move on to the rebuild phase only if all three are true: ` +
    `(1) ankle range has improved: knee-to-wall on the sore side reaches at least 1 cm further than at the ` +
    `assessment, or is already 10 cm or more with less than 1.5 cm between the sides; ` +
    `(2) hip strength has improved: the hip tests from the assessment (side-lying hip abduction, single-leg ` +
    `squat control, Trendelenburg) are clearly better, or were normal to begin with; ` +
    `(3) pain stayed inside the limits all week: ${painLimitsWords(limits)}. ` +
    (calfFactor ? 'Recheck single-leg heel raises too (the aim is 25–30 good reps a side). ' : '') +
    'If any of the three is not met, keep running at this level and re-test at the end of next week.'
  )
}

export function rebuildGate(tenths: number, limits: GateLimits = DEFAULT_LIMITS): string {
  return (
    `Go up to ${fmtKm(tenths)} km this week only if last week stayed inside the pain limits ` +
    `(${painLimitsWords(limits)}). If it did not, repeat last week's distance instead and log the pain.` +
    checksWords(limits)
  )
}

export function returnGate(targetTenths: number, weeks: number, limits: GateLimits = DEFAULT_LIMITS): string {
  return (
    `Target reached. Hold ${fmtKm(targetTenths)} km a week for at least ${weeks} weeks with pain inside the ` +
    `limits (${painLimitsWords(limits)}) before counting the return as complete.`
  )
}

/** Week 1 of a return to running: the readiness tests come before the first run (C5). */
export function readinessGate(back: PlanReturn): string {
  const limit = back.path.painLimit
  const tests =
    `walk ${READINESS_RULES.walkMinutes} min briskly without pain; ${READINESS_RULES.minHops} single-leg hops on the ` +
    `affected leg at ${limit}/10 or less; at least ${READINESS_RULES.minHeelRaises} single-leg heel raises a side, ` +
    `the sides within ${Math.round(READINESS_RULES.maxHeelRaiseAsymmetry * 100)} %`
  if (back.readiness === 'passed') {
    return `Readiness tests passed on ${back.latestTest?.date ?? back.clearedOn}: start with walk-run as planned.`
  }
  return `Before the first run, pass the readiness tests (${tests}). Do not start running until they pass.`
}

export function referralGate(referrals: readonly Referral[]): string {
  const what = referrals.length > 0 ? referralList(referrals) : 'the amber finding'
  return (
    `Hold: no increase in running until a clinician has seen the runner for the referral (${what}) and the ` +
    'coach has recorded it as cleared. Keep to this comfortable level, keep up the exercises, and regenerate ' +
    'the plan once it is cleared.'
  )
}

// ---------------------------------------------------------------------------------------------------------
// Sessions and weeks

export function walkRunDetail(weeklyTenths: number, sessionTenths: number): string {
  const pattern =
    weeklyTenths < 50
      ? 'walk 2 min, run 3 min'
      : weeklyTenths < 75
        ? 'walk 2 min, run 4 min'
        : 'walk 1 min, run 4 min'
  // Minutes at the walk–run pace convention (PLAN_RULES.walkRunMinutesPerKm), rounded to whole minutes.
  const minutes = Math.max(1, Math.round((sessionTenths / 10) * PLAN_RULES.walkRunMinutesPerKm))
  return (
    `Walk–run: ${pattern}, repeated for about ${minutes} min (about ${fmtKm(sessionTenths)} km) at an easy pace on level ground. ` +
    'Leave a rest day after it where the week allows.'
  )
}

export interface FocusFacts {
  index: number
  held: boolean
  lighter: boolean
  /** The adaptation made to this week, if any. */
  action: AdaptationAction | null
  phase: PlanPhase
  prevPhase: PlanPhase | null
  totalTenths: number
  lastNonLighterTenths: number
  lastNonLighterIndex: number
}

/** The one-line focus of a new week. */
export function weekFocus(f: FocusFacts): string {
  const total = f.totalTenths
  if (f.held) return `Hold for the referral: running stays at ${fmtKm(total)} km; exercises continue.`
  if (f.lighter)
    return `Lighter week: ${fmtKm(total)} km, about ${Math.round((1 - total / f.lastNonLighterTenths) * 100)} % less than week ${f.lastNonLighterIndex || 'before the plan'}, to absorb the work so far.`
  if (f.action === 'step-back') return `Step back to ${fmtKm(total)} km after pain outside the limits.`
  if (f.action === 'hold') return `Repeat ${fmtKm(total)} km: last week's pain says not to increase yet.`
  if (f.phase === 'settle')
    return f.index === 1 || f.prevPhase !== 'settle'
      ? `Settle: hold running at a comfortable ${fmtKm(total)} km and start the daily stretching and strength work.`
      : `Settle: keep to ${fmtKm(total)} km while the stretching and strength work take effect.`
  if (f.phase === 'return') return `Return: ${fmtKm(total)} km a week, the target; consolidate it.`
  return total > f.lastNonLighterTenths
    ? `Rebuild: up ${Math.round((total / f.lastNonLighterTenths - 1) * 100)} % to ${fmtKm(total)} km.`
    : `Rebuild: ${fmtKm(total)} km.`
}

// ---------------------------------------------------------------------------------------------------------
// Reasons for adaptations

export function lighterWeekBecause(index: number, prevFlags: readonly PainFlag[]): string {
  return `Week ${index - 1} went outside the pain limits; the lighter week already scheduled here takes the load down. ${flagSentence(prevFlags)}`
}

export function painAdjustmentBecause(a: {
  index: number
  stepBack: boolean
  desiredTenths: number
  prevTenths: number
  baseTenths: number
  flaggedStreak: number
  prevFlags: readonly PainFlag[]
}): string {
  return (
    (a.stepBack
      ? `Steps back to ${fmtKm(a.desiredTenths)} km (from ${fmtKm(a.prevTenths)} km in week ${a.index - 1})`
      : `Holds at ${fmtKm(a.desiredTenths)} km instead of ${a.baseTenths > a.desiredTenths ? `rising to ${fmtKm(a.baseTenths)} km` : 'progressing'}`) +
    ` because week ${a.index - 1} went outside the pain limits` +
    (a.flaggedStreak >= 2 ? ` (${a.flaggedStreak} weeks in a row: consider a review with a physio)` : '') +
    `. ${flagSentence(a.prevFlags)}`
  )
}

export function retestPainWhy(index: number, flags: readonly PainFlag[]): string {
  return `pain went outside the limits in week ${index}. ${flagSentence(flags)}`
}

export function retestNotImprovedWhy(record: PlanRetest): string {
  const missing = [
    record.ankleRangeImproved ? null : 'ankle range',
    record.hipStrengthImproved ? null : 'hip strength',
  ].filter((x): x is string => x !== null)
  return `the re-test on ${record.date} did not show improvement in ${missing.join(' or ')}.`
}

export function retestMissingWhy(retestDate: string): string {
  return `no re-test result was recorded for ${retestDate}. Record it to move on.`
}

export function settleExtendedBecause(why: string): string {
  return `Stays in the settle phase: ${why}`
}

export function referralHoldBecause(referrals: readonly Referral[]): string {
  return `Amber triage: running holds until the referral (${referralList(referrals) || 'amber finding'}) is cleared.`
}

// ---------------------------------------------------------------------------------------------------------
// Notes

export const REFER_FIRST_NOTES = [
  'Refer first: no running plan. A referral that stops running is open, so the runner needs to be seen by a clinician first; the referrals below say why and how soon.',
  'Once a clinician has seen the runner, record the clearance for each referral and generate the plan again: it then starts with the readiness tests and walk-run.',
] as const

export function crossTrainingNote(ct: CrossTrainingPolicy): string {
  if (!ct.allowed) return `Meanwhile: ${ct.note}`
  const kinds = ct.kinds.map((k) => (k === 'pool-running' ? 'pool running' : k)).join(' or ')
  return `Meanwhile ${kinds} may replace running, with pain at ${ct.painLimit ?? 2}/10 or less during and the next morning.`
}

/** The only pain rule a refer-first plan carries: when to stop and call. */
export function referFirstPainRules(ct: CrossTrainingPolicy | null): string[] {
  const out = [
    'Do not run until a clinician has seen you. Call your coach or a doctor straight away if the calf becomes swollen, warm or red, if it hurts at rest or at night, if the foot goes numb, tingly, cold or pale, or if you notice chest pain or breathlessness.',
  ]
  if (ct) out.push(crossTrainingNote(ct))
  return out
}

export function returnToRunNote(back: PlanReturn): string {
  const what = back.referralIds.map(humanId).join('; ')
  return (
    `Return to running after ${what} was cleared on ${back.clearedOn}: readiness tests first, then walk-run; ` +
    `pain during runs and tests stays at ${back.path.painLimit}/10 or less` +
    (back.path.oneNewLoadPerWeek ? '; one new load at a time (walk-run continues through any week that adds distance).' : '.')
  )
}

export const SOMETHING_ELSE_FOUND_NOTE =
  'A clinician found something else: follow their advice, re-assess the runner and regenerate the plan.'

export const PRE_START_PAIN_NOTE =
  'Pain went outside the limits in the two weeks before the plan starts: week 1 holds below the current distance. Re-assess the runner before building up.'

export function preStartStepBackBecause(desiredTenths: number, currentTenths: number, flags: readonly PainFlag[]): string {
  return `Week 1 starts at ${fmtKm(desiredTenths)} km, below the current ${fmtKm(currentTenths)} km, because pain went outside the limits in the two weeks before the plan. ${flagSentence(flags)}`
}
export const RED_WITHOUT_REFERRAL_NOTE = 'The diagnosis is red but lists no referral: check the assessment.'

export function singleRunIgnoresLongRunNote(targetLongTenths: number, targetTenths: number): string {
  return `With one run a week that run is the whole week, so the target long run (${fmtKm(targetLongTenths)} km) is not used; the single run builds towards ${fmtKm(targetTenths)} km.`
}

export function longRunCappedNote(a: { targetLongTenths: number; maxShare: number; targetTenths: number; runDays: number; reachTenths: number }): string {
  return `A ${fmtKm(a.targetLongTenths)} km long run is more than ${Math.round(a.maxShare * 100)} % of ${fmtKm(a.targetTenths)} km a week over ${a.runDays} runs; the long run stops at about ${fmtKm(a.reachTenths)} km. Raise the weekly target to reach the long-run target.`
}

export function longRunRaisedNote(a: { targetTenths: number; runDays: number; minLongTenths: number; targetLongTenths: number }): string {
  return `At ${fmtKm(a.targetTenths)} km over ${a.runDays} runs the long run has to be at least ${fmtKm(a.minLongTenths)} km, a little more than the ${fmtKm(a.targetLongTenths)} km target long run.`
}

export function targetBelowCurrentNote(targetTenths: number, currentTenths: number): string {
  return `The target (${fmtKm(targetTenths)} km a week) is below the current ${fmtKm(currentTenths)} km, so the plan settles at the target and needs no rebuild.`
}

export const AMBER_HOLD_NOTE =
  'Amber triage: running holds at the comfortable level until the referral has been seen. Record the date it was cleared (referralClearedOn) and regenerate to get the rebuild.'

export function amberClearedNote(clearedOn: string): string {
  return `Amber referral cleared on ${clearedOn}: the settle-phase re-test comes after that date.`
}

export const NO_ASSESSMENT_NOTE =
  'No assessment was given: the exercises are the daily calf and hip-flexor stretches only. Assess the runner to tailor them.'

export const WALK_RUN_GROWTH_NOTE = `While the week is under ${PLAN_RULES.walkRunWeeklyKmBelow} km, each walk–run session may grow by one ${PLAN_RULES.walkRunBlockMinutes}-minute block (walk 2 min, run 3 min; about 0.5 km) a week, even where that is more than 10 % (never more than half as much again): a tiny base would hardly move at 10 % a week.`

export const LOW_START_NOTE = `Low starting volume (under ${PLAN_RULES.walkRunWeeklyKmBelow} km a week or a longest recent run under ${PLAN_RULES.walkRunLongestKmBelow} km): sessions start as walk–run and become continuous runs as the distance builds.`

export function cappedWeekNote(index: number, totalTenths: number, desiredTenths: number, runDays: number): string {
  return `Week ${index} is ${fmtKm(totalTenths)} km rather than ${fmtKm(desiredTenths)} km: with ${runDays} run${runDays === 1 ? '' : 's'} a week, no run may be more than 10 % longer than the longest run of the previous 30 days.`
}

export function assumedRetestNote(retestDate: string): string {
  return `The plan assumes the re-test on ${retestDate} passes. If it does not, record the result and regenerate: the runner then stays in the settle phase and re-tests a week later.`
}

export function targetNotReachedNote(a: { targetTenths: number; weekCount: number; lighterEvery: number; lastWeekKm: number | null }): string {
  return (
    `The target of ${fmtKm(a.targetTenths)} km a week is not reached and held within ${a.weekCount} weeks` +
    (a.weekCount >= PLAN_RULES.maxWeeks ? ` (plans are capped at ${PLAN_RULES.maxWeeks} weeks)` : '') +
    ` at no more than 10 % a week with a lighter week every ${a.lighterEvery}th week; the plan ends at ${a.lastWeekKm !== null ? a.lastWeekKm.toFixed(1) : '0.0'} km in week ${a.weekCount}. Regenerate near the end to continue, or set a nearer target.`
  )
}
