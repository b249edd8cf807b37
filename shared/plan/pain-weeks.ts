// Pain flags on plan weeks.
//
// The pain-monitoring module works on Monday-start weeks. Plan weeks start on the plan's start date, so
// when that is not a Monday we move every entry back by the same number of days, ask for the flags of the
// matching Monday week, and move the dates in the answer forward again. The flag definitions are unchanged.

import { addDays, daysBetween, isIsoDate, weekStart as mondayOf } from '../dates'
import { PAIN_LIMITS, painFlagsForWeek, type PainFlag, type PainLogEntry } from '../load/pain-monitoring'
import { weekStartFor } from './calendar'
import type { PlanRequest } from './schema'

export class PlanWeekPain {
  private readonly shift: number
  private readonly entries: PainLogEntry[]
  private readonly cache = new Map<number, PainFlag[]>()

  /** The pain scores of the request's logged runs, on the request's plan weeks. */
  static forRequest(request: PlanRequest, duringLimit: number = PAIN_LIMITS.during): PlanWeekPain {
    return new PlanWeekPain(
      request.startDate,
      (request.runs ?? []).map((r) => ({
        date: r.date,
        painDuring: r.painDuring ?? null,
        painAfter: r.painAfter ?? null,
        painNextMorning: r.painNextMorning ?? null,
      })),
      duringLimit,
    )
  }

  constructor(
    private readonly planStart: string,
    entries: readonly PainLogEntry[],
    /** A stricter limit for pain during runs (2/10 on a return to running, C1 bone tolerance). */
    private readonly duringLimit: number = PAIN_LIMITS.during,
  ) {
    this.shift = daysBetween(mondayOf(planStart), planStart)
    this.entries = entries
      .filter((e) => isIsoDate(e.date))
      .map((e) => (this.shift === 0 ? e : { ...e, date: addDays(e.date, -this.shift) }))
  }

  /** Flags of plan week `index`; 0 and -1 are the two weeks before the plan starts. */
  flags(index: number): PainFlag[] {
    if (index < -1) return []
    const cached = this.cache.get(index)
    if (cached) return cached
    const start = weekStartFor(this.planStart, index)
    const monday = addDays(start, -this.shift)
    // Only this week and the one before matter (the rising-morning-pain flag compares the two).
    const from = addDays(monday, -7)
    const to = addDays(monday, 6)
    const relevant = this.entries.filter((e) => e.date >= from && e.date <= to)
    const raw = relevant.length === 0 ? [] : this.stricter(painFlagsForWeek(relevant, monday), relevant, monday)
    const flags =
      this.shift === 0
        ? raw
        : raw.map((f) => ({
            ...f,
            weekStart: start,
            detail: f.detail.replace(/\d{4}-\d{2}-\d{2}/g, (d) => (isIsoDate(d) ? addDays(d, this.shift) : d)),
          }))
    this.cache.set(index, flags)
    return flags
  }

  /** Pain during a run above the stricter limit counts as outside the limits too. */
  private stricter(flags: PainFlag[], entries: readonly PainLogEntry[], monday: string): PainFlag[] {
    if (this.duringLimit >= PAIN_LIMITS.during || flags.some((f) => f.id === 'pain-during-above-limit')) return flags
    const sunday = addDays(monday, 6)
    const over = entries.filter((e) => e.date >= monday && e.date <= sunday && typeof e.painDuring === 'number' && e.painDuring > this.duringLimit)
    if (over.length === 0) return flags
    const list = over.map((e) => `${e.painDuring}/10 on ${e.date}`).join(', ')
    const flag: PainFlag = {
      id: 'pain-during-above-limit',
      weekStart: monday,
      detail: `Pain during running went above ${this.duringLimit}/10 (${list}); returning after a stop, runs should stay at ${this.duringLimit}/10 or less.`,
    }
    return [flag, ...flags]
  }
}
