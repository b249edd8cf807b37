// FIT activity import with Garmin's official SDK (@garmin/fitsdk). The file must pass the SDK's
// integrity check (".FIT" signature, declared size, CRC). A truncated or damaged file gives a clear
// file problem and no rows. Each session becomes one row (a triathlon gives one per leg); only running
// sessions can be imported (see activity-types.ts). Duration is elapsed time (pauses
// included), the same as GPX and Strava's "Elapsed Time", so all sources agree.
import { Decoder, Stream, Utils } from '@garmin/fitsdk'
import type { ParseOptions, ImportPreview, ImportRow } from './types'
import { chosenZone, emptyDetails, failed, roundKm, skippedWith, toRow, whenDetails } from './common'
import { classifyFit, plainWords, skipReason } from './activity-types'
import { joinNotes } from './notes'

const FIT_EPOCH_MS = Utils.FIT_EPOCH_MS
/** Largest real-world UTC offset is +14:00; anything beyond is a bad local timestamp. */
const MAX_OFFSET_SEC = 14 * 3600

function toMs(value: unknown): number | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000 + FIT_EPOCH_MS
  return null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
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
  } catch {
    return failed('fit', 'The FIT file could not be decoded: its contents are damaged. Nothing was imported.')
  }
  const { messages } = result
  const sessions = messages.sessionMesgs ?? []
  const warnings: string[] = []
  if (result.errors.length > 0) {
    // Garmin's decoder can stop part-way (it throws on some records it does not support, or on damage);
    // what it decoded before that is kept. Sessions are written at the end of a recording, so when they
    // are there the summary of every leg is complete and only detail after them was lost.
    if (sessions.length === 0 && (messages.recordMesgs ?? []).length === 0) {
      return failed('fit', 'The FIT file could not be decoded: its contents are damaged before any session or track point. Nothing was imported.')
    }
    warnings.push(
      sessions.length > 0
        ? `Part of the FIT file could not be decoded. The ${sessions.length === 1 ? 'session summary was' : `${sessions.length} session summaries were`} read completely; what was lost is detail recorded after them (such as device or track data), which does not change the distance, time or date.`
        : 'Part of the FIT file could not be decoded and it has no session summary: distance and time come from the track points read before the damage, so the end of the run may be missing.',
    )
  }

  const fileId = messages.fileIdMesgs?.[0]
  if (fileId?.type !== undefined && fileId.type !== 'activity') {
    return failed('fit', `This FIT file is not an activity (it holds ${plainWords(String(fileId.type))} data), so there is no run to import.`)
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
  const zone = chosenZone(options)
  if (offsetSec === null) warnings.push(`The file has no local time; dates use the ${zone.timeZone} time zone.`)
  const workoutName = text(messages.workoutMesgs?.[0]?.wktName)
  const multisport = sessions.length > 1

  const keyBase = `fit:${serial ?? 'no-serial'}:${createdMs !== null ? createdMs / 1000 : 'no-time'}`
  const rows: ImportRow[] = []

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
    const when = whenDetails(firstMs, offsetSec, zone)
    const notes = joinNotes([workoutName])
    rows.push(
      toRow(
        1,
        {
          date: when.date,
          distanceKm: roundKm(distM / 1000),
          durationSec: durationSec > 0 ? durationSec : null,
          ...(notes ? { notes } : {}),
          source: { kind: 'fit', key: `${keyBase}:${firstMs / 1000}` },
        },
        ['The file has no session summary (the recording may not have been saved properly); distance and time come from the track points.'],
        { ...emptyDetails(), name: workoutName, notes, startTime: when.startTime, timeZone: when.timeZone, timeZoneSource: when.timeZoneSource },
      ),
    )
  }

  sessions.forEach((s, i) => {
    const rowNumber = i + 1
    const verdict = classifyFit(s.sport, s.subSport)
    const startMs = toMs(s.startTime) ?? toMs(s.timestamp)
    const when = startMs !== null ? whenDetails(startMs, offsetSec, zone) : null
    const leg = multisport ? `leg ${rowNumber} of ${sessions.length}` : 'session'
    const details = {
      ...emptyDetails(),
      sport: verdict.kind === 'unknown' ? null : verdict.sport,
      name: multisport ? `${workoutName ? `${workoutName}, ` : ''}${leg[0]?.toUpperCase()}${leg.slice(1)}` : workoutName,
      ...(when ? { startTime: when.startTime, timeZone: when.timeZone, timeZoneSource: when.timeZoneSource } : {}),
    }
    const problems: string[] = []
    if (verdict.kind === 'other') {
      rows.push(skippedWith(rowNumber, details, skipReason(verdict, leg)))
      return
    }
    if (verdict.kind === 'unknown') problems.push('The watch did not record the sport; check that this was a run.')
    if (startMs === null || when === null) {
      rows.push(skippedWith(rowNumber, details, `Skipped: the ${leg} has no start time, so the run cannot be dated.`))
      return
    }
    const distM = num(s.totalDistance)
    if (distM === null || distM <= 0) {
      rows.push(skippedWith(rowNumber, details, `Skipped: the ${leg} has no distance (treadmill without a foot pod, or GPS off?).`))
      return
    }
    const elapsed = num(s.totalElapsedTime) ?? num(s.totalTimerTime)
    const durationSec = elapsed !== null && elapsed >= 1 ? Math.round(elapsed) : null
    const notes = joinNotes([workoutName])
    rows.push(
      toRow(
        rowNumber,
        {
          date: when.date,
          distanceKm: roundKm(distM / 1000),
          durationSec,
          ...(notes ? { notes } : {}),
          source: { kind: 'fit', key: `${keyBase}:${startMs / 1000}` },
        },
        problems,
        { ...details, notes },
      ),
    )
  })

  const preview: ImportPreview = { format: 'fit', rows, fileProblems: [] }
  if (warnings.length) preview.warnings = warnings
  return preview
}
