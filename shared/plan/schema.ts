// Return-to-distance plan: request and output schemas.
//
// "Contract v1 for scripted checks" (issue 5) freezes these names: request fields startDate,
// currentWeeklyKm, longestRunLast30DaysKm, targetWeeklyKm, targetLongRunKm, runDaysPerWeek, diagnosis,
// runs; output fields status, referrals, weeks[{ index, startDate, phase, lighterWeek, plannedKm,
// longRunKm, runs[{ date, km, kind }], exercises[{ id, title, dose }], gate }]. Everything else here is an
// app-side addition: optional on input, extra (never renamed contract fields) on output.

import { z } from 'zod'
import { Diagnosis, Referral } from '../assessment/schema'
import { ClearanceFacts } from '../clinical/clearance'
import { ReadinessTest } from '../clinical/readiness'
import { IsoDate, PainScore } from '../domain/common'

/** Smallest weekly distance and run length the generator works with (see PLAN_RULES in generate.ts). */
export const MIN_WEEKLY_KM = 1
export const MIN_LONGEST_RUN_KM = 1
/** Each planned session must be able to be at least this long at the comfortable level. */
export const MIN_KM_PER_RUN_DAY = 0.5
/** Hard cap on plan length. */
export const MAX_PLAN_WEEKS = 52

/** Error for a wrong or missing value: "is required" when absent, otherwise what was expected. */
function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `is required (${what})` : `must be ${what}`)
}

function km(label: string, min: number, max: number) {
  return z
    .number({ error: expected('a number of kilometres') })
    .refine(Number.isFinite, { error: 'must be a finite number' })
    .refine((v) => v >= min, { error: `${label} must be at least ${min} km` })
    .refine((v) => v <= max, { error: `${label} must be at most ${max} km` })
}

