import { useCallback, useEffect, useState } from 'react'
import type { JudgedReadinessTest } from '../../../../shared/api/channels/clinical'
import type { ClinicalStateDto } from '../../../../shared/api/channels/clinical-state'
import type { Clearance } from '../../../../shared/clinical/clearance'
import { call } from '../../api'
import { useAppData } from '../../app-data'

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
  const [data, setData] = useState<ReferralsData | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    try {
      const [state, clearances, readinessTests] = await Promise.all([
        call('getClinicalState', { athleteId }),
        call('listClearances', { athleteId }),
        call('listReadinessTests', { athleteId }),
      ])
      setData({ state, clearances, readinessTests })
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [athleteId])
  useEffect(() => {
    setData(null)
    void reload()
  }, [reload])
  const { changeCount } = useAppData()
  useEffect(() => {
    if (changeCount > 0) void reload()
  }, [changeCount, reload])
  return { data, error, reload }
}
