import { z } from 'zod'
import { boundedText, EntityId, IsoDate } from './common'
import { safeText } from './input-guards'

export const ATHLETE_STATUSES = ['running', 'modified-training', 'rehab', 'resting'] as const
export const AthleteTrainingStatus = z.enum(ATHLETE_STATUSES)

const Name = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(120, 'name must be at most 120 characters')

const Email = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'must look like name@example.com')

const Phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || /^[+()\d\s.-]{5,}$/.test(v), 'may contain only digits, spaces and + ( ) . -')

/** An IANA time zone name ("Europe/Paris"), or '' for "not set: use the computer's". */
export const AthleteTimeZone = z
  .string()
  .trim()
  .max(64)
  .refine((v) => {
    if (v === '') return true
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v })
      return true
    } catch {
      return false
    }
  }, 'choose a time zone from the list, such as Europe/London')

/** What the coach types in the athlete form. */
export const AthleteDraft = z.strictObject({
  name: Name.superRefine(safeText(false)),
  sex: z.enum(['female', 'male'], { message: 'choose female or male (used for test norms)' }),
  dateOfBirth: IsoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), 'cannot be in the future').nullable(),
  email: Email.default(''),
  phone: Phone.default(''),
  groupIds: z.array(EntityId).max(50).default([]),
  notes: boundedText('notes', 5000).superRefine(safeText(true)).default(''),
  trainingStatus: AthleteTrainingStatus.default('running'),
  /** Where the athlete lives and runs: imported times given in UTC are dated in this zone. */
  timeZone: AthleteTimeZone.optional(),
})
export type AthleteDraft = z.input<typeof AthleteDraft>

export const Athlete = z.strictObject({
  id: EntityId,
  name: Name,
  sex: z.enum(['female', 'male']),
  dateOfBirth: IsoDate.nullable(),
  email: z.string().max(200),
  phone: z.string().max(40),
  groupIds: z.array(EntityId),
  notes: z.string().max(5000),
  trainingStatus: AthleteTrainingStatus,
  /** Optional: files written before it existed have none. '' or absent = the computer's zone. */
  timeZone: z.string().max(64).optional(),
  archived: z.boolean(),
  /** Made up by "Load demo squad"; "Remove demo squad" removes exactly these. Absent on the coach's own athletes. */
  demo: z.literal(true).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Athlete = z.infer<typeof Athlete>

export const Group = z.strictObject({
  id: EntityId,
  name: z.string().trim().min(1, 'group name is required').max(60, 'group name must be at most 60 characters'),
})
export type Group = z.infer<typeof Group>

/** A group name as the coach types it (create, rename): Group's rules plus no hidden characters. */
export const GroupNameInput = Group.shape.name.superRefine(safeText(false))

/** The squad list's columns a coach can sort by (stable ids: they are saved in the settings). */
export const SQUAD_SORT_COLUMNS = ['name', 'age', 'groups', 'status', 'lastRun', 'weekDistance', 'weekPain'] as const
export type SquadSortColumn = (typeof SQUAD_SORT_COLUMNS)[number]

/** How the coach last left the squad list (sort and filters), so it opens the same way after a restart. */
export const SquadListView = z.strictObject({
  sort: z.enum(SQUAD_SORT_COLUMNS),
  direction: z.enum(['ascending', 'descending']),
  /** '' for every group; a group deleted since simply shows every group again. */
  groupId: z.string().max(100),
  showArchived: z.boolean(),
})
export type SquadListView = z.infer<typeof SquadListView>

export const DEFAULT_SQUAD_LIST_VIEW: SquadListView = { sort: 'name', direction: 'ascending', groupId: '', showArchived: false }

export const Settings = z.strictObject({
  distanceUnit: z.enum(['km', 'mi']),
  pdfPageSize: z.enum(['A4', 'Letter']),
  coachName: z.string().max(120),
  clubName: z.string().max(120),
  // Optional so squad files written before these settings existed still open unchanged.
  /** The day every weekly figure and chart starts its weeks on (Monday when unset). */
  weekStartsOn: z.enum(['monday', 'sunday']).optional(),
  squadList: SquadListView.optional(),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = { distanceUnit: 'km', pdfPageSize: 'A4', coachName: '', clubName: '' }
