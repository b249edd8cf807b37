import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { AppStatus, Squad } from '../../shared/api/channels/squad'
import type { Settings } from '../../shared/domain/squad'
import { call } from './api'

interface AppData {
  /** Bumps when another coach's change has been merged in: screens reload their data on it. */
  changeCount: number
  squad: Squad | null
  status: AppStatus | null
  loadError: string | null
  refresh(): Promise<void>
  /**
   * Saves settings and puts the saved ones into `squad` without reloading the athletes: the athlete list
   * keeps its identity, so screens keyed on it (the squad list's statuses) do not reload for a sort click.
   */
  saveSettings(patch: Partial<Settings>): Promise<void>
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
  const saveSettings = useCallback(async (patch: Partial<Settings>) => {
    const settings = await call('updateSettings', patch)
    setSquad((current) => (current ? { ...current, settings } : current))
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])
  // In a shared club folder, another coach's change is merged in main; this long poll answers when that
  // happens and the squad (and every screen that depends on it) reloads without a restart.
  const [changeCount, setChangeCount] = useState(0)
  useEffect(() => {
    let stopped = false
    let since = 0
    const loop = async () => {
      while (!stopped) {
        try {
          const { changeCount: next } = await call('waitForChanges', { since })
          if (stopped) return
          if (next !== since) {
            since = next
            setChangeCount(next)
            await refresh()
          }
        } catch {
          return
        }
      }
    }
    void loop()
    return () => {
      stopped = true
    }
  }, [refresh])
  const value = useMemo(() => ({ changeCount, squad, status, loadError, refresh, saveSettings }), [changeCount, squad, status, loadError, refresh, saveSettings])
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>
}

/**
 * The squad's settings once loaded, or null: also outside AppDataProvider (a print window loads no squad;
 * its page passes the settings it printed with).
 */
export function useLoadedSettings(): Settings | null {
  return useContext(AppDataContext)?.squad?.settings ?? null
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext)
  if (!value) throw new Error('useAppData outside AppDataProvider')
  return value
}
