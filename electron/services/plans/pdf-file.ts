/**
 * Exported PDFs are ordinary documents the coach shares, readable like any other file they save (the data
 * store's own files are private, 0o600). Written with writeFileAtomicDurable from store/file-ops.
 */
export const PDF_FILE_MODE = 0o644

/** Pages in a PDF, counted from its page objects; null when none are visible (e.g. compressed object streams). */
export function countPdfPages(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const matches = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)
  return matches && matches.length > 0 ? matches.length : null
}

/** True when the bytes start like a PDF file. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '%PDF-'
}
