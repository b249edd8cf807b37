import { z } from 'zod'
import { EntityId } from '../../domain/common'
import { Athlete, AthleteDraft, Group, GroupNameInput, Settings } from '../../domain/squad'
import { defineChannel } from '../define'

const NoInput = z.undefined()

export const Notice = z.strictObject({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  detail: z.string(),
  file: z.string().optional(),
  at: z.string(),
})
export type Notice = z.infer<typeof Notice>

export const AppStatus = z.strictObject({
  dataDir: z.string(),
  readOnlyReason: z.string().nullable(),
  notices: z.array(Notice),
  lockedAthleteIds: z.array(z.string()),
})
export type AppStatus = z.infer<typeof AppStatus>

export const Squad = z.strictObject({
  athletes: z.array(Athlete),
  groups: z.array(Group),
  settings: Settings,
})
export type Squad = z.infer<typeof Squad>

export const BackupInfo = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(['auto', 'manual', 'pre-migration', 'pre-restore', 'pre-import']),
  files: z.number().int(),
  bytes: z.number().int(),
})
export type BackupInfo = z.infer<typeof BackupInfo>

export const squadChannels = {
  getAppStatus: defineChannel('calfcoach:app:status', NoInput, AppStatus, { writes: false }),
  dismissNotice: defineChannel('calfcoach:app:dismiss-notice', z.strictObject({ id: z.string().max(200) }), AppStatus, {
    writes: false,
  }),
  /**
   * A read-only window (another window held the data folder) asks to make changes: it becomes writable
   * when that window has quit; the status says which. Not a write: it must work in a read-only window.
   */
  takeOverDataFolder: defineChannel('calfcoach:app:take-over', NoInput, AppStatus, { writes: false }),
  getSquad: defineChannel('calfcoach:squad:get', NoInput, Squad, { writes: false }),
  createAthlete: defineChannel('calfcoach:athlete:create', AthleteDraft, Athlete, { writes: true }),
  updateAthlete: defineChannel(
    'calfcoach:athlete:update',
    z.strictObject({ id: EntityId, draft: AthleteDraft }),
    Athlete,
    { writes: true },
  ),
  setAthleteArchived: defineChannel(
    'calfcoach:athlete:set-archived',
    z.strictObject({ id: EntityId, archived: z.boolean() }),
    Athlete,
    { writes: true },
  ),
  deleteAthlete: defineChannel(
    'calfcoach:athlete:delete',
    // The coach must type the athlete's name: a second, deliberate step before anything is erased.
    z.strictObject({ id: EntityId, confirmName: z.string().max(120) }),
    z.strictObject({ deletedId: z.string(), backupId: z.string() }),
    { writes: true },
  ),
  createGroup: defineChannel('calfcoach:group:create', z.strictObject({ name: GroupNameInput }), Group, { writes: true }),
  renameGroup: defineChannel('calfcoach:group:rename', z.strictObject({ id: EntityId, name: GroupNameInput }), Group, { writes: true }),
  deleteGroup: defineChannel('calfcoach:group:delete', z.strictObject({ id: EntityId }), z.strictObject({ deletedId: z.string() }), {
    writes: true,
  }),
  updateSettings: defineChannel('calfcoach:settings:update', Settings.partial().strict(), Settings, { writes: true }),
  loadDemoSquad: defineChannel('calfcoach:demo:load', NoInput, z.strictObject({ athletes: z.number().int() }), {
    writes: true,
  }),
  removeDemoSquad: defineChannel(
    'calfcoach:demo:remove',
    NoInput,
    z.strictObject({ removed: z.number().int(), backupId: z.string().nullable() }),
    { writes: true },
  ),
  backupNow: defineChannel('calfcoach:backup:now', NoInput, BackupInfo, { writes: true }),
  listBackups: defineChannel('calfcoach:backup:list', NoInput, z.array(BackupInfo), { writes: false }),
  restoreBackup: defineChannel(
    'calfcoach:backup:restore',
    z.strictObject({ id: z.string().regex(/^[0-9A-Za-z_.-]{1,120}$/, 'not a backup id') }),
    z.strictObject({ restoredFrom: z.string(), safetyBackupId: z.string() }),
    { writes: true },
  ),
  exportDatabase: defineChannel(
    'calfcoach:database:export',
    NoInput,
    z.strictObject({ path: z.string().nullable(), athletes: z.number().int() }),
    { writes: false },
  ),
  importDatabase: defineChannel(
    'calfcoach:database:import',
    NoInput,
    z.strictObject({ path: z.string().nullable(), athletes: z.number().int(), safetyBackupId: z.string().nullable() }),
    { writes: true },
  ),
  openExternal: defineChannel(
    'calfcoach:shell:open-external',
    z.strictObject({ url: z.string().max(2000) }),
    z.strictObject({ opened: z.boolean() }),
    { writes: false },
  ),
}
