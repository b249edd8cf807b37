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
//
// Where the parts live: rules.ts (thresholds), tenths.ts and limits.ts (distance arithmetic and the load
// limits), settings.ts (what the request asks for), runs.ts (one week's runs, walk–run), exercises.ts,
// pain-weeks.ts (pain flags on plan weeks), week.ts (one new week), progress.ts (what carries over between
// weeks, the re-test gate), weeks.ts (the week loop) and words.ts (the plan's text).

import { weekStartFor } from './calendar'
import { planClinical, type PlanClinical } from './clinical'
import { PlanWeekPain } from './pain-weeks'
import { painRulesText } from './pain-rules'
import type { PlanAdaptation, PlanOutput, PlanRequest, PlanWeek } from './schema'
import { planSettings } from './settings'
import { planWeeks, preStartFlags } from './weeks'
import { crossTrainingNote, RED_WITHOUT_REFERRAL_NOTE, REFER_FIRST_NOTES, referFirstPainRules, targetNotReachedNote } from './words'

/** No running weeks: the open stop-running referrals, and the cross-training allowed meanwhile (none for a clot). */
function referFirst(request: PlanRequest, clinical: PlanClinical, asOf: string): PlanOutput {
  const notes: string[] = [...REFER_FIRST_NOTES]
  if (clinical.stopping.length === 0) notes.push(RED_WITHOUT_REFERRAL_NOTE)
  if (clinical.crossTraining) notes.push(crossTrainingNote(clinical.crossTraining))
  const referrals = clinical.stopping.length > 0 ? clinical.stopping : (request.diagnosis?.referrals ?? [])
  return {
    status: 'refer-first',
    referrals: referrals.map((r) => ({ id: r.id, urgency: r.urgency, because: [...r.because] })),
    weeks: [],
    notes,
    adaptations: [],
    painRules: referFirstPainRules(clinical.crossTraining),
    targetReached: false,
    awaitingReferralClearance: false,
    keptWeeks: 0,
    asOf,
    ...(clinical.crossTraining ? { crossTraining: { ...clinical.crossTraining, kinds: [...clinical.crossTraining.kinds] } } : {}),
  }
}

function buildPlan(
  request: PlanRequest,
  kept: readonly PlanWeek[],
  keptAdaptations: readonly PlanAdaptation[],
  leadNotes: readonly string[],
): PlanOutput {
  const asOf = request.today ?? request.startDate
  const clinical = planClinical(request)
  if (clinical.referFirst) return referFirst(request, clinical, asOf)

  const preStartPain = kept.length === 0 && preStartFlags(PlanWeekPain.forRequest(request)).length > 0
  const { settings, notes: requestNotes } = planSettings(request, clinical, preStartPain)
  const planned = planWeeks(request, settings, kept)
  const notes = [...leadNotes, ...requestNotes, ...planned.notes]
  if (!planned.targetReached && !settings.amberUncleared) {
    const last = planned.weeks[planned.weeks.length - 1]
    notes.push(
      targetNotReachedNote({
        targetTenths: settings.targetTenths,
        weekCount: planned.weeks.length,
        lighterEvery: settings.lighterEvery,
        lastWeekKm: last ? last.plannedKm : null,
      }),
    )
  }

  return {
    status: 'ok',
    weeks: planned.weeks,
    notes,
    adaptations: [...keptAdaptations.filter((a) => a.weekIndex <= kept.length), ...planned.adaptations],
    painRules: painRulesText(),
    targetReached: planned.targetReached,
    awaitingReferralClearance: settings.amberUncleared,
    keptWeeks: kept.length,
    asOf,
    ...(settings.returnToRun
      ? {
          returnToRun: {
            referralIds: [...settings.returnToRun.referralIds],
            clearedOn: settings.returnToRun.clearedOn,
            path: settings.returnToRun.path.path,
            painLimit: settings.returnToRun.path.painLimit,
            readiness: settings.returnToRun.readiness,
          },
        }
      : {}),
    ...(preStartPain || clinical.somethingElseFound ? { reassess: true } : {}),
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
