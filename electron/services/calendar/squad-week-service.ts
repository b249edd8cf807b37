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
    // One athlete at a time as part of a walk over the squad (athlete-docs.ts): only the week's cells are kept.
    const days = await ctx.db.withAthlete(
      { id: entry.athleteId, name: entry.name },
      (doc) => {
        const inWeek = <T extends { date: string }>(list: readonly T[]) => list.filter((r) => r.date >= dates[0]! && r.date <= dates[6]!)
        const plan = doc.data.plans.find((p) => p.active)
        return calendarDays(dates, { runs: inWeek(doc.data.runs), planned: plan ? plan.output.weeks.flatMap((w) => inWeek(w.runs)) : [] })
      },
      true,
    )
    athletes.push({
      athleteId: entry.athleteId,
      name: entry.name,
      colour: entry.level,
      headline: entry.headline,
      runningAllowance: entry.runningAllowance,
      days,
    })
  }
  athletes.sort((a, b) => a.name.localeCompare(b.name))
  return { weekStart, today: board.today, athletes }
}
