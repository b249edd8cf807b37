import { z } from 'zod'
import { EntityId, IsoDate } from '../../domain/common'
import { PlanRunKind } from '../../plan/schema'
import { defineChannel } from '../define'

// The squad's week on the calendar (issue 13 point 7). An athlete's month is drawn in the renderer from the
// athlete record it already reads; the squad week needs every athlete's runs and plan, so main builds it.
// Channel names are frozen.

export const CalendarDayDto = z.strictObject({
  date: IsoDate,
  runs: z.array(z.strictObject({ km: z.number(), worstPain: z.number().nullable(), zone: z.enum(['none', 'safe', 'within', 'over']) })),
  planned: z.array(z.strictObject({ kind: PlanRunKind, km: z.number() })),
})

export const SquadWeekAthlete = z.strictObject({
  athleteId: EntityId,
  name: z.string(),
  /** From the athlete's clinical state (the board's entry): the colour, its status line and whether running is held. */
  colour: z.enum(['red', 'amber', 'green']),
  headline: z.string(),
  runningAllowance: z.enum(['none', 'hold', 'progress']),
  days: z.array(CalendarDayDto),
})

export const SquadWeek = z.strictObject({
  weekStart: IsoDate,
  today: IsoDate,
  athletes: z.array(SquadWeekAthlete),
})
export type SquadWeek = z.infer<typeof SquadWeek>

export const calendarChannels = {
  getSquadWeek: defineChannel(
    'calfcoach:calendar:squad-week',
    z.strictObject({ weekStart: IsoDate, groupId: EntityId.nullable() }),
    SquadWeek,
    { writes: false },
  ),
}
