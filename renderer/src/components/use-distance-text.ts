import { useCallback } from 'react'
import { localiseDistanceText } from '../../../shared/units'
import { useAppData } from '../app-data'
import { datesInText } from '../dates'

/**
 * Rewrites an engine-written sentence for the coach: km figures into their distance unit, and ISO dates
 * ("on 2026-11-30") into sentence dates ("on 30 November 2026"). The engines write km and ISO, as stored.
 */
export function useDistanceText(): (text: string) => string {
  const { squad } = useAppData()
  const unit = squad?.settings.distanceUnit ?? 'km'
  return useCallback((text: string) => datesInText(localiseDistanceText(text, unit)), [unit])
}
