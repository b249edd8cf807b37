// Periodised return-to-distance plan generator (issue 5). Pure and deterministic: the same request
// always gives the same plan, and "today" is an input, never the clock.
//
// Shape, after the seed (calf-pain-in-runners: settle at a comfortable level, stretch and strengthen,
// build distance once ankle range and hip strength improve) and shared/reference/clinical-and-peers.md:
//
//   settle   running held at the comfortable level; daily stretching and strength work start; a re-test is
//            scheduled at the end of week `settleWeeks` (default 2) and then every week until it passes.
//            The gate: ankle range and hip strength improved on the re-test, and pain inside the limits
//            of the pain-monitoring model (§C1) that week.
//   rebuild  weekly distance rises by at most 10 % a week (§C4); a lighter week every 4th week (§C6).
//   return   the target weekly distance is reached and held for at least 2 weeks.
//
// Safety rules the generator never breaks (checked independently by safety.ts):
//   - a non-lighter week is at most 10 % above the previous non-lighter week (week 0 = currentWeeklyKm);
//   - no run is longer than 110 % of the longest run in the 30 days before its date, counting planned and
//     logged runs and, as a run on the day before the plan starts, longestRunLast30DaysKm (Frandsen 2025, §C2);
//   - at least one lighter week (20–30 % less than the previous non-lighter week) in every 4 weeks;
//   - exactly runDaysPerWeek sessions a week; one long run a week when there are 2 or more;
//   - walk–run sessions while the weekly distance is under 10 km or the longest recent run under 3 km (§C5).
//
// Distances are handled in whole tenths of a kilometre so that rounding can never push a week or a run
// past a limit.

import { addDays, dayNumber, daysBetween, isIsoDate, weekStart as mondayOf } from '../dates'
import type { Diagnosis, FactorId, Referral } from '../assessment/schema'
import { exerciseById, exercisesForFactors, exercisesForReferrals, type Exercise } from '../assessment/exercises'
import { PAIN_LIMITS, painFlagsForWeek, type PainFlag, type PainFlagId, type PainLogEntry } from '../load/pain-monitoring'
import { LONGEST_RUN_RULE } from '../load/metrics'
import { painRulesText } from './pain-rules'
import {
  MAX_PLAN_WEEKS,
  MIN_KM_PER_RUN_DAY,
  MIN_WEEKLY_KM,
  type PlanAdaptation,
  type PlanExercise,
  type PlanOutput,
  type PlannedRun,
  type PlanPhase,
  type PlanRequest,
  type PlanWeek,
} from './schema'

// ---------------------------------------------------------------------------------------------------------
// Rules (thresholds)

export const PLAN_RULES = {
  /** Largest rise of a non-lighter week over the previous non-lighter week (§C4, the "10 % rule"). */
  maxWeeklyIncrease: 0.1,
  /** Single-run rule (Frandsen 2025, §C2): no run above maxRunRatio × the longest run of the previous windowDays. */
  longestRunWindowDays: LONGEST_RUN_RULE.windowDays,
  maxRunRatio: LONGEST_RUN_RULE.maxRatio,
  /** A lighter week at least every 4th week (3:1, §C6); the request may ask for every 3rd (2:1). */
  lighterWeekEvery: 4,
  /** Lighter weeks are 20–30 % below the previous non-lighter week; the plan aims for 25 %. */
  lighterCutMin: 0.2,
  lighterCutPlanned: 0.25,
  lighterCutMax: 0.3,
  /** A step back (after clear pain warnings) goes to 80 % of the flagged week. */
  stepBackTo: 0.8,
  /**
   * Very low starting volume (under 10 km a week or a longest recent run under 3 km): walk–run sessions until
   * the week reaches 10 km and the longest run of the last 30 days 3 km.
   */
  walkRunWeeklyKmBelow: 10,
  walkRunLongestKmBelow: 3,
  /** Settle weeks before the first re-test; later re-tests are weekly until one passes. */
  settleWeeks: 2,
  /** A re-test recorded up to this many days after the scheduled date still counts for it. */
  retestGraceDays: 1,
  /** Weeks held at the target (not counting lighter weeks) before the return is complete. */
  consolidationWeeks: 2,
  maxWeeks: MAX_PLAN_WEEKS,
  /** The weekly distance never drops below max(1 km, 0.5 km per run day). */
  minWeeklyKm: MIN_WEEKLY_KM,
  minKmPerRunDay: MIN_KM_PER_RUN_DAY,
  /** Amber triage without clearance: the plan shows the hold up to this many weeks past today. */
  amberPreviewWeeks: 4,
  /** Factors with these likelihoods choose exercises. */
  exerciseLikelihoods: ['high', 'moderate'] as const,
} as const

/** Day offsets within the week for each number of run days; the last one carries the long run. */
const RUN_DAY_OFFSETS: Readonly<Record<number, readonly number[]>> = {
  1: [6],
  2: [2, 6],
  3: [1, 3, 6],
  4: [0, 2, 4, 6],
  5: [0, 1, 3, 4, 6],
  6: [0, 1, 2, 3, 5, 6],
  7: [0, 1, 2, 3, 4, 5, 6],
}

