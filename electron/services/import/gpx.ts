// GPX import in one streaming pass (xml-stream.ts): each <trk> becomes one row, and per track only running
// totals are kept (distance, first and last time, counts), never the points, so a 50 MB track needs a few
// megabytes. Distance is the haversine sum over consecutive points within each <trkseg> (the gap between
// segments is a pause, not distance). Duration is the elapsed time from the first to the last timestamped
// point. The date is the first point's local date: with the file's own UTC offset when its times carry one,
// otherwise in the athlete's (or the computer's) time zone. <type> is checked against the one list of runs.
import type { ImportPreview, ImportRow, ParseOptions } from './types'
import { chosenZone, emptyDetails, failed, roundKm, skippedWith, timeZoneProblem, toRow, Utf8ChunkDecoder, whenDetails } from './common'
import { classifyLabel, skipReason } from './activity-types'
import { joinNotes } from './notes'
import { XmlStream, XmlSyntaxError, type XmlHandler } from './xml-stream'

/** Mean Earth radius in km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** "…+02:00" / "…-0530" at the end of an ISO time → offset in seconds; "Z" or nothing → null. */
export function isoOffsetSec(time: string): number | null {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(time)
  if (!m || !/T\d/.test(time)) return null
  const sec = (Number(m[2]) * 3600 + Number(m[3]) * 60) * (m[1] === '-' ? -1 : 1)
  return Math.abs(sec) <= 14 * 3600 ? sec : null
}

interface TrackTotals {
  name: string
  desc: string
  type: string
  distanceKm: number
  firstMs: number | null
  firstText: string | null
  lastMs: number | null
  points: number
  badPoints: number
  badTimes: number
}

const newTrack = (): TrackTotals => ({ name: '', desc: '', type: '', distanceKm: 0, firstMs: null, firstText: null, lastMs: null, points: 0, badPoints: 0, badTimes: 0 })

/** Collects the per-track totals from the element events. */
class GpxCollector implements XmlHandler {
  root: string | null = null
  routes = 0
  readonly tracks: TrackTotals[] = []
  private track: TrackTotals | null = null
  private prev: { lat: number; lon: number } | null = null
  /** The element whose text is being collected (name, desc, type of a track; time of a point). */
  private capture: 'name' | 'desc' | 'type' | 'time' | null = null
  private captured = ''
  private depth = 0
  private trackDepth = -1
  private inPoint = false

  open(name: string, attrs: Readonly<Record<string, string>>): void {
    this.depth++
    if (this.root === null) this.root = name
    if (this.depth === 2 && name === 'rte') this.routes++
    if (this.depth === 2 && name === 'trk') {
      this.track = newTrack()
      this.tracks.push(this.track)
      this.trackDepth = this.depth
      return
    }
    const t = this.track
    if (!t) return
    if (name === 'trkseg') this.prev = null
    else if (name === 'trkpt') {
      this.inPoint = true
      const latText = attrs['lat']
      const lonText = attrs['lon']
      const lat = Number(latText)
      const lon = Number(lonText)
      if (latText === undefined || lonText === undefined || latText.trim() === '' || lonText.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        t.badPoints++
        this.inPoint = false
        return
      }
      t.points++
      if (this.prev) t.distanceKm += haversineKm(this.prev.lat, this.prev.lon, lat, lon)
      this.prev = { lat, lon }
    } else if (name === 'time' && this.inPoint) this.startCapture('time')
    else if (this.depth === this.trackDepth + 1 && (name === 'name' || name === 'desc' || name === 'type')) this.startCapture(name)
  }

  private startCapture(what: NonNullable<GpxCollector['capture']>): void {
    this.capture = what
    this.captured = ''
  }

  text(value: string): void {
    // Long texts (a pasted essay in <desc>) are cut: only the first few thousand characters are kept.
    if (this.capture && this.captured.length < 4000) this.captured += value
  }

  close(name: string): void {
    const t = this.track
    if (t && this.capture && name === (this.capture === 'time' ? 'time' : this.capture)) {
      const value = this.captured.trim()
      if (this.capture === 'time') this.addTime(t, value)
      else t[this.capture] = value
      this.capture = null
    }
    if (name === 'trkpt') this.inPoint = false
    if (this.depth === this.trackDepth && name === 'trk') {
      this.track = null
      this.trackDepth = -1
    }
    this.depth--
  }

  private addTime(t: TrackTotals, value: string): void {
    const ms = Date.parse(value)
    if (!Number.isFinite(ms)) {
      t.badTimes++
      return
    }
    if (t.firstMs === null || ms < t.firstMs) {
      t.firstMs = ms
      t.firstText = value
    }
    if (t.lastMs === null || ms > t.lastMs) t.lastMs = ms
  }
}

