// The plan generator's thresholds. The safety checker (safety.ts) keeps its own copy on purpose.

import { LONGEST_RUN_RULE } from '../load/metrics'
import { MAX_PLAN_WEEKS, MIN_KM_PER_RUN_DAY, MIN_WEEKLY_KM } from './schema'

export const PLAN_RULES = {
  /** Largest rise of a non-lighter week over the previous non-lighter week (§C4, the "10 % rule"). */
  maxWeeklyIncrease: 0.1,
  /** Single-run rule (Frandsen 2025, §C2): no run above maxRunRatio × the longest run of the previous windowDays. */
  longestRunWindowDays: LONGEST_RUN_RULE.windowDays,
  maxRunRatio: LONGEST_RUN_RULE.maxRatio,
  /** A lighter week at least every 4th week (3:1, §C6); the request may ask for every 3rd (2:1). */
  lighterWeekEvery: 4,
  /** Lighter weeks are 20–30 % below the previous non-lighter week; the plan aims for 25 %. */
  lighterCutMin: 0.2,
  lighterCutPlanned: 0.25,
  lighterCutMax: 0.3,
  /** A step back (after clear pain warnings) goes to 80 % of the flagged week. */
  stepBackTo: 0.8,
  /**
   * Very low starting volume (under 10 km a week or a longest recent run under 3 km): walk–run sessions until
   * the week reaches 10 km and the longest run of the last 30 days 3 km.
   */
  walkRunWeeklyKmBelow: 10,
  walkRunLongestKmBelow: 3,
  /**
   * Tiny bases grow in walk–run minutes, not by 10 % of almost nothing (issue 10 item 7): while the weekly
   * distance is under walkRunWeeklyKmBelow and the runner is on walk–run (not a return after a stop, which
   * keeps its path's 10 %), each session may grow by one walk–run block a week, even where that is more than
   * 10 % (10 % of 1 km is 0.1 km, a minute of walking). A block is walk 2 min + run 3 min (the first rung of
   * the C5 walk–run ladder); CalfCoach convention: walk–run covers about 1 km in 10 minutes, so a block is
   * about 0.5 km. The C5 ladder itself adds half a mile (0.8 km) a session per phase.
   */
  walkRunBlockMinutes: 5,
  walkRunMinutesPerKm: 10,
  /** The block growth never takes a week or a session above 150 % of its reference (the C5 ladder's P1→P2 step). */
  walkRunMaxStepRatio: 1.5,
  /** Settle weeks before the first re-test; later re-tests are weekly until one passes. */
  settleWeeks: 2,
  /** A re-test recorded up to this many days after the scheduled date still counts for it. */
  retestGraceDays: 1,
  /** Weeks held at the target (not counting lighter weeks) before the return is complete. */
  consolidationWeeks: 2,
  maxWeeks: MAX_PLAN_WEEKS,
  /** The weekly distance never drops below max(1 km, 0.5 km per run day). */
  minWeeklyKm: MIN_WEEKLY_KM,
  minKmPerRunDay: MIN_KM_PER_RUN_DAY,
  /** Amber triage without clearance: the plan shows the hold up to this many weeks past today. */
  amberPreviewWeeks: 4,
  /** Factors with these likelihoods choose exercises. */
  exerciseLikelihoods: ['high', 'moderate'] as const,
} as const
