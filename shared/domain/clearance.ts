import { z } from 'zod'
import { ReferralId } from '../assessment/schema'
import { boundedText, EntityId, IsoDate } from './common'

// A clearance: the coach's record that a clinician has seen the runner about one referral. A referral stays
// open until one of these exists for it (issue 10, item 2), whatever later assessments find.

export const CLEARED_BY_ROLES = ['doctor', 'physiotherapist', 'other'] as const
export const ClearedByRole = z.enum(CLEARED_BY_ROLES, { message: 'choose doctor, physiotherapist or other' })
export type ClearedByRole = z.infer<typeof ClearedByRole>

export const CLEARANCE_OUTCOMES = ['cleared', 'cleared-with-restrictions', 'something-else-found'] as const
export const ClearanceOutcome = z.enum(CLEARANCE_OUTCOMES, {
  message: 'choose cleared, cleared with restrictions or something else found',
})
export type ClearanceOutcome = z.infer<typeof ClearanceOutcome>

export const ClearedBy = z.strictObject({
  role: ClearedByRole,
  name: z.string().trim().min(1, 'name who cleared the runner').max(120, 'name must be at most 120 characters'),
})
export type ClearedBy = z.infer<typeof ClearedBy>

export const Clearance = z.strictObject({
  id: EntityId,
  referralId: ReferralId,
  date: IsoDate,
  clearedBy: ClearedBy,
  outcome: ClearanceOutcome,
  restrictions: boundedText('restrictions', 2000).optional(),
  /** True when it was made from the old single "referral cleared on" date of a plan (data format 1). */
  migrated: z.boolean().optional(),
})
export type Clearance = z.infer<typeof Clearance>
