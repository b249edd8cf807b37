import path from 'node:path'
import type {
  AssessmentSummary,
  ExerciseSheetItem,
  PlanDefaults,
  PlanPreview,
  PlanSummary,
  PrintData,
  ReferralView,
  RegenerateChanges,
  SafetyViolationDto,
} from '../../../shared/api/channels/plans'
import { DomainError, type FieldIssue } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { diagnose } from '../../../shared/assessment/diagnose'
import { exerciseById } from '../../../shared/assessment/exercises'
import { factorRule, referralRule } from '../../../shared/assessment/rules/index'
import type { Diagnosis } from '../../../shared/assessment/schema'
import type { AssessmentRecord, AthleteDocument, PlanRecord } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import { weeklySeries } from '../../../shared/load/chart-data'
import { checkPlanSafety, generatePlan, painRulesText, regeneratePlan, type SafetyRule, type SafetyViolation } from '../../../shared/plan/index'
import { loggedRunsForPlan, suggestPlanRequest } from '../../../shared/plan/defaults'
import { planVsActual } from '../../../shared/plan/plan-vs-actual'
import { PlanRequest, type PlanOutput, type PlanRunKind, type PlanWeek } from '../../../shared/plan/schema'
import { newestFirst, prefillAthlete } from '../assessments/assessment-service'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { localIsoDate, writableDoc } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'
import { writeFileAtomicDurable } from '../store/file-ops'
import { countPdfPages, looksLikePdf, PDF_FILE_MODE } from './pdf-file'

// Plans per athlete (issue 5). Every plan is generated here from a request, and every hand edit is re-checked
// with the independent safety checker before it is saved. Stored plans are never changed in place except by
// editPlanSession (which sets editedAt); regenerating saves a new version and keeps the old ones as history.

/** Each safety rule in plain words, for refusal messages. */
export const SAFETY_RULE_NAMES: Readonly<Record<SafetyRule, string>> = {
  'refer-first': 'the refer-first rule (a red triage means no running until a doctor has seen the runner)',
  length: 'the plan-length limit',
  'week-shape': 'the week layout rule (one run a day, inside its week)',
  'runs-per-week': 'the run-days rule (as many runs a week as the coach set)',
  'run-kinds': 'the long-run rule (one long run a week and no easy run longer than it; walk–run weeks are walk–run throughout)',
  'walk-run': 'the walk–run rule (very low weekly distances use walk–run sessions)',
  'weekly-increase': 'the 10 % weekly increase rule',
  'lighter-size': 'the lighter-week rule (a lighter week is 20–30 % below the week before it)',
  'lighter-cadence': 'the lighter-week rule (a lighter week at least every 4th week)',
  'single-run': 'the 30-day longest-run rule (no run more than 10 % longer than the longest run of the previous 30 days)',
  target: 'the target rule (no week above the target weekly distance)',
  phases: 'the phase rule (the settle phase holds the distance; return weeks are at the target)',
  'amber-hold': 'the amber hold (no progression until the referral is cleared)',
  'daily-stretches': 'the daily-stretches rule',
}

export function violationDto(v: SafetyViolation): SafetyViolationDto {
  return { rule: v.rule, ruleName: SAFETY_RULE_NAMES[v.rule] ?? v.rule, weekIndex: v.weekIndex, message: v.message }
}

// ---------------------------------------------------------------------------------------------------------
// Context

interface AthleteContext {
  athlete: Athlete
  data: AthleteDocument
  today: string
  latest: AssessmentRecord | null
  /** Diagnosis of the latest saved assessment, recomputed with the current rules. */
  diagnosis: Diagnosis | undefined
}

function athleteContext(ctx: ServiceContext, athleteId: string): AthleteContext {
  const athlete = findAthlete(ctx, athleteId)
  const data = ctx.db.athleteDoc(athleteId).data
  const latest = newestFirst(data.assessments)[0] ?? null
  const diagnosis = latest ? diagnose(prefillAthlete(latest.input, athlete, latest.date)) : undefined
  return { athlete, data, today: localIsoDate(ctx.now()), latest, diagnosis }
}

