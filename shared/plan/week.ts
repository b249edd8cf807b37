// Planning one new week: its size (lighter week, progression within the 10 % limit, or a hold / step back
// after pain), its runs, phase, gate, exercises and focus.

import type { PainFlag, PainFlagId } from '../load/pain-monitoring'
import { weekExercises } from './exercises'
import { growsInWalkRunBlocks, lighterWeekFloor, lighterWeekTenths, maxNextWeek, type RunReferences } from './limits'
import type { Progress } from './progress'
import { PLAN_RULES } from './rules'
import { buildRuns } from './runs'
import type { PlanAdaptation, PlanPhase, PlanWeek } from './schema'
import type { PlanSettings } from './settings'
import { kmOf } from './tenths'
import {
  lighterWeekBecause,
  painAdjustmentBecause,
  preStartStepBackBecause,
  readinessGate,
  rebuildGate,
  referralGate,
  retestGate,
  returnGate,
  weekFocus,
} from './words'

export interface WeekSlot {
  index: number
  start: string
  end: string
  /** Amber triage holds running this week. */
  held: boolean
  /** Pain flags of the week before. */
  prevFlags: readonly PainFlag[]
  /** The week before (null for week 1). */
  prevWeek: PlanWeek | null
}

export interface NewWeek {
  week: PlanWeek
  adaptation: PlanAdaptation | null
  /** Set when the single-run cap kept a non-lighter week below the distance it aimed for. */
  shortfall: { totalTenths: number; desiredTenths: number } | null
}

interface WeekSize {
  lighter: boolean
  desiredTenths: number
  adaptation: PlanAdaptation | null
}

/** The size of the lighter week due now, or null when this is not a lighter week. */
function scheduledLighterWeek(settings: PlanSettings, progress: Progress): number | null {
  if (progress.nonLighterStreak < settings.lighterEvery - 1) return null
  const tenths = lighterWeekTenths(progress.lastNonLighterTenths)
  if (tenths <= settings.targetTenths) return tenths
  // The target was lowered below the lighter week (regeneration): a lighter week at the target if that is
  // still inside the 20–30 % band, otherwise a plain drop to the target, which is itself a recovery week.
  return settings.targetTenths >= lighterWeekFloor(progress.lastNonLighterTenths) ? settings.targetTenths : null
}

/** A non-lighter week: the next step (or the settle level), held or stepped back after pain last week. */
function progressionStep(settings: PlanSettings, progress: Progress, slot: WeekSlot, inSettle: boolean): WeekSize {
  const upper = maxNextWeek(progress.lastNonLighterTenths, { growth: settings.walkRunGrowth, runDays: settings.runDays })
  const base = Math.min(settings.targetTenths, inSettle ? (progress.settleLevelTenths ?? settings.comfortTenths) : upper)
  if (slot.index === 1 && settings.preStartPain && slot.prevFlags.length > 0) {
    // Pain outside the limits in the two weeks before the start: week 1 holds below the current distance.
    const desired = Math.max(Math.min(settings.minLevelTenths, base), Math.min(base, Math.round(settings.currentTenths * PLAN_RULES.stepBackTo)))
    return {
      lighter: false,
      desiredTenths: desired,
      adaptation: { weekIndex: 1, action: 'step-back', because: preStartStepBackBecause(desired, settings.currentTenths, slot.prevFlags), flags: slot.prevFlags.map((f) => f.id) },
    }
  }
  const prev = progress.prevWeekTenths
  if (slot.prevFlags.length === 0 || prev === null) return { lighter: false, desiredTenths: Math.min(base, upper), adaptation: null }

  const ids = new Set<PainFlagId>(slot.prevFlags.map((f) => f.id))
  const severe = ids.has('next-morning-not-settled') || ids.size >= 2 || progress.flaggedStreak >= 2
  const painTarget = severe ? Math.max(settings.minLevelTenths, Math.round(prev * PLAN_RULES.stepBackTo)) : prev
  const floor = Math.min(settings.minLevelTenths, base)
  const desired = Math.max(floor, Math.min(base, painTarget))
  const wouldProgress = !inSettle && base > prev
  let adaptation: PlanAdaptation | null = null
  if (desired < base || wouldProgress) {
    const stepBack = desired < prev
    adaptation = {
      weekIndex: slot.index,
      action: stepBack ? 'step-back' : 'hold',
      because: painAdjustmentBecause({
        index: slot.index,
        stepBack,
        desiredTenths: desired,
        prevTenths: prev,
        baseTenths: base,
        flaggedStreak: progress.flaggedStreak,
        prevFlags: slot.prevFlags,
      }),
      flags: slot.prevFlags.map((f) => f.id),
    }
  }
  return { lighter: false, desiredTenths: Math.min(desired, upper), adaptation }
}

