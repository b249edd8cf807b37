// Unit conversion and formatting. Everything is stored in SI units (km, seconds) and converted
// only at the edges (forms, tables, charts, PDF), so a coach's km/mi setting never touches the data.

export type DistanceUnit = 'km' | 'mi'

/** Kilometres in one international mile (exact by definition: 1 mi = 1609.344 m). */
export const KM_PER_MILE = 1.609344

export function kmToMiles(km: number): number {
  return km / KM_PER_MILE
}

export function milesToKm(miles: number): number {
  return miles * KM_PER_MILE
}

/** A stored distance in km shown in the coach's unit. */
export function toDisplayDistance(km: number, unit: DistanceUnit): number {
  return unit === 'mi' ? kmToMiles(km) : km
}

/** A distance typed in the coach's unit, converted back to km for storage. */
export function fromDisplayDistance(value: number, unit: DistanceUnit): number {
  return unit === 'mi' ? milesToKm(value) : value
}

export function unitLabel(unit: DistanceUnit): string {
  return unit === 'mi' ? 'mi' : 'km'
}

/** "6.2 km" / "3.9 mi". `digits` is the number of decimals (default 1). */
export function formatDistance(km: number, unit: DistanceUnit, digits = 1): string {
  if (!Number.isFinite(km)) return '–'
  const value = toDisplayDistance(km, unit)
  const text = value.toFixed(Math.max(0, Math.min(6, Math.trunc(digits))))
  // Avoid "-0.0 km" for tiny negative rounding noise.
  return `${/^-0(\.0+)?$/.test(text) ? text.slice(1) : text} ${unitLabel(unit)}`
}

const KM_IN_TEXT = /(\d+(?:\.\d+)?)(\s?)km\b/g

/**
 * Rewrites the distances inside a sentence written in km (rule explanations, plan gates, triage reasons)
 * into the coach's unit, so "up to 22.0 km this week" reads "up to 13.7 mi this week" for a miles coach.
 * The engines write km (SI, as stored); only the display changes.
 */
export function localiseDistanceText(text: string, unit: DistanceUnit): string {
  if (unit === 'km') return text
  return text.replace(KM_IN_TEXT, (_match, value: string, space: string) => {
    const km = Number(value)
    const digits = value.includes('.') ? Math.max(1, value.split('.')[1]!.length) : km >= 10 ? 0 : 1
    return `${formatDistance(km, unit, digits).replace(' ', space)}`
  })
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/**
 * "1:02:03" for an hour or more, "45:30" below an hour, "0:07" below a minute. Seconds are rounded
 * before the split, so a value like 59.6 s becomes "1:00", never "0:60".
 */
export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '–'
  const negative = sec < 0
  const total = Math.round(Math.abs(sec))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const text = h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`
  return negative && total > 0 ? `-${text}` : text
}

/**
 * Parses what a coach types into a duration field and returns whole seconds, or null if it cannot
 * be read. Accepted forms:
 * - "h:mm:ss" ("1:02:03") and "m:ss" ("45:30"). Minutes and seconds after a colon must be below 60.
 * - a plain number, read as minutes ("45" or "45.5"), because that is what people type in a run log.
 * - unit forms such as "1h 2m 3s", "1h30", "45 min", "90s", "1.5h".
 * Empty, negative or zero durations give null.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase()
  if (t === '') return null

  const colon = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(t)
  if (colon) {
    const a = Number(colon[1])
    const b = Number(colon[2])
    const c = colon[3] === undefined ? null : Number(colon[3])
    let total: number
    if (c === null) {
      if (b >= 60) return null
      total = a * 60 + b
    } else {
      if (b >= 60 || c >= 60) return null
      total = a * 3600 + b * 60 + c
    }
    return total > 0 ? total : null
  }

  const plain = /^\d+(?:\.\d+)?$/.exec(t)
  if (plain) {
    const total = Math.round(Number(t) * 60)
    return total > 0 ? total : null
  }

  const units = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec(?:onds?|s)?)?)?$/.exec(t)
  if (units && (units[1] || units[2] || units[3])) {
    const total = Math.round(Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0))
    return total > 0 ? total : null
  }
  // "1h30" / "1h 30": minutes without a unit after hours.
  const hm = /^(\d+)\s*h\s*(\d{1,2})$/.exec(t)
  if (hm) {
    const m = Number(hm[2])
    if (m >= 60) return null
    const total = Number(hm[1]) * 3600 + m * 60
    return total > 0 ? total : null
  }
  return null
}

/** Pace in seconds per km or per mile; null when distance or duration is missing or not positive. */
export function paceSecPerUnit(distanceKm: number, durationSec: number, unit: DistanceUnit): number | null {
  if (!(distanceKm > 0) || !(durationSec > 0) || !Number.isFinite(distanceKm) || !Number.isFinite(durationSec)) {
    return null
  }
  return durationSec / toDisplayDistance(distanceKm, unit)
}

/**
 * Converts a pace between units. A mile is longer than a kilometre, so seconds per mile are MORE
 * than seconds per km (a classic bug multiplies the wrong way).
 */
export function convertPace(secPerUnit: number, from: DistanceUnit, to: DistanceUnit): number {
  if (from === to) return secPerUnit
  return from === 'km' ? secPerUnit * KM_PER_MILE : secPerUnit / KM_PER_MILE
}

/** "5:30 /km" or "8:51 /mi"; rounds to whole seconds before splitting, so never "5:60". */
export function formatPace(secPerUnit: number | null, unit: DistanceUnit): string {
  if (secPerUnit === null || !Number.isFinite(secPerUnit) || secPerUnit <= 0) return '–'
  const total = Math.round(secPerUnit)
  return `${Math.floor(total / 60)}:${pad2(total % 60)} /${unitLabel(unit)}`
}
