import { useCallback } from 'react'
import type { JudgedReadinessTest } from '../../../../shared/api/channels/clinical'
import type { ClinicalStateDto } from '../../../../shared/api/channels/clinical-state'
import type { Clearance } from '../../../../shared/clinical/clearance'
import { call } from '../../api'
import { useMainData } from '../../components/use-main-data'

export interface ReferralsData {
  /** The athlete's one clinical state (main's clinicalStateFor): open referrals, return to running. */
  state: ClinicalStateDto
  /** Every clearance, newest first. */
  clearances: Clearance[]
  /** Every readiness test, newest first, each with main's verdict. */
  readinessTests: JudgedReadinessTest[]
}

/** Loads what the Referrals tab shows, all from main, and reloads it after a save or another coach's change. */
export function useReferralsData(athleteId: string): { data: ReferralsData | null; error: string | null; reload(): Promise<void> } {
  const load = useCallback(async (): Promise<ReferralsData> => {
    const [state, clearances, readinessTests] = await Promise.all([
      call('getClinicalState', { athleteId }),
      call('listClearances', { athleteId }),
      call('listReadinessTests', { athleteId }),
    ])
    return { state, clearances, readinessTests }
  }, [athleteId])
  const { value, error, reload } = useMainData(load)
  return { data: value, error, reload }
}
