import type { PdfPort } from '../services/context'
import { PRINT_TIMEOUT_MS, printSpec, waitForPrintReady } from '../services/pdf/print-options'
import { createPrintWindow, pageUrl } from './windows'

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
