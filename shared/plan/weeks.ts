// The week loop: kept weeks first (regeneration), then new weeks until the target has been held long
// enough, an uncleared amber hold has been shown far enough ahead, or the plan reaches its length.

import { addDays } from '../dates'
import type { PainFlag } from '../load/pain-monitoring'
import { weekIndexOf, weekStartFor } from './calendar'
import { RunReferences } from './limits'
import { PlanWeekPain } from './pain-weeks'
import { afterRetest, afterWeek, backToSettle, judgeRetest, startingProgress } from './progress'
import { PLAN_RULES } from './rules'
import type { PlanAdaptation, PlanRequest, PlanWeek } from './schema'
import { heldForReferral, type PlanSettings } from './settings'
import { planNewWeek } from './week'
import { assumedRetestNote, cappedWeekNote, referralHoldBecause, settleExtendedBecause } from './words'

export interface PlannedWeeks {
  weeks: PlanWeek[]
  /** Adaptations of the new weeks. */
  adaptations: PlanAdaptation[]
  /** Notes the weeks gave rise to. */
  notes: string[]
  targetReached: boolean
}

/** Pain flags of the two weeks before the plan, one per flag id (the nearer week wins). */
export function preStartFlags(pain: PlanWeekPain): PainFlag[] {
  const out: PainFlag[] = []
  for (const f of [...pain.flags(0), ...pain.flags(-1)]) if (!out.some((o) => o.id === f.id)) out.push(f)
  return out
}

export function planWeeks(request: PlanRequest, settings: PlanSettings, kept: readonly PlanWeek[]): PlannedWeeks {
  const pain = PlanWeekPain.forRequest(request, settings.duringLimit)
  const refs = RunReferences.forRequest(request, settings.returnToRun ? settings.currentTenths / 10 / settings.runDays : undefined)
  const lastIndex = Math.max(kept.length, settings.maxWeeks)
  const amberStopIndex =
    Math.max(kept.length, weekIndexOf(settings.planStart, settings.asOf)) + PLAN_RULES.amberPreviewWeeks - 1
  const weeks: PlanWeek[] = []
  const adaptations: PlanAdaptation[] = []
  const notes: string[] = []
  let progress = startingProgress(settings.currentTenths, settings.firstRetestIndex)
  let cappedNoted = false
  let assumedRetestNoted = false
  let referralHoldRecorded = false
  let targetReached = false

  for (let i = 1; i <= lastIndex; i++) {
    const isNew = i > kept.length
    const start = weekStartFor(settings.planStart, i)
    const end = addDays(start, 6)
    const held = heldForReferral(settings, end)
    // Week 1 looks at the two weeks before the plan (issue 10 item 7).
    const prevFlags = i === 1 ? preStartFlags(pain) : pain.flags(i - 1)

    let week: PlanWeek
    if (isNew) {
      if (held && progress.gatePassed) progress = backToSettle(progress)
      const prevWeek = weeks[i - 2] ?? null
      const planned = planNewWeek(settings, progress, { index: i, start, end, held, prevFlags, prevWeek }, refs)
      if (planned.shortfall && !cappedNoted) {
        cappedNoted = true
        notes.push(cappedWeekNote(i, planned.shortfall.totalTenths, planned.shortfall.desiredTenths, settings.runDays))
      }
      if (planned.adaptation) adaptations.push(planned.adaptation)
      week = planned.week
    } else {
      week = kept[i - 1] as PlanWeek
    }

    weeks.push(week)
    refs.addRuns(week.runs)
    const thisFlags = pain.flags(i)
    progress = afterWeek(progress, week, settings.targetTenths, { previous: prevFlags.length > 0, current: thisFlags.length > 0 })

    if (week.phase === 'settle' && week.retestDate !== null && !held) {
      const outcome = judgeRetest({
        weekIndex: i,
        retestDate: week.retestDate,
        weekFlags: thisFlags,
        retests: settings.retests,
        previousWindowEnd: progress.lastRetestWindowEnd,
        planStart: settings.planStart,
        asOf: settings.asOf,
      })
      progress = afterRetest(progress, outcome, i)
      if (outcome.assumed && !assumedRetestNoted) {
        assumedRetestNoted = true
        notes.push(assumedRetestNote(week.retestDate))
      }
      if (!outcome.passed && i + 1 > kept.length && i < lastIndex) {
        adaptations.push({
          weekIndex: i + 1,
          action: 'settle-extended',
          because: settleExtendedBecause(outcome.why),
          flags: thisFlags.map((f) => f.id),
        })
      }
    }

    if (held && isNew && !referralHoldRecorded) {
      referralHoldRecorded = true
      adaptations.push({ weekIndex: i, action: 'referral-hold', because: referralHoldBecause(settings.amberReferrals), flags: [] })
    }

    if (i >= kept.length) {
      if (progress.consolidation >= PLAN_RULES.consolidationWeeks) {
        targetReached = true
        break
      }
      if (settings.amberUncleared && i >= amberStopIndex) break
    }
  }

  return { weeks, adaptations, notes, targetReached }
}
