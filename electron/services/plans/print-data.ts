import type { ExerciseSheetItem, PrintData, ReferralView } from '../../../shared/api/channels/plans'
import { exerciseById } from '../../../shared/assessment/exercises'
import { referralRule } from '../../../shared/assessment/rules/index'
import { clinicalHeadline } from '../../../shared/domain/clinical-headline'
import { weeklySeries } from '../../../shared/load/chart-data'
import { painRulesText } from '../../../shared/plan/index'
import { planVsActual } from '../../../shared/plan/plan-vs-actual'
import type { PlanWeek } from '../../../shared/plan/schema'
import type { ServiceContext } from '../context'
import type { PlanRecord } from '../../../shared/domain/documents'
import { type AthleteContext, athleteContext, findPlan, planClinicalNow, referralViews, summaryFor } from './plan-context'
import { referralLetter } from './referral-letter'

// Everything the printable plan shows (the print route renders it, on screen and for the PDF).

function weekRanges(indexes: readonly number[], total: number): string {
  if (indexes.length === total && total > 1) return `every week (1–${total})`
  const parts: string[] = []
  let start = indexes[0]
  let prev = start
  for (const i of [...indexes.slice(1), Number.NaN]) {
    if (prev !== undefined && i === prev + 1) {
      prev = i
      continue
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? `${start}` : `${start}–${prev}`)
    start = i
    prev = i
  }
  return `${indexes.length === 1 ? 'week' : 'weeks'} ${parts.join(', ')}`
}

function exerciseSheet(weeks: readonly PlanWeek[]): ExerciseSheetItem[] {
  const byId = new Map<string, { title: string; dose: string; weeks: number[] }>()
  for (const w of weeks) {
    for (const e of w.exercises) {
      const entry = byId.get(e.id) ?? { title: e.title, dose: e.dose, weeks: [] }
      entry.weeks.push(w.index)
      byId.set(e.id, entry)
    }
  }
  return [...byId.entries()].map(([id, e]) => ({ id, title: e.title, dose: e.dose, purpose: exerciseById(id)?.purpose ?? null, weeks: weekRanges(e.weeks, weeks.length) }))
}

/**
 * Does this plan print as the referral letter? A refer-first plan always does; so does any plan while a
 * stop-running referral is open today, whenever the plan was made.
 */
export function printsReferralLetter(c: AthleteContext, plan: PlanRecord): boolean {
  return plan.output.status === 'refer-first' || planClinicalNow(c).referFirst
}

export function printData(ctx: ServiceContext, athleteId: string, planId: string): PrintData {
  const c = athleteContext(ctx, athleteId)
  const plan = findPlan(c.data, planId)
  const assessment = summaryFor(c, plan.request.diagnosis)
  // The one clinical state decides, as on every screen: while a referral stops running, no running plan prints.
  const referFirst = printsReferralLetter(c, plan)
  let referFirstReason: string | null = null
  if (plan.output.status !== 'refer-first' && referFirst) {
    const stopping = c.state.openReferrals.filter((r) => r.stopsRunning)
    const which = stopping.length
      ? ` (${stopping.map((r) => `${referralRule(r.referralId)?.title ?? r.referralId}, ${r.since}`).join('; ')})`
      : ''
    referFirstReason = `Since this plan was made, a referral that stops running was raised${which}, so the running plan is withheld until a clinician has seen the runner and the clearance is recorded.`
  }
  // Beside a running plan: the referrals still open today (one that was cleared is no longer printed).
  const referrals: ReferralView[] =
    plan.output.status === 'refer-first' && plan.output.referrals
      ? referralViews({ referrals: plan.output.referrals })
      : referralViews({
          referrals: c.state.openReferrals.map((r) => ({ id: r.referralId, urgency: r.urgency, because: r.because })),
        })
  const diagnosis = c.diagnosis ?? plan.request.diagnosis
  const exercises: ExerciseSheetItem[] = referFirst
    ? (diagnosis?.recommendations ?? []).map((r) => ({ id: r.id, title: r.title, dose: r.dose, purpose: exerciseById(r.id)?.purpose ?? null, weeks: 'now' }))
    : exerciseSheet(plan.output.weeks)
  return {
    headline: clinicalHeadline(c.state),
    colour: c.state.colour,
    athlete: c.athlete,
    settings: ctx.db.squad.data.settings,
    plan,
    today: c.today,
    assessment,
    referFirst,
    referFirstReason,
    referrals,
    exercises,
    painRules: plan.output.painRules.length ? plan.output.painRules : painRulesText(),
    weekly: weeklySeries(c.data.runs, '12w', c.today, { startsOn: ctx.db.squad.data.settings.weekStartsOn ?? 'monday' }),
    planVsActual: referFirst ? [] : planVsActual(plan.output.weeks, c.data.runs, c.today),
    letter: referFirst ? referralLetter(c, plan) : null,
  }
}
