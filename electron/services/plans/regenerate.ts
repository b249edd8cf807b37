import type { RegenerateChanges } from '../../../shared/api/channels/plans'
import { DomainError } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import type { PlanAcknowledgement, PlanRecord } from '../../../shared/domain/documents'
import { checkPlanSafety, generatePlan, regeneratePlan } from '../../../shared/plan/index'
import { loggedRunsForPlan } from '../../../shared/plan/defaults'
import { type PlanOutput, PlanRequest, type PlanWeek } from '../../../shared/plan/schema'
import type { ServiceContext } from '../context'
import { writableDoc } from '../runs/run-service'
import { acknowledgementNeeded } from './plan-acknowledgement'
import { type AthleteContext, athleteContext, findPlan, invalid, withClinicalState } from './plan-context'
import { refuseUnsafe } from './plan-safety'
import { storeActivePlan } from './plan-service'

const REGENERATED = / \(regenerated \d{4}-\d{2}-\d{2}\)$/

/**
 * Regenerates a plan from today with the log as it is now, keeping the weeks that have already begun, and
 * saves it as a new active version; the previous versions stay as history.
 */
export async function regenerate(
  ctx: ServiceContext,
  args: { athleteId: string; planId?: string | undefined; label?: string | undefined; changes?: RegenerateChanges | undefined },
): Promise<PlanRecord> {
  const doc = writableDoc(ctx, args.athleteId)
  const c = athleteContext(ctx, args.athleteId)
  const previous = args.planId ? findPlan(c.data, args.planId) : c.data.plans.find((p) => p.active)
  if (!previous) throw new DomainError('not-found', 'There is no active plan to regenerate; build one first.')
  const continuing = previous.output.status === 'ok' && previous.output.weeks.length > 0
  const startDate = continuing ? (previous.output.weeks[0] as PlanWeek).startDate : c.today
  const draft: Record<string, unknown> = { ...previous.request, startDate, today: c.today, runs: loggedRunsForPlan(c.data.runs, startDate, c.today) }
  for (const [key, value] of Object.entries(args.changes ?? {})) {
    if (value === undefined) continue
    if (value === null) delete draft[key]
    else draft[key] = value
  }
  withClinicalState(c, draft)
  const parsed = PlanRequest.safeParse(draft)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `changes.${i.path}` : 'changes', message: i.message }))
    throw invalid(`The plan cannot be regenerated with these values: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues)
  }
  const request = parsed.data
  const output = continuing ? regeneratePlan(previous.output, request) : generatePlan(request)
  refuseUnsafe(checkPlanSafety(output, request), 'The regenerated plan')
  const now = ctx.now()
  const acknowledgement = carriedAcknowledgement(c, previous, output)
  const label = args.label?.trim() || `${previous.label.replace(REGENERATED, '')} (regenerated ${c.today})`
  return storeActivePlan(doc, now, { label, request, output, acknowledgement })
}

/**
 * A regenerated plan keeps the acknowledgement of the plan it replaces when the situation is the one the coach
 * acknowledged (same reason, same latest assessment); anything else needs a new plan with a new acknowledgement.
 */
function carriedAcknowledgement(c: AthleteContext, previous: PlanRecord, output: PlanOutput): PlanAcknowledgement | undefined {
  const needed = output.status === 'refer-first' ? null : acknowledgementNeeded(c)
  if (!needed) return undefined
  const held = previous.acknowledgement
  if (held && held.reason === needed.reason && held.assessmentId === c.state.latestAssessmentId) return held
  throw new DomainError(
    'invalid-input',
    needed.reason === 'no-assessment'
      ? 'Not regenerated: this runner has no assessment. Build a new plan and tick the acknowledgement, or assess the runner first.'
      : 'Not regenerated: the latest assessment’s red-flag screen is incomplete. Finish the assessment, or build a new plan and tick the acknowledgement.',
  )
}