function referralViews(diagnosis: Pick<Diagnosis, 'referrals'>): ReferralView[] {
  return diagnosis.referrals.map((r) => ({ id: r.id, title: referralRule(r.id)?.title ?? r.id.replace(/-/g, ' '), urgency: r.urgency, because: [...r.because] }))
}

export function assessmentSummary(diagnosis: Diagnosis, date: string | null): AssessmentSummary {
  return {
    date,
    triage: diagnosis.triage,
    patternFit: diagnosis.pattern.fit,
    referrals: referralViews(diagnosis),
    factors: diagnosis.factors.map((f) => ({ id: f.id, title: factorRule(f.id)?.title ?? f.id.replace(/-/g, ' '), likelihood: f.likelihood })),
  }
}

function summaryFor(c: AthleteContext, fallback?: Diagnosis): AssessmentSummary | null {
  if (c.diagnosis && c.latest) return assessmentSummary(c.diagnosis, c.latest.date)
  return fallback ? assessmentSummary(fallback, null) : null
}

function invalid(message: string, issues: FieldIssue[]): DomainError {
  return new DomainError('invalid-input', message, issues)
}

/**
 * The request the generator gets: the coach's fields, plus "today" and the logged runs (unless given), and
 * the latest assessment's diagnosis whenever there is one.
 */
function effectiveRequest(c: AthleteContext, input: PlanRequest, pathPrefix = 'request'): PlanRequest {
  const draft: Record<string, unknown> = { ...input }
  if (input.today === undefined) draft['today'] = c.today
  const today = (draft['today'] as string | undefined) ?? c.today
  if (input.runs === undefined) draft['runs'] = loggedRunsForPlan(c.data.runs, input.startDate, today)
  if (c.diagnosis) draft['diagnosis'] = c.diagnosis
  const parsed = PlanRequest.safeParse(draft)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `${pathPrefix}.${i.path}` : pathPrefix, message: i.message }))
    throw invalid(`Please check the plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues)
  }
  return parsed.data
}

function refuseUnsafe(violations: readonly SafetyViolation[], what: string): void {
  if (violations.length === 0) return
  const names = [...new Set(violations.map((v) => SAFETY_RULE_NAMES[v.rule] ?? v.rule))]
  const first = violations[0] as SafetyViolation
  throw new DomainError(
    'conflict',
    `${what} was not saved: it would break ${names.join(' and ')} — ${first.weekIndex ? `week ${first.weekIndex}: ` : ''}${first.message}.`,
    violations.map((v) => ({ path: v.weekIndex ? `weeks.${v.weekIndex}` : '', message: `${SAFETY_RULE_NAMES[v.rule] ?? v.rule}: ${v.message}` })),
  )
}

function fmtKm(km: number): string {
  return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)} km`
}

function defaultLabel(request: PlanRequest, output: PlanOutput): string {
  if (output.status === 'refer-first') return `Refer first (${output.asOf})`
  return `${fmtKm(request.targetWeeklyKm)} a week from ${request.startDate}`
}

function findPlan(data: AthleteDocument, planId: string): PlanRecord {
  const plan = data.plans.find((p) => p.id === planId)
  if (!plan) throw new DomainError('not-found', 'That plan is no longer in this athlete’s record (perhaps deleted in another window).')
  return plan
}

// ---------------------------------------------------------------------------------------------------------
// Channels

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

