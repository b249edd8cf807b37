// Big and small run files generated on the fly for tests and the benchmark (never committed).

/** A GPX track of `points` points, one a second, heading north from 45°N at about 3 m/s. */
export function gpxTrack(points: number, opts: { type?: string; name?: string; desc?: string; start?: string } = {}): string {
  const startMs = Date.parse(opts.start ?? '2024-05-04T07:00:00Z')
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="CalfCoach test" xmlns="http://www.topografix.com/GPX/1/1">\n<trk>',
  ]
  if (opts.name) parts.push(`<name>${opts.name}</name>`)
  if (opts.desc) parts.push(`<desc>${opts.desc}</desc>`)
  parts.push(`<type>${opts.type ?? 'running'}</type><trkseg>\n`)
  for (let i = 0; i < points; i++) {
    const lat = (45 + i * 0.000027).toFixed(7)
    const time = new Date(startMs + i * 1000).toISOString().replace('.000Z', 'Z')
    parts.push(`<trkpt lat="${lat}" lon="6.0000000"><ele>${(200 + (i % 50)).toFixed(1)}</ele><time>${time}</time><extensions><hr>150</hr></extensions></trkpt>\n`)
  }
  parts.push('</trkseg></trk>\n</gpx>\n')
  return parts.join('')
}

/** Points needed for a GPX of about `bytes` bytes. */
export function gpxPointsFor(bytes: number): number {
  return Math.floor(bytes / gpxTrack(1000).length * 1000)
}

export const STRAVA_HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Activity Private Note,Elapsed Time,Distance,Elevation Gain'

/** A Strava activities.csv with `rows` runs, one a day from 2015. */
export function stravaCsv(rows: number): string {
  const lines = [STRAVA_HEADER]
  const start = Date.parse('2015-01-01T07:00:00Z')
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + i * 86_400_000)
    const date = `"${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}, ${d.getUTCFullYear()}, 7:00:00 AM"`
    const km = 5 + (i % 10)
    lines.push(`${1_000_000 + i},${date},Run ${i},Run,easy,${km * 330},${km}.00,,${km * 330}.0,${km * 1000}.0,30.0`)
  }
  return `${lines.join('\n')}\n`
}

/** Strava's bulk-export activities.csv header, with the Filename column that points into activities/. */
export const STRAVA_EXPORT_HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Activity Private Note,Filename,Elapsed Time,Distance'

/**
 * The files of a Strava bulk export (the zip an athlete downloads): activities.csv plus one gzipped GPX
 * per activity, a run a day from 2020, each `points` seconds long. Zip it with fflate's zipSync.
 */
export function stravaExportFiles(activities: number, points: number, gzip: (data: Uint8Array) => Uint8Array): { 'activities.csv': Uint8Array; activities: Record<string, Uint8Array> } {
  const encode = (s: string) => new TextEncoder().encode(s)
  const lines = [STRAVA_EXPORT_HEADER]
  const files: Record<string, Uint8Array> = {}
  const start = Date.parse('2020-01-01T07:00:00Z')
  for (let i = 0; i < activities; i++) {
    const d = new Date(start + i * 86_400_000)
    const id = 2_000_000 + i
    const km = (points * 3) / 1000
    const date = `"${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}, ${d.getUTCFullYear()}, 7:00:00 AM"`
    lines.push(`${id},${date},Run ${i},Run,,${points},${km.toFixed(2)},,activities/${id}.gpx.gz,${points}.0,${km * 1000}.0`)
    files[`${id}.gpx.gz`] = gzip(encode(gpxTrack(points, { start: d.toISOString() })))
  }
  return { 'activities.csv': encode(`${lines.join('\n')}\n`), activities: files }
}