function wholeNumber(min: number, max: number, what: string) {
  return z
    .number({ error: expected(`a whole number of ${what}`) })
    .int({ error: `must be a whole number of ${what}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
}

const bool = () => z.boolean({ error: expected('true or false') })

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const Weekday = z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.map((d) => `"${d}"`).join(', ')}` })
export type Weekday = z.infer<typeof Weekday>

/** A run already done (from the log). Pain scores are 0–10; null or missing means "not logged". */
export const PlanLoggedRun = z.strictObject({
  date: IsoDate,
  km: z
    .number({ error: expected('a number of kilometres') })
    .refine(Number.isFinite, { error: 'must be a finite number' })
    .refine((v) => v >= 0, { error: 'must be at least 0 km' })
    .refine((v) => v <= 400, { error: 'must be at most 400 km' }),
  painDuring: PainScore.nullable().optional(),
  painAfter: PainScore.nullable().optional(),
  painNextMorning: PainScore.nullable().optional(),
})
export type PlanLoggedRun = z.infer<typeof PlanLoggedRun>

/**
 * A re-test recorded by the coach during the settle phase. "Improved" means better than at the
 * assessment by more than the measurement error, or already in the normal range (see the gate text).
 */
export const PlanRetest = z.strictObject({
  date: IsoDate,
  ankleRangeImproved: bool(),
  hipStrengthImproved: bool(),
  note: z.string().max(500, { error: 'must be at most 500 characters' }).optional(),
})
export type PlanRetest = z.infer<typeof PlanRetest>

export const PlanRequest = z
  .strictObject({
    // ---- contract v1 ----
    startDate: IsoDate,
    currentWeeklyKm: km('current weekly distance', MIN_WEEKLY_KM, 300),
    longestRunLast30DaysKm: km('longest run', MIN_LONGEST_RUN_KM, 150),
    targetWeeklyKm: km('target weekly distance', MIN_WEEKLY_KM, 300),
    targetLongRunKm: km('target long run', MIN_LONGEST_RUN_KM, 150).optional(),
    runDaysPerWeek: wholeNumber(1, 7, 'run days a week'),
    diagnosis: Diagnosis.optional(),
    runs: z.array(PlanLoggedRun, { error: 'must be a list of runs' }).max(5000, { error: 'can hold at most 5000 runs' }).optional(),
    // ---- app-side additions (all optional) ----
    /** The day the plan is generated; weeks that began before it are "done". Defaults to startDate. */
    today: IsoDate.optional(),
    /** Amber triage: the date the coach recorded that the referral was seen and running may progress. */
    referralClearedOn: IsoDate.optional(),
    /** Settle-phase re-tests recorded by the coach. */
    retests: z.array(PlanRetest, { error: 'must be a list of re-tests' }).max(200, { error: 'can hold at most 200 re-tests' }).optional(),
    /** Upper bound on plan length (default and maximum 52). */
    maxWeeks: wholeNumber(1, MAX_PLAN_WEEKS, 'weeks').optional(),
    /** Weeks in the settle phase before the first re-test (default 2). */
    settleWeeks: wholeNumber(2, 8, 'weeks').optional(),
    /** Lighter week every 4th week (3:1, default) or every 3rd week (2:1, injury-prone or masters runners). */
    lighterWeekEvery: wholeNumber(3, 4, 'weeks').optional(),
    /** Per-referral clearances (issue 10 item 9): a referral of the diagnosis stays open until cleared here. */
    clearances: z.array(ClearanceFacts, { error: 'must be a list of clearances' }).max(200, { error: 'can hold at most 200 clearances' }).optional(),
    /** Readiness tests before the first run after a stop-running referral was cleared (C5). */
    readinessTests: z.array(ReadinessTest, { error: 'must be a list of readiness tests' }).max(200, { error: 'can hold at most 200 tests' }).optional(),
    /** The weekdays the runner runs (as many as runDaysPerWeek); default spreads them over the plan week. */
    runDays: z.array(Weekday, { error: 'must be a list of weekdays' }).max(7, { error: 'can list at most 7 days' }).optional(),
    /** The weekday of the long run (one of runDays; default the weekend day, else the last run day). */
    longRunDay: Weekday.optional(),
  })
  .superRefine((req, ctx) => {
    if (req.runDays !== undefined) {
      if (new Set(req.runDays).size !== req.runDays.length) {
        ctx.addIssue({ code: 'custom', path: ['runDays'], message: 'lists a day twice' })
      } else if (req.runDays.length !== req.runDaysPerWeek) {
        ctx.addIssue({ code: 'custom', path: ['runDays'], message: `lists ${req.runDays.length} days but runDaysPerWeek is ${req.runDaysPerWeek}` })
      }
    }
    if (req.longRunDay !== undefined && req.runDays !== undefined && !req.runDays.includes(req.longRunDay)) {
      ctx.addIssue({ code: 'custom', path: ['longRunDay'], message: `must be one of the run days (${req.runDays.join(', ')})` })
    }
    const perRun = MIN_KM_PER_RUN_DAY * req.runDaysPerWeek
    if (req.currentWeeklyKm < perRun - 1e-9) {
      const most = Math.max(1, Math.floor(req.currentWeeklyKm / MIN_KM_PER_RUN_DAY))
      ctx.addIssue({
        code: 'custom',
        path: ['runDaysPerWeek'],
        message: `too many run days for ${req.currentWeeklyKm} km a week: sessions would be under ${MIN_KM_PER_RUN_DAY} km; use at most ${most}`,
      })
    }
    if (req.targetWeeklyKm < perRun - 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetWeeklyKm'],
        message: `must be at least ${perRun} km for ${req.runDaysPerWeek} run days a week (${MIN_KM_PER_RUN_DAY} km a session)`,
      })
    }
    if (req.targetLongRunKm !== undefined && req.targetLongRunKm > req.targetWeeklyKm + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetLongRunKm'],
        message: `must not be more than the target weekly distance (${req.targetWeeklyKm} km)`,
      })
    }
  })
export type PlanRequest = z.infer<typeof PlanRequest>
export type PlanRequestInput = z.input<typeof PlanRequest>

// ---------------------------------------------------------------------------------------------------------
// Output

export const PlanPhase = z.enum(['settle', 'rebuild', 'return'])
export type PlanPhase = z.infer<typeof PlanPhase>

export const PlanRunKind = z.enum(['easy', 'long', 'walk-run'])
export type PlanRunKind = z.infer<typeof PlanRunKind>

export const PlannedRun = z.strictObject({
  date: IsoDate,
  km: z.number(),
  kind: PlanRunKind,
  /** Extra: how to do the session (walk–run intervals). */
  detail: z.string().optional(),
})
export type PlannedRun = z.infer<typeof PlannedRun>

export const PlanExercise = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  dose: z.string().min(1),
})
export type PlanExercise = z.infer<typeof PlanExercise>

