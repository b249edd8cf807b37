import { ReferralId } from '../../../shared/assessment/schema'
import { isIsoDate } from '../../../shared/dates'

// Pure upgrades of an athlete file, one per data-format step, registered in kinds.ts. They see plain JSON
// that passed the previous version's schema, but still check every value they copy: a migration must never
// turn a readable file into one the new schema rejects.

type Json = Record<string, unknown>

function asObject(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null
}

/** Who cleared a runner is unknown for clearances made from the old single date. */
export const MIGRATED_CLEARED_BY = { role: 'other', name: 'not recorded (from the plan’s “referral cleared on” date)' } as const

/**
 * Format 1 → 2: clearances per referral. Format 1 kept one "referral cleared on" date in a plan request, and
 * the plan generator honoured it only for an amber diagnosis, where it released every referral that diagnosis
 * carried. So each such date becomes one clearance per referral of that amber diagnosis, marked as migrated.
 * The plan requests keep their date untouched (nothing is removed), and the same referral cleared on the same
 * date by several plan versions becomes a single clearance.
 */
export function athleteV1toV2(doc: Json): Json {
  const clearances: Json[] = []
  const seen = new Set<string>()
  const plans = Array.isArray(doc['plans']) ? doc['plans'] : []
  for (const plan of plans) {
    const request = asObject(asObject(plan)?.['request'])
    const date = request?.['referralClearedOn']
    const diagnosis = asObject(request?.['diagnosis'])
    if (typeof date !== 'string' || !isIsoDate(date) || diagnosis?.['triage'] !== 'amber') continue
    const referrals = Array.isArray(diagnosis['referrals']) ? diagnosis['referrals'] : []
    for (const referral of referrals) {
      const id = ReferralId.safeParse(asObject(referral)?.['id'])
      if (!id.success || seen.has(`${id.data}|${date}`)) continue
      seen.add(`${id.data}|${date}`)
      clearances.push({
        id: `clr-migrated-${clearances.length + 1}`,
        referralId: id.data,
        date,
        clearedBy: { ...MIGRATED_CLEARED_BY },
        outcome: 'cleared',
        migrated: true,
      })
    }
  }
  return { ...doc, clearances }
}
