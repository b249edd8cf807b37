import { electronApiFacts } from './electron-api'

/**
 * webContents.printToPDF's rules (lib/browser/print-to-pdf.ts, docs/api/web-contents.md) and what the
 * double prints by default.
 */

/** What the double's printToPDF returns by default: a minimal, recognisable one-page PDF. */
export const MARKER_PDF = Buffer.from(
  [
    '%PDF-1.7',
    '% calfcoach electron-double marker',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
)

const PRINT_TYPES: Record<string, 'boolean' | 'number' | 'string'> = {
  landscape: 'boolean',
  displayHeaderFooter: 'boolean',
  printBackground: 'boolean',
  scale: 'number',
  pageRanges: 'string',
  headerTemplate: 'string',
  footerTemplate: 'string',
  preferCSSPageSize: 'boolean',
  generateTaggedPDF: 'boolean',
  generateDocumentOutline: 'boolean',
}

/** Paper sizes in inches, as Electron's print-to-pdf.ts maps the documented names. */
const PAPER_INCHES: Record<string, { width: number; height: number }> = {
  letter: { width: 8.5, height: 11 },
  legal: { width: 8.5, height: 14 },
  tabloid: { width: 11, height: 17 },
  ledger: { width: 17, height: 11 },
  a0: { width: 33.1, height: 46.8 },
  a1: { width: 23.4, height: 33.1 },
  a2: { width: 16.54, height: 23.4 },
  a3: { width: 11.7, height: 16.54 },
  a4: { width: 8.27, height: 11.7 },
  a5: { width: 5.83, height: 8.27 },
  a6: { width: 4.13, height: 5.83 },
}

/** Largest paper we believe is meant in inches; bigger numbers are almost certainly microns or points. */
const MAX_PAPER_INCHES = 200

export function validatePrintToPdfOptions(options: unknown): void {
  const facts = electronApiFacts()
  if (typeof options !== 'object' || options === null) throw new TypeError('printToPDF(options): options must be an object')
  const opts = options as Record<string, unknown>
  const unknown = Object.keys(opts).filter((k) => !facts.printToPdfKeys.has(k))
  if (unknown.length) {
    throw new TypeError(
      `printToPDF: unknown option(s) ${unknown.join(', ')}; Electron ${facts.version} documents only ${[...facts.printToPdfKeys].join(', ')} and silently ignores anything else (marginsType and microns are the pre-v21 API).`,
    )
  }
  for (const [key, type] of Object.entries(PRINT_TYPES)) {
    if (opts[key] !== undefined && typeof opts[key] !== type) throw new TypeError(`${key} must be a ${type}`)
  }
  let paper: { width: number; height: number }
  const pageSize = opts['pageSize'] ?? 'Letter'
  if (typeof pageSize === 'string') {
    const known = facts.pageSizeNames.find((n) => n.toLowerCase() === pageSize.toLowerCase())
    const inches = known ? PAPER_INCHES[known.toLowerCase()] : undefined
    if (!inches) throw new Error(`Invalid pageSize ${pageSize} (Electron ${facts.version} accepts ${facts.pageSizeNames.join(', ')} or { width, height } in inches)`)
    paper = inches
  } else if (typeof pageSize === 'object' && pageSize !== null) {
    const size = pageSize as Record<string, unknown>
    const extra = Object.keys(size).filter((k) => k !== 'width' && k !== 'height')
    if (extra.length) throw new TypeError(`pageSize has unknown key(s) ${extra.join(', ')}; it is { width, height } in inches`)
    if (typeof size['width'] !== 'number' || typeof size['height'] !== 'number') throw new TypeError('width and height properties are required for pageSize')
    const { width, height } = size as { width: number; height: number }
    if (!(width > 0 && height > 0) || width > MAX_PAPER_INCHES || height > MAX_PAPER_INCHES) {
      throw new RangeError(`pageSize ${width} x ${height} is not a paper size in inches (since Electron 21 custom sizes are inches, not microns)`)
    }
    paper = { width, height }
  } else {
    throw new TypeError('pageSize must be a string or an object')
  }
  const margins = opts['margins'] ?? {}
  if (typeof margins !== 'object' || margins === null) throw new TypeError('margins must be a object')
  const m = margins as Record<string, unknown>
  for (const key of Object.keys(m)) {
    if (key === 'marginType') throw new TypeError('margins.marginType is a webContents.print() option; printToPDF ignores it and uses top/bottom/left/right in inches')
    if (!facts.marginKeys.has(key)) throw new TypeError(`margins has unknown key ${key}`)
    if (typeof m[key] !== 'number') throw new TypeError(`margins.${key} must be a number`)
    if ((m[key] as number) < 0) throw new RangeError(`margins.${key} must not be negative`)
  }
  const side = (k: string) => (m[k] as number | undefined) ?? 0.4
  if ([m['top'], m['bottom']].some((v) => v !== undefined && (v as number) > paper.height) || [m['left'], m['right']].some((v) => v !== undefined && (v as number) > paper.width)) {
    throw new Error('margins must be less than or equal to pageSize (margins are inches, not microns)')
  }
  if (side('top') + side('bottom') >= paper.height || side('left') + side('right') >= paper.width) {
    throw new Error('invalid print parameters: content area is empty (margins are inches)')
  }
}
