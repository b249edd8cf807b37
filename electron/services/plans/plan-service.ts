import type { PlanPreview, PlanSummary } from '../../../shared/api/channels/plans'
import type { PlanAcknowledgement, PlanRecord } from '../../../shared/domain/documents'
import { checkPlanSafety, generatePlan } from '../../../shared/plan/index'
import type { PlanOutput, PlanRequest } from '../../../shared/plan/schema'
import { type DistanceUnit, formatDistance } from '../../../shared/units'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { writableDoc } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'
import { athleteContext, effectiveRequest, findPlan, fmtKm, summaryFor } from './plan-context'
import { acknowledgementFor } from './plan-acknowledgement'
import { refuseUnsafe, violationDto } from './plan-safety'

// Plans per athlete (issue 5). Every plan is generated here from a request, and every hand edit is re-checked
// with the independent safety checker before it is saved. Stored plans are never changed in place except by
// editPlanSession (which sets editedAt); regenerating saves a new version and keeps the old ones as history.
//
// This file: previewing and saving a plan, and the plan history (list, open, choose the active plan). Editing a
// session is in session-edit.ts, regenerating in regenerate.ts, the form defaults in plan-defaults.ts, the
// printable plan in print-data.ts and the PDF export in pdf-export.ts.

/** The name a plan gets when the coach gives none, in the coach's distance unit (dates are shown as dates on screen). */
function defaultLabel(request: PlanRequest, output: PlanOutput, unit: DistanceUnit): string {
  if (output.status === 'refer-first') return `Refer first (${output.asOf})`
  const target = unit === 'km' ? fmtKm(request.targetWeeklyKm) : formatDistance(request.targetWeeklyKm, unit)
  return `${target} a week from ${request.startDate}`
}

export function previewPlan(ctx: ServiceContext, athleteId: string, input: PlanRequest): PlanPreview {
  const c = athleteContext(ctx, athleteId)
  const request = effectiveRequest(c, input)
  const output = generatePlan(request)
  return {
    output,
    violations: checkPlanSafety(output, request).map(violationDto),
    today: request.today ?? c.today,
    loggedRuns: request.runs?.length ?? 0,
    assessment: summaryFor(c, request.diagnosis),
  }
}

export async function savePlan(
  ctx: ServiceContext,
  athleteId: string,
  label: string | undefined,
  input: PlanRequest,
  acknowledged?: boolean,
): Promise<PlanRecord> {
  const doc = writableDoc(ctx, athleteId)
  const c = athleteContext(ctx, athleteId)
  const request = effectiveRequest(c, input)
  const output = generatePlan(request)
  refuseUnsafe(checkPlanSafety(output, request), 'The plan')
  const now = ctx.now()
  const acknowledgement = acknowledgementFor(c, output, acknowledged, now.toISOString())
  return storeActivePlan(doc, now, { label: label?.trim() || defaultLabel(request, output, ctx.db.squad.data.settings.distanceUnit), request, output, acknowledgement })
}

/** Stores a new plan as the athlete's active one; the earlier plans stay as history, none of them active. */
export async function storeActivePlan(
  doc: ReturnType<typeof writableDoc>,
  now: Date,
  plan: { label: string; request: PlanRequest; output: PlanOutput; acknowledgement: PlanAcknowledgement | null | undefined },
): Promise<PlanRecord> {
  const record: PlanRecord = {
    id: newId('plan', now),
    createdAt: now.toISOString(),
    label: plan.label.slice(0, 120),
    request: plan.request,
    output: plan.output,
    active: true,
    editedAt: null,
    ...(plan.acknowledgement ? { acknowledgement: plan.acknowledgement } : {}),
  }
  await doc.mutate((d) => ({ ...d, plans: [...d.plans.map((p) => (p.active ? { ...p, active: false } : p)), record] }))
  return record
}

export function summarisePlan(p: PlanRecord): PlanSummary {
  return {
    id: p.id,
    label: p.label,
    createdAt: p.createdAt,
    active: p.active,
    editedAt: p.editedAt,
    status: p.output.status,
    startDate: p.output.weeks[0]?.startDate ?? p.request.startDate,
    weeks: p.output.weeks.length,
    targetWeeklyKm: p.request.targetWeeklyKm,
    keptWeeks: p.output.keptWeeks,
  }
}

/** Newest first (creation time, then the order they were saved in). */
export function listPlans(ctx: ServiceContext, athleteId: string): PlanSummary[] {
  findAthlete(ctx, athleteId)
  const plans = ctx.db.athleteDoc(athleteId).data.plans
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.createdAt !== b.p.createdAt ? (a.p.createdAt < b.p.createdAt ? 1 : -1) : b.i - a.i))
    .map(({ p }) => summarisePlan(p))
}

export function getPlan(ctx: ServiceContext, athleteId: string, planId: string): PlanRecord {
  findAthlete(ctx, athleteId)
  return findPlan(ctx.db.athleteDoc(athleteId).data, planId)
}

export async function setActivePlan(ctx: ServiceContext, athleteId: string, planId: string): Promise<PlanRecord> {
  const doc = writableDoc(ctx, athleteId)
  return doc.mutate((d) => {
    const plan = findPlan(d, planId)
    const active = { ...plan, active: true }
    return {
      next: { ...d, plans: d.plans.map((p) => (p.id === planId ? active : p.active ? { ...p, active: false } : p)) },
      result: active,
    }
  })
}
