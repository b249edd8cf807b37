import type { AssessmentComparison, SavedAssessment } from '../../../shared/api/channels/assessments'
import { DomainError, type FieldIssue } from '../../../shared/api/result'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import { compareAssessments } from '../../../shared/assessment/compare'
import { diagnose } from '../../../shared/assessment/diagnose'
import { AssessmentInput, type Diagnosis } from '../../../shared/assessment/schema'
import { ageOn, isIsoDate } from '../../../shared/dates'
import type { AssessmentRecord, AthleteDocument } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { findAthlete } from '../squad/squad-service'
import type { JsonDocument } from '../store/document'

// Saved calf-pain assessments (issue 3). Only the coach's answers are stored; the diagnosis is recomputed
// with the current rules every time it is read, so a rules fix reaches old assessments too.

const NOTE_MAX = 4000
/** The schema's accepted age range (AthleteSection.ageYears). */
const AGE_MIN = 10
const AGE_MAX = 110

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

/**
 * Fills `input.athlete` from the profile where the coach left it blank: the sex, and the age in whole years
 * on the assessment date. Recorded values always win; an age outside what the contract accepts (a date of
 * birth typed wrongly) is left out rather than making the assessment invalid.
 */
export function prefillAthlete(input: AssessmentInput, athlete: Pick<Athlete, 'sex' | 'dateOfBirth'>, date: string): AssessmentInput {
  const current = input.athlete ?? {}
  const next = { ...current }
  if (next.sex === undefined) next.sex = athlete.sex
  if (next.ageYears === undefined && athlete.dateOfBirth && isIsoDate(date)) {
    const age = ageOn(athlete.dateOfBirth, date)
    if (age >= AGE_MIN && age <= AGE_MAX) next.ageYears = age
  }
  if (next.sex === current.sex && next.ageYears === current.ageYears) return input
  return { ...input, athlete: next }
}

/** Newest first: by date, then by the last change (as the triage board picks "the latest"), then id. */
export function newestFirst(records: readonly AssessmentRecord[]): AssessmentRecord[] {
  return [...records].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  )
}

function withDiagnosis(record: AssessmentRecord, athlete: Athlete): SavedAssessment {
  return { ...record, diagnosis: diagnose(prefillAthlete(record.input, athlete, record.date)) }
}

function writableDoc(ctx: ServiceContext, athleteId: string): JsonDocument<AthleteDocument> {
  findAthlete(ctx, athleteId)
  ctx.db.assertWritable()
  const doc = ctx.db.athleteDoc(athleteId)
  if (doc.lockedReason) throw new DomainError('read-only', doc.lockedReason)
  return doc
}

export function listAssessments(ctx: ServiceContext, athleteId: string): SavedAssessment[] {
  const athlete = findAthlete(ctx, athleteId)
  return newestFirst(ctx.db.athleteDoc(athleteId).data.assessments).map((r) => withDiagnosis(r, athlete))
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
  const record = await doc.mutate<AssessmentRecord>((d) => {
    if (draft.id === undefined) {
      const created: AssessmentRecord = { id: newId('asm', ctx.now()), date, input: stored, note, createdAt: now, updatedAt: now }
      return { next: { ...d, assessments: [...d.assessments, created] }, result: created }
    }
    const current = d.assessments.find((a) => a.id === draft.id)
    if (!current) throw new DomainError('not-found', 'That assessment is no longer saved (perhaps deleted in another window).')
    const updated: AssessmentRecord = { ...current, date, input: stored, note, updatedAt: now }
    return { next: { ...d, assessments: d.assessments.map((a) => (a.id === current.id ? updated : a)) }, result: updated }
  })
  return withDiagnosis(record, athlete)
}

export async function deleteAssessment(ctx: ServiceContext, athleteId: string, id: string): Promise<{ deletedId: string }> {
  const doc = writableDoc(ctx, athleteId)
  await doc.mutate((d) => {
    if (!d.assessments.some((a) => a.id === id)) throw new DomainError('not-found', 'That assessment is no longer saved (perhaps deleted already).')
    return { ...d, assessments: d.assessments.filter((a) => a.id !== id) }
  })
  return { deletedId: id }
}

/** The shared rules engine on a draft; with an athlete, their profile fills in a missing age or sex. */
export function diagnoseDraft(ctx: ServiceContext, input: AssessmentInput, athleteId?: string, date?: string): Diagnosis {
  const parsed = AssessmentInput.safeParse(input)
  if (!parsed.success) throw invalid(toFieldIssues(parsed.error).map((i) => ({ path: i.path ? `input.${i.path}` : 'input', message: i.message })))
  if (athleteId === undefined) return diagnose(parsed.data)
  const athlete = findAthlete(ctx, athleteId)
  return diagnose(prefillAthlete(parsed.data, athlete, date ?? localToday(ctx)))
}

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
