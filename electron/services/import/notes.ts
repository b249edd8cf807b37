// The athlete's own words from an imported file (Strava's name, description and private note, a GPX
// track's name and description, a FIT workout name) become the run's notes, and a note that places calf
// trouble at a distance or time ("calves tight at 5k", "calf cramp after 20 min") proposes a pain onset.
// The proposal is only shown; the coach confirms it before it is saved.
import { KM_PER_MILE } from '../../../shared/units'
import type { PainOnsetProposal } from './types'

const NOTES_LIMIT = 2000

/** Default activity names apps give every activity ("Morning Run"): not the athlete's words. */
const GENERIC_NAME = /^(morning|lunch|afternoon|evening|night)\s+(run|jog|trail run|treadmill run)$|^(run|running|activity|untitled)$/i

/** Distinct non-empty texts joined with " — ", cut to the notes limit; null when there is nothing. */
export function joinNotes(parts: readonly (string | null | undefined)[]): string | null {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const part of parts) {
    const t = (part ?? '').replace(/\s+/g, ' ').trim()
    if (t === '' || GENERIC_NAME.test(t) || seen.has(t.toLowerCase())) continue
    seen.add(t.toLowerCase())
    kept.push(t)
  }
  if (kept.length === 0) return null
  const text = kept.join(' — ')
  return text.length > NOTES_LIMIT ? `${text.slice(0, NOTES_LIMIT - 1)}…` : text
}

const CALF = /\b(calf|calfs|calves|calve|soleus|gastroc\w*|cramp\w*)\b/i
const DISTANCE = /(\d+(?:[.,]\d+)?)\s*(km|kms|k|kilomet(?:er|re)s?|mi|miles?|mile|m|met(?:er|re)s?)\b/i
const TIME = /(\d+(?:[.,]\d+)?)\s*(min|mins|minutes?|h|hr|hrs|hours?)\b/i

function toNumber(text: string): number {
  return Number(text.replace(',', '.'))
}

/**
 * A pain onset read from the notes: the first clause that names the calf (or a cramp) and a distance or a
 * time. Values beyond the run's own distance or duration are ignored (they describe something else).
 */
export function proposePainOnset(notes: string | null, run: { distanceKm: number; durationSec?: number | null | undefined }): PainOnsetProposal | null {
  if (!notes) return null
  for (const clause of notes.split(/[.;!?\n—]+/)) {
    if (!CALF.test(clause)) continue
    const d = DISTANCE.exec(clause)
    const t = TIME.exec(clause)
    let km: number | null = null
    let minutes: number | null = null
    if (d?.[1] && d[2]) {
      const value = toNumber(d[1])
      const unit = d[2].toLowerCase()
      km = unit.startsWith('mi') ? value * KM_PER_MILE : unit === 'm' || unit.startsWith('met') ? value / 1000 : value
      km = Math.round(km * 1000) / 1000
      if (!(km > 0 && km <= run.distanceKm + 0.05)) km = null
      // "at 5k" on a 4.98 km run means the end: never propose an onset beyond the run (a typed one is refused).
      else km = Math.min(km, run.distanceKm)
    }
    if (t?.[1] && t[2]) {
      const value = toNumber(t[1])
      minutes = t[2].toLowerCase().startsWith('h') ? value * 60 : value
      const limit = typeof run.durationSec === 'number' ? run.durationSec / 60 + 1 : 7 * 24 * 60
      if (!(minutes > 0 && minutes <= limit)) minutes = null
    }
    if (km !== null || minutes !== null) return { km, minutes, text: clause.trim() }
  }
  return null
}
