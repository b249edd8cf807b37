import type { Database } from './store/database'

/** What the desktop shell provides to services; Electron implements it in main, tests with fakes. */
export interface DialogPort {
  /** Resolves to the chosen path, or null when the coach cancels. */
  chooseSavePath(options: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
  chooseOpenPath(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
  /** Several files at once (run import). Optional so older test doubles keep working: they offer one file. */
  chooseOpenPaths?(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[] | null>
  /** A folder (may be created in the dialog). Optional so older test doubles keep working. */
  chooseFolder?(options: { title: string }): Promise<string | null>
}

export interface ShellPort {
  openExternal(url: string): Promise<void>
  /** Asks the coach, showing the full address, before a link that is not https to a public site opens. */
  confirmOpenExternal?(url: string): Promise<boolean>
  /** Opens a file with the computer's usual program; resolves to an error text, empty when it worked. */
  openPath?(file: string): Promise<string>
  /** Shows a file selected in the computer's file manager. */
  showItemInFolder?(file: string): void
}

export interface ServiceContext {
  db: Database
  now: () => Date
  dialogs: DialogPort
  shell: ShellPort
  pdf: PdfPort
}

let idCounter = 0
/** Sortable, file-name-safe ids: time in base 36 plus a per-process counter and randomness. */
export function newId(prefix: string, now: Date): string {
  idCounter = (idCounter + 1) % 1_679_616
  const rand = Math.floor(Math.random() * 1_679_616).toString(36).padStart(4, '0')
  return `${prefix}-${now.getTime().toString(36)}-${idCounter.toString(36).padStart(4, '0')}${rand}`
}

/**
 * Renders one of our own print routes to PDF bytes. Main does it with a hidden window and
 * webContents.printToPDF; the e2e harness with Playwright's page.pdf() (the same Chromium print path).
 */
export interface PdfPort {
  renderRoute(options: {
    /** Hash route of the print view, e.g. "#/print/plan/<athleteId>/<planId>". */
    hash: string
    pageSize: 'A4' | 'Letter'
    /** Shown in the running header of every page. */
    headerTitle: string
  }): Promise<Uint8Array>
}
