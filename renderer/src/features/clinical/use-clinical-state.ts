import { useCallback, useEffect, useState } from 'react'
import type { ClinicalStateDto } from '../../../../shared/api/channels/clinical-state'
import { call, DATA_CHANGED } from '../../api'

/**
 * The athlete's one clinical state from main (clinicalStateFor), re-read after every saved change anywhere in
 * the app. Screens show it; none of them works out a colour of its own.
 */
export function useClinicalState(athleteId: string): { state: ClinicalStateDto | null; error: string | null; reload(): Promise<void> } {
  const [state, setState] = useState<ClinicalStateDto | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    try {
      setState(await call('getClinicalState', { athleteId }))
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [athleteId])
  useEffect(() => {
    setState(null)
    void reload()
    const onChange = () => void reload()
    window.addEventListener(DATA_CHANGED, onChange)
    return () => window.removeEventListener(DATA_CHANGED, onChange)
  }, [reload])
  return { state, error, reload }
}
