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

const READY_POLL_MS = 25

/**
 * Polls the print page until it marks itself ready (charts drawn) or failed, or the timeout passes. Every
 * 25 ms: a poll is one small script, and the PDF waits on average half an interval after the page is ready.
 * `run` evaluates a script in the print page: main's hidden window (executeJavaScript), or the harness's page,
 * so the tests and the bench wait for a print exactly as the app does.
 */
export async function waitForPrintReady(run: (js: string) => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const probe = `(() => { const b = document.body; if (!b) return null; if (b.hasAttribute('${PRINT_ERROR_ATTRIBUTE}')) return 'error:' + b.getAttribute('${PRINT_ERROR_ATTRIBUTE}'); return b.hasAttribute('${PRINT_READY_ATTRIBUTE}') ? 'ready' : null })()`
  while (Date.now() < deadline) {
    const state = await run(probe)
    if (state === 'ready') return
    if (typeof state === 'string' && state.startsWith('error:')) throw new Error(`The print view failed: ${state.slice(6)}`)
    await new Promise((r) => setTimeout(r, READY_POLL_MS))
  }
  throw new Error(`The print view did not finish drawing within ${Math.round(timeoutMs / 1000)} s; no PDF was written.`)
}
