import type { ExerciseSheetItem, PrintData, ReferralView } from '../../../shared/api/channels/plans'
import { exerciseById } from '../../../shared/assessment/exercises'
import { referralRule } from '../../../shared/assessment/rules/index'
import { clinicalHeadline } from '../../../shared/domain/clinical-headline'
import { weeklySeries } from '../../../shared/load/chart-data'
import { painRulesText } from '../../../shared/plan/index'
import { planVsActual } from '../../../shared/plan/plan-vs-actual'
import type { PlanWeek } from '../../../shared/plan/schema'
import type { ServiceContext } from '../context'
import { athleteContext, findPlan, referralViews, summaryFor } from './plan-context'

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

export function printData(ctx: ServiceContext, athleteId: string, planId: string): PrintData {
  const c = athleteContext(ctx, athleteId)
  const plan = findPlan(c.data, planId)
  const assessment = summaryFor(c, plan.request.diagnosis)
  // The one clinical state decides, as on every screen: an open stop-running referral withholds any running plan.
  const stoppedNow = c.state.openReferrals.some((r) => r.stopsRunning)
  const referFirst = plan.output.status === 'refer-first' || stoppedNow
  let referFirstReason: string | null = null
  if (plan.output.status !== 'refer-first' && stoppedNow) {
    referFirstReason = `Since this plan was made, a referral that stops running was raised (${c.state.openReferrals
      .filter((r) => r.stopsRunning)
      .map((r) => `${referralRule(r.referralId)?.title ?? r.referralId}, ${r.since}`)
      .join('; ')}), so the running plan is withheld until a clinician has seen the runner.`
  }
  const referrals: ReferralView[] =
    plan.output.status === 'refer-first' && plan.output.referrals
      ? referralViews({ referrals: plan.output.referrals })
      : (assessment?.referrals ?? [])
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
    weekly: weeklySeries(c.data.runs, '12w', c.today),
    planVsActual: referFirst ? [] : planVsActual(plan.output.weeks, c.data.runs, c.today),
  }
}
