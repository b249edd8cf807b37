// Reading a PDF the app exported back as text, for the e2e specs that check what the runner takes home.

import { readFileSync } from 'node:fs'

export interface PdfText {
  pages: string[]
  /** All pages, whitespace collapsed. */
  flat: string
}

/** Text of every page of a PDF, read with pdfjs-dist's Node build. */
export async function readPdf(file: string): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: true, disableFontFace: true, verbosity: 0 }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((it) => ('str' in it ? `${it.str}${it.hasEOL ? '\n' : ' '}` : '')).join(''))
  }
  await doc.destroy()
  return { pages, flat: pages.join('\n').replace(/\s+/g, ' ') }
}

/** Whitespace collapsed, as PDF text extraction splits lines where the layout wrapped them. */
export const squash = (s: string) => s.replace(/\s+/g, ' ')
