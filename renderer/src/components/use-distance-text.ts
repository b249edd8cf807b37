import { useCallback } from 'react'
import { type DistanceUnit, localiseDistanceText } from '../../../shared/units'
import { useLoadedSettings } from '../app-data'
import { datesInText } from '../dates'

/**
 * Rewrites an engine-written sentence for the coach: km figures into their distance unit, and ISO dates
 * ("on 2026-11-30") into sentence dates ("on 30 November 2026"). The engines write km and ISO, as stored.
 */
export function engineText(text: string, unit: DistanceUnit): string {
  return datesInText(localiseDistanceText(text, unit))
}

/** engineText in the coach's distance unit (or the given one). */
export function useDistanceText(given?: DistanceUnit): (text: string) => string {
  const loaded = useLoadedSettings()
  // A print page gives the unit of its own data: it has no squad loaded.
  const unit = given ?? loaded?.distanceUnit ?? 'km'
  return useCallback((text: string) => engineText(text, unit), [unit])
}
