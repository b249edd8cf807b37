import type { SquadWeek } from '../../../shared/api/channels/calendar'
import { DomainError } from '../../../shared/api/result'
import { calendarDays, weekDates } from '../../../shared/calendar/calendar'
import type { ServiceContext } from '../context'
import { squadTriage } from '../runs/triage-service'

/**
 * Who ran, who has what planned and who is held, for one week of the group (or the squad). The colour and
 * "held" come from the board's entries (the one clinical state); runs and the active plan's sessions from each
 * athlete's file, read one athlete at a time and reduced to that week's cells straight away.
 */
export async function squadWeek(ctx: ServiceContext, weekStart: string, groupId: string | null): Promise<SquadWeek> {
  if (groupId !== null && !ctx.db.squad.data.groups.some((g) => g.id === groupId)) {
    throw new DomainError('not-found', 'That group no longer exists; choose another group or the whole squad.')
  }
  const board = await squadTriage(ctx)
  const dates = weekDates(weekStart)
  const athletes: SquadWeek['athletes'] = []
  for (const entry of board.athletes) {
    if (groupId !== null && !entry.groupIds.includes(groupId)) continue
    await ctx.db.ensureAthlete(entry.athleteId, entry.name)
    const doc = ctx.db.findAthleteDoc(entry.athleteId)?.data
    const plan = doc?.plans.find((p) => p.active)
    const planned = plan ? plan.output.weeks.flatMap((w) => w.runs.filter((r) => r.date >= dates[0]! && r.date <= dates[6]!)) : []
    const runs = doc?.runs.filter((r) => r.date >= dates[0]! && r.date <= dates[6]!) ?? []
    athletes.push({
      athleteId: entry.athleteId,
      name: entry.name,
      colour: entry.level,
      headline: entry.headline,
      runningAllowance: entry.runningAllowance,
      days: calendarDays(dates, { runs, planned }),
    })
  }
  athletes.sort((a, b) => a.name.localeCompare(b.name))
  return { weekStart, today: board.today, athletes }
}