export const PlanWeek = z.strictObject({
  index: z.number().int().min(1),
  startDate: IsoDate,
  phase: PlanPhase,
  lighterWeek: z.boolean(),
  plannedKm: z.number(),
  /** The longest session of the week (the long run when there is one). */
  longRunKm: z.number(),
  runs: z.array(PlannedRun),
  exercises: z.array(PlanExercise),
  /** What must be true to move on, in plain words; null when the week simply follows the plan. */
  gate: z.string().nullable(),
  // ---- extras ----
  /** Last day of the week. */
  endDate: IsoDate,
  /** Date of the settle-phase re-test scheduled at the end of this week, or null. */
  retestDate: IsoDate.nullable(),
  /** One line on what this week is for. */
  focus: z.string(),
})
export type PlanWeek = z.infer<typeof PlanWeek>

export const AdaptationAction = z.enum(['hold', 'step-back', 'lighter-week', 'settle-extended', 'referral-hold'])
export type AdaptationAction = z.infer<typeof AdaptationAction>

export const PlanAdaptation = z.strictObject({
  /** The week whose plan was changed. */
  weekIndex: z.number().int().min(1),
  action: AdaptationAction,
  because: z.string(),
  /** Pain-monitoring flags behind the change (empty when the reason is not pain). */
  flags: z.array(z.enum(['pain-during-above-limit', 'next-morning-not-settled', 'morning-pain-rising'])),
})
export type PlanAdaptation = z.infer<typeof PlanAdaptation>

export const PlanOutput = z.strictObject({
  status: z.enum(['ok', 'refer-first']),
  /** Present when status is "refer-first". */
  referrals: z.array(Referral).optional(),
  weeks: z.array(PlanWeek),
  // ---- extras ----
  /** Plain-words notes for the coach (assumptions, limits that bit, targets that could not be met). */
  notes: z.array(z.string()),
  /** Weeks that held or stepped back instead of progressing, and why. */
  adaptations: z.array(PlanAdaptation),
  /** The pain rules for the athlete, in plain words. */
  painRules: z.array(z.string()),
  /** True when the plan reaches the target and consolidates it within the length cap. */
  targetReached: z.boolean(),
  /** Amber triage only: running holds until the coach records that the referral was cleared. */
  awaitingReferralClearance: z.boolean(),
  /** Leading weeks copied unchanged from a previous plan by regeneratePlan (0 for a fresh plan). */
  keptWeeks: z.number().int().min(0),
  /** The "today" the plan was generated for. */
  asOf: IsoDate,
  /** Refer-first: what may replace running meanwhile (a suspected clot: nothing). */
  crossTraining: z
    .strictObject({ allowed: z.boolean(), kinds: z.array(z.enum(['cycling', 'pool-running'])), painLimit: z.number().nullable(), note: z.string() })
    .optional(),
  /** Return to running after a stop-running referral was cleared: readiness tests first, then walk-run (C5). */
  returnToRun: z
    .strictObject({
      referralIds: z.array(z.string()),
      clearedOn: IsoDate,
      path: z.enum(['bone', 'tendon', 'muscle', 'vascular', 'general']),
      painLimit: z.number(),
      readiness: z.enum(['pending', 'passed']),
    })
    .optional(),
  /** Pain went outside the limits just before the plan (or the clinician found something else): re-assess. */
  reassess: z.boolean().optional(),
})
export type PlanOutput = z.infer<typeof PlanOutput>

// ---------------------------------------------------------------------------------------------------------
// Validation helper shared by the CLI and the IPC layer

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[')
}

/** One readable line per problem, each starting with the field path, e.g. `runs[2].km: must be at least 0 km`. */
export function describePlanIssues(error: z.ZodError): string[] {
  const lines: string[] = []
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        lines.push(`${issuePath([...issue.path, key])}: unknown field "${key}"`)
      }
      continue
    }
    const where = issuePath(issue.path) || '(plan request)'
    let message = issue.message
    if (issue.code === 'invalid_type' && issue.path.length === 0) message = 'the plan request must be a JSON object'
    lines.push(`${where}: ${message}`)
  }
  return lines
}

export type PlanRequestParse = { ok: true; value: PlanRequest } | { ok: false; errors: string[] }

export function parsePlanRequest(data: unknown): PlanRequestParse {
  const result = PlanRequest.safeParse(data)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, errors: describePlanIssues(result.error) }
}
