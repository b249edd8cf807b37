import { stat } from 'node:fs/promises'
import path from 'node:path'
import { DomainError } from '../../../shared/api/result'
import type { ShellPort } from '../context'

/**
 * The files CalfCoach wrote for the coach in this session (PDFs, CSVs, database exports). "Open" and
 * "Show in folder" accept exactly these: a page that could name any path could make the computer open
 * or run anything on it, so main keeps the list and the renderer can only point into it.
 */
export class ExportedFiles {
  private readonly paths = new Set<string>()

  remember(file: string): void {
    this.paths.add(path.resolve(file))
  }

  has(file: string): boolean {
    return this.paths.has(path.resolve(file))
  }
}

export const NOT_EXPORTED_MESSAGE =
  'CalfCoach only opens files it exported since it was started, and this is not one of them, so nothing was opened.'

/** Opens an exported file with the computer's usual program, or shows it in its folder. */
export async function openExportedFile(exported: ExportedFiles, shell: ShellPort, file: string, how: 'open' | 'show'): Promise<{ done: true }> {
  if (!exported.has(file)) throw new DomainError('forbidden', NOT_EXPORTED_MESSAGE)
  const target = path.resolve(file)
  const there = await stat(target).then((s) => s.isFile(), () => false)
  if (!there) throw new DomainError('not-found', `${path.basename(target)} is no longer where it was saved (moved or deleted since), so it could not be opened.`)
  if (how === 'show') {
    if (!shell.showItemInFolder) throw new DomainError('internal', 'This computer cannot show files in their folder from CalfCoach.')
    shell.showItemInFolder(target)
    return { done: true }
  }
  if (!shell.openPath) throw new DomainError('internal', 'This computer cannot open files from CalfCoach.')
  // The shell answers with an error text of its own (empty when it worked); the coach gets ours instead.
  const failure = await shell.openPath(target)
  if (failure) throw new DomainError('internal', `${path.basename(target)} could not be opened: no program on this computer seems to open this kind of file.`)
  return { done: true }
}