/** Share of the week in the long run, when no target long run is given. */
const LONG_RUN_SHARE: Readonly<Record<number, number>> = { 1: 1, 2: 0.55, 3: 0.4, 4: 0.33, 5: 0.3, 6: 0.28, 7: 0.25 }
/** Largest share of the week the long run may take when a target long run asks for more. */
function maxLongShare(days: number): number {
  return days === 1 ? 1 : days === 2 ? 0.7 : 0.5
}

/** Calf and hip-flexor stretching, daily, for everyone (the seed's core advice). */
const DAILY_STRETCH_IDS = ['calf-stretch-straight-knee', 'calf-stretch-bent-knee', 'hip-flexor-stretch'] as const
/** Catalog advice that belongs to the settle phase only. */
const SETTLE_ONLY_IDS = new Set(['keep-running-comfortably'])
const HOLD_FOR_REFERRAL_ID = 'hold-progression-until-seen'
const NEVER_IN_A_RUNNING_PLAN = new Set(['stop-running-and-get-checked'])

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const EPS = 1e-7

/** Kilometres to whole tenths, rounding down (never above the given distance). */
function tenthsDown(km: number): number {
  return Math.floor(km * 10 + 1e-9)
}

function kmOf(tenths: number): number {
  return tenths / 10
}

function fmtKm(tenths: number): string {
  return (tenths / 10).toFixed(1)
}

function weekStartFor(planStart: string, index: number): string {
  return addDays(planStart, 7 * (index - 1))
}

/** 1-based plan week containing the date (1 for dates before the plan). */
function weekIndexOf(planStart: string, date: string): number {
  const d = daysBetween(planStart, date)
  return d < 0 ? 1 : Math.floor(d / 7) + 1
}

function humanId(id: string): string {
  return id.replace(/-/g, ' ')
}

function flagSentence(flags: readonly PainFlag[]): string {
  return flags.map((f) => f.detail).join(' ')
}

/** The 10 % weekly limit in tenths: never above 110 % of the reference. */
function maxNextWeek(referenceTenths: number): number {
  return Math.floor(referenceTenths * (1 + PLAN_RULES.maxWeeklyIncrease) + EPS)
}

/** Lighter week: 25 % below the reference, kept inside the 20–30 % band. */
function lighterWeekTenths(referenceTenths: number): number {
  const lo = Math.ceil(referenceTenths * (1 - PLAN_RULES.lighterCutMax) - EPS)
  const hi = Math.floor(referenceTenths * (1 - PLAN_RULES.lighterCutMin) + EPS)
  const aim = Math.round(referenceTenths * (1 - PLAN_RULES.lighterCutPlanned))
  return Math.max(1, Math.min(hi, Math.max(lo, aim)))
}

// ---------------------------------------------------------------------------------------------------------
// Single-run references (planned + logged + the given longest run)

interface RefRun {
  day: number
  km: number
}

class RunReferences {
  private readonly runs: RefRun[] = []

  add(day: number, km: number): void {
    if (km > 0 && Number.isFinite(km)) this.runs.push({ day, km })
  }

  /** Longest run in [day − window, day − 1], or 0. */
  longestBefore(day: number): number {
    let best = 0
    const from = day - PLAN_RULES.longestRunWindowDays
    for (const r of this.runs) if (r.day >= from && r.day < day && r.km > best) best = r.km
    return best
  }

