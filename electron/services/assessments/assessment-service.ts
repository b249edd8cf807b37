import type { AssessmentComparison, SavedAssessment } from '../../../shared/api/channels/assessments'
import { DomainError, type FieldIssue } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { compareAssessments } from '../../../shared/assessment/compare'
import { diagnose } from '../../../shared/assessment/diagnose'
import { AssessmentInput, type Diagnosis } from '../../../shared/assessment/schema'
import { isIsoDate } from '../../../shared/dates'
import { diagnoseAthleteAssessment, prefillAthlete } from '../../../shared/domain/athlete-clinical'
import type { AssessmentRecord, AthleteDocument } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { findAthlete } from '../squad/squad-service'
import type { JsonDocument } from '../store/document'

// Saved calf-pain assessments (issue 3). Only the coach's answers are stored; the diagnosis is recomputed
// with the current rules every time it is read, so a rules fix reaches old assessments too.

const NOTE_MAX = 4000
export interface AssessmentDraft {
  id?: string | undefined
  date: string
  /** Untrusted: validated here against contract v1 even when the dispatcher already did. */
  input: unknown
  note?: string | undefined
}

/** The calendar date on the coach's computer (main runs there), not the UTC date. */
function localToday(ctx: ServiceContext): string {
  const d = ctx.now()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Newest first: by date, then by the last change (as the triage board picks "the latest"), then id. */
export function newestFirst(records: readonly AssessmentRecord[]): AssessmentRecord[] {
  return [...records].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  )
}

/** The record with its diagnosis as every screen reads it: profile filled in, judged with the assessment before it. */
function withDiagnosis(record: AssessmentRecord, athlete: Athlete, all: readonly AssessmentRecord[]): SavedAssessment {
  return { ...record, diagnosis: diagnoseAthleteAssessment(athlete, all, record) }
}

export { prefillAthlete }

function writableDoc(ctx: ServiceContext, athleteId: string): JsonDocument<AthleteDocument> {
  findAthlete(ctx, athleteId)
  ctx.db.assertWritable()
  const doc = ctx.db.athleteDoc(athleteId)
  if (doc.lockedReason) throw new DomainError('read-only', doc.lockedReason)
  return doc
}

export function listAssessments(ctx: ServiceContext, athleteId: string): SavedAssessment[] {
  const athlete = findAthlete(ctx, athleteId)
  const all = ctx.db.athleteDoc(athleteId).data.assessments
  return newestFirst(all).map((r) => withDiagnosis(r, athlete, all))
}

function invalid(issues: FieldIssue[]): DomainError {
  const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
  return new DomainError('invalid-input', `Assessment not saved. Please check: ${text}`, issues)
}

/** Validates the whole draft first, so nothing is written unless every field is acceptable. */
function checkDraft(ctx: ServiceContext, draft: AssessmentDraft): { date: string; input: AssessmentInput; note: string } {
  const issues: FieldIssue[] = []
  if (typeof draft.date !== 'string' || !isIsoDate(draft.date)) {
    issues.push({ path: 'date', message: 'must be a real calendar date written YYYY-MM-DD (years 1900–2200)' })
  } else if (draft.date > localToday(ctx)) {
    issues.push({ path: 'date', message: 'cannot be in the future' })
  }
  const note = draft.note ?? ''
  if (typeof note !== 'string' || note.length > NOTE_MAX) issues.push({ path: 'note', message: `note must be at most ${NOTE_MAX} characters` })
  const parsed = AssessmentInput.safeParse(draft.input)
  if (!parsed.success) {
    issues.push(...toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `input.${i.path}` : 'input', message: i.message })))
  }
  if (issues.length || !parsed.success) throw invalid(issues)
  return { date: draft.date, input: parsed.data, note }
}

/** Adds a new assessment, or replaces the answers, date and note of an existing one (same id). */
export async function saveAssessment(ctx: ServiceContext, athleteId: string, draft: AssessmentDraft): Promise<SavedAssessment> {
  const athlete = findAthlete(ctx, athleteId)
  const { date, input, note } = checkDraft(ctx, draft)
  const doc = writableDoc(ctx, athleteId)
  const stored = prefillAthlete(input, athlete, date)
  const now = ctx.now().toISOString()
  const { record, all } = await doc.mutate<{ record: AssessmentRecord; all: AssessmentRecord[] }>((d) => {
    if (draft.id === undefined) {
      const created: AssessmentRecord = { id: newId('asm', ctx.now()), date, input: stored, note, createdAt: now, updatedAt: now }
      const assessments = [...d.assessments, created]
      return { next: { ...d, assessments }, result: { record: created, all: assessments } }
    }
    const current = d.assessments.find((a) => a.id === draft.id)
    if (!current) throw new DomainError('not-found', 'That assessment is no longer saved (perhaps deleted in another window).')
    const updated: AssessmentRecord = { ...current, date, input: stored, note, updatedAt: now }
    const assessments = d.assessments.map((a) => (a.id === current.id ? updated : a))
    return { next: { ...d, assessments }, result: { record: updated, all: assessments } }
  })
  return withDiagnosis(record, athlete, all)
}

export async function deleteAssessment(ctx: ServiceContext, athleteId: string, id: string): Promise<{ deletedId: string }> {
  const doc = writableDoc(ctx, athleteId)
  await doc.mutate((d) => {
    if (!d.assessments.some((a) => a.id === id)) throw new DomainError('not-found', 'That assessment is no longer saved (perhaps deleted already).')
    return { ...d, assessments: d.assessments.filter((a) => a.id !== id) }
  })
  return { deletedId: id }
}

/**
 * The shared rules engine on a draft. With an athlete it is read as their newest assessment on `date`: their
 * profile fills in a missing age or sex, and it is judged with their assessment before it.
 */
export function diagnoseDraft(ctx: ServiceContext, input: AssessmentInput, athleteId?: string, date?: string): Diagnosis {
  const parsed = AssessmentInput.safeParse(input)
  if (!parsed.success) throw invalid(toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `input.${i.path}` : 'input', message: i.message })))
  if (athleteId === undefined) return diagnose(parsed.data)
  const athlete = findAthlete(ctx, athleteId)
  const draft = { id: DRAFT_ID, date: date ?? localToday(ctx), createdAt: ctx.now().toISOString(), input: parsed.data }
  return diagnoseAthleteAssessment(athlete, ctx.db.athleteDoc(athleteId).data.assessments, draft)
}

/** Stands for an unsaved draft among the athlete's records (no saved record has it: ids are made by newId). */
const DRAFT_ID = '(draft)'

/** What really changed between the latest two assessments (newest-first order), or null with fewer than two. */
export function compareLatest(ctx: ServiceContext, athleteId: string): AssessmentComparison | null {
  const athlete = findAthlete(ctx, athleteId)
  const [latest, previous] = newestFirst(ctx.db.athleteDoc(athleteId).data.assessments)
  if (!latest || !previous) return null
  const changes = compareAssessments(
    prefillAthlete(previous.input, athlete, previous.date),
    prefillAthlete(latest.input, athlete, latest.date),
  )
  return {
    previous: { id: previous.id, date: previous.date },
    latest: { id: latest.id, date: latest.date },
    changes: changes.map((c) => ({ ...c })),
  }
}
