import { z } from 'zod'
import { FactorId, Likelihood, PatternFit, ReferralId, Triage, Urgency } from '../../assessment/schema'
import { EntityId, IsoDate } from '../../domain/common'
import { PlanAcknowledgementReason, PlanRecord } from '../../domain/documents'
import { Athlete, Settings } from '../../domain/squad'
import { PlanOutput, PlanRequest, PlanRetest, PlanRunKind } from '../../plan/schema'
import { defineChannel } from '../define'

// Return-to-distance plans per athlete and their PDF export (issue 5, "In the app"). Channel names are frozen.
//
// Main is the authority: every plan is generated (and every hand edit re-checked with checkPlanSafety) in
// main from the request; the renderer never sends a plan. The diagnosis always comes from the athlete's
// latest saved assessment when there is one (a request cannot talk a red triage into a running plan), and
// the logged runs and "today" come from the log and the coach's clock unless the request gives them.

export const SafetyViolationDto = z.strictObject({
  rule: z.string(),
  /** Plain-words name of the rule, e.g. "the 10 % weekly increase rule". */
  ruleName: z.string(),
  weekIndex: z.number().int().nullable(),
  message: z.string(),
})
export type SafetyViolationDto = z.infer<typeof SafetyViolationDto>

export const ReferralView = z.strictObject({
  id: ReferralId,
  title: z.string(),
  urgency: Urgency,
  because: z.array(z.string()),
})
export type ReferralView = z.infer<typeof ReferralView>

export const FactorView = z.strictObject({ id: FactorId, title: z.string(), likelihood: Likelihood })
export type FactorView = z.infer<typeof FactorView>

/** The diagnosis a plan is built on, with titles for people. */
export const AssessmentSummary = z.strictObject({
  /** Date of the assessment; null when the diagnosis came with the plan request rather than a saved assessment. */
  date: IsoDate.nullable(),
  triage: Triage,
  patternFit: PatternFit,
  referrals: z.array(ReferralView),
  factors: z.array(FactorView),
})
export type AssessmentSummary = z.infer<typeof AssessmentSummary>

export const PlanPreview = z.strictObject({
  output: PlanOutput,
  /** Independent safety check of the output; empty when safe. */
  violations: z.array(SafetyViolationDto),
  /** The "today" and the number of logged runs the plan was generated with. */
  today: IsoDate,
  loggedRuns: z.number().int(),
  assessment: AssessmentSummary.nullable(),
})
export type PlanPreview = z.infer<typeof PlanPreview>

export const PlanSummary = z.strictObject({
  id: EntityId,
  label: z.string(),
  createdAt: z.string(),
  active: z.boolean(),
  editedAt: z.string().nullable(),
  status: z.enum(['ok', 'refer-first']),
  startDate: IsoDate,
  weeks: z.number().int(),
  targetWeeklyKm: z.number(),
  keptWeeks: z.number().int(),
})
export type PlanSummary = z.infer<typeof PlanSummary>

const DefaultsBasis = z.strictObject({
  currentWeeklyKm: z.string(),
  longestRunLast30DaysKm: z.string(),
  targetWeeklyKm: z.string(),
  targetLongRunKm: z.string(),
  runDaysPerWeek: z.string(),
})

