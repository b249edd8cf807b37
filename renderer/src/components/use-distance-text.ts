import { useCallback } from 'react'
import { localiseDistanceText } from '../../../shared/units'
import { useAppData } from '../app-data'

/** Rewrites km figures inside engine-written sentences into the coach's distance unit. */
export function useDistanceText(): (text: string) => string {
  const { squad } = useAppData()
  const unit = squad?.settings.distanceUnit ?? 'km'
  return useCallback((text: string) => localiseDistanceText(text, unit), [unit])
}
