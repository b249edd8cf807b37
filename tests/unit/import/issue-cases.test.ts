// The failures reported with real watch and app files (issue 12), each rebuilt here from files the test
// makes: FIT with Garmin's own encoder, cut-short CSVs, GPX with every kind of <type>.
import { describe, expect, it } from 'vitest'
import { parseRunFile } from '../../../electron/services/import/index'
import { appendRawRecords, makeActivity, makeMultisport, type Leg } from '../../fixtures/import/make-fit'
import { text } from './helpers'

const TRIATHLON: Leg[] = [
  { sport: 'swimming', subSport: 'openWater', distanceM: 1500, elapsedSec: 1920 },
  { sport: 'transition', distanceM: 120, elapsedSec: 150 },
  { sport: 'cycling', subSport: 'road', distanceM: 40_100, elapsedSec: 4300 },
  { sport: 'transition', distanceM: 60, elapsedSec: 90 },
  { sport: 'running', distanceM: 4492, elapsedSec: 1574 },
]
const start = new Date('2024-07-14T06:00:00Z')

describe('FIT: keep what was decoded, one row per leg', () => {
  it('a triathlon whose decoding fails after the sessions keeps the run leg and says what was lost', () => {
    const bytes = appendRawRecords(makeMultisport({ start, legs: TRIATHLON, serial: 42, utcOffsetSec: 7200 }))
    const p = parseRunFile('triathlon.fit', bytes, { timeZone: 'UTC' })
    expect(p.fileProblems).toEqual([])
    expect(p.rows.map((r) => [r.rowNumber, r.details?.sport, r.run ? 'run' : r.problems[0]])).toEqual([
      [1, 'swimming (open water)', 'Skipped: this leg 1 of 5 is swimming (open water), not a run.'],
      [2, 'transition', 'Skipped: this leg 2 of 5 is transition, not a run.'],
      [3, 'cycling (road)', 'Skipped: this leg 3 of 5 is cycling (road), not a run.'],
      [4, 'transition', 'Skipped: this leg 4 of 5 is transition, not a run.'],
      [5, 'running', 'run'],
    ])
    expect(p.rows[4]?.run).toMatchObject({ date: '2024-07-14', distanceKm: 4.492, durationSec: 1574 })
    expect(p.rows[4]?.details).toMatchObject({ timeZone: 'UTC+02:00', timeZoneSource: 'file' })
    expect(p.warnings?.join(' ')).toMatch(/Part of the FIT file could not be decoded\. The 5 session summaries were read completely/)
    // No library's own words reach the coach.
    const everything = JSON.stringify(p)
    expect(everything).not.toMatch(/compressed timestamp|Cannot read properties|undefined|FIT Runtime Error/)
  })

  it('the same file without the damage reads the same rows and no warning', () => {
    const bytes = makeMultisport({ start, legs: TRIATHLON, serial: 42, utcOffsetSec: 7200 })
    const p = parseRunFile('triathlon.fit', bytes, { timeZone: 'UTC' })
    expect(p.warnings).toBeUndefined()
    expect(p.rows.filter((r) => r.run).map((r) => r.run?.distanceKm)).toEqual([4.492])
  })

  it('treadmill, trail and track runs count; yoga, strength and an unknown sport code are named in words', () => {
    const legs: Leg[] = [
      { sport: 'running', subSport: 'treadmill', distanceM: 5000, elapsedSec: 1600 },
      { sport: 'running', subSport: 'trail', distanceM: 8000, elapsedSec: 3200 },
      { sport: 'running', subSport: 'track', distanceM: 6000, elapsedSec: 1700 },
      { sport: 'fitnessEquipment', subSport: 'treadmill', distanceM: 4000, elapsedSec: 1500 },
      { sport: 'training', subSport: 'yoga', distanceM: 1, elapsedSec: 3600 },
      { sport: 'training', subSport: 'strengthTraining', distanceM: 1, elapsedSec: 2400 },
      { sport: 'inlineSkating', distanceM: 15000, elapsedSec: 3000 },
    ]
    const p = parseRunFile('mixed.fit', makeMultisport({ start, legs, serial: 9, utcOffsetSec: 0 }), { timeZone: 'UTC' })
    expect(p.rows.map((r) => (r.run ? `run: ${r.details?.sport}` : r.problems[0]))).toEqual([
      'run: running (treadmill)',
      'run: running (trail)',
      'run: running (track)',
      'run: fitness equipment (treadmill)',
      'Skipped: this leg 5 of 7 is training (yoga), not a run.',
      'Skipped: this leg 6 of 7 is training (strength training), not a run.',
      'Skipped: this leg 7 of 7 is inline skating, not a run.',
    ])
  })

  it('a workout name goes into the notes, and a single-session damaged file still imports', () => {
    const bytes = appendRawRecords(makeMultisport({ start, legs: [{ sport: 'running', distanceM: 10_000, elapsedSec: 3000 }], serial: 1, utcOffsetSec: 0, workoutName: 'Tempo 3x2k' }))
    const p = parseRunFile('tempo.fit', bytes, { timeZone: 'UTC' })
    expect(p.rows[0]?.run).toMatchObject({ distanceKm: 10, notes: 'Tempo 3x2k' })
    expect(p.rows[0]?.details?.name).toBe('Tempo 3x2k')
    expect(p.warnings?.[0]).toMatch(/The session summary was read completely/)
  })

  it('damage before anything was decoded is still refused, in plain words', () => {
    const ok = makeActivity({ start, sport: 'running', distanceM: 5000, elapsedSec: 1500, serial: 1, utcOffsetSec: 0 })
    // The header with no data, then a compressed-timestamp record: nothing decodable before the damage.
    const headerOnly = new Uint8Array([...ok.subarray(0, 4), 0, 0, 0, 0, ...ok.subarray(8, 14), 0, 0])
    const p = parseRunFile('bad.fit', appendRawRecords(headerOnly))
    expect(p.rows).toEqual([])
    expect(p.fileProblems[0]).toBe('The FIT file could not be decoded: its contents are damaged before any session or track point. Nothing was imported.')
  })
})

