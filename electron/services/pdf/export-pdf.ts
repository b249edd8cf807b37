import path from 'node:path'
import { DomainError } from '../../../shared/api/result'
import type { ServiceContext } from '../context'
import { writeFileAtomicDurable } from '../store/file-ops'
import { countPdfPages, looksLikePdf, PDF_FILE_MODE } from '../plans/pdf-file'

// The one way CalfCoach turns a print route into a PDF file (plans, referral letters, the squad report):
// render through the PdfPort, check the bytes are a PDF, write durably. Any failure writes nothing.

/** A name safe on every file system, from a person's or group's name. */
export function safeFileName(name: string, fallback = 'athlete'): string {
  const cleaned = name.normalize('NFKD').replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-')
  return cleaned.slice(0, 60) || fallback
}

export async function renderPdfTo(
  ctx: ServiceContext,
  chosen: string,
  route: { hash: string; headerTitle: string },
): Promise<{ path: string; bytes: number; pages: number | null }> {
  const target = path.resolve(/\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`)
  let bytes: Uint8Array
  try {
    bytes = await ctx.pdf.renderRoute({ ...route, pageSize: ctx.db.squad.data.settings.pdfPageSize })
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
