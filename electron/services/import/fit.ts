// FIT activity import with Garmin's official SDK (@garmin/fitsdk). The file must pass the SDK's
// integrity check (".FIT" signature, declared size, CRC). A truncated or damaged file gives a clear
// file problem and no rows. Each running session becomes one row. Duration is elapsed time (pauses
// included), the same as GPX and Strava's "Elapsed Time", so all sources agree.
import { Decoder, Stream, Utils } from '@garmin/fitsdk'
import type { ParseOptions, ImportPreview, ImportRow } from './types'
import { dateWithOffset, defaultTimeZone, failed, localDate, roundKm, skipped, toRow } from './common'

const FIT_EPOCH_MS = Utils.FIT_EPOCH_MS

const RUN_SPORTS = new Set(['running'])
/** Largest real-world UTC offset is +14:00; anything beyond is a bad local timestamp. */
const MAX_OFFSET_SEC = 14 * 3600

function toMs(value: unknown): number | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000 + FIT_EPOCH_MS
  return null
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function readHeader(bytes: Uint8Array): { headerSize: number; dataSize: number } | null {
  if (bytes.length < 12) return null
  const headerSize = bytes[0] ?? 0
  const dataSize = ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16)) + (bytes[7] ?? 0) * 0x1000000
  return { headerSize, dataSize }
}

