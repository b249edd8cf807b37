// TCX (Garmin Training Center XML, also in Strava bulk exports as .tcx.gz), read in one streaming pass like
// GPX. Each <Activity> becomes one row: Sport="Running" is checked against the one list of runs, the
// distance is the sum of its laps' DistanceMeters, the duration runs from the activity's start to its last
// track point (elapsed, as for every other format; the laps' timer time when there are no points), and
// <Notes> become the run's notes.
import type { ImportPreview, ImportRow, ParseOptions } from './types'
import { chosenZone, emptyDetails, failed, roundKm, skippedWith, toRow, Utf8ChunkDecoder, whenDetails } from './common'
import { classifyLabel, skipReason } from './activity-types'
import { isoOffsetSec } from './gpx'
import { joinNotes } from './notes'
import { XmlStream, XmlSyntaxError, type XmlHandler } from './xml-stream'

interface ActivityTotals {
  sport: string
  id: string
  notes: string
  lapStart: string | null
  lapMeters: number
  lapSeconds: number
  lastPointMs: number | null
}

/** Elements whose text is kept, by the element they sit in. */
const CAPTURE: Record<string, Record<string, keyof ActivityTotals | 'lapMeters' | 'lapSeconds' | 'pointTime'>> = {
  Activity: { Id: 'id', Notes: 'notes' },
  Lap: { DistanceMeters: 'lapMeters', TotalTimeSeconds: 'lapSeconds' },
  Trackpoint: { Time: 'pointTime' },
}

class TcxCollector implements XmlHandler {
  root: string | null = null
  readonly activities: ActivityTotals[] = []
  private readonly path: string[] = []
  private target: string | null = null
  private captured = ''

  open(name: string, attrs: Readonly<Record<string, string>>): void {
    if (this.root === null) this.root = name
    const parent = this.path[this.path.length - 1] ?? ''
    this.path.push(name)
    if (name === 'Activity') {
      this.activities.push({ sport: attrs['Sport'] ?? '', id: '', notes: '', lapStart: null, lapMeters: 0, lapSeconds: 0, lastPointMs: null })
    }
    const current = this.activities[this.activities.length - 1]
    if (name === 'Lap' && current && current.lapStart === null) current.lapStart = attrs['StartTime'] ?? null
    const field = CAPTURE[parent]?.[name]
    if (field && current) {
      this.target = field
      this.captured = ''
    }
  }

  text(value: string): void {
    if (this.target && this.captured.length < 4000) this.captured += value
  }

  close(): void {
    this.path.pop()
    const current = this.activities[this.activities.length - 1]
    if (!this.target || !current) return
    const value = this.captured.trim()
    if (this.target === 'id') current.id = value
    else if (this.target === 'notes') current.notes = value
    else if (this.target === 'lapMeters') current.lapMeters += Number(value) || 0
    else if (this.target === 'lapSeconds') current.lapSeconds += Number(value) || 0
    else if (this.target === 'pointTime') {
      const ms = Date.parse(value)
      if (Number.isFinite(ms) && (current.lastPointMs === null || ms > current.lastPointMs)) current.lastPointMs = ms
    }
    this.target = null
  }
}

function activityRow(a: ActivityTotals, rowNumber: number, zone: ReturnType<typeof chosenZone>): ImportRow {
  const verdict = classifyLabel(a.sport)
  const startText = a.id || a.lapStart || ''
  const startMs = Date.parse(startText)
  const when = Number.isFinite(startMs) ? whenDetails(startMs, isoOffsetSec(startText), zone) : null
  const notes = joinNotes([a.notes])
  const details = {
    ...emptyDetails(),
    sport: verdict.kind === 'unknown' ? null : verdict.sport,
    notes,
    ...(when ? { startTime: when.startTime, timeZone: when.timeZone, timeZoneSource: when.timeZoneSource } : {}),
  }
  if (verdict.kind === 'other') return skippedWith(rowNumber, details, skipReason(verdict, 'activity'))
  const problems = verdict.kind === 'unknown' ? ['The file does not say which sport this was; check that it was a run.'] : []
  if (!when) return skippedWith(rowNumber, details, 'Skipped: the activity has no start time, so the run cannot be dated.')
  if (!(a.lapMeters > 0)) return skippedWith(rowNumber, details, 'Skipped: the activity has no distance.')
  const elapsed = a.lastPointMs !== null && a.lastPointMs > startMs ? Math.round((a.lastPointMs - startMs) / 1000) : Math.round(a.lapSeconds)
  return toRow(
    rowNumber,
    {
      date: when.date,
      distanceKm: roundKm(a.lapMeters / 1000),
      durationSec: elapsed >= 1 ? elapsed : null,
      ...(notes ? { notes } : {}),
      // Stored runs know track files as 'gpx' (adding a kind would make older CalfCoach refuse the data);
      // the key says it came from a TCX file.
      source: { kind: 'gpx', key: `tcx:${new Date(startMs).toISOString()}` },
    },
    problems,
    details,
  )
}

export function parseTcx(bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  if (bytes.length === 0) return failed('tcx', 'The file is empty (0 bytes).')
  const decoder = new Utf8ChunkDecoder('TCX')
  const collector = new TcxCollector()
  const xml = new XmlStream(collector)
  const first = decoder.write(bytes)
  if (!first.ok) return failed('tcx', first.problem)
  const last = decoder.end()
  if (!last.ok) return failed('tcx', last.problem)
  try {
    xml.write(first.text + last.text)
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e
    return failed('tcx', `This TCX file is damaged (not well-formed XML at line ${e.line}, column ${e.column}: ${e.why}). Nothing was imported.`)
  }
  const end = xml.end()
  if (!end.ok) return failed('tcx', 'This TCX file is incomplete, so it looks truncated (cut off during a copy or download). Nothing was imported.')
  if (collector.root !== 'TrainingCenterDatabase') return failed('tcx', 'This is not a TCX file: there is no <TrainingCenterDatabase> element.')
  if (collector.activities.length === 0) return failed('tcx', 'This TCX file has no activity, so there is nothing to import.')
  const zone = chosenZone(options)
  return { format: 'tcx', rows: collector.activities.map((a, i) => activityRow(a, i + 1, zone)), fileProblems: [] }
}
