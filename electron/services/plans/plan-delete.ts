import { DomainError } from '../../../shared/api/result'
import type { PlanRecord } from '../../../shared/domain/documents'
import type { ServiceContext } from '../context'
import { writableDoc } from '../runs/run-service'
import { findPlan } from './plan-context'

// Deleting a plan, and Undo within the session (issue 13, point 4). A deleted plan is kept in memory by
// the services that deleted it, so Undo puts back exactly the stored record (its weeks, hand edits and
// acknowledgement), which regenerating from its request would not. Nothing the renderer sends is stored:
// it names a plan; main holds the record. After a restart Undo is gone, as the notice promises.

/** The deleted record and where it stood in the athlete's list (the history shows plans in that order). */
interface Deleted {
  plan: PlanRecord
  index: number
}

const deletedByServices = new WeakMap<ServiceContext, Map<string, Deleted>>()

function deletedPlans(ctx: ServiceContext): Map<string, Deleted> {
  let held = deletedByServices.get(ctx)
  if (!held) deletedByServices.set(ctx, (held = new Map()))
  return held
}

const key = (athleteId: string, planId: string) => `${athleteId}/${planId}`

export async function deletePlan(ctx: ServiceContext, athleteId: string, planId: string): Promise<{ deletedId: string }> {
  const doc = writableDoc(ctx, athleteId)
  const removed = await doc.mutate((d) => {
    const plan = findPlan(d, planId)
    return { next: { ...d, plans: d.plans.filter((p) => p.id !== planId) }, result: { plan, index: d.plans.indexOf(plan) } }
  })
  deletedPlans(ctx).set(key(athleteId, planId), removed)
  return { deletedId: planId }
}

/**
 * Puts back a plan deleted since CalfCoach started. It is the active plan again only if it was and no other
 * plan has been made active since; otherwise it returns to the history.
 */
export async function restorePlan(ctx: ServiceContext, athleteId: string, planId: string): Promise<PlanRecord> {
  const held = deletedPlans(ctx).get(key(athleteId, planId))
  if (!held) throw new DomainError('not-found', 'This plan can no longer be brought back: only plans deleted since CalfCoach was started can be.')
  const doc = writableDoc(ctx, athleteId)
  const restored = await doc.mutate((d) => {
    if (d.plans.some((p) => p.id === planId)) return { next: d, result: findPlan(d, planId) }
    const plan = held.plan.active && d.plans.some((p) => p.active) ? { ...held.plan, active: false } : held.plan
    const plans = [...d.plans]
    plans.splice(Math.min(held.index, plans.length), 0, plan)
    return { next: { ...d, plans }, result: plan }
  })
  deletedPlans(ctx).delete(key(athleteId, planId))
  return restored
}
