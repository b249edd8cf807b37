// The one list of what counts as a run, for every import format: FIT sport/sub-sport pairs, GPX <type>
// values, Strava and Garmin Connect activity types and TCX Sport attributes. Anything not on the list is
// skipped and named in plain words, so a coach sees "inline skating", never a code or "this session is 250".

export type ActivityVerdict =
  /** A run: import it. */
  | { kind: 'run'; sport: string }
  /** The file does not say what it was: import it, but ask the coach to check. */
  | { kind: 'unknown'; sport: string }
  /** Something else: skip it, naming it. */
  | { kind: 'other'; sport: string }

/** "indoorRunning" → "indoor running", "trail_running" → "trail running". */
export function plainWords(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** FIT sports whose every sub-sport is a run (treadmill, trail, track, street, indoor, virtual, ultra…). */
const FIT_RUN_SPORTS = new Set(['running'])
/** Sub-sports that make a run out of an otherwise generic sport (a treadmill logged as gym equipment). */
const FIT_RUN_SUB_SPORTS = new Set(['treadmill', 'indoorRunning', 'track', 'trail', 'street', 'ultra'])
const FIT_UNSTATED = new Set(['generic', 'all'])
/** Sports where the sub-sport alone decides (a treadmill under "fitness equipment" is a run; an elliptical is not). */
const FIT_SPORTS_DECIDED_BY_SUB = new Set(['generic', 'fitnessEquipment', 'training', 'all'])

/** FIT sport + sub-sport in plain words: "running (trail)", "training (yoga)", "unrecorded sport (code 250)". */
export function fitSportName(sport: unknown, subSport: unknown): string {
  const base = typeof sport === 'string' ? plainWords(sport) : typeof sport === 'number' ? `an unrecorded sport (code ${sport})` : 'no sport recorded'
  if (typeof subSport === 'string' && !FIT_UNSTATED.has(subSport)) return `${base} (${plainWords(subSport)})`
  if (typeof subSport === 'number') return `${base} (unrecorded kind, code ${subSport})`
  return base
}

export function classifyFit(sport: unknown, subSport: unknown): ActivityVerdict {
  const name = fitSportName(sport, subSport)
  if (typeof sport === 'string' && FIT_RUN_SPORTS.has(sport)) return { kind: 'run', sport: name }
  const sub = typeof subSport === 'string' ? subSport : null
  const decidedBySub = sport === undefined || sport === null || (typeof sport === 'string' && FIT_SPORTS_DECIDED_BY_SUB.has(sport))
  if (decidedBySub && sub !== null && FIT_RUN_SUB_SPORTS.has(sub)) return { kind: 'run', sport: name }
  if ((sport === undefined || sport === null || sport === 'generic') && (sub === null || FIT_UNSTATED.has(sub))) {
    return { kind: 'unknown', sport: name }
  }
  return { kind: 'other', sport: name }
}

/**
 * Activity labels written as text, after plainWords(): Garmin Connect and most apps' GPX <type>
 * ("running", "trail_running", "treadmill_running"…), Strava activity types ("Run", "Trail Run",
 * "Virtual Run"), Garmin Connect CSV ("Running", "Track Running"…) and TCX Sport="Running".
 */
const RUN_LABELS = new Set([
  'run',
  'running',
  'runs',
  'jog',
  'jogging',
  'trail run',
  'trail running',
  'trailrun',
  'treadmill',
  'treadmill run',
  'treadmill running',
  'indoor run',
  'indoor running',
  'track run',
  'track running',
  'street run',
  'street running',
  'road run',
  'road running',
  'virtual run',
  'virtual running',
  'virtualrun',
  'ultra run',
  'ultra running',
  // Strava's older GPX exports write its numeric activity code instead of a word; 9 is Run.
  '9',
])

/** Labels meaning "not said" rather than a sport. */
const UNSTATED_LABELS = new Set(['', 'other', 'generic', 'uncategorized', 'unknown', 'activity', 'workout'])

export function classifyLabel(label: string | null | undefined): ActivityVerdict {
  const words = plainWords(label ?? '')
  if (RUN_LABELS.has(words)) return { kind: 'run', sport: words === '9' ? 'run' : words }
  if (UNSTATED_LABELS.has(words)) return { kind: 'unknown', sport: words || 'not stated' }
  return { kind: 'other', sport: words }
}

export function skipReason(verdict: ActivityVerdict, what: string): string {
  return `Skipped: this ${what} is ${verdict.sport}, not a run.`
}
