import { computeClinicalState, type ClinicalState } from '../../../shared/clinical/index'
import type { ClinicalStateDto } from '../../../shared/api/channels/clinical-state'
import { clinicalHeadline, needsClinicianToday } from '../../../shared/domain/clinical-headline'
import type { AthleteDocument } from '../../../shared/domain/documents'
import { type AthleteProfile, athleteClinicalInput } from '../../../shared/domain/athlete-clinical'
import type { ServiceContext } from '../context'
import { localIsoDate } from '../runs/run-service'
import { findAthlete } from '../squad/squad-service'

// The ONE place the app computes an athlete's clinical state. Every handler that shows or acts on status (the
// board, the squad list, the athlete header, plans, PDFs, the group session) calls clinicalStateFor, so no
// screen can disagree with another; when the board later answers from cached summaries, only this changes.

/** The state from a record already in hand (the pure part, shared by clinicalStateFor and its callers). */
export function clinicalStateOf(athlete: AthleteProfile, data: AthleteDocument, today: string): ClinicalState {
  // The same digest builder the board's summaries use (shared/domain/athlete-clinical.ts).
  return computeClinicalState(athleteClinicalInput(athlete, data, today), today)
}

/** Today's clinical state of one athlete, from their whole record. */
export function clinicalStateFor(ctx: ServiceContext, athleteId: string, todayInput?: string): ClinicalState {
  const athlete = findAthlete(ctx, athleteId)
  const today = todayInput ?? localIsoDate(ctx.now())
  return clinicalStateOf(athlete, ctx.db.athleteDoc(athleteId).data, today)
}

/** The state with its status line, as the channels send it. */
export function withHeadline(state: ClinicalState): ClinicalStateDto {
  return { ...state, headline: clinicalHeadline(state), seeClinicianToday: needsClinicianToday(state) }
}