function trackRow(t: TrackTotals, rowNumber: number, zone: ReturnType<typeof chosenZone>): ImportRow {
  const verdict = t.type ? classifyLabel(t.type) : null
  const notes = joinNotes([t.name, t.desc])
  const when = t.firstMs !== null ? whenDetails(t.firstMs, isoOffsetSec(t.firstText ?? ''), zone) : null
  const details = {
    ...emptyDetails(),
    sport: verdict && verdict.kind !== 'unknown' ? verdict.sport : null,
    name: t.name || null,
    notes,
    ...(when ? { startTime: when.startTime, timeZone: when.timeZone, timeZoneSource: when.timeZoneSource } : {}),
  }
  if (verdict?.kind === 'other') return skippedWith(rowNumber, details, skipReason(verdict, 'track'))
  const problems: string[] = []
  if (t.badPoints > 0) problems.push(`${t.badPoints} track point${t.badPoints === 1 ? '' : 's'} without valid coordinates ${t.badPoints === 1 ? 'was' : 'were'} skipped.`)
  if (t.badTimes > 0) problems.push(`${t.badTimes} track point time${t.badTimes === 1 ? '' : 's'} could not be read.`)
  if (t.points < 2) return skippedWith(rowNumber, details, ...problems, 'Skipped: the track has fewer than two points, so it has no distance.')
  if (t.firstMs === null || t.lastMs === null || when === null) {
    return skippedWith(rowNumber, details, ...problems, 'Skipped: the track has no timestamps, so the run cannot be dated.')
  }
  const durationSec = Math.round((t.lastMs - t.firstMs) / 1000)
  if (durationSec <= 0) problems.push('The track has only one distinct time, so the duration is unknown.')
  return toRow(
    rowNumber,
    {
      date: when.date,
      distanceKm: roundKm(t.distanceKm),
      durationSec: durationSec > 0 ? durationSec : null,
      ...(notes ? { notes } : {}),
      source: { kind: 'gpx', key: `gpx:${new Date(t.firstMs).toISOString()}` },
    },
    problems,
    details,
  )
}

/** Reads a GPX file piece by piece: write() each chunk of bytes, then finish() for the preview. */
export class GpxReader {
  private readonly decoder = new Utf8ChunkDecoder('GPX')
  private readonly collector = new GpxCollector()
  private readonly xml = new XmlStream(this.collector)
  private problem: string | null = null
  private sawText = false

  constructor(private readonly options: ParseOptions = {}) {}

  /** False once the file is known to be unreadable (the rest need not be read). */
  write(bytes: Uint8Array): boolean {
    if (this.problem) return false
    const decoded = this.decoder.write(bytes)
    if (!decoded.ok) {
      this.problem = decoded.problem
      return false
    }
    return this.feed(decoded.text)
  }

  private feed(text: string): boolean {
    if (!this.sawText && text.trim() === '') return true
    this.sawText = true
    try {
      this.xml.write(text)
      return true
    } catch (e) {
      if (!(e instanceof XmlSyntaxError)) throw e
      this.problem = `This GPX file is damaged (not well-formed XML at line ${e.line}, column ${e.column}: ${e.why}). Nothing was imported.`
      return false
    }
  }

  finish(): ImportPreview {
    if (!this.problem) {
      const last = this.decoder.end()
      if (!last.ok) this.problem = last.problem
      else this.feed(last.text)
    }
    if (this.problem) return failed('gpx', this.problem)
    if (!this.sawText) return failed('gpx', 'The file is empty (only white space).')
    const zone = chosenZone(this.options)
    const tzProblem = timeZoneProblem(zone.timeZone)
    if (tzProblem) return failed('gpx', tzProblem)
    const end = this.xml.end()
    if (!end.ok) {
      const open = end.truncatedInside.join(' > ')
      return failed(
        'gpx',
        `This GPX file is incomplete: it ends inside ${open ? `<${open}>` : 'an element'}, so it looks truncated ` +
          '(cut off during a copy or download). Nothing was imported.',
      )
    }
    const c = this.collector
    if (c.root !== 'gpx') return failed('gpx', 'This is not a GPX file: there is no <gpx> element.')
    if (c.tracks.length === 0) {
      return failed(
        'gpx',
        c.routes > 0
          ? 'This GPX file holds a planned route, not a recorded run (no <trk> track), so there is nothing to import.'
          : 'This GPX file has no track (<trk>), so there is nothing to import.',
      )
    }
    return { format: 'gpx', rows: c.tracks.map((t, i) => trackRow(t, i + 1, zone)), fileProblems: [] }
  }
}

/** Pieces this size keep the reader's working text small whatever the file size. */
export const GPX_CHUNK_BYTES = 1 << 20

export function parseGpx(bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  if (bytes.length === 0) return failed('gpx', 'The file is empty (0 bytes).')
  const reader = new GpxReader(options)
  for (let i = 0; i < bytes.length; i += GPX_CHUNK_BYTES) {
    if (!reader.write(bytes.subarray(i, i + GPX_CHUNK_BYTES))) break
  }
  return reader.finish()
}
