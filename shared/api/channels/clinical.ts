import { z } from 'zod'
import { ReferralId } from '../../assessment/schema'
import { Clearance, ClearanceOutcome } from '../../clinical/clearance'
import { ReadinessTest } from '../../clinical/readiness'
import { boundedText, EntityId, IsoDate } from '../../domain/common'
import { defineChannel } from '../define'
import { ClinicalStateDto, ReadinessResultDto } from './clinical-state'

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

/** One readiness test (clinical-and-peers.md C5) for an athlete returning to running after a clearance. */
export const RecordReadinessTestInput = ReadinessTest.extend({ athleteId: EntityId })
export type RecordReadinessTestInput = z.input<typeof RecordReadinessTestInput>

/**
 * A recorded readiness test with main's verdict (judgeReadiness against the pain limit of the return path in
 * force today): the renderer shows these checks and never judges a test itself.
 */
export const JudgedReadinessTest = z.strictObject({
  test: ReadinessTest,
  painLimit: z.number(),
  result: ReadinessResultDto,
})
export type JudgedReadinessTest = z.infer<typeof JudgedReadinessTest>

export const clinicalChannels = {
  recordClearance: defineChannel('calfcoach:clearance:record', RecordClearanceInput, Clearance, { writes: true }),
  /** Newest first (by date, then the order recorded). */
  listClearances: defineChannel('calfcoach:clearance:list', AthleteRef, z.array(Clearance), { writes: false }),
  /** The athlete's one clinical state today: colour and reasons, open referrals, running allowance, actions. */
  getClinicalState: defineChannel('calfcoach:clinical:state', AthleteRef, ClinicalStateDto, { writes: false }),
  /** Records one readiness test; refused unless a return to running is under way and the test is dated within it. */
  recordReadinessTest: defineChannel('calfcoach:readiness:record', RecordReadinessTestInput, JudgedReadinessTest, { writes: true }),
  /** Every readiness test recorded, newest first, each judged by main. */
  listReadinessTests: defineChannel('calfcoach:readiness:list', AthleteRef, z.array(JudgedReadinessTest), { writes: false }),
}
