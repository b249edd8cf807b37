import path from 'node:path'
import type { SquadReport } from '../../../shared/api/channels/report'
import { DomainError } from '../../../shared/api/result'
import { squadReportCounts, squadReportRows } from '../../../shared/report/squad-report'
import type { ServiceContext } from '../context'
import { byDate, csvLine, runCsvCells, runCsvHeader } from '../import/csv-export'
import { renderPdfTo, safeFileName } from '../pdf/export-pdf'
import { squadTriage } from '../runs/triage-service'

// The squad report PDF and the squad CSV of runs (issue 13 point 8).

function groupName(ctx: ServiceContext, groupId: string | null): string | null {
  if (groupId === null) return null
  const group = ctx.db.squad.data.groups.find((g) => g.id === groupId)
  if (!group) throw new DomainError('not-found', 'That group no longer exists; choose another group or the whole squad.')
  return group.name
}

/** The board for a group or the whole squad, as the report prints it: the board's own entries, filtered. */
export async function squadReport(ctx: ServiceContext, groupId: string | null): Promise<SquadReport> {
  const name = groupName(ctx, groupId)
  const board = await squadTriage(ctx)
  const rows = squadReportRows(board.athletes, groupId)
  return { today: board.today, groupName: name, distanceUnit: ctx.db.squad.data.settings.distanceUnit, counts: squadReportCounts(rows), rows }
}

export function squadReportHash(groupId: string | null): string {
  return `#/print/squad/${encodeURIComponent(groupId ?? 'all')}`
}

export async function exportSquadReportPdf(ctx: ServiceContext, groupId: string | null) {
  const report = await squadReport(ctx, groupId)
  const who = report.groupName ?? 'whole squad'
  const chosen = await ctx.dialogs.chooseSavePath({
    title: `Export the squad report (${who}) as PDF`,
    defaultName: `squad-report-${safeFileName(who, 'squad')}-${report.today}.pdf`,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  })
  if (!chosen) return { path: null, bytes: 0, pages: null, athletes: 0 }
  const written = await renderPdfTo(ctx, chosen, { hash: squadReportHash(groupId), headerTitle: `Squad report — ${who}` })
  return { ...written, athletes: report.rows.length }
}

/**
 * Every logged run from `from` to `to` (both included) of the active athletes in the group, one athlete's
 * file at a time (only that athlete's runs in the range are kept), as CSV with the athlete's name first.
 * Text cells are escaped like the single-athlete export, so a spreadsheet never runs them as formulas.
 */
export async function exportSquadRunsCsv(ctx: ServiceContext, range: { groupId: string | null; from: string; to: string }) {
  const who = groupName(ctx, range.groupId) ?? 'whole squad'
  const athletes = ctx.db.squad.data.athletes.filter((a) => !a.archived && (range.groupId === null || a.groupIds.includes(range.groupId)))
  const target = await ctx.dialogs.chooseSavePath({
    title: `Export the runs of the ${range.groupId ? `group ${who}` : 'whole squad'}`,
    defaultName: `squad-runs-${safeFileName(who, 'squad')}-${range.from}-to-${range.to}.csv`,
    filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
  })
  if (!target) return { path: null, runs: 0, athletes: 0 }
  const unit = ctx.db.squad.data.settings.distanceUnit
  const lines = [csvLine(['Athlete', ...runCsvHeader(unit)])]
  let withRuns = 0
  for (const athlete of [...athletes].sort((a, b) => a.name.localeCompare(b.name))) {
    // Part of a walk over the squad: the athlete leaves memory first, so memory stays flat (athlete-docs.ts).
    const runs = await ctx.db.withAthlete(athlete, (doc) => doc.data.runs.filter((r) => r.date >= range.from && r.date <= range.to), true)
    if (runs.length) withRuns++
    for (const run of byDate(runs)) lines.push(csvLine([athlete.name, ...runCsvCells(run, unit)]))
  }
  const file = path.resolve(/\.csv$/i.test(target) ? target : `${target}.csv`)
  try {
    await ctx.db.ops.writeAtomic(file, lines.join('\r\n') + '\r\n')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('storage', `Could not write ${path.basename(file)} (${code}). Nothing was exported.`)
  }
  return { path: file, runs: lines.length - 1, athletes: withRuns }
}
