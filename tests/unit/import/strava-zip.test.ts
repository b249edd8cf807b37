// Issue 12 item 8: a whole Strava bulk export, the .zip the athlete downloads. Every zip is built here
// (fflate's zipSync over activities.csv and gzipped activity files made by the suite): no binaries committed.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readRunFile } from '../../../electron/services/import/read-file'
import { MAX_ZIP_ENTRIES, MAX_ZIP_KEPT_BYTES, safeEntryPath, ZipReader } from '../../../electron/services/import/zip'
import { makeActivity } from '../../fixtures/import/make-fit'
import { tempDir } from '../../support/temp'
import { gpxTrack } from './generate'

const HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Activity Private Note,Filename,Elapsed Time,Distance'

const enc = (s: string) => new TextEncoder().encode(s)

/** One activities.csv line: date is Strava's UTC "Activity Date". */
function line(id: number, date: string, name: string, type: string, km: number, sec: number, file: string, note = ''): string {
  return `${id},"${date}",${name},${type},,${sec},${km.toFixed(2)},${note},${file},${sec}.0,${km * 1000}.0`
}

/**
 * A run at 19:30 local time in UTC-07:00 (the athlete away from home): 02:30 UTC the next day, so the CSV
 * alone, read in the profile's zone (London), dates it a day late.
 */
const evening = () => makeActivity({ start: new Date('2024-03-31T02:30:00Z'), sport: 'running', distanceM: 8000, elapsedSec: 2700, serial: 7, utcOffsetSec: -7 * 3600 })

function exportZip(extra: Zippable = {}, csvLines?: string[]): Uint8Array {
  const lines = csvLines ?? [
    line(101, 'Mar 31, 2024, 2:30:00 AM', 'Evening Run', 'Run', 8, 2700, 'activities/101.fit.gz', 'calves tight at 5k'),
    line(102, 'Apr 1, 2024, 5:00:00 PM', 'Ride home', 'Ride', 25.4, 3600, 'activities/102.fit.gz'),
    line(103, 'Apr 2, 2024, 7:00:00 AM', 'Track', 'Run', 1, 360, 'activities/103.gpx.gz'),
    line(104, 'Apr 3, 2024, 7:00:00 AM', 'Lost file', 'Run', 5, 1500, 'activities/104.tcx.gz'),
    line(105, 'Apr 4, 2024, 7:00:00 AM', 'Typed in', 'Run', 6, 1800, ''),
  ]
  return zipSync({
    'activities.csv': enc([HEADER, ...lines].join('\n') + '\n'),
    activities: {
      '101.fit.gz': gzipSync(evening()),
      '102.fit.gz': gzipSync(makeActivity({ start: new Date('2024-04-01T17:00:00Z'), sport: 'cycling', distanceM: 25_400, elapsedSec: 3600, serial: 8, utcOffsetSec: 0 })),
      '103.gpx.gz': gzipSync(enc(gpxTrack(50, { start: '2024-04-02T07:00:00Z' }))),
    },
    media: { 'photo.jpg': new Uint8Array(4096) },
    ...extra,
  })
}

/** A zip written as a stream (sizes only after the data), as some tools write them. */
function streamedZip(name: string, data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    parts.push(chunk)
  })
  const entry = new ZipDeflate(name, { level: 9 })
  zip.add(entry)
  entry.push(data, true)
  zip.end()
  return Buffer.concat(parts)
}

async function readZip(bytes: Uint8Array, name = 'export.zip') {
  const file = path.join(tempDir(), name)
  writeFileSync(file, bytes)
  return readRunFile(file, { timeZone: 'Europe/London', timeZoneSource: 'profile', now: Date.parse('2024-06-01T00:00:00Z') })
}

