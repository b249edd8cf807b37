// What the coach types in a run row, and how it becomes a RunInput in SI units. Distances are typed in
// the coach's unit and converted with shared/units.ts; nothing here talks to the main process.
import { isIsoDate } from '../../../../shared/dates'
import type { Run, RunInput } from '../../../../shared/domain/run'
import { formatDuration, fromDisplayDistance, toDisplayDistance, unitLabel, type DistanceUnit, parseDuration } from '../../../../shared/units'
import { todayIso as localToday } from '../../dates'

export interface RunFormValues {
  date: string
  distance: string
  duration: string
  painDuring: string
  painAfter: string
  painNextMorning: string
  /** Distance in the coach's unit ("4.5"), or minutes ("20 min"). */
  onset: string
  performance: string
  notes: string
}
export type RunField = keyof RunFormValues
export type RunFormErrors = Partial<Record<RunField, string>>

/** Today's calendar date on this computer (not the UTC date); one definition, in renderer/src/dates.ts. */
export { localToday }

export function emptyRunForm(date = localToday()): RunFormValues {
  return { date, distance: '', duration: '', painDuring: '', painAfter: '', painNextMorning: '', onset: '', performance: '', notes: '' }
}

/** A number as people type it: "5.2" or "5,2". Empty → null, unreadable → NaN. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN
}

function trimNumber(n: number, digits: number): string {
  return String(Math.round(n * 10 ** digits) / 10 ** digits)
}

export function runToForm(run: Run, unit: DistanceUnit): RunFormValues {
  const pain = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '')
  let onset = ''
  if (typeof run.painOnsetKm === 'number') onset = trimNumber(toDisplayDistance(run.painOnsetKm, unit), 2)
  else if (typeof run.painOnsetMinutes === 'number') onset = `${trimNumber(run.painOnsetMinutes, 1)} min`
  return {
    date: run.date,
    distance: trimNumber(toDisplayDistance(run.distanceKm, unit), 2),
    duration: typeof run.durationSec === 'number' ? formatDuration(run.durationSec) : '',
    painDuring: pain(run.painDuring),
    painAfter: pain(run.painAfter),
    painNextMorning: pain(run.painNextMorning),
    onset,
    performance: typeof run.performancePercent === 'number' ? String(run.performancePercent) : '',
    notes: run.notes ?? '',
  }
}

/**
 * Checks every field and builds the run. `base` carries what the form does not show (surface, shoes,
 * source) when a stored run is edited.
 */
