import { z } from 'zod'
import { EntityId, IsoDate } from '../../domain/common'
import { defineChannel } from '../define'

// The squad report and squad CSV (issue 13 point 8), and opening what CalfCoach exported. Channel names are frozen.

const ReasonLevel = z.enum(['red', 'amber', 'green', 'info'])

export const SquadReportRowDto = z.strictObject({
  athleteId: EntityId,
  name: z.string(),
  colour: z.enum(['red', 'amber', 'green']),
  headline: z.string(),
  reasons: z.array(z.strictObject({ text: z.string(), level: ReasonLevel })),
  seeClinicianToday: z.boolean(),
  weekKm: z.number(),
  last4WeeksKm: z.number(),
  highestPain: z.number().nullable(),
})

/** Everything the squad report's print view needs, in one call (read from the board's entries). */
export const SquadReport = z.strictObject({
  today: IsoDate,
  /** The group's name, or null for the whole squad. */
  groupName: z.string().nullable(),
  distanceUnit: z.enum(['km', 'mi']),
  counts: z.strictObject({ red: z.number().int(), amber: z.number().int(), green: z.number().int(), seeClinicianToday: z.number().int() }),
  rows: z.array(SquadReportRowDto),
})
export type SquadReport = z.infer<typeof SquadReport>

/** A group, or the whole squad when null. */
const GroupChoice = z.strictObject({ groupId: EntityId.nullable() })

const RunsRange = z
  .strictObject({ groupId: EntityId.nullable(), from: IsoDate, to: IsoDate })
  .refine((r) => r.from <= r.to, { message: 'the first day must not be after the last day', path: ['to'] })

/** Longest path the open/show channel accepts: longer than any real one, short enough to refuse junk. */
export const MAX_PATH_LENGTH = 4096

export const reportChannels = {
  getSquadReport: defineChannel('calfcoach:report:squad', GroupChoice, SquadReport, { writes: false }),
  exportSquadReportPdf: defineChannel(
    'calfcoach:report:squad-export-pdf',
    GroupChoice,
    z.strictObject({ path: z.string().nullable(), bytes: z.number().int(), pages: z.number().int().nullable(), athletes: z.number().int() }),
    { writes: false },
  ),
  exportSquadRunsCsv: defineChannel(
    'calfcoach:report:squad-export-csv',
    RunsRange,
    z.strictObject({ path: z.string().nullable(), runs: z.number().int(), athletes: z.number().int() }),
    { writes: false },
  ),
  /**
   * Opens a file CalfCoach exported in this session, or shows it in its folder. Main keeps the set of paths
   * it wrote and refuses every other path, so the page can never make the computer open anything else.
   */
  openExportedFile: defineChannel(
    'calfcoach:export:open',
    z.strictObject({ path: z.string().min(1, 'choose a file').max(MAX_PATH_LENGTH, 'that path is too long'), how: z.enum(['open', 'show']) }),
    z.strictObject({ done: z.literal(true) }),
    { writes: false },
  ),
}
