import { ReferralId } from '../../../shared/assessment/schema'
import { clearancesFromClearedOn } from '../../../shared/clinical/clearance'
import { isIsoDate } from '../../../shared/dates'

// Pure upgrades of an athlete file, one per data-format step, registered in kinds.ts. They see plain JSON
// that passed the previous version's schema, but still check every value they copy: a migration must never
// turn a readable file into one the new schema rejects.

type Json = Record<string, unknown>

function asObject(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null
}

/**
 * Format 1 → 2: clearances per referral, and an empty list of readiness tests. Format 1 kept one "referral
 * cleared on" date in a plan request, and the plan generator honoured it only for an amber diagnosis, where it
 * released every referral that diagnosis carried. So each such date becomes one clearance per referral of that
 * amber diagnosis, marked as migrated (a date typed beside a red diagnosis never released anything, so it
 * clears nothing now either). The plan requests keep their date untouched, and the same referral cleared on
 * the same date by several plan versions becomes a single clearance.
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
    const ids = referrals
      .map((r) => ReferralId.safeParse(asObject(r)?.['id']))
      .flatMap((r) => (r.success && !seen.has(`${r.data}|${date}`) ? [r.data] : []))
    for (const id of ids) seen.add(`${id}|${date}`)
    clearances.push(...clearancesFromClearedOn(date, ids, (_id, i) => `clr-migrated-${clearances.length + i + 1}`))
  }
  return { ...doc, clearances, readinessTests: [] }
}
