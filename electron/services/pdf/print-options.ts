/**
 * The one description of how CalfCoach prints, shared by main's printToPDF and the test harness's
 * page.pdf() so both produce the same pages. Electron takes margins in inches.
 */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready'
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error'
export const PRINT_TIMEOUT_MS = 15_000

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface PrintSpec {
  pageSize: 'A4' | 'Letter'
  margins: { top: number; bottom: number; left: number; right: number }
  displayHeaderFooter: true
  printBackground: true
  headerTemplate: string
  footerTemplate: string
}

export function printSpec(pageSize: 'A4' | 'Letter', headerTitle: string): PrintSpec {
  // Header/footer templates need an explicit font size or Chromium renders them microscopic.
  const style = 'font-size:8px;font-family:DejaVu Sans,Arial,sans-serif;color:#444;width:100%;padding:0 0.5in;'
  return {
    pageSize,
    margins: { top: 0.7, bottom: 0.7, left: 0.5, right: 0.5 },
    displayHeaderFooter: true,
    printBackground: true,
    headerTemplate: `<div style="${style}display:flex;justify-content:space-between"><span>${escapeHtml(headerTitle)}</span><span>CalfCoach</span></div>`,
    footerTemplate: `<div style="${style}text-align:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
  }
}
