import path from 'node:path'
import { DomainError } from '../../../shared/api/result'
import type { ServiceContext } from '../context'
import { localIsoDate } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'
import { writeFileAtomicDurable } from '../store/file-ops'
import { athleteContext, findPlan } from './plan-context'
import { printsReferralLetter } from './print-data'
import { countPdfPages, looksLikePdf, PDF_FILE_MODE } from './pdf-file'

// Exporting a plan as a PDF file: the print route rendered through the PdfPort, written where the coach chose.

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
  const letter = printsReferralLetter(athleteContext(ctx, athleteId), findPlan(ctx.db.athleteDoc(athleteId).data, planId))
  const today = localIsoDate(ctx.now())
  const chosen = await ctx.dialogs.chooseSavePath({
    title: letter ? `Export ${athlete.name}’s referral letter as PDF` : `Export ${athlete.name}’s plan as PDF`,
    defaultName: `${safeFileName(athlete.name)}-${letter ? 'referral-letter' : 'plan'}-${today}.pdf`,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  })
  if (!chosen) return { path: null, bytes: 0, pages: null }
  const target = path.resolve(/\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`)
  let bytes: Uint8Array
  try {
    bytes = await ctx.pdf.renderRoute({
      hash: printHash(athleteId, planId),
      pageSize: ctx.db.squad.data.settings.pdfPageSize,
      headerTitle: `${athlete.name} — ${letter ? 'referral letter' : 'return-to-distance plan'}`,
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