export const PlanDefaults = z.strictObject({
  /**
   * A valid suggested request: the latest assessment's diagnosis but no runs (main adds the log when it generates,
   * and always uses the latest assessment's diagnosis itself). Every field is a suggestion the coach may change.
   */
  request: PlanRequest,
  basis: DefaultsBasis,
  fromLog: z.boolean(),
  today: IsoDate,
  assessment: AssessmentSummary.nullable(),
  /** Red triage: no running plan, refer first. */
  referFirst: z.boolean(),
  /** Amber triage: the plan holds in the settle phase until the coach records the referral as cleared. */
  holdForReferral: z.boolean(),
  /** The active plan's referral clearance date, if one was recorded. */
  referralClearedOn: IsoDate.nullable(),
  // ---- issue 10 (app-side additions) ----
  /** The athlete's clinical status line (the same words as the header, board and PDFs). */
  headline: z.string(),
  colour: z.enum(['red', 'amber', 'green']),
  /**
   * Why the coach must acknowledge building this plan (no assessment, or its red-flag screen is incomplete),
   * with the words the checkbox shows; null when no acknowledgement is needed.
   */
  acknowledgement: z.strictObject({ reason: PlanAcknowledgementReason, text: z.string(), unanswered: z.array(z.string()) }).nullable(),
})
export type PlanDefaults = z.infer<typeof PlanDefaults>

const SeriesPointDto = z.strictObject({
  start: IsoDate,
  end: IsoDate,
  km: z.number(),
  runs: z.number().int(),
  avgPain: z.number().nullable(),
  maxPain: z.number().nullable(),
  breaches: z.number().int(),
  outsideLimits: z.number().int(),
})
export const WeeklySeriesDto = z.strictObject({ granularity: z.enum(['week', 'month']), points: z.array(SeriesPointDto) })

export const PlanVsActualDto = z.strictObject({
  index: z.number().int(),
  startDate: IsoDate,
  endDate: IsoDate,
  phase: z.enum(['settle', 'rebuild', 'return']),
  lighterWeek: z.boolean(),
  plannedKm: z.number(),
  loggedKm: z.number().nullable(),
  loggedRuns: z.number().int(),
  avgPain: z.number().nullable(),
  maxPain: z.number().nullable(),
  when: z.enum(['past', 'current', 'future']),
})

export const ExerciseSheetItem = z.strictObject({
  id: z.string(),
  title: z.string(),
  dose: z.string(),
  purpose: z.string().nullable(),
  /** Which plan weeks include it, e.g. "weeks 1–20" or "weeks 1–3". */
  weeks: z.string(),
})
export type ExerciseSheetItem = z.infer<typeof ExerciseSheetItem>

/** One referral as the referral letter states it: what was found, why it matters, how urgent. */
export const LetterReferral = ReferralView.extend({
  /** Why the finding matters, in plain words (the referral rule's explanation). */
  whyItMatters: z.string(),
  stopsRunning: z.boolean(),
  /** Date of the assessment that raised it; null when it comes from the plan alone. */
  since: IsoDate.nullable(),
  notFoundInLatestAssessment: z.boolean(),
})
export type LetterReferral = z.infer<typeof LetterReferral>

/**
 * The one-page referral letter a refer-first PDF is (issue 10 item 8): the open referrals (from the clinical
 * state), the most urgent urgency, what to tell the clinician, what the runner was told, and a clearance
 * section the clinician fills in by hand. No running pain rules, no charts.
 */
export const ReferralLetter = z.strictObject({
  referrals: z.array(LetterReferral),
  urgency: Urgency,
  tellClinician: z.array(z.string()),
  runnerTold: z.array(z.string()),
})
export type ReferralLetter = z.infer<typeof ReferralLetter>

/** Everything the print view needs, in one call. */
export const PrintData = z.strictObject({
  /** The athlete's clinical status line today, as every screen shows it (issue 10). */
  headline: z.string(),
  colour: z.enum(['red', 'amber', 'green']),
  athlete: Athlete,
  settings: Settings,
  plan: PlanRecord,
  today: IsoDate,
  assessment: AssessmentSummary.nullable(),
  /** Refer first: show the referral and no running weeks (red plan, or a red assessment since the plan). */
  referFirst: z.boolean(),
  referFirstReason: z.string().nullable(),
  referrals: z.array(ReferralView),
  exercises: z.array(ExerciseSheetItem),
  painRules: z.array(z.string()),
  /** Logged distance and pain per Monday week for the last 12 weeks (aggregated, never raw runs). */
  weekly: WeeklySeriesDto,
  planVsActual: z.array(PlanVsActualDto),
  /** Present exactly when referFirst: the PDF is then the referral letter instead of the plan. */
  letter: ReferralLetter.nullable(),
})
export type PrintData = z.infer<typeof PrintData>

