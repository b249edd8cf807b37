import type { PdfPort } from '../services/context'
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE, PRINT_TIMEOUT_MS, printSpec } from '../services/pdf/print-options'
import { createPrintWindow, pageUrl } from './windows'

const READY_POLL_MS = 25

/**
 * Polls the print page until it marks itself ready (charts drawn) or failed, or the timeout passes. Every
 * 25 ms: a poll is one small script, and the PDF waits on average half an interval after the page is ready.
 */
async function waitForPrintReady(run: (js: string) => Promise<unknown>, timeoutMs: number): Promise<void> {
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

/** Prints one of our own routes in a hidden, equally sandboxed window with webContents.printToPDF. */
export function electronPdfPort(timeoutMs = PRINT_TIMEOUT_MS): PdfPort {
  return {
    async renderRoute({ hash, pageSize, headerTitle }) {
      const win = createPrintWindow()
      try {
        await win.loadURL(pageUrl(hash))
        await waitForPrintReady((js) => win.webContents.executeJavaScript(js, true), timeoutMs)
        const spec = printSpec(pageSize, headerTitle)
        const buffer = await win.webContents.printToPDF({
          pageSize: spec.pageSize,
          margins: spec.margins,
          printBackground: spec.printBackground,
          displayHeaderFooter: spec.displayHeaderFooter,
          headerTemplate: spec.headerTemplate,
          footerTemplate: spec.footerTemplate,
          preferCSSPageSize: false,
        })
        return new Uint8Array(buffer)
      } finally {
        if (!win.isDestroyed()) win.destroy()
      }
    },
  }
}
