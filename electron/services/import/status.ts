// A preview row's status and whether it starts ticked: decided here once, for the app and the command line.
import type { ImportRow } from './types'

export type RowStatus = 'ready' | 'check' | 'skipped' | 'duplicate' | 'similar'

/**
 * ready: importable, nothing unusual, starts ticked. check: importable but with warnings or plausibility
 * flags, starts unticked. similar: a run like it is already logged, starts unticked. duplicate: already
 * imported, cannot be ticked. skipped: cannot be imported.
 */
export function rowStatus(row: Pick<ImportRow, 'run' | 'problems' | 'flags'>, existing: { duplicate: boolean; similarToExisting: boolean }): { status: RowStatus; preselected: boolean } {
  if (!row.run) return { status: 'skipped', preselected: false }
  if (existing.duplicate) return { status: 'duplicate', preselected: false }
  if (row.problems.length > 0 || (row.flags?.length ?? 0) > 0) return { status: 'check', preselected: false }
  if (existing.similarToExisting) return { status: 'similar', preselected: false }
  return { status: 'ready', preselected: true }
}
