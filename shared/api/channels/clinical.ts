import { z } from 'zod'
import { ReferralId } from '../../assessment/schema'
import { Clearance, ClearanceOutcome } from '../../clinical/clearance'
import { boundedText, EntityId, IsoDate } from '../../domain/common'
import { defineChannel } from '../define'
import { ClinicalStateDto } from './clinical-state'

// Referral clearances and the one clinical state per athlete (issue 10). Channel names are frozen.

export const RecordClearanceInput = z
  .strictObject({
    athleteId: EntityId,
    referralId: ReferralId,
    date: IsoDate,
    clearedBy: Clearance.shape.clearedBy,
    outcome: ClearanceOutcome,
    restrictions: boundedText('restrictions', 2000).trim().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'cleared-with-restrictions' && !input.restrictions) {
      ctx.addIssue({ code: 'custom', path: ['restrictions'], message: 'write down the restrictions the clinician gave' })
    }
  })
export type RecordClearanceInput = z.input<typeof RecordClearanceInput>
export type RecordClearanceRequest = z.output<typeof RecordClearanceInput>

const AthleteRef = z.strictObject({ athleteId: EntityId })

export const clinicalChannels = {
  recordClearance: defineChannel('calfcoach:clearance:record', RecordClearanceInput, Clearance, { writes: true }),
  /** Newest first (by date, then the order recorded). */
  listClearances: defineChannel('calfcoach:clearance:list', AthleteRef, z.array(Clearance), { writes: false }),
  /** The athlete's one clinical state today: colour and reasons, open referrals, running allowance, actions. */
  getClinicalState: defineChannel('calfcoach:clinical:state', AthleteRef, ClinicalStateDto, { writes: false }),
}