const AthleteRef = z.strictObject({ athleteId: EntityId })
const PlanRef = z.strictObject({ athleteId: EntityId, planId: EntityId })
const Label = PlanRecord.shape.label

/** What regeneration may change besides "today" and the log. null removes an optional value. */
export const RegenerateChanges = z.strictObject({
  referralClearedOn: IsoDate.nullable().optional(),
  currentWeeklyKm: PlanRequest.shape.currentWeeklyKm.optional(),
  targetWeeklyKm: PlanRequest.shape.targetWeeklyKm.optional(),
  targetLongRunKm: PlanRequest.shape.targetLongRunKm.nullable(),
  runDaysPerWeek: PlanRequest.shape.runDaysPerWeek.optional(),
  maxWeeks: PlanRequest.shape.maxWeeks,
  retests: z.array(PlanRetest).max(200).optional(),
}).partial()
export type RegenerateChanges = z.infer<typeof RegenerateChanges>

export const planChannels = {
  previewPlan: defineChannel('calfcoach:plan:preview', z.strictObject({ athleteId: EntityId, request: PlanRequest }), PlanPreview, {
    writes: false,
  }),
  savePlan: defineChannel(
    'calfcoach:plan:save',
    z.strictObject({
      athleteId: EntityId,
      label: Label.optional(),
      request: PlanRequest,
      /** The coach ticked the acknowledgement the plan defaults asked for (no assessment / incomplete red-flag screen). */
      acknowledged: z.boolean().optional(),
    }),
    PlanRecord,
    { writes: true },
  ),
  /** Newest first. */
  listPlans: defineChannel('calfcoach:plan:list', AthleteRef, z.array(PlanSummary), { writes: false }),
  getPlan: defineChannel('calfcoach:plan:get', PlanRef, PlanRecord, { writes: false }),
  setActivePlan: defineChannel('calfcoach:plan:set-active', PlanRef, PlanRecord, { writes: true }),
  deletePlan: defineChannel('calfcoach:plan:delete', PlanRef, z.strictObject({ deletedId: z.string() }), { writes: true }),
  /** Undo of deletePlan: only for a plan deleted since CalfCoach started (main keeps it until then). */
  restorePlan: defineChannel('calfcoach:plan:restore', PlanRef, PlanRecord, { writes: true }),
  editPlanSession: defineChannel(
    'calfcoach:plan:edit-session',
    PlanRef.extend({
      weekIndex: z.number().int().min(1).max(52),
      /** 0-based position of the run in the week. */
      runIndex: z.number().int().min(0).max(6),
      km: z
        .number({ error: 'must be a number of kilometres' })
        .finite()
        .gt(0, 'must be more than 0 km')
        .max(150, 'must be at most 150 km'),
      kind: PlanRunKind,
    }),
    PlanRecord,
    { writes: true },
  ),
  regeneratePlan: defineChannel(
    'calfcoach:plan:regenerate',
    z.strictObject({
      athleteId: EntityId,
      /** The plan to continue; the active plan when absent. */
      planId: EntityId.optional(),
      label: Label.optional(),
      changes: RegenerateChanges.optional(),
    }),
    PlanRecord,
    { writes: true },
  ),
  planDefaults: defineChannel('calfcoach:plan:defaults', AthleteRef, PlanDefaults, { writes: false }),
  exportPlanPdf: defineChannel(
    'calfcoach:plan:export-pdf',
    PlanRef,
    z.strictObject({ path: z.string().nullable(), bytes: z.number().int(), pages: z.number().int().nullable() }),
    { writes: false },
  ),
  getPrintData: defineChannel('calfcoach:plan:print-data', PlanRef, PrintData, { writes: false }),
}
