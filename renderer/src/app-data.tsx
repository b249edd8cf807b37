import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { AppStatus, Squad } from '../../shared/api/channels/squad'
import { call } from './api'

interface AppData {
  squad: Squad | null
  status: AppStatus | null
  loadError: string | null
  refresh(): Promise<void>
}

const AppDataContext = createContext<AppData | null>(null)

/** Squad index and app status, loaded once and refreshed after every change the UI makes. */
export function AppDataProvider({ children }: { children: ReactNode }) {
  const [squad, setSquad] = useState<Squad | null>(null)
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const refresh = useCallback(async () => {
    try {
      // The index answers at once; the status (with any notices about damaged files) waits until
      // every athlete file has been checked, so the list appears first on big squads.
      setSquad(await call('getSquad'))
      setLoadError(null)
      setStatus(await call('getAppStatus'))
    } catch (error) {
      setLoadError((error as Error).message)
    }
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])
  const value = useMemo(() => ({ squad, status, loadError, refresh }), [squad, status, loadError, refresh])
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext)
  if (!value) throw new Error('useAppData outside AppDataProvider')
  return value
}
