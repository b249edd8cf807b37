import { DomainError } from '../../../shared/api/result'
import type { PlanRecord } from '../../../shared/domain/documents'
import { checkPlanSafety, type SafetyViolation } from '../../../shared/plan/index'
import type { PlanOutput, PlanRunKind, PlanWeek } from '../../../shared/plan/schema'
import type { ServiceContext } from '../context'
import { writableDoc } from '../runs/run-service'
import { findPlan, fmtKm, invalid } from './plan-context'
import { SAFETY_RULE_NAMES } from './plan-safety'

// Hand edits of one planned session, re-checked for safety before they are saved.

function violationKey(v: SafetyViolation): string {
  return `${v.rule}|${v.weekIndex}|${v.message}`
}

/** The plan with one session changed; week totals follow the runs. */
function withSession(output: PlanOutput, weekIndex: number, runIndex: number, km: number, kind: PlanRunKind): PlanOutput {
  const week = output.weeks[weekIndex - 1]
  if (!week) throw new DomainError('not-found', `Week ${weekIndex} is not in this plan (it has ${output.weeks.length} week${output.weeks.length === 1 ? '' : 's'}).`)
  const run = week.runs[runIndex]
  if (!run) throw new DomainError('not-found', `Week ${weekIndex} has ${week.runs.length} run${week.runs.length === 1 ? '' : 's'}; there is no run ${runIndex + 1}.`)
  const { detail, ...rest } = run
  // The walk–run instructions only belong to a walk–run session of the distance they were written for.
  const keepDetail = kind === 'walk-run' && run.kind === 'walk-run' && detail !== undefined && Math.abs(run.km - km) < 1e-9
  const changed = { ...rest, km, kind, ...(keepDetail ? { detail } : {}) }
  const runs = week.runs.map((r, i) => (i === runIndex ? changed : r))
  const planned = Math.round(runs.reduce((a, r) => a + r.km, 0) * 10) / 10
  const longest = runs.reduce((a, r) => Math.max(a, r.km), 0)
  // The week's own words quote its total ("Lighter week: 18.2 km, …"): keep them in step with the edit.
  const was = `${week.plannedKm.toFixed(1)} km`
  const now = `${planned.toFixed(1)} km`
  const next: PlanWeek = {
    ...week,
    runs,
    plannedKm: planned,
    longRunKm: longest,
    focus: week.focus.replace(was, now),
    gate: week.gate === null ? null : week.gate.replace(was, now),
  }
  return { ...output, weeks: output.weeks.map((w, i) => (i === weekIndex - 1 ? next : w)) }
}

/**
 * Changes one planned session. The edited plan is re-checked with checkPlanSafety against the plan's own
 * request; an edit that breaks a rule the plan kept before is refused with the rule named, and nothing is saved.
 */
export async function editPlanSession(
  ctx: ServiceContext,
  args: { athleteId: string; planId: string; weekIndex: number; runIndex: number; km: number; kind: PlanRunKind },
): Promise<PlanRecord> {
  const doc = writableDoc(ctx, args.athleteId)
  const km = Math.round(args.km * 10) / 10
  if (!(km > 0)) throw invalid('A session must be at least 0.1 km.', [{ path: 'km', message: 'must be at least 0.1 km' }])
  return doc.mutate((d) => {
    const plan = findPlan(d, args.planId)
    if (plan.output.status !== 'ok') throw new DomainError('conflict', 'A refer-first plan has no running sessions to edit.')
    const output = withSession(plan.output, args.weekIndex, args.runIndex, km, args.kind)
    const before = new Set(checkPlanSafety(plan.output, plan.request).map(violationKey))
    const introduced = checkPlanSafety(output, plan.request).filter((v) => !before.has(violationKey(v)))
    if (introduced.length > 0) {
      const names = [...new Set(introduced.map((v) => SAFETY_RULE_NAMES[v.rule] ?? v.rule))]
      const first = introduced[0] as SafetyViolation
      throw new DomainError(
        'conflict',
        `Not saved: a ${fmtKm(km)} ${args.kind} session in week ${args.weekIndex} would break ${names.join(' and ')}. ` +
          `${first.weekIndex ? `Week ${first.weekIndex}: ` : ''}${first.message}. Choose a smaller change, or regenerate the plan.`,
        introduced.map((v) => ({ path: 'km', message: `${SAFETY_RULE_NAMES[v.rule] ?? v.rule}: ${v.message}` })),
      )
    }
    const updated: PlanRecord = { ...plan, output, editedAt: ctx.now().toISOString() }
    return { next: { ...d, plans: d.plans.map((p) => (p.id === plan.id ? updated : p)) }, result: updated }
  })
}