function weekSize(settings: PlanSettings, progress: Progress, slot: WeekSlot, inSettle: boolean): WeekSize {
  const lighterTenths = scheduledLighterWeek(settings, progress)
  if (lighterTenths === null) return progressionStep(settings, progress, slot, inSettle)
  const adaptation: PlanAdaptation | null =
    slot.prevFlags.length > 0
      ? {
          weekIndex: slot.index,
          action: 'lighter-week',
          because: lighterWeekBecause(slot.index, slot.prevFlags),
          flags: slot.prevFlags.map((f) => f.id),
        }
      : null
  return { lighter: true, desiredTenths: lighterTenths, adaptation }
}

function weekPhase(inSettle: boolean, lighter: boolean, prevPhase: PlanPhase | null, totalTenths: number, targetTenths: number): PlanPhase {
  if (inSettle) return 'settle'
  if (lighter) return prevPhase === 'return' ? 'return' : 'rebuild'
  return totalTenths >= targetTenths ? 'return' : 'rebuild'
}

function weekGate(
  settings: PlanSettings,
  progress: Progress,
  week: { index: number; held: boolean; retestDate: string | null; phase: PlanPhase; lighter: boolean; totalTenths: number },
): string | null {
  const limits = { duringLimit: settings.duringLimit, checks: settings.returnToRun?.path.checksBeforeIncrease ?? settings.clearedHoldChecks }
  const readiness = week.index === 1 && settings.returnToRun ? readinessGate(settings.returnToRun) + ' ' : ''
  if (week.held) return readiness + referralGate(settings.amberReferrals)
  if (week.retestDate !== null) return readiness + retestGate(week.retestDate, settings.calfFactor, limits)
  if (readiness) return readiness.trim()
  if (week.lighter) return null
  if (week.phase === 'rebuild' && week.totalTenths > progress.lastNonLighterTenths) return rebuildGate(week.totalTenths, limits)
  if (week.phase === 'return' && progress.prevPhase !== 'return') return returnGate(settings.targetTenths, PLAN_RULES.consolidationWeeks, limits)
  return null
}

export function planNewWeek(settings: PlanSettings, progress: Progress, slot: WeekSlot, refs: RunReferences): NewWeek {
  const { held } = slot
  const inSettle = held || !progress.gatePassed
  const size = weekSize(settings, progress, slot, inSettle)
  const built = buildRuns({
    weekStart: slot.start,
    runDays: settings.runDays,
    desiredTenths: size.desiredTenths,
    refs,
    longRun: settings.longRun,
    pattern: settings.runDayPattern,
    walkRunBlocks: growsInWalkRunBlocks(settings.walkRunGrowth, progress.lastNonLighterTenths),
    walkRun: {
      lowStart: settings.lowStart,
      keepWalkRunOnIncrease:
        settings.returnToRun?.path.oneNewLoadPerWeek && slot.prevWeek
          ? {
              previousWasWalkRun: slot.prevWeek.runs.some((r) => r.kind === 'walk-run'),
              previousTenths: Math.round(slot.prevWeek.plannedKm * 10),
            }
          : undefined,
      firstWeek: slot.index === 1,
      lighterFromTenths: size.lighter ? progress.lastNonLighterTenths : null,
    },
  })
  const total = built.totalTenths
  const phase = weekPhase(inSettle, size.lighter, progress.prevPhase, total, settings.targetTenths)
  const retestDate = phase === 'settle' && !held && slot.index >= progress.nextRetestIndex ? slot.end : null
  const focus = weekFocus({
    index: slot.index,
    held,
    lighter: size.lighter,
    action: size.adaptation?.action ?? null,
    phase,
    prevPhase: progress.prevPhase,
    totalTenths: total,
    lastNonLighterTenths: progress.lastNonLighterTenths,
    lastNonLighterIndex: progress.lastNonLighterIndex,
  })
  const week: PlanWeek = {
    index: slot.index,
    startDate: slot.start,
    phase,
    lighterWeek: size.lighter,
    plannedKm: kmOf(total),
    longRunKm: kmOf(built.longestTenths),
    runs: built.runs,
    exercises: weekExercises(settings.exercises, phase, held, settings.amber && !held),
    gate: weekGate(settings, progress, { index: slot.index, held, retestDate, phase, lighter: size.lighter, totalTenths: total }),
    endDate: slot.end,
    retestDate,
    focus,
  }
  const shortfall = !size.lighter && total < size.desiredTenths ? { totalTenths: total, desiredTenths: size.desiredTenths } : null
  return { week, adaptation: size.adaptation, shortfall }
}
