// GPX import with fast-xml-parser. Each <trk> becomes one row. Distance is the haversine sum over
// consecutive track points within each <trkseg> (the gap between segments is a pause, not distance).
// Duration is the elapsed time from the first to the last timestamped point. The run's date is the
// first point's time in the chosen time zone. DOCTYPE entities are not expanded (no "billion laughs").
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { ImportPreview, ImportRow, ParseOptions } from './types'
import { decodeUtf8, defaultTimeZone, failed, localDate, roundKm, skipped, timeZoneProblem, toRow } from './common'

/** Mean Earth radius in km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

const NOT_RUN = /cycl|bik|ride|swim|walk|hik|ski|row|kayak|paddl|drive|motor/i

type XmlNode = Record<string, unknown>

function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return String(v)
  if (v && typeof v === 'object' && '#text' in v) return text((v as XmlNode)['#text'])
  return null
}

export function parseGpx(bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  if (bytes.length === 0) return failed('gpx', 'The file is empty (0 bytes).')
  const decoded = decodeUtf8(bytes, 'GPX')
  if (!decoded.ok) return failed('gpx', decoded.problem)
  const xml = decoded.text
  if (xml.trim() === '') return failed('gpx', 'The file is empty (only white space).')
  const timeZone = options.timeZone ?? defaultTimeZone()
  const tzProblem = timeZoneProblem(timeZone)
  if (tzProblem) return failed('gpx', tzProblem)

  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    const { code, line, col, msg } = valid.err
    if (code === 'InvalidXml' && /^Invalid '\[/.test(msg)) {
      // The validator lists the elements still open at the end of the file: the file was cut short.
      const open = (msg.match(/"([^"]+)"/g) ?? []).map((s) => s.slice(1, -1)).join(' > ')
      return failed(
        'gpx',
        `This GPX file is incomplete: it ends inside ${open ? `<${open}>` : 'an element'}, so it looks truncated ` +
          '(cut off during a copy or download). Nothing was imported.',
      )
    }
    return failed(
      'gpx',
      `This GPX file is damaged (not well-formed XML at line ${line}, column ${col}: ${msg}). Nothing was imported.`,
    )
  }
  let doc: XmlNode
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: false,
      isArray: (name) => name === 'trk' || name === 'trkseg' || name === 'trkpt' || name === 'rte',
    })
    doc = parser.parse(xml) as XmlNode
  } catch (e) {
    return failed('gpx', `This GPX file could not be read: ${(e as Error).message}. Nothing was imported.`)
  }
  const gpx = doc['gpx'] as XmlNode | undefined
  if (!gpx || typeof gpx !== 'object') {
    return failed('gpx', 'This is not a GPX file: there is no <gpx> element.')
  }
  const tracks = asArray(gpx['trk']) as XmlNode[]
  if (tracks.length === 0) {
    return failed(
      'gpx',
      asArray(gpx['rte']).length > 0
        ? 'This GPX file holds a planned route, not a recorded run (no <trk> track), so there is nothing to import.'
        : 'This GPX file has no track (<trk>), so there is nothing to import.',
    )
  }

  const rows: ImportRow[] = tracks.map((trk, i): ImportRow => {
    const rowNumber = i + 1
    const type = text(trk['type'])
    if (type && NOT_RUN.test(type)) return skipped(rowNumber, `Skipped: this track is marked as "${type}", not a run.`)
    let distanceKm = 0
    let firstMs: number | null = null
    let lastMs: number | null = null
    let points = 0
    let badPoints = 0
    let badTimes = 0
    for (const seg of asArray(trk['trkseg']) as XmlNode[]) {
      let prev: { lat: number; lon: number } | null = null
      for (const pt of asArray(seg?.['trkpt']) as XmlNode[]) {
        const lat = Number(pt?.['@_lat'])
        const lon = Number(pt?.['@_lon'])
        if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || pt?.['@_lat'] === undefined) {
          badPoints++
          continue
        }
        points++
        if (prev) distanceKm += haversineKm(prev.lat, prev.lon, lat, lon)
        prev = { lat, lon }
        const t = text(pt['time'])
        if (t !== null) {
          const ms = Date.parse(t)
          if (Number.isFinite(ms)) {
            if (firstMs === null || ms < firstMs) firstMs = ms
            if (lastMs === null || ms > lastMs) lastMs = ms
          } else {
            badTimes++
          }
        }
      }
    }
    const problems: string[] = []
    if (badPoints > 0) problems.push(`${badPoints} track point${badPoints === 1 ? '' : 's'} without valid coordinates ${badPoints === 1 ? 'was' : 'were'} skipped.`)
    if (badTimes > 0) problems.push(`${badTimes} track point time${badTimes === 1 ? '' : 's'} could not be read.`)
    if (points < 2) return skipped(rowNumber, ...problems, 'Skipped: the track has fewer than two points, so it has no distance.')
    if (firstMs === null || lastMs === null) {
      return skipped(rowNumber, ...problems, 'Skipped: the track has no timestamps, so the run cannot be dated.')
    }
    const durationSec = Math.round((lastMs - firstMs) / 1000)
    if (durationSec <= 0) problems.push('The track has only one distinct time, so the duration is unknown.')
    return toRow(
      rowNumber,
      {
        date: localDate(firstMs, timeZone),
        distanceKm: roundKm(distanceKm),
        durationSec: durationSec > 0 ? durationSec : null,
        source: { kind: 'gpx', key: `gpx:${new Date(firstMs).toISOString()}` },
      },
      problems,
    )
  })
  return { format: 'gpx', rows, fileProblems: [] }
}