export function parseRunForm(
  values: RunFormValues,
  unit: DistanceUnit,
  options: { today?: string; base?: Partial<RunInput> } = {},
): { ok: true; run: RunInput } | { ok: false; errors: RunFormErrors } {
  const errors: RunFormErrors = {}
  const u = unitLabel(unit)
  const today = options.today ?? localToday()

  const date = values.date.trim()
  if (!date) errors.date = 'enter the date of the run'
  else if (!isIsoDate(date)) errors.date = 'use a real date (YYYY-MM-DD)'
  else if (date > today) errors.date = 'the run cannot be in the future'

  const dist = readNumber(values.distance)
  let distanceKm = 0
  if (dist === null) errors.distance = `enter the distance in ${u}`
  else if (Number.isNaN(dist)) errors.distance = `write the distance as a number of ${u}, e.g. 6.5`
  else if (dist <= 0) errors.distance = 'must be more than 0'
  else {
    distanceKm = Math.round(fromDisplayDistance(dist, unit) * 1e6) / 1e6
    if (distanceKm > 400) errors.distance = `must be at most ${unit === 'mi' ? '248 mi' : '400 km'}`
  }

  let durationSec: number | null = null
  if (values.duration.trim() !== '') {
    durationSec = parseDuration(values.duration)
    if (durationSec === null) errors.duration = 'use h:mm:ss, mm:ss or minutes (e.g. 45)'
    else if (durationSec > 7 * 86_400) errors.duration = 'must be at most 7 days'
  }

  const pain = (field: 'painDuring' | 'painAfter' | 'painNextMorning'): number | null => {
    const n = readNumber(values[field])
    if (n === null) return null
    if (Number.isNaN(n) || n < 0 || n > 10) {
      errors[field] = 'a number from 0 to 10'
      return null
    }
    return n
  }
  const painDuring = pain('painDuring')
  const painAfter = pain('painAfter')
  const painNextMorning = pain('painNextMorning')

  let painOnsetKm: number | null = null
  let painOnsetMinutes: number | null = null
  const onsetText = values.onset.trim().toLowerCase()
  if (onsetText !== '') {
    const minutes = /^(\d+(?:[.,]\d+)?)\s*(?:min|mins|minutes?)$/.exec(onsetText)
    if (minutes) {
      const m = readNumber(minutes[1] ?? '')
      if (m === null || Number.isNaN(m) || m < 0 || m > 7 * 24 * 60) errors.onset = 'minutes must be 0 or more'
      else painOnsetMinutes = m
    } else {
      const n = readNumber(onsetText.replace(new RegExp(`\\s*${u}$`), ''))
      if (n === null || Number.isNaN(n) || n < 0) errors.onset = `a distance in ${u} (e.g. 4.5) or minutes (e.g. 20 min)`
      else {
        painOnsetKm = Math.round(fromDisplayDistance(n, unit) * 1e6) / 1e6
        if (!errors.distance && painOnsetKm > distanceKm + 1e-9) errors.onset = 'cannot be beyond the run’s distance'
      }
    }
  }

  let performancePercent: number | null = null
  const perf = readNumber(values.performance.replace('%', ''))
  if (perf !== null) {
    if (Number.isNaN(perf) || perf < 0 || perf > 150) errors.performance = 'a percentage from 0 to 150 (100 = unaffected)'
    else performancePercent = perf
  }

  const notes = values.notes.trim()
  if (notes.length > 2000) errors.notes = 'at most 2000 characters'

  if (Object.keys(errors).length) return { ok: false, errors }
  const run: RunInput = {
    ...(options.base ?? {}),
    date,
    distanceKm,
    durationSec,
    painDuring,
    painAfter,
    painNextMorning,
    painOnsetKm,
    painOnsetMinutes,
    performancePercent,
    notes,
  }
  return { ok: true, run }
}

/** Maps a server-side issue path (e.g. "run.distanceKm") back to the form field it came from. */
export function fieldForIssue(issuePath: string): RunField | null {
  const key = issuePath.replace(/^run\./, '').replace(/^entries\.\d+\./, '').split('.')[0]
  switch (key) {
    case 'date':
      return 'date'
    case 'distanceKm':
      return 'distance'
    case 'durationSec':
      return 'duration'
    case 'painDuring':
    case 'painAfter':
    case 'painNextMorning':
      return key
    case 'painOnsetKm':
    case 'painOnsetMinutes':
      return 'onset'
    case 'performancePercent':
      return 'performance'
    case 'notes':
      return 'notes'
    default:
      return null
  }
}

export const FIELD_LABELS: Record<RunField, string> = {
  date: 'Date',
  distance: 'Distance',
  duration: 'Duration',
  painDuring: 'Pain during',
  painAfter: 'Pain after',
  painNextMorning: 'Pain next morning',
  onset: 'Pain onset',
  performance: 'Performance %',
  notes: 'Notes',
}

/**
 * The errors still standing after the coach changes a field: a message disappears as soon as its field
 * is valid, without new messages appearing for fields the coach has not reached yet.
 */
export function remainingErrors(previous: RunFormErrors, values: RunFormValues, unit: DistanceUnit, options: { today?: string; base?: Partial<RunInput> } = {}): RunFormErrors {
  if (Object.keys(previous).length === 0) return previous
  const parsed = parseRunForm(values, unit, options)
  const now: RunFormErrors = parsed.ok ? {} : parsed.errors
  const kept: RunFormErrors = {}
  for (const field of Object.keys(previous) as RunField[]) if (now[field]) kept[field] = now[field]
  return kept
}