  /** Longest distance (tenths) allowed for a run on this day. */
  capTenths(day: number): number {
    return Math.floor(this.longestBefore(day) * 10 * PLAN_RULES.maxRunRatio + EPS)
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pain flags on plan weeks
//
// The pain-monitoring module works on Monday-start weeks. Plan weeks start on the plan's start date, so
// when that is not a Monday we move every entry back by the same number of days, ask for the flags of the
// matching Monday week, and move the dates in the answer forward again. The flag definitions are unchanged.

class PlanWeekPain {
  private readonly shift: number
  private readonly entries: PainLogEntry[]
  private readonly cache = new Map<number, PainFlag[]>()

  constructor(
    private readonly planStart: string,
    entries: readonly PainLogEntry[],
  ) {
    this.shift = daysBetween(mondayOf(planStart), planStart)
    this.entries = entries
      .filter((e) => isIsoDate(e.date))
      .map((e) => (this.shift === 0 ? e : { ...e, date: addDays(e.date, -this.shift) }))
  }

  flags(index: number): PainFlag[] {
    if (index < 1) return []
    const cached = this.cache.get(index)
    if (cached) return cached
    const start = weekStartFor(this.planStart, index)
    const monday = addDays(start, -this.shift)
    // Only this week and the one before matter (the rising-morning-pain flag compares the two).
    const from = addDays(monday, -7)
    const to = addDays(monday, 6)
    const relevant = this.entries.filter((e) => e.date >= from && e.date <= to)
    const raw = relevant.length === 0 ? [] : painFlagsForWeek(relevant, monday)
    const flags =
      this.shift === 0
        ? raw
        : raw.map((f) => ({
            ...f,
            weekStart: start,
            detail: f.detail.replace(/\d{4}-\d{2}-\d{2}/g, (d) => (isIsoDate(d) ? addDays(d, this.shift) : d)),
          }))
    this.cache.set(index, flags)
    return flags
  }
}

// ---------------------------------------------------------------------------------------------------------
// Exercises

interface ExerciseSets {
  daily: Exercise[]
  settleOnly: Exercise[]
  factorItems: Exercise[]
  holdItems: Exercise[]
  afterClearance: Exercise[]
}

const LIKELIHOOD_RANK: Record<string, number> = { high: 0, moderate: 1, low: 2 }

function exerciseSets(diagnosis: Diagnosis | undefined): ExerciseSets {
  const daily = DAILY_STRETCH_IDS.map((id) => exerciseById(id)).filter((e): e is Exercise => e !== undefined)
  const likely = (diagnosis?.factors ?? [])
    .filter((f) => (PLAN_RULES.exerciseLikelihoods as readonly string[]).includes(f.likelihood))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (LIKELIHOOD_RANK[a.f.likelihood] ?? 9) - (LIKELIHOOD_RANK[b.f.likelihood] ?? 9) || a.i - b.i)
    .map(({ f }) => f.id as FactorId)
  const forFactors = exercisesForFactors(likely)
  const settleOnly = forFactors.filter((e) => SETTLE_ONLY_IDS.has(e.id))
  const factorItems = forFactors.filter((e) => !SETTLE_ONLY_IDS.has(e.id))
  const referralItems =
    diagnosis && diagnosis.triage === 'amber'
      ? exercisesForReferrals(diagnosis.referrals.map((r) => r.id)).filter((e) => !NEVER_IN_A_RUNNING_PLAN.has(e.id))
      : []
  return {
    daily,
    settleOnly,
    factorItems,
    holdItems: referralItems.filter((e) => e.id === HOLD_FOR_REFERRAL_ID),
    afterClearance: referralItems.filter((e) => e.id !== HOLD_FOR_REFERRAL_ID),
  }
}

function weekExercises(sets: ExerciseSets, phase: PlanPhase, held: boolean, clearedAmber: boolean): PlanExercise[] {
  const out: PlanExercise[] = []
  const seen = new Set<string>()
  const add = (list: readonly Exercise[]) => {
    for (const e of list) {
      if (seen.has(e.id)) continue
      seen.add(e.id)
      out.push({ id: e.id, title: e.title, dose: e.dose })
    }
  }
  add(sets.daily)
  if (held) add(sets.holdItems)
  if (phase === 'settle') add(sets.settleOnly)
  add(sets.factorItems)
  if (clearedAmber && !held) add(sets.afterClearance)
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Words

const PAIN_LIMITS_WORDS =
  `no more than ${PAIN_LIMITS.during}/10 during runs, settled to ${PAIN_LIMITS.settledMorning}/10 or less by the ` +
  `next morning, and morning pain no higher than the week before`

function retestGate(date: string, calfFactor: boolean): string {
  return (
    `Re-test on ${date}, at the end of this week. Move on to the rebuild phase only if all three are true: ` +
    `(1) ankle range has improved: knee-to-wall on the sore side reaches at least 1 cm further than at the ` +
    `assessment, or is already 10 cm or more with less than 1.5 cm between the sides; ` +
    `(2) hip strength has improved: the hip tests from the assessment (side-lying hip abduction, single-leg ` +
    `squat control, Trendelenburg) are clearly better, or were normal to begin with; ` +
    `(3) pain stayed inside the limits all week: ${PAIN_LIMITS_WORDS}. ` +
    (calfFactor ? 'Recheck single-leg heel raises too (the aim is 25–30 good reps a side). ' : '') +
    'If any of the three is not met, keep running at this level and re-test at the end of next week.'
  )
}

function rebuildGate(tenths: number): string {
  return (
    `Go up to ${fmtKm(tenths)} km this week only if last week stayed inside the pain limits ` +
    `(${PAIN_LIMITS_WORDS}). If it did not, repeat last week's distance instead and log the pain.`
  )
}

function returnGate(targetTenths: number, weeks: number): string {
  return (
    `Target reached. Hold ${fmtKm(targetTenths)} km a week for at least ${weeks} weeks with pain inside the ` +
    `limits (${PAIN_LIMITS_WORDS}) before counting the return as complete.`
  )
}

function referralGate(referrals: readonly Referral[]): string {
  const what = referrals.length > 0 ? referrals.map((r) => humanId(r.id)).join('; ') : 'the amber finding'
  return (
    `Hold: no increase in running until a clinician has seen the runner for the referral (${what}) and the ` +
    'coach has recorded it as cleared. Keep to this comfortable level, keep up the exercises, and regenerate ' +
    'the plan once it is cleared.'
  )
}

function walkRunDetail(weeklyTenths: number, sessionTenths: number): string {
  const pattern =
    weeklyTenths < 50
      ? 'walk 2 min, run 3 min'
      : weeklyTenths < 75
        ? 'walk 2 min, run 4 min'
        : 'walk 1 min, run 4 min'
  return (
    `Walk–run: ${pattern}, repeated to cover about ${fmtKm(sessionTenths)} km at an easy pace on level ground. ` +
    'Leave a rest day after it where the week allows.'
  )
}

// ---------------------------------------------------------------------------------------------------------
// Building one week of runs

interface BuiltRuns {
  runs: PlannedRun[]
  totalTenths: number
  longestTenths: number
}

function distribute(
  desiredTenths: number,
  dates: readonly string[],
  caps: readonly number[],
  share: number,
  longLimitTenths: number,
): number[] {
  const n = dates.length
  if (n === 1) return [Math.max(1, Math.min(desiredTenths, caps[0] ?? 0))]
  const li = n - 1
  let long = Math.max(Math.ceil(desiredTenths / n), Math.round(desiredTenths * share))
  long = Math.min(long, caps[li] ?? 0, longLimitTenths)
  long = Math.max(1, long)
  const easyCap = caps.slice(0, li).map((c) => Math.max(1, Math.min(c, long)))
  const easy = new Array<number>(li).fill(0)
  let remaining = Math.max(0, desiredTenths - long)
  for (let pass = 0; pass <= li && remaining > 0; pass++) {
    const open: number[] = []
    for (let j = 0; j < li; j++) if ((easy[j] ?? 0) < (easyCap[j] ?? 0)) open.push(j)
    if (open.length === 0) break
    const each = Math.floor(remaining / open.length)
    const extra = remaining % open.length
    open.forEach((j, k) => {
      const want = each + (k < extra ? 1 : 0)
      const add = Math.min(want, (easyCap[j] ?? 0) - (easy[j] ?? 0))
      easy[j] = (easy[j] ?? 0) + add
      remaining -= add
    })
  }
  // Every session exists: at least 0.1 km (only reachable in degenerate cases; the schema's minimums prevent it).
  return [...easy.map((e) => Math.max(1, e)), long]
}

function buildRuns(args: {
  weekStart: string
  runDays: number
  desiredTenths: number
  refs: RunReferences
  share: number
  longLimitTenths: number
  /** Decides walk–run from the week's actual total; returns the level that sets the walk–run pattern, or null. */
  walkRunLevel: (totalTenths: number) => number | null
}): BuiltRuns {
  const offsets = RUN_DAY_OFFSETS[args.runDays] ?? RUN_DAY_OFFSETS[7] ?? []
  const dates = offsets.map((o) => addDays(args.weekStart, o))
  // Caps ignore this week's own earlier runs: that can only make them stricter than the rule.
  const caps = dates.map((d) => args.refs.capTenths(dayNumber(d)))
  const tenths = distribute(args.desiredTenths, dates, caps, args.share, args.longLimitTenths)
  const totalTenths = tenths.reduce((a, b) => a + b, 0)
  const walkLevel = args.walkRunLevel(totalTenths)
  const runs: PlannedRun[] = dates.map((date, i) => {
    const t = tenths[i] ?? 1
    if (walkLevel !== null) return { date, km: kmOf(t), kind: 'walk-run', detail: walkRunDetail(walkLevel, t) }
    const kind = args.runDays >= 2 && i === dates.length - 1 ? 'long' : 'easy'
    return { date, km: kmOf(t), kind }
  })
  return { runs, totalTenths, longestTenths: Math.max(...tenths) }
}

// ---------------------------------------------------------------------------------------------------------
// The plan

interface State {
  gatePassed: boolean
  lastNonLighterTenths: number
  lastNonLighterIndex: number
  nonLighterStreak: number
  settleLevelTenths: number | null
  consolidation: number
  nextRetestIndex: number
  prevWeekTenths: number | null
  prevPhase: PlanPhase | null
  /** Consecutive weeks (ending with the previous one) that had pain flags. */
  flaggedStreak: number
  /** Last day a recorded re-test could count for the previous re-test slot. */
  lastRetestWindowEnd: string | null
}

function referFirst(diagnosis: Diagnosis, asOf: string): PlanOutput {
  const notes = [
    'Red triage: no running plan. The runner needs to be seen by a clinician first; the referrals below say why and how soon.',
    'Once a clinician has cleared the runner, run a new assessment and generate the plan from it.',
  ]
  if (diagnosis.referrals.length === 0) notes.push('The diagnosis is red but lists no referral: check the assessment.')
  return {
    status: 'refer-first',
    referrals: diagnosis.referrals.map((r) => ({ id: r.id, urgency: r.urgency, because: [...r.because] })),
    weeks: [],
    notes,
    adaptations: [],
    painRules: painRulesText(),
    targetReached: false,
    awaitingReferralClearance: false,
    keptWeeks: 0,
    asOf,
  }
}

function buildPlan(
  request: PlanRequest,
  kept: readonly PlanWeek[],
  keptAdaptations: readonly PlanAdaptation[],
  leadNotes: readonly string[],
): PlanOutput {
  const planStart = request.startDate
  const asOf = request.today ?? planStart
  const diagnosis = request.diagnosis
  if (diagnosis?.triage === 'red') return referFirst(diagnosis, asOf)

  const notes: string[] = [...leadNotes]
  const adaptations: PlanAdaptation[] = keptAdaptations.filter((a) => a.weekIndex <= kept.length)
  const runDays = request.runDaysPerWeek
  const targetTenths = tenthsDown(request.targetWeeklyKm)
  const currentTenths = tenthsDown(request.currentWeeklyKm)
  const minLevelTenths = Math.max(tenthsDown(PLAN_RULES.minWeeklyKm), tenthsDown(PLAN_RULES.minKmPerRunDay * runDays))
  const comfortTenths = Math.min(currentTenths, targetTenths)
  const maxWeeks = request.maxWeeks ?? PLAN_RULES.maxWeeks
  const lighterEvery = request.lighterWeekEvery ?? PLAN_RULES.lighterWeekEvery
  const settleWeeks = request.settleWeeks ?? PLAN_RULES.settleWeeks
  const calfFactor = (diagnosis?.factors ?? []).some((f) => f.id === 'calf-endurance-deficit' && f.likelihood !== 'low')

  // Long-run share and limit.
  let share = LONG_RUN_SHARE[runDays] ?? 0.25
  let longLimitTenths = Number.POSITIVE_INFINITY
  if (request.targetLongRunKm !== undefined) {
    const targetLongTenths = tenthsDown(request.targetLongRunKm)
    if (runDays === 1) {
      notes.push(
        `With one run a week that run is the whole week, so the target long run (${fmtKm(targetLongTenths)} km) is not used; the single run builds towards ${fmtKm(targetTenths)} km.`,
      )
    } else {
      const minLong = Math.ceil(targetTenths / runDays)
      const wanted = targetLongTenths / targetTenths
      share = Math.min(maxLongShare(runDays), Math.max(1 / runDays, wanted))
      longLimitTenths = Math.max(targetLongTenths, minLong)
      if (wanted > maxLongShare(runDays) + EPS) {
        const reach = Math.round(targetTenths * share)
        notes.push(
          `A ${fmtKm(targetLongTenths)} km long run is more than ${Math.round(maxLongShare(runDays) * 100)} % of ${fmtKm(targetTenths)} km a week over ${runDays} runs; the long run stops at about ${fmtKm(reach)} km. Raise the weekly target to reach the long-run target.`,
        )
      } else if (targetLongTenths < minLong) {
        notes.push(
          `At ${fmtKm(targetTenths)} km over ${runDays} runs the long run has to be at least ${fmtKm(minLong)} km, a little more than the ${fmtKm(targetLongTenths)} km target long run.`,
        )
      }
    }
  }

  if (targetTenths < currentTenths) {
    notes.push(
      `The target (${fmtKm(targetTenths)} km a week) is below the current ${fmtKm(currentTenths)} km, so the plan settles at the target and needs no rebuild.`,
    )
  }

  // Amber triage: hold until the referral is cleared.
  const amber = diagnosis?.triage === 'amber'
  const clearedOn = amber ? request.referralClearedOn : undefined
  const amberReferrals = amber && diagnosis ? diagnosis.referrals : []
  const amberUncleared = amber && clearedOn === undefined
  const asOfIndex = weekIndexOf(planStart, asOf)
  const amberStopIndex = Math.max(kept.length, asOfIndex) + PLAN_RULES.amberPreviewWeeks - 1
  if (amberUncleared) {
    notes.push(
      'Amber triage: running holds at the comfortable level until the referral has been seen. Record the date it was cleared (referralClearedOn) and regenerate to get the rebuild.',
    )
  } else if (amber && clearedOn !== undefined) {
    notes.push(`Amber referral cleared on ${clearedOn}: the settle-phase re-test comes after that date.`)
  }
  if (!diagnosis) {
    notes.push('No assessment was given: the exercises are the daily calf and hip-flexor stretches only. Assess the runner to tailor them.')
  }

  const sets = exerciseSets(diagnosis)
  const pain = new PlanWeekPain(
    planStart,
    (request.runs ?? []).map((r) => ({
      date: r.date,
      painDuring: r.painDuring ?? null,
      painAfter: r.painAfter ?? null,
      painNextMorning: r.painNextMorning ?? null,
    })),
  )

  const refs = new RunReferences()
  refs.add(dayNumber(planStart) - 1, request.longestRunLast30DaysKm)
  for (const r of request.runs ?? []) refs.add(dayNumber(r.date), r.km)

  const retests = [...(request.retests ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const clearedIndex = clearedOn !== undefined ? weekIndexOf(planStart, clearedOn) : 0

  const state: State = {
    gatePassed: false,
    lastNonLighterTenths: currentTenths,
    lastNonLighterIndex: 0,
    nonLighterStreak: 0,
    settleLevelTenths: null,
    consolidation: 0,
    nextRetestIndex: Math.max(settleWeeks, clearedIndex),
    prevWeekTenths: null,
    prevPhase: null,
    flaggedStreak: 0,
    lastRetestWindowEnd: null,
  }

  // Walk–run is for runners who start from a very low volume, until the volume has built past the thresholds.
  const lowStart =
    currentTenths < tenthsDown(PLAN_RULES.walkRunWeeklyKmBelow) ||
    request.longestRunLast30DaysKm < PLAN_RULES.walkRunLongestKmBelow - EPS
  if (lowStart) {
    notes.push(
      `Low starting volume (under ${PLAN_RULES.walkRunWeeklyKmBelow} km a week or a longest recent run under ${PLAN_RULES.walkRunLongestKmBelow} km): sessions start as walk–run and become continuous runs as the distance builds.`,
    )
  }

  const weeks: PlanWeek[] = []
  let projectedRetestNoted = false
  let targetReached = false
  let cappedNoted = false
  let referralHoldRecorded = false
  const limitIndex = Math.max(kept.length, maxWeeks)

  for (let i = 1; i <= limitIndex; i++) {
    const start = weekStartFor(planStart, i)
    const end = addDays(start, 6)
    const held = amber && (clearedOn === undefined || clearedOn > end)
    const prevFlags = pain.flags(i - 1)
    let week: PlanWeek

    if (i <= kept.length) {
      week = kept[i - 1] as PlanWeek
    } else {
      let isLighter = state.nonLighterStreak >= lighterEvery - 1
      let lighterTenths = isLighter ? lighterWeekTenths(state.lastNonLighterTenths) : 0
      if (isLighter && lighterTenths > targetTenths) {
        // The target was lowered below the lighter week (regeneration): a lighter week at the target if that is
        // still inside the 20–30 % band, otherwise a plain drop to the target, which is itself a recovery week.
        if (targetTenths >= Math.ceil(state.lastNonLighterTenths * (1 - PLAN_RULES.lighterCutMax) - EPS)) lighterTenths = targetTenths
        else isLighter = false
      }
      const upper = maxNextWeek(state.lastNonLighterTenths)
      let desired: number
      let phase: PlanPhase
      let adaptation: PlanAdaptation | null = null
      let focus: string

      if (held && state.gatePassed) {
        // A new amber finding part-way through: hold where the runner is.
        state.gatePassed = false
        state.settleLevelTenths = state.lastNonLighterTenths
      }
      const inSettle = held || !state.gatePassed

      if (isLighter) {
        desired = lighterTenths
        if (prevFlags.length > 0) {
          adaptation = {
            weekIndex: i,
            action: 'lighter-week',
            because: `Week ${i - 1} went outside the pain limits; the lighter week already scheduled here takes the load down. ${flagSentence(prevFlags)}`,
            flags: prevFlags.map((f) => f.id),
          }
        }
      } else {
        const base = Math.min(targetTenths, inSettle ? (state.settleLevelTenths ?? comfortTenths) : upper)
        desired = base
        if (prevFlags.length > 0 && state.prevWeekTenths !== null) {
          const ids = new Set<PainFlagId>(prevFlags.map((f) => f.id))
          const severe = ids.has('next-morning-not-settled') || ids.size >= 2 || state.flaggedStreak >= 2
          const prev = state.prevWeekTenths
          const painTarget = severe ? Math.max(minLevelTenths, Math.round(prev * PLAN_RULES.stepBackTo)) : prev
          const floor = Math.min(minLevelTenths, base)
          desired = Math.max(floor, Math.min(base, painTarget))
          const wouldProgress = !inSettle && base > prev
          if (desired < base || wouldProgress) {
            const stepBack = desired < prev
            adaptation = {
              weekIndex: i,
              action: stepBack ? 'step-back' : 'hold',
              because:
                (stepBack
                  ? `Steps back to ${fmtKm(desired)} km (from ${fmtKm(prev)} km in week ${i - 1})`
                  : `Holds at ${fmtKm(desired)} km instead of ${base > desired ? `rising to ${fmtKm(base)} km` : 'progressing'}`) +
                ` because week ${i - 1} went outside the pain limits` +
                (state.flaggedStreak >= 2 ? ` (${state.flaggedStreak} weeks in a row: consider a review with a physio)` : '') +
                `. ${flagSentence(prevFlags)}`,
              flags: prevFlags.map((f) => f.id),
            }
          }
        }
        desired = Math.min(desired, upper)
      }

      // Walk–run while a low starting volume is still low (always in week 1 of a low start).
      const longestRecent = refs.longestBefore(dayNumber(start))
      const walkRunLevel = (total: number): number | null => {
        const level = isLighter ? state.lastNonLighterTenths : total
        const low =
          i === 1 ||
          level < tenthsDown(PLAN_RULES.walkRunWeeklyKmBelow) ||
          longestRecent < PLAN_RULES.walkRunLongestKmBelow - EPS
        return lowStart && low ? level : null
      }

      const built = buildRuns({
        weekStart: start,
        runDays,
        desiredTenths: desired,
        refs,
        share,
        longLimitTenths: longLimitTenths,
        walkRunLevel,
      })
      const total = built.totalTenths

      if (inSettle) phase = 'settle'
      else if (isLighter) phase = state.prevPhase === 'return' ? 'return' : 'rebuild'
      else phase = total >= targetTenths ? 'return' : 'rebuild'

      if (!isLighter && total < desired && !cappedNoted) {
        cappedNoted = true
        notes.push(
          `Week ${i} is ${fmtKm(total)} km rather than ${fmtKm(desired)} km: with ${runDays} run${runDays === 1 ? '' : 's'} a week, no run may be more than 10 % longer than the longest run of the previous 30 days.`,
        )
      }

      const retestDate = phase === 'settle' && !held && i >= state.nextRetestIndex ? end : null

      let gate: string | null = null
      if (held) gate = referralGate(amberReferrals)
      else if (retestDate !== null) gate = retestGate(retestDate, calfFactor)
      else if (phase === 'rebuild' && !isLighter && total > state.lastNonLighterTenths) gate = rebuildGate(total)
      else if (phase === 'return' && !isLighter && state.prevPhase !== 'return')
        gate = returnGate(targetTenths, PLAN_RULES.consolidationWeeks)

      if (held) focus = `Hold for the referral: running stays at ${fmtKm(total)} km; exercises continue.`
      else if (isLighter)
        focus = `Lighter week: ${fmtKm(total)} km, about ${Math.round((1 - total / state.lastNonLighterTenths) * 100)} % less than week ${state.lastNonLighterIndex || 'before the plan'}, to absorb the work so far.`
      else if (adaptation?.action === 'step-back') focus = `Step back to ${fmtKm(total)} km after pain outside the limits.`
      else if (adaptation?.action === 'hold') focus = `Repeat ${fmtKm(total)} km: last week's pain says not to increase yet.`
      else if (phase === 'settle')
        focus =
          i === 1 || state.prevPhase !== 'settle'
            ? `Settle: hold running at a comfortable ${fmtKm(total)} km and start the daily stretching and strength work.`
            : `Settle: keep to ${fmtKm(total)} km while the stretching and strength work take effect.`
      else if (phase === 'return') focus = `Return: ${fmtKm(total)} km a week, the target; consolidate it.`
      else
        focus =
          total > state.lastNonLighterTenths
            ? `Rebuild: up ${Math.round((total / state.lastNonLighterTenths - 1) * 100)} % to ${fmtKm(total)} km.`
            : `Rebuild: ${fmtKm(total)} km.`

      if (adaptation) adaptations.push(adaptation)
      week = {
        index: i,
        startDate: start,
        phase,
        lighterWeek: isLighter,
        plannedKm: kmOf(total),
        longRunKm: kmOf(built.longestTenths),
        runs: built.runs,
        exercises: weekExercises(sets, phase, held, amber && !held),
        gate,
        endDate: end,
        retestDate,
        focus,
      }
    }

    // ---- state update from the week (kept or new) ----
    weeks.push(week)
    const weekTenths = Math.round(week.plannedKm * 10)
    for (const r of week.runs) refs.add(dayNumber(r.date), r.km)
    const thisFlags = pain.flags(i)
    if (week.lighterWeek) {
      state.nonLighterStreak = 0
    } else {
      // A week at least 20 % below the previous one is a recovery week in its own right (a step back or a
      // drop to a lowered target), so the count towards the next lighter week starts again.
      const recovery = weekTenths <= state.lastNonLighterTenths * (1 - PLAN_RULES.lighterCutMin) + EPS
      state.nonLighterStreak = recovery ? 0 : state.nonLighterStreak + 1
      state.lastNonLighterTenths = weekTenths
      state.lastNonLighterIndex = i
      if (week.phase === 'return' && weekTenths >= targetTenths) {
        state.consolidation = prevFlags.length > 0 ? 1 : state.consolidation + 1
      } else {
        state.consolidation = 0
      }
    }
    if (week.phase === 'settle') {
      state.gatePassed = false
      if (!week.lighterWeek) state.settleLevelTenths = weekTenths
    } else {
      state.gatePassed = true
    }
    state.prevWeekTenths = weekTenths
    state.prevPhase = week.phase
    state.flaggedStreak = thisFlags.length > 0 ? state.flaggedStreak + 1 : 0

    // ---- the settle-phase gate at the end of a re-test week ----
    if (week.phase === 'settle' && week.retestDate !== null && !held) {
      let passed: boolean
      let why = ''
      // A recorded re-test counts for this slot when it falls after the previous slot's window and no later
      // than the grace day after this one; an old result never decides a later re-test.
      const graceEnd = addDays(week.retestDate, PLAN_RULES.retestGraceDays)
      const windowStart = state.lastRetestWindowEnd ?? addDays(planStart, -1)
      const record = [...retests].reverse().find((r) => r.date > windowStart && r.date <= graceEnd)
      state.lastRetestWindowEnd = graceEnd
      if (thisFlags.length > 0) {
        passed = false
        why = `pain went outside the limits in week ${i}. ${flagSentence(thisFlags)}`
      } else if (record) {
        passed = record.ankleRangeImproved && record.hipStrengthImproved
        const missing = [
          record.ankleRangeImproved ? null : 'ankle range',
          record.hipStrengthImproved ? null : 'hip strength',
        ].filter((x): x is string => x !== null)
        why = `the re-test on ${record.date} did not show improvement in ${missing.join(' or ')}.`
      } else if (dayNumber(graceEnd) < dayNumber(asOf)) {
        passed = false
        why = `no re-test result was recorded for ${week.retestDate}. Record it to move on.`
      } else {
        passed = true
        if (!projectedRetestNoted) {
          projectedRetestNoted = true
          notes.push(
            `The plan assumes the re-test on ${week.retestDate} passes. If it does not, record the result and regenerate: the runner then stays in the settle phase and re-tests a week later.`,
          )
        }
      }
      if (passed) {
        state.gatePassed = true
      } else {
        state.nextRetestIndex = i + 1
        if (i + 1 > kept.length && i < limitIndex) {
          adaptations.push({
            weekIndex: i + 1,
            action: 'settle-extended',
            because: `Stays in the settle phase: ${why}`,
            flags: thisFlags.map((f) => f.id),
          })
        }
      }
    }

    if (held && i > kept.length && !referralHoldRecorded) {
      referralHoldRecorded = true
      adaptations.push({
        weekIndex: i,
        action: 'referral-hold',
        because: `Amber triage: running holds until the referral (${amberReferrals.map((r) => humanId(r.id)).join('; ') || 'amber finding'}) is cleared.`,
        flags: [],
      })
    }

    // ---- stop conditions ----
    if (i >= kept.length) {
      if (state.consolidation >= PLAN_RULES.consolidationWeeks) {
        targetReached = true
        break
      }
      if (amberUncleared && i >= amberStopIndex) break
    }
  }

  if (!targetReached && !amberUncleared) {
    const last = weeks[weeks.length - 1]
    notes.push(
      `The target of ${fmtKm(targetTenths)} km a week is not reached and held within ${weeks.length} weeks` +
        (weeks.length >= PLAN_RULES.maxWeeks ? ` (plans are capped at ${PLAN_RULES.maxWeeks} weeks)` : '') +
        ` at no more than 10 % a week with a lighter week every ${lighterEvery}th week; the plan ends at ${last ? last.plannedKm.toFixed(1) : '0.0'} km in week ${weeks.length}. Regenerate near the end to continue, or set a nearer target.`,
    )
  }

  return {
    status: 'ok',
    weeks,
    notes,
    adaptations,
    painRules: painRulesText(),
    targetReached,
    awaitingReferralClearance: amberUncleared,
    keptWeeks: kept.length,
    asOf,
  }
}

/** Generates a plan from scratch. The request must already be valid (parse it with PlanRequest first). */
export function generatePlan(request: PlanRequest): PlanOutput {
  return buildPlan(request, [], [], [])
}

/**
 * Regenerates a plan from `request.today`, keeping every week that had already begun (start date before
 * today) exactly as it was in `previous`, with its adaptations. The weeks after that are generated from the
 * new request (new logged runs, re-tests, clearance, targets) and continue safely from the kept weeks.
 * The plan's start date stays that of `previous`.
 */
export function regeneratePlan(previous: PlanOutput, request: PlanRequest): PlanOutput {
  const first = previous.weeks[0]
  if (previous.status !== 'ok' || first === undefined) return generatePlan(request)
  const today = request.today
  const notes: string[] = []
  const effective: PlanRequest = first.startDate === request.startDate ? request : { ...request, startDate: first.startDate }
  if (first.startDate !== request.startDate) {
    notes.push(`Regenerated plans keep their original start date (${first.startDate}).`)
  }
  if (today === undefined) {
    return buildPlan(effective, [], [], [...notes, 'No "today" was given, so no weeks were kept from the previous plan.'])
  }
  const kept = previous.weeks.filter((w) => w.startDate < today)
  // The kept weeks must be the leading, consecutive weeks of the plan.
  const consecutive = kept.every((w, i) => w.index === i + 1 && w.startDate === weekStartFor(first.startDate, i + 1))
  if (!consecutive) return buildPlan(effective, [], [], [...notes, 'The previous plan could not be continued; generated afresh.'])
  if (kept.length > 0) notes.push(`Weeks 1–${kept.length} had already begun on ${today} and are kept as they were.`)
  return buildPlan(effective, kept, previous.adaptations, notes)
}
