import path from 'node:path'
import type { AthleteRecord, GroupSessionEntry } from '../../../shared/api/channels/runs'
import { DomainError, type FieldIssue } from '../../../shared/api/result'
import type { AthleteDocument } from '../../../shared/domain/documents'
import { type Run, RunEntry, type RunInput } from '../../../shared/domain/run'
import { toFieldIssues } from '../../../shared/api/zod-issues'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { runsToCsv } from '../import/index'
import type { JsonDocument } from '../store/document'
import { findAthlete } from '../squad/squad-service'
import { safeFileName } from '../pdf/export-pdf'

/** The calendar date on the coach's computer (main runs there), not the UTC date. */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * Oldest first; runs on the same day keep the order they were logged in. A log is already in order but for
 * the run just added or edited, so an ordered list is returned as it is (no copy of ten years of runs per
 * save); otherwise a stable sort (Array.prototype.sort is stable) puts it in order.
 */
export function sortRuns(runs: Run[]): Run[] {
  let ordered = true
  for (let i = 1; ordered && i < runs.length; i++) ordered = runs[i - 1]!.date <= runs[i]!.date
  return ordered ? runs : [...runs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** The athlete's own file, after checking the athlete is in the squad and the file may be written. */
export function writableDoc(ctx: ServiceContext, athleteId: string): JsonDocument<AthleteDocument> {
  findAthlete(ctx, athleteId)
  ctx.db.assertWritable()
  const doc = ctx.db.athleteDoc(athleteId)
  if (doc.lockedReason) throw new DomainError('read-only', doc.lockedReason)
  return doc
}

export function athleteRecord(ctx: ServiceContext, athleteId: string): AthleteRecord {
  findAthlete(ctx, athleteId)
  const doc = ctx.db.athleteDoc(athleteId)
  const { runs, assessments, plans, clearances } = doc.data
  return { athleteId, runs, assessments, plans, clearances, locked: doc.lockedReason !== null, lockedReason: doc.lockedReason }
}

function stamp(ctx: ServiceContext): string {
  return ctx.now().toISOString()
}

export async function addRun(ctx: ServiceContext, athleteId: string, input: RunInput): Promise<Run> {
  const doc = writableDoc(ctx, athleteId)
  const now = ctx.now()
  const run: Run = { ...input, source: input.source ?? { kind: 'manual' }, id: newId('run', now), createdAt: now.toISOString(), updatedAt: now.toISOString() }
  await doc.mutate((d) => ({ ...d, runs: sortRuns([...d.runs, run]) }))
  return run
}

export async function updateRun(ctx: ServiceContext, athleteId: string, runId: string, input: RunInput): Promise<Run> {
  const doc = writableDoc(ctx, athleteId)
  return doc.mutate((d) => {
    const current = d.runs.find((r) => r.id === runId)
    if (!current) throw new DomainError('not-found', 'That run is no longer in the log (perhaps deleted in another window).')
    // The source stays unless the edit names one: an imported run keeps its key, so importing the file again adds nothing.
    const updated: Run = { ...input, source: input.source ?? current.source, id: current.id, createdAt: current.createdAt, updatedAt: stamp(ctx) }
    if (updated.source === undefined) delete updated.source
    return { next: { ...d, runs: sortRuns(d.runs.map((r) => (r.id === runId ? updated : r))) }, result: updated }
  })
}

export async function deleteRun(ctx: ServiceContext, athleteId: string, runId: string): Promise<{ deletedId: string }> {
  const doc = writableDoc(ctx, athleteId)
  await doc.mutate((d) => {
    if (!d.runs.some((r) => r.id === runId)) throw new DomainError('not-found', 'That run is no longer in the log (perhaps deleted already).')
    return { ...d, runs: d.runs.filter((r) => r.id !== runId) }
  })
  return { deletedId: runId }
}

/**
 * A group session: one date, several athletes. Every entry is checked before anything is written, and
 * if a later athlete's file cannot be written the runs already added are taken out again, so the
 * session is saved for everyone or for no one.
 */
export async function addRunsForGroup(
  ctx: ServiceContext,
  date: string,
  entries: GroupSessionEntry[],
): Promise<{ added: { athleteId: string; runId: string }[] }> {
  ctx.db.assertWritable()
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  const planned: { doc: JsonDocument<AthleteDocument>; run: Run }[] = []
  const now = ctx.now()
  // Every athlete of the session is held in memory until the call ends (see athlete-docs.ts).
  for (const [i, entry] of entries.entries()) {
    const at = `entries.${i}`
    const athlete = ctx.db.squad.data.athletes.find((a) => a.id === entry.athleteId)
    if (!athlete || !ctx.db.hasAthleteDoc(entry.athleteId)) {
      issues.push({ path: `${at}.athleteId`, message: 'this athlete is not in the squad' })
      continue
    }
    if (seen.has(entry.athleteId)) {
      issues.push({ path: `${at}.athleteId`, message: `${athlete.name} is listed twice` })
      continue
    }
    seen.add(entry.athleteId)
    const doc = await ctx.db.athlete(entry.athleteId)
    if (doc.lockedReason) {
      issues.push({ path: `${at}.athleteId`, message: `${athlete.name}'s record is locked: ${doc.lockedReason}` })
      continue
    }
    const { athleteId: _athleteId, ...fields } = entry
    const candidate = RunEntry.safeParse({ ...fields, date, source: { kind: 'manual' } })
    if (!candidate.success) {
      for (const issue of toFieldIssues(candidate.error)) issues.push({ path: `${at}.${issue.path}`, message: issue.message })
      continue
    }
    const run: Run = { ...candidate.data, id: newId('run', now), createdAt: now.toISOString(), updatedAt: now.toISOString() }
    planned.push({ doc, run })
  }
  if (issues.length) throw new DomainError('invalid-input', 'Please fix the marked rows; nothing was saved.', issues)

  const done: typeof planned = []
  try {
    for (const p of planned) {
      await p.doc.mutate((d) => ({ ...d, runs: sortRuns([...d.runs, p.run]) }))
      done.push(p)
    }
  } catch (error) {
    const undoFailed: string[] = []
    for (const p of done.reverse()) {
      try {
        await p.doc.mutate((d) => ({ ...d, runs: d.runs.filter((r) => r.id !== p.run.id) }))
      } catch {
        undoFailed.push(p.doc.data.athleteName)
      }
    }
    if (undoFailed.length) {
      const message = error instanceof Error ? error.message : String(error)
      throw new DomainError(
        'storage',
        `${message} The session could not be saved, and the runs already added for ${undoFailed.join(', ')} could not be taken out again; check their logs.`,
      )
    }
    throw error
  }
  return { added: planned.map((p) => ({ athleteId: p.doc.data.athleteId, runId: p.run.id })) }
}

/** Saves the log as CSV in the coach's unit; text cells are escaped so a spreadsheet never runs them as formulas. */
export async function exportRunsCsv(ctx: ServiceContext, athleteId: string): Promise<{ path: string | null; runs: number }> {
  const athlete = findAthlete(ctx, athleteId)
  const runs = ctx.db.athleteDoc(athleteId).data.runs
  const target = await ctx.dialogs.chooseSavePath({
    title: `Export ${athlete.name}'s runs`,
    defaultName: `${safeFileName(athlete.name)}-runs-${localIsoDate(ctx.now())}.csv`,
    filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
  })
  if (!target) return { path: null, runs: 0 }
  const csv = runsToCsv(runs, { unit: ctx.db.squad.data.settings.distanceUnit })
  try {
    await ctx.db.ops.writeAtomic(path.resolve(target), csv)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('storage', `Could not write ${path.basename(target)} (${code}). Nothing was exported.`)
  }
  return { path: target, runs: runs.length }
}
