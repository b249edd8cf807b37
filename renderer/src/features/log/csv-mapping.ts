import type { CsvMappingInput } from '../../../../shared/api/channels/runs'
import type { DistanceUnit } from '../../../../shared/units'

// The column-mapping step for a generic CSV: which columns the coach can map, and a first guess from
// the header names that the coach then checks.

type MappingKey = 'date' | 'distance' | 'duration' | 'painDuring' | 'painAfter' | 'painNextMorning' | 'painOnsetDistance' | 'notes' | 'shoes' | 'surface'

export const MAPPING_FIELDS: { key: MappingKey; label: string; required?: boolean; guess: RegExp }[] = [
  { key: 'date', label: 'Date column', required: true, guess: /^(date|day|datum|when)/i },
  { key: 'distance', label: 'Distance column', required: true, guess: /^(distance|dist|km|kms|miles?|mi)\b/i },
  { key: 'duration', label: 'Duration column (optional)', guess: /(duration|time|elapsed)/i },
  { key: 'painDuring', label: 'Pain during column (optional)', guess: /pain.*(during|run)|^pain$/i },
  { key: 'painAfter', label: 'Pain after column (optional)', guess: /pain.*after|after.*pain/i },
  { key: 'painNextMorning', label: 'Pain next morning column (optional)', guess: /morning/i },
  { key: 'painOnsetDistance', label: 'Pain onset distance column (optional)', guess: /onset/i },
  { key: 'shoes', label: 'Shoes column (optional)', guess: /shoe/i },
  { key: 'surface', label: 'Surface column (optional)', guess: /surface|terrain/i },
  { key: 'notes', label: 'Notes column (optional)', guess: /notes?|comment|description/i },
]

/** A first guess at the mapping from the header names; the coach checks and changes it. */
export function guessMapping(headers: readonly string[], unit: DistanceUnit): CsvMappingInput {
  const used = new Set<string>()
  const pick = (re: RegExp) => {
    const h = headers.find((x) => !used.has(x) && re.test(x.trim()))
    if (h !== undefined) used.add(h)
    return h
  }
  const mapping: Record<string, string | undefined> = {}
  // Most specific first, so "Pain after" is not taken as the plain pain column.
  for (const key of ['date', 'painNextMorning', 'painAfter', 'painOnsetDistance', 'painDuring', 'distance', 'duration', 'shoes', 'surface', 'notes'] as const) {
    mapping[key] = pick(MAPPING_FIELDS.find((f) => f.key === key)!.guess)
  }
  const distHeader = mapping['distance'] ?? ''
  const distanceUnit = /\b(mi|miles?)\b/i.test(distHeader) ? 'mi' : /\(m\)|metres|meters/i.test(distHeader) ? 'm' : /km/i.test(distHeader) ? 'km' : unit
  const out: CsvMappingInput = { date: mapping['date'] ?? '', distance: mapping['distance'] ?? '', distanceUnit, dateFormat: 'auto' }
  for (const f of MAPPING_FIELDS) {
    const v = mapping[f.key]
    if (f.key !== 'date' && f.key !== 'distance' && v !== undefined) out[f.key] = v
  }
  return out
}
