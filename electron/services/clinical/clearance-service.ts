import type { RecordClearanceRequest } from '../../../shared/api/channels/clinical'
import { DomainError } from '../../../shared/api/result'
import type { Clearance } from '../../../shared/clinical/clearance'
import type { ServiceContext } from '../context'
import { newId } from '../context'
import { localIsoDate, writableDoc } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'
import { clinicalStateOf } from './clinical-service'

// Recording and listing clearances. A clearance is kept for good: it is history the coach and the clinician
// rely on, so there is no edit or delete; a mistaken one is answered by recording the right one after it.

type ClearanceRequest = Omit<RecordClearanceRequest, 'athleteId'>

function refuse(path: string, message: string): DomainError {
  return new DomainError('invalid-input', `Clearance not recorded: ${message}.`, [{ path, message }])
}

export async function recordClearance(ctx: ServiceContext, athleteId: string, request: ClearanceRequest): Promise<Clearance> {
  const athlete = findAthlete(ctx, athleteId)
  const doc = writableDoc(ctx, athleteId)
  const today = localIsoDate(ctx.now())
  if (request.date > today) throw refuse('date', 'the date cannot be in the future')
  const open = clinicalStateOf(athlete, doc.data, today).openReferrals.find((r) => r.referralId === request.referralId)
  if (!open) throw refuse('referralId', `${athlete.name} has no open referral of this kind, so there is nothing to clear`)
  if (request.date < open.since) throw refuse('date', `the referral was raised on ${open.since}; a clearance cannot be dated before it`)
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