describe('Strava bulk export (.zip)', () => {
  it('reads activities.csv, joins each run to its gzipped file for the local time, and says where each row came from', async () => {
    const p = await readZip(exportZip())
    expect(p.fileProblems).toEqual([])
    expect(p.format).toBe('strava-csv')
    const rows = p.rows.map((r) => ({ row: r.rowNumber, origin: r.origin?.file, date: r.run?.date ?? null, km: r.run?.distanceKm ?? null, zone: r.details?.timeZone, source: r.details?.timeZoneSource }))
    expect(rows).toEqual([
      // The FIT file's own offset (UTC-07:00) puts the evening run on 30 March, its local day.
      { row: 2, origin: 'activities/101.fit.gz', date: '2024-03-30', km: 8, zone: 'UTC-07:00', source: 'file' },
      { row: 3, origin: 'activities/102.fit.gz', date: null, km: null, zone: 'Europe/London', source: 'profile' },
      // GPX times are UTC with no offset: the profile's zone, as for the CSV alone.
      { row: 4, origin: 'activities/103.gpx.gz', date: '2024-04-02', km: 1, zone: 'Europe/London', source: 'profile' },
      { row: 5, origin: 'activities/104.tcx.gz', date: '2024-04-03', km: 5, zone: 'Europe/London', source: 'profile' },
      { row: 6, origin: 'activities.csv', date: '2024-04-04', km: 6, zone: 'Europe/London', source: 'profile' },
    ])
    expect(p.rows[0]?.run?.source).toEqual({ kind: 'csv', key: 'strava:101' })
    expect(p.rows[0]?.details?.painOnset).toEqual({ km: 5, minutes: null, text: 'calves tight at 5k' })
    expect(p.rows[1]?.problems).toEqual(['Skipped: this activity is ride, not a run.'])
    expect(p.warnings).toContain('Activity files named in activities.csv but not in the zip; their dates come from activities.csv: activities/104.tcx.gz.')
  })

  it('a run whose file disagrees with Strava’s distance is kept with the summary, flagged for a look', async () => {
    const zip = exportZip({}, [line(101, 'Mar 31, 2024, 2:30:00 AM', 'Evening Run', 'Run', 12, 2700, 'activities/101.fit.gz')])
    const p = await readZip(zip)
    expect(p.rows[0]?.run?.distanceKm).toBe(12)
    expect(p.rows[0]?.problems).toEqual(["The activity file gives 8 km but Strava's summary says 12 km; the summary is used."])
  })

  it('a damaged activity file does not block the export: its run keeps the CSV values and the file is named', async () => {
    const p = await readZip(exportZip({ activities: { '101.fit.gz': gzipSync(evening().subarray(0, 200)) } }))
    expect(p.rows[0]?.run?.date).toBe('2024-03-31')
    expect(p.warnings?.find((w) => w.startsWith('Activity files that could not be read'))).toMatch(/activities\/101\.fit\.gz \(The FIT file is truncated/)
  })

  it('refuses a zip without activities.csv, a damaged zip, and a .zip that is not a zip, in plain words', async () => {
    expect((await readZip(zipSync({ 'notes.txt': enc('hello') }))).fileProblems[0]).toMatch(/^This zip is not a Strava bulk export: it has no activities\.csv/)
    const cut = exportZip().subarray(0, 300)
    expect((await readZip(cut)).fileProblems[0]).toMatch(/^(The zip file is damaged or incomplete|This zip is not a Strava bulk export)/)
    expect((await readZip(enc('Activity ID,Activity Date\n'), 'export.zip')).fileProblems).toEqual(['This file is named .zip but is not a zip file. Nothing was imported.'])
  })

  it('zip bombs: too many entries, or activities that unpack past the cap (declared or not), are refused with a clear message', () => {
    // The real caps, proved with small ones (the same code): building a 100,000-entry or 300 MB zip is slow.
    const limits = { entries: 50, keptBytes: 64 * 1024 }
    const read = (zip: Uint8Array) => {
      const reader = new ZipReader(limits)
      reader.write(zip)
      const r = reader.finish()
      return r.ok ? 'read' : r.problem
    }
    const many: Zippable = {}
    for (let i = 0; i <= limits.entries; i++) many[`media/${i}.jpg`] = new Uint8Array(0)
    expect(read(zipSync(many))).toBe('The zip has more than 50 entries, more than any Strava export; it was not read. Nothing was imported.')
    // Zeros compress about 1000:1: a small zip whose activity file unpacks past the cap.
    const huge = new Uint8Array(limits.keptBytes * 40)
    const declared = zipSync({ 'activities.csv': enc(HEADER), activities: { '1.gpx': huge } }, { level: 9 })
    expect(declared.length).toBeLessThan(4096)
    const bigMessage = 'Unpacked, the activities in this zip come to more than 64.0 KB, more than CalfCoach reads at once (the zip may be damaged or built to be huge). Nothing was imported.'
    expect(read(declared)).toBe(bigMessage)
    // A zip written as a stream does not declare sizes up front: the bytes are counted as they unpack.
    expect(read(streamedZip('activities/1.gpx', huge))).toBe(bigMessage)
    // Photos and other entries are passed over, never kept, whatever their size.
    expect(read(zipSync({ 'activities.csv': enc(HEADER), media: { 'big.jpg': huge } }))).toBe('read')
    expect(MAX_ZIP_ENTRIES).toBe(100_000)
    expect(MAX_ZIP_KEPT_BYTES).toBe(300 * 1024 * 1024)
  })

  it('entry paths that could escape the export are never read', async () => {
    expect(safeEntryPath('activities/1.fit.gz')).toBe('activities/1.fit.gz')
    for (const bad of ['../activities.csv', 'activities/../../x.fit', '/etc/activities.csv', 'C:\\activities.csv', '..\\activities.csv']) expect(safeEntryPath(bad)).toBeNull()
    const p = await readZip(zipSync({ '../activities.csv': enc(`${HEADER}\n${line(1, 'Apr 4, 2024, 7:00:00 AM', 'x', 'Run', 6, 1800, '')}\n`) }))
    expect(p.fileProblems[0]).toMatch(/no activities\.csv/)
  })
})
