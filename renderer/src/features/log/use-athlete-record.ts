import { useCallback, useEffect, useState } from 'react'
import type { AthleteRecord } from '../../../../shared/api/channels/runs'
import { call } from '../../api'
import { useAppData } from '../../app-data'

/** Loads an athlete's record (runs, assessments, plans, lock state) and reloads it on demand. */
export function useAthleteRecord(athleteId: string): { record: AthleteRecord | null; error: string | null; reload(): Promise<void> } {
  const [record, setRecord] = useState<AthleteRecord | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    try {
      const next = await call('getAthleteRecord', { athleteId })
      setRecord(next)
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [athleteId])
  useEffect(() => {
    setRecord(null)
    void reload()
  }, [reload])
  // Another coach's change merged in: reload in place (no blank state in between).
  const { changeCount } = useAppData()
  useEffect(() => {
    if (changeCount > 0) void reload()
  }, [changeCount, reload])
  return { record, error, reload }
}