const STRAVA_HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Activity Private Note,Elapsed Time,Distance,Elevation Gain'
const STRAVA_ROWS = [
  '101,"Mar 31, 2024, 7:10:00 AM",Morning Run,Run,"calves tight at 5k",1800,5.01,,1800.0,5012.3,31.0',
  '102,"Apr 2, 2024, 6:00:00 PM",Long one,Run,,6050,15.20,calf cramp 9k,6050.0,15200.0,120.0',
]

describe('CSV: rows must match the header (cut at many byte offsets)', () => {
  const full = `${STRAVA_HEADER}\n${STRAVA_ROWS.join('\n')}\n`
  const complete = parseRunFile('activities.csv', text(full), { timeZone: 'UTC' })

  it('the whole file reads both runs', () => {
    expect(complete.rows.map((r) => r.run?.distanceKm)).toEqual([5.012, 15.2])
  })

  it('a file cut anywhere in the last row never saves that row with a wrong distance or duration', () => {
    const lastRowStart = full.indexOf('102,')
    for (let cut = lastRowStart + 1; cut < full.length - 1; cut++) {
      const p = parseRunFile('activities.csv', text(full.slice(0, cut)), { timeZone: 'UTC' })
      expect(p.rows[0]?.run, `cut at ${cut}`).toEqual(complete.rows[0]?.run)
      const last = p.rows[1]
      if (last?.run) {
        // Only a cut inside the last column (elevation, unused) leaves the row whole: its values are unchanged.
        expect(cut, `cut at ${cut}`).toBeGreaterThan(full.lastIndexOf(','))
        expect(last.run).toEqual(complete.rows[1]?.run)
      } else if (last) {
        expect(last.problems[0], `cut at ${cut}`).toMatch(/^Skipped: row 3 (has \d+ of the 11 cells|ends inside a quoted cell)/)
      }
    }
  })

  it('a long row (an unquoted comma) is refused with its row number', () => {
    const p = parseRunFile('activities.csv', text(`${STRAVA_HEADER}\n${STRAVA_ROWS[0]}\n103,"Apr 3, 2024, 7:00:00 AM",Easy, slow,Run,,1800,5.0,,1800.0,5000.0,3.0\n`), { timeZone: 'UTC' })
    expect(p.rows[1]?.run).toBeNull()
    expect(p.rows[1]?.problems[0]).toMatch(/^Skipped: row 3 has 12 cells but the header names 11/)
  })
})

