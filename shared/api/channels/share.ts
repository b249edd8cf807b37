import { z } from 'zod'
import { EntityId } from '../../domain/common'
import { defineChannel } from '../define'

const NoInput = z.undefined()

export const Installation = z.strictObject({
  installId: z.string(),
  name: z.string(),
  lastWriteAt: z.string().nullable(),
  thisComputer: z.boolean(),
})
export type Installation = z.infer<typeof Installation>

export const ShareStatus = z.strictObject({
  mode: z.enum(['single', 'club']),
  clubFolder: z.string().nullable(),
  installName: z.string().nullable(),
  installations: z.array(Installation),
})
export type ShareStatus = z.infer<typeof ShareStatus>

export const RecordAuthorship = z.strictObject({
  id: z.string(),
  createdBy: z.string(),
  createdAt: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string().nullable(),
})
export type RecordAuthorship = z.infer<typeof RecordAuthorship>

const InstallName = z.string().trim().min(1, 'give this computer a name, e.g. "Sam’s laptop"').max(120)

export const shareChannels = {
  getShareStatus: defineChannel('calfcoach:share:status', NoInput, ShareStatus, { writes: false }),
  chooseClubFolder: defineChannel('calfcoach:share:choose-folder', NoInput, z.strictObject({ path: z.string().nullable() }), { writes: false }),
  /** Starts sharing: copies this squad into the club folder (after a backup) and opens it from there. */
  shareSquad: defineChannel(
    'calfcoach:share:start',
    z.strictObject({ folder: z.string().min(1, 'choose the club folder').max(1000), installName: InstallName }),
    ShareStatus,
    { writes: true },
  ),
  renameInstallation: defineChannel('calfcoach:share:rename', z.strictObject({ installName: InstallName }), ShareStatus, { writes: true }),
  /** Stops sharing on this computer: the single-coach data folder (as it was before sharing) opens again. */
  stopSharing: defineChannel('calfcoach:share:stop', NoInput, ShareStatus, { writes: true }),
  /** Resolves when another coach's change has been merged (changeCount > since), or after about 20 s. */
  waitForChanges: defineChannel(
    'calfcoach:share:wait-changes',
    z.strictObject({ since: z.number().int().min(0) }),
    z.strictObject({ changeCount: z.number().int() }),
    { writes: false },
  ),
  /** Who created and last changed each of an athlete's records (runs, assessments, plans…). */
  getRecordAuthors: defineChannel(
    'calfcoach:share:record-authors',
    z.strictObject({ athleteId: EntityId }),
    z.strictObject({ records: z.array(RecordAuthorship) }),
    { writes: false },
  ),
}