export function parseFit(bytes: Uint8Array, options: ParseOptions = {}): ImportPreview {
  if (bytes.length === 0) return failed('fit', 'The file is empty (0 bytes).')
  const header = readHeader(bytes)
  if (!header || (header.headerSize !== 12 && header.headerSize !== 14)) {
    return failed('fit', 'This is not a FIT file: the file header is missing or damaged.')
  }
  let stream: Stream
  try {
    stream = Stream.fromByteArray(bytes)
  } catch {
    return failed('fit', 'This is not a FIT file: it could not be read.')
  }
  if (!Decoder.isFIT(stream)) return failed('fit', 'This is not a FIT file: the ".FIT" signature is missing.')

  const expected = header.headerSize + header.dataSize + 2
  if (bytes.length < expected) {
    return failed(
      'fit',
      `The FIT file is truncated: it has ${bytes.length} of the ${expected} bytes its header announces, so the ` +
        'copy or download was cut short. Nothing was imported. Copy the activity from the watch or app again.',
    )
  }
  const decoder = new Decoder(stream)
  let integrity = false
  try {
    integrity = decoder.checkIntegrity()
  } catch {
    integrity = false
  }
  if (!integrity) {
    return failed(
      'fit',
      bytes.length > expected
        ? 'The FIT file has extra data after its end or is damaged (the checksum does not match). Nothing was imported.'
        : 'The FIT file is damaged: its checksum does not match its contents. Nothing was imported. Copy the activity from the watch or app again.',
    )
  }

  let result: ReturnType<Decoder['read']>
  try {
    result = decoder.read({ convertTypesToStrings: true, convertDateTimesToDates: true, mergeHeartRates: false })
  } catch (e) {
    return failed('fit', `The FIT file could not be decoded: ${(e as Error).message}. Nothing was imported.`)
  }
  if (result.errors.length > 0) {
    const first = result.errors[0]?.message ?? 'unknown error'
    return failed('fit', `The FIT file could not be decoded (${first}). Nothing was imported.`)
  }
  const { messages } = result

  const fileId = messages.fileIdMesgs?.[0]
  if (fileId?.type !== undefined && fileId.type !== 'activity') {
    return failed('fit', `This FIT file is not an activity (it holds "${String(fileId.type)}" data), so there is no run to import.`)
  }
  const serial = num(fileId?.serialNumber)
  const createdMs = toMs(fileId?.timeCreated)

  // Offset between the device's local time and UTC, from the activity message when present.
  const activity = messages.activityMesgs?.[0]
  let offsetSec: number | null = null
  const actTs = toMs(activity?.timestamp)
  // local_timestamp is FIT-epoch seconds in local time; some SDK versions hand it over as a Date.
  const localRaw = activity?.localTimestamp
  const actLocal = localRaw instanceof Date ? (localRaw.getTime() - FIT_EPOCH_MS) / 1000 : num(localRaw)
  if (actTs !== null && actLocal !== null) {
    const off = actLocal - (actTs - FIT_EPOCH_MS) / 1000
    if (Math.abs(off) <= MAX_OFFSET_SEC) offsetSec = Math.round(off / 900) * 900
  }
  const timeZone = options.timeZone ?? defaultTimeZone()
  const dateOf = (ms: number) => (offsetSec !== null ? dateWithOffset(ms, offsetSec) : localDate(ms, timeZone))
  const warnings: string[] = []
  if (offsetSec === null) warnings.push(`The file has no local time; dates use the ${timeZone} time zone.`)

  const keyBase = `fit:${serial ?? 'no-serial'}:${createdMs !== null ? createdMs / 1000 : 'no-time'}`
  const rows: ImportRow[] = []
  const sessions = messages.sessionMesgs ?? []

  if (sessions.length === 0) {
    // A recording that was never properly saved can lack its summary; fall back to the track points.
    const records = (messages.recordMesgs ?? []).filter((r) => toMs(r.timestamp) !== null)
    const firstMs = toMs(records[0]?.timestamp)
    const lastMs = toMs(records[records.length - 1]?.timestamp)
    let distM: number | null = null
    for (const r of records) {
      const d = num(r.distance)
      if (d !== null && (distM === null || d > distM)) distM = d
    }
    if (firstMs === null || lastMs === null || distM === null || distM <= 0) {
      return failed('fit', 'The FIT file has no session summary and no usable track points, so there is no run to import.')
    }
    const durationSec = Math.round((lastMs - firstMs) / 1000)
    rows.push(
      toRow(
        1,
        {
          date: dateOf(firstMs),
          distanceKm: roundKm(distM / 1000),
          durationSec: durationSec > 0 ? durationSec : null,
          source: { kind: 'fit', key: `${keyBase}:${firstMs / 1000}` },
        },
        ['The file has no session summary (the recording may not have been saved properly); distance and time come from the track points.'],
      ),
    )
  }

  sessions.forEach((s, i) => {
    const rowNumber = i + 1
    const sport = String(s.sport ?? 'unknown')
    const startMs = toMs(s.startTime) ?? toMs(s.timestamp)
    const problems: string[] = []
    if (!RUN_SPORTS.has(sport)) {
      if (sport === 'generic' || sport === 'unknown') {
        problems.push('The watch did not record the sport; check that this was a run.')
      } else {
        rows.push(skipped(rowNumber, `Skipped: this session is ${sport}, not a run.`))
        return
      }
    }
    if (startMs === null) {
      rows.push(skipped(rowNumber, 'Skipped: the session has no start time, so the run cannot be dated.'))
      return
    }
    const distM = num(s.totalDistance)
    if (distM === null || distM <= 0) {
      rows.push(skipped(rowNumber, 'Skipped: the session has no distance (treadmill without a foot pod, or GPS off?).'))
      return
    }
    const elapsed = num(s.totalElapsedTime) ?? num(s.totalTimerTime)
    const durationSec = elapsed !== null && elapsed >= 1 ? Math.round(elapsed) : null
    rows.push(
      toRow(
        rowNumber,
        {
          date: dateOf(startMs),
          distanceKm: roundKm(distM / 1000),
          durationSec,
          source: { kind: 'fit', key: `${keyBase}:${startMs / 1000}` },
        },
        problems,
      ),
    )
  })

  const preview: ImportPreview = { format: 'fit', rows, fileProblems: [] }
  if (warnings.length) preview.warnings = warnings
  return preview
}
