import type { RecordClearanceRequest } from '../../../shared/api/channels/clinical'
import { DomainError } from '../../../shared/api/result'
import { diagnose } from '../../../shared/assessment/diagnose'
import type { ReferralId } from '../../../shared/assessment/schema'
import type { Clearance } from '../../../shared/domain/clearance'
import type { AthleteDocument } from '../../../shared/domain/documents'
import type { Athlete } from '../../../shared/domain/squad'
import { prefillAthlete } from '../assessments/assessment-service'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { localIsoDate, writableDoc } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'

// Recording and listing clearances. A clearance is kept for good: it is history the coach and the clinician
// rely on, so there is no edit or delete; a mistaken one is answered by recording the right one after it.

type ClearanceRequest = Omit<RecordClearanceRequest, 'athleteId'>

/** The first date on which each referral was raised by one of the athlete's assessments (current rules). */
export function firstRaised(athlete: Athlete, data: AthleteDocument): Map<ReferralId, string> {
  const out = new Map<ReferralId, string>()
  for (const record of data.assessments) {
    let referrals: readonly { id: ReferralId }[]
    try {
      referrals = diagnose(prefillAthlete(record.input, athlete, record.date)).referrals
    } catch {
      continue // an assessment the rules cannot read raises nothing; it is reported where it is shown
    }
    for (const r of referrals) {
      const known = out.get(r.id)
      if (known === undefined || record.date < known) out.set(r.id, record.date)
    }
  }
  return out
}

function refuse(path: string, message: string): DomainError {
  return new DomainError('invalid-input', `Clearance not recorded: ${message}.`, [{ path, message }])
}

export async function recordClearance(ctx: ServiceContext, athleteId: string, request: ClearanceRequest): Promise<Clearance> {
  const athlete = findAthlete(ctx, athleteId)
  const doc = writableDoc(ctx, athleteId)
  const today = localIsoDate(ctx.now())
  if (request.date > today) throw refuse('date', 'the date cannot be in the future')
  const raisedOn = firstRaised(athlete, doc.data).get(request.referralId)
  if (raisedOn === undefined) {
    throw refuse('referralId', `no assessment of ${athlete.name} raised this referral, so there is nothing to clear`)
  }
  if (request.date < raisedOn) throw refuse('date', `the referral was first raised on ${raisedOn}; a clearance cannot be dated before it`)
  const clearance: Clearance = {
    id: newId('clr', ctx.now()),
    referralId: request.referralId,
    date: request.date,
    clearedBy: { role: request.clearedBy.role, name: request.clearedBy.name.trim() },
    outcome: request.outcome,
    ...(request.restrictions ? { restrictions: request.restrictions } : {}),
  }
  await doc.mutate((d) => ({ ...d, clearances: [...d.clearances, clearance] }))
  return clearance
}

/** Newest first: by date, then the later-recorded one first. */
export function listClearances(ctx: ServiceContext, athleteId: string): Clearance[] {
  findAthlete(ctx, athleteId)
  const all = ctx.db.athleteDoc(athleteId).data.clearances
  return all
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.date !== b.c.date ? (a.c.date < b.c.date ? 1 : -1) : b.i - a.i))
    .map(({ c }) => c)
}