describe('one list of runs for every format', () => {
  const gpx = (type: string) =>
    `<gpx><trk><name>t</name><type>${type}</type><trkseg><trkpt lat="48" lon="2"><time>2024-05-01T10:00:00Z</time></trkpt><trkpt lat="48.05" lon="2"><time>2024-05-01T10:30:00Z</time></trkpt></trkseg></trk></gpx>`
  it.each(['running', 'trail_running', 'treadmill_running', 'track_running', 'Run', 'TrailRun', 'virtual_run', 'street_running'])('GPX <type>%s</type> is a run', (type) => {
    expect(parseRunFile('a.gpx', text(gpx(type)), { timeZone: 'UTC' }).rows[0]?.run).not.toBeNull()
  })
  it.each([
    ['driving', 'driving'],
    ['inline_skating', 'inline skating'],
    ['snowboarding', 'snowboarding'],
    ['hiking', 'hiking'],
    ['Ride', 'ride'],
    ['motorcycling', 'motorcycling'],
  ])('GPX <type>%s</type> is skipped and named', (type, words) => {
    expect(parseRunFile('a.gpx', text(gpx(type)), { timeZone: 'UTC' }).rows[0]?.problems).toEqual([`Skipped: this track is ${words}, not a run.`])
  })
  it('Strava activity types use the same list', () => {
    const csv = `${STRAVA_HEADER}\n${['Run', 'Trail Run', 'Virtual Run', 'InlineSkate', 'Snowboard', 'Hike']
      .map((t, i) => `${200 + i},"May ${i + 1}, 2024, 7:00:00 AM",x,${t},,1800,5.0,,1800.0,5000.0,3.0`)
      .join('\n')}\n`
    const p = parseRunFile('activities.csv', text(csv), { timeZone: 'UTC' })
    expect(p.rows.map((r) => (r.run ? 'run' : r.problems[0]))).toEqual([
      'run',
      'run',
      'run',
      'Skipped: this activity is inline skate, not a run.',
      'Skipped: this activity is snowboard, not a run.',
      'Skipped: this activity is hike, not a run.',
    ])
  })
})

describe('plausibility flags', () => {
  const track = (points: [number, number, string][], type = 'running') =>
    `<gpx><trk><type>${type}</type><trkseg>${points.map(([lat, lon, t]) => `<trkpt lat="${lat}" lon="${lon}"><time>${t}</time></trkpt>`).join('')}</trkseg></trk></gpx>`
  const now = Date.parse('2025-06-01T12:00:00Z')

  it('flags a three-day hike, a 40 km/h car track, a 1901 track, a future one and a 30 s one; a normal run has none', () => {
    const parse = (xml: string) => parseRunFile('a.gpx', text(xml), { timeZone: 'UTC', now }).rows[0]
    // 0.1° of latitude ≈ 11.1 km in 3 days: far slower than 15:00 per km.
    const hike = parse(track([[45, 6, '2024-08-01T08:00:00Z'], [45.1, 6, '2024-08-04T08:00:00Z']]))
    expect(hike?.flags?.[0]).toMatch(/^The pace, .* is slower than 15:00 per km/)
    // 11.1 km in 16 min 40 s (40 km/h): faster than 2:30 per km.
    const car = parse(track([[45, 6, '2024-08-01T08:00:00Z'], [45.1, 6, '2024-08-01T08:16:40Z']]))
    expect(car?.flags?.[0]).toMatch(/^The pace, 1:30 per km, is faster than 2:30 per km/)
    const old = parse(track([[45, 6, '1901-05-01T08:00:00Z'], [45.05, 6, '1901-05-01T08:30:00Z']]))
    expect(old?.run?.date).toBe('1901-05-01')
    expect(old?.flags).toEqual(['The date, 1901-05-01, is before 1990: the watch\'s clock was probably not set.'])
    const future = parse(track([[45, 6, '2025-06-03T08:00:00Z'], [45.05, 6, '2025-06-03T08:30:00Z']]))
    // More than a day ahead is refused outright, as for a typed run (issue 14); see entry-checks.test.ts.
    expect(future?.run).toBeNull()
    expect(future?.problems).toEqual(['Skipped: the date, 2025-06-03, cannot be more than a day in the future.'])
    const short = parse(track([[45, 6, '2024-08-01T08:00:00Z'], [45.0009, 6, '2024-08-01T08:00:30Z']]))
    expect(short?.flags).toContain('The run lasted 30 s, under a minute.')
    const normal = parse(track([[45, 6, '2024-08-01T08:00:00Z'], [45.05, 6, '2024-08-01T08:30:00Z']]))
    expect(normal?.flags).toEqual([])
  })

  it('a distance over 250 km is flagged', () => {
    const p = parseRunFile('a.gpx', text(track([[40, 6, '2024-08-01T08:00:00Z'], [42.5, 6, '2024-08-03T08:00:00Z']])), { timeZone: 'UTC', now })
    expect(p.rows[0]?.run?.distanceKm).toBeGreaterThan(250)
    expect(p.rows[0]?.flags).toContain(`The distance, ${p.rows[0]?.run?.distanceKm} km, is more than 250 km.`)
  })
})
