// A clearance: the coach's record that a clinician has seen the runner for one referral (issue 10 item 2).
// A referral stays open until a clearance for its id is recorded; a newer assessment never closes it.
// Clearance history is kept: clearances are only ever added.

import { z } from 'zod'
import { ReferralId } from '../assessment/schema'
import { EntityId, IsoDate } from '../domain/common'

export const CLEARED_BY_ROLES = ['doctor', 'physiotherapist', 'other'] as const
export const CLEARANCE_OUTCOMES = ['cleared', 'cleared-with-restrictions', 'something-else-found'] as const

export const ClearedByRole = z.enum(CLEARED_BY_ROLES, {
  error: `must be one of ${CLEARED_BY_ROLES.map((r) => `"${r}"`).join(', ')}`,
})
export type ClearedByRole = z.infer<typeof ClearedByRole>

export const ClearanceOutcome = z.enum(CLEARANCE_OUTCOMES, {
  error: `must be one of ${CLEARANCE_OUTCOMES.map((r) => `"${r}"`).join(', ')}`,
})
export type ClearanceOutcome = z.infer<typeof ClearanceOutcome>

const ReferralIdField = z.enum(ReferralId.options, {
  error: `must be a referral id (${ReferralId.options.join(', ')})`,
})

export const Clearance = z.strictObject({
  id: EntityId,
  referralId: ReferralIdField,
  /** The day the clinician saw the runner. */
  date: IsoDate,
  clearedBy: z.strictObject({
    role: ClearedByRole,
    name: z.string().trim().min(1, 'name the clinician').max(120, 'must be at most 120 characters'),
  }),
  outcome: ClearanceOutcome,
  restrictions: z.string().max(2000, 'must be at most 2000 characters').optional(),
  /** Made from the old single "referral cleared on" date of a plan. */
  migrated: z.boolean().optional(),
})
export type Clearance = z.infer<typeof Clearance>

/**
 * The part of a clearance the clinical state needs (the CLI's `clearances` entries have this shape too:
 * who cleared it is optional there).
 */
export const ClearanceFacts = Clearance.pick({ referralId: true, date: true, outcome: true, restrictions: true })
export type ClearanceFacts = z.infer<typeof ClearanceFacts>

/** A clinician saw the runner and running may resume (possibly with restrictions). */
export function clearsForRunning(outcome: ClearanceOutcome): boolean {
  return outcome === 'cleared' || outcome === 'cleared-with-restrictions'
}

/**
 * Migration of the old single `referralClearedOn` date: one clearance per referral it covered, marked as
 * migrated. Who cleared it was never recorded, so the name says so.
 */
export function clearancesFromClearedOn(
  clearedOn: string,
  referralIds: readonly ReferralId[],
  makeId: (referralId: ReferralId, index: number) => string,
): Clearance[] {
  return [...new Set(referralIds)].map((referralId, i) => ({
    id: makeId(referralId, i),
    referralId,
    date: clearedOn,
    clearedBy: { role: 'other', name: 'not recorded (from the earlier "referral cleared on" date)' },
    outcome: 'cleared',
    migrated: true,
  }))
}

/** Clearances in the order they happened (date, then as given). */
export function sortClearances<T extends { date: string }>(clearances: readonly T[]): T[] {
  return clearances
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i))
    .map(({ c }) => c)
}
