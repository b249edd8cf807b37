// Command line for run import (issue 12): previews a run file exactly as the app's import dialog does, for
// scripted checks and power users. Nothing is saved.
//
//   npm run --silent import -- <file> [--tz <IANA zone>]
//
// A Strava bulk export (.zip) works too: one object per activities.csv row.
//
// Prints a JSON array on stdout, one object per row of the preview (date, startTime, timeZone, km,
// seconds, sport, status, importable, warnings, notes, and a few more), and exits 0. A file that cannot be
// imported at all exits 2 with the same plain message the app shows, on stderr. Reads the file with the
// same code the app's import worker runs (electron/services/import/read-file.ts).
import path from 'node:path'
import { readRunFile } from '../electron/services/import/read-file'
import { rowStatus } from '../electron/services/import/status'
import type { ImportRow } from '../electron/services/import/types'

const USAGE = 'usage: npm run --silent import -- <file> [--tz <time zone, e.g. Europe/London>]'

function fail(lines: readonly string[]): never {
  process.stderr.write(lines.map((l) => `import: ${l}`).join('\n') + '\n')
  process.exit(2)
}

/** One preview row as the command prints it; field names are a contract: add, never rename. */
export function rowJson(row: ImportRow) {
  const d = row.details
  const { status } = rowStatus(row, { duplicate: false, similarToExisting: false })
  return {
    row: row.rowNumber,
    /** The file the row came from (several files, or a Strava export's activity file); null for a single file. */
    file: row.origin?.file ?? null,
    date: row.run?.date ?? null,
    startTime: d?.startTime ?? null,
    timeZone: d?.timeZone ?? null,
    timeZoneSource: d?.timeZoneSource ?? null,
    km: row.run?.distanceKm ?? null,
    seconds: row.run?.durationSec ?? null,
    sport: d?.sport ?? null,
    name: d?.name ?? null,
    status,
    importable: row.run !== null,
    warnings: [...(row.flags ?? []), ...row.problems],
    notes: row.run?.notes ?? null,
    painOnset: d?.painOnset ?? null,
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--')
  let timeZone: string | undefined
  const tzAt = args.indexOf('--tz')
  if (tzAt >= 0) {
    timeZone = args[tzAt + 1]
    if (!timeZone) fail(['--tz needs a time zone name', USAGE])
    args.splice(tzAt, 2)
  }
  if (args.length !== 1) fail([args.length === 0 ? 'no file given' : 'expected exactly one file', USAGE])
  // npm runs scripts from the package folder; a relative path means relative to where the command was typed.
  const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), args[0] as string)
  const preview = await readRunFile(file, timeZone ? { timeZone, timeZoneSource: 'profile' } : {})
  if (preview.fileProblems.length > 0) fail(preview.fileProblems)
  const lines = preview.rows.map((r) => JSON.stringify(rowJson(r)))
  process.stdout.write(`[\n${lines.join(',\n')}\n]\n`)
  for (const w of preview.warnings ?? []) process.stderr.write(`import: note: ${w}\n`)
}

void main(process.argv.slice(2))
