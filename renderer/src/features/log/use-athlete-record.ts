import { useCallback } from 'react'
import type { AthleteRecord } from '../../../../shared/api/channels/runs'
import { call } from '../../api'
import { useMainData } from '../../components/use-main-data'

/** Loads an athlete's record (runs, assessments, plans, lock state) and reloads it on demand. */
export function useAthleteRecord(athleteId: string): { record: AthleteRecord | null; error: string | null; reload(): Promise<void> } {
  const { value, error, reload } = useMainData(useCallback(() => call('getAthleteRecord', { athleteId }), [athleteId]))
  return { record: value, error, reload }
}