export async function savePlan(ctx: ServiceContext, athleteId: string, label: string | undefined, input: PlanRequest): Promise<PlanRecord> {
  const doc = writableDoc(ctx, athleteId)
  const c = athleteContext(ctx, athleteId)
  const request = effectiveRequest(c, input)
  const output = generatePlan(request)
  refuseUnsafe(checkPlanSafety(output, request), 'The plan')
  const now = ctx.now()
  const record: PlanRecord = {
    id: newId('plan', now),
    createdAt: now.toISOString(),
    label: (label?.trim() || defaultLabel(request, output)).slice(0, 120),
    request,
    output,
    active: true,
    editedAt: null,
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
  if (c.diagnosis) draft['diagnosis'] = c.diagnosis
  const parsed = PlanRequest.safeParse(draft)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `changes.${i.path}` : 'changes', message: i.message }))
    throw invalid(`The plan cannot be regenerated with these values: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues)
  }
  const request = parsed.data
  const output = continuing ? regeneratePlan(previous.output, request) : generatePlan(request)
  refuseUnsafe(checkPlanSafety(output, request), 'The regenerated plan')
  const now = ctx.now()
  const label = (args.label?.trim() || `${previous.label.replace(REGENERATED, '')} (regenerated ${c.today})`).slice(0, 120)
  const record: PlanRecord = { id: newId('plan', now), createdAt: now.toISOString(), label, request, output, active: true, editedAt: null }
  await doc.mutate((d) => ({ ...d, plans: [...d.plans.map((p) => (p.active ? { ...p, active: false } : p)), record] }))
  return record
}

export function planDefaults(ctx: ServiceContext, athleteId: string): PlanDefaults {
  const c = athleteContext(ctx, athleteId)
  const suggestion = suggestPlanRequest(c.data.runs, c.today, { diagnosis: c.diagnosis })
  const { today: _today, ...request } = suggestion.request
  const active = c.data.plans.find((p) => p.active)
  const triage = c.diagnosis?.triage
  return {
    request,
    basis: suggestion.basis,
    fromLog: suggestion.fromLog,
    today: c.today,
    assessment: summaryFor(c),
    referFirst: triage === 'red',
    holdForReferral: triage === 'amber',
    referralClearedOn: active?.request.referralClearedOn ?? null,
  }
}

// ---------------------------------------------------------------------------------------------------------
// Print data and PDF

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
  const redNow = c.diagnosis?.triage === 'red'
  const referFirst = plan.output.status === 'refer-first' || redNow
  let referFirstReason: string | null = null
  if (plan.output.status !== 'refer-first' && redNow && c.latest) {
    referFirstReason = `The latest assessment (${c.latest.date}) found a red flag after this plan was made, so the running plan is withheld until a doctor has seen the runner.`
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

function safeFileName(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-')
  return cleaned.slice(0, 60) || 'athlete'
}

export function printHash(athleteId: string, planId: string): string {
  return `#/print/plan/${encodeURIComponent(athleteId)}/${encodeURIComponent(planId)}`
}

/**
 * Asks where to save, renders the print route to PDF through the PdfPort, and writes the file durably.
 * A cancelled dialog writes nothing; a failed render writes nothing and says why.
 */
export async function exportPlanPdf(
  ctx: ServiceContext,
  athleteId: string,
  planId: string,
): Promise<{ path: string | null; bytes: number; pages: number | null }> {
  const athlete = findAthlete(ctx, athleteId)
  findPlan(ctx.db.athleteDoc(athleteId).data, planId)
  const today = localIsoDate(ctx.now())
  const chosen = await ctx.dialogs.chooseSavePath({
    title: `Export ${athlete.name}’s plan as PDF`,
    defaultName: `${safeFileName(athlete.name)}-plan-${today}.pdf`,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  })
  if (!chosen) return { path: null, bytes: 0, pages: null }
  const target = path.resolve(/\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`)
  let bytes: Uint8Array
  try {
    bytes = await ctx.pdf.renderRoute({
      hash: printHash(athleteId, planId),
      pageSize: ctx.db.squad.data.settings.pdfPageSize,
      headerTitle: `${athlete.name} — return-to-distance plan`,
    })
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new DomainError('internal', `The PDF could not be made (${why.slice(0, 300)}). No file was written.`)
  }
  if (!looksLikePdf(bytes)) throw new DomainError('internal', 'The PDF could not be made (the printer returned something that is not a PDF). No file was written.')
  try {
    await writeFileAtomicDurable(target, bytes, { mode: PDF_FILE_MODE })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('storage', `Could not write ${path.basename(target)} (${code}). Nothing was exported.`)
  }
  return { path: target, bytes: bytes.byteLength, pages: countPdfPages(bytes) }
}
