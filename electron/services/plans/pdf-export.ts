import type { ServiceContext } from '../context'
import { renderPdfTo, safeFileName } from '../pdf/export-pdf'
import { localIsoDate } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'
import { athleteContext, findPlan } from './plan-context'
import { printsReferralLetter } from './print-data'

// Exporting a plan as a PDF file: the print route rendered through the PdfPort, written where the coach chose.

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
  return renderPdfTo(ctx, chosen, {
    hash: printHash(athleteId, planId),
    headerTitle: `${athlete.name} — ${letter ? 'referral letter' : 'return-to-distance plan'}`,
  })
}
