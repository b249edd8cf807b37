// Messages between the main process and the import worker (plain data: they are structured-cloned).
import type { ReadProgress } from './read-file'
import type { ImportPreview, ImportRow, ParseOptions } from './types'

export interface WorkerRequest {
  /** One file, or several previewed as one list (see read-files.ts). */
  filePaths: string[]
  /** Without callbacks: functions cannot cross to a worker. */
  options: Omit<ParseOptions, 'onRows'>
}

export type WorkerReply =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'rows'; rows: ImportRow[] }
  /** The preview without its rows (they came before, in 'rows' messages). */
  | { type: 'done'; preview: ImportPreview }

/** From main: send the next batch of rows (main asks once it has taken in the previous one). */
export type WorkerCommand = { type: 'more' }
