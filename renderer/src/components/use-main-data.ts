import { useCallback, useEffect, useState } from 'react'
import { useAppData } from '../app-data'

/**
 * Data read from main for one screen: loaded when `load` changes (keep it stable with useCallback), read again
 * on demand after a save, and in place (no blank state in between) when another coach's change is merged in.
 */
export function useMainData<T>(load: () => Promise<T>): { value: T | null; error: string | null; reload(): Promise<void> } {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    try {
      const next = await load()
      setValue(next)
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [load])
  useEffect(() => {
    setValue(null)
    void reload()
  }, [reload])
  const { changeCount } = useAppData()
  useEffect(() => {
    if (changeCount > 0) void reload()
  }, [changeCount, reload])
  return { value, error, reload }
}
