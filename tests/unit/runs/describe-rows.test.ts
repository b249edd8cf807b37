// The preview's row descriptions (duplicate, similar, status, counts, the rows not shown) are built in slices
// between turns of the event loop, and only the rows shown become preview rows. They must say exactly what
// the former single pass said: compared here with that pass, kept verbatim as the reference, on generated
// rows and logs (same days, near distances, shared and missing source keys, rows either side of the cut).
import { describe, expect, it } from 'vitest'
import type { ImportPreviewRow } from '../../../shared/api/channels/runs'
import type { Run, RunInput } from '../../../shared/domain/run'
import type { ImportRow } from '../../../electron/services/import/types'
import { rowStatus } from '../../../electron/services/import/status'
import { DESCRIBE_CHUNK_ROWS, describeRows } from '../../../electron/services/runs/import-service'
import { seededRandom } from '../../../shared/demo/random'

const sourceKey = (run: Pick<RunInput, 'source'>) => (run.source?.key ? `${run.source.kind}|${run.source.key}` : null)

/** The former describeRows and present's tallies, unchanged. */
function reference(rows: readonly ImportRow[], stored: readonly Run[], shownRows: number) {
  const keys = new Set(stored.map(sourceKey).filter((k): k is string => k !== null))
  const byDate = new Map<string, Run[]>()
  for (const r of stored) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r])
  const all: ImportPreviewRow[] = []
  for (const row of rows) {
    const key = row.run ? sourceKey(row.run) : null
    const duplicate = key !== null && keys.has(key)
    const similarToExisting =
      !!row.run &&
      !duplicate &&
      (byDate.get(row.run.date) ?? []).some((r) => {
        const k = sourceKey(r)
        return (k === null || k !== key) && Math.abs(r.distanceKm - (row.run?.distanceKm ?? 0)) <= 0.05 * r.distanceKm
      })
    const existing = { duplicate, similarToExisting }
    const origin = row.origin ?? null
    all.push({ rowNumber: row.rowNumber, run: row.run, problems: row.problems, ...existing, flags: row.flags ?? [], details: row.details ?? null, origin, ...rowStatus(row, existing) })
  }
  const importable = all.filter((r) => r.run !== null)
  const rest = all.slice(shownRows)
  return {
    shown: all.slice(0, shownRows),
    counts: {
      rows: all.length,
      importable: importable.length,
      duplicates: importable.filter((r) => r.duplicate).length,
      similar: importable.filter((r) => r.similarToExisting).length,
      skipped: all.length - importable.length,
    },
    notShown: {
      preselected: rest.filter((r) => r.preselected).map((r) => r.rowNumber),
      importable: rest.filter((r) => r.run !== null && !r.duplicate).map((r) => r.rowNumber),
    },
  }
}


function generated(seed: number, rowCount: number, storedCount: number) {
  const rnd = seededRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  // Rows over 60 days, the log over the first 12 of them: rows like a logged run, and rows on days with none.
  const dates = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2024, 4, 1 + i)).toISOString().slice(0, 10))
  const loggedDays = dates.slice(0, 12)
  const distances = [5, 5.2, 5.3, 8, 10, 10.4, 21.1]
  const source = (): RunInput['source'] => (rnd() < 0.3 ? undefined : { kind: pick(['fit', 'gpx', 'strava'] as const), key: `k${Math.floor(rnd() * 40)}` } as RunInput['source'])
  const stored = Array.from({ length: storedCount }, (_, i) => {
    const s = source()
    return { id: `run_${i}`, createdAt: '', updatedAt: '', date: pick(loggedDays), distanceKm: pick(distances), ...(s ? { source: s } : {}) } as Run
  })
  const rows: ImportRow[] = Array.from({ length: rowCount }, (_, i) => {
    const s = source()
    const run = rnd() < 0.15 ? null : ({ date: pick(dates), distanceKm: pick(distances), ...(s ? { source: s } : {}) } as RunInput)
    return {
      rowNumber: i + 2,
      run,
      problems: run === null ? ['not a run'] : rnd() < 0.1 ? ['a warning'] : [],
      ...(rnd() < 0.1 ? { flags: ['fast'] } : {}),
      ...(rnd() < 0.2 ? { origin: { file: 'a.gpx', row: i } } : {}),
    }
  })
  return { rows, stored }
}

describe('describeRows, sliced', () => {
  it('says what the single pass said, row for row, on generated files and logs', async () => {
    const sizes = [0, 1, 499, 500, 501, DESCRIBE_CHUNK_ROWS * 2, DESCRIBE_CHUNK_ROWS * 2 + 1, 3_333]
    for (let seed = 1; seed <= 24; seed++) {
      const rowCount = sizes[seed % sizes.length] as number
      const { rows, stored } = generated(seed, rowCount, seed % 3 === 0 ? 0 : 1 + (seed * 37) % 300)
      for (const limit of [500, 7]) {
        const got = await describeRows(rows, stored, limit)
        expect({ seed, limit, ...got }).toEqual({ seed, limit, ...reference(rows, stored, limit) })
      }
    }
  })

  it('the cut and the counts cover every row of a 50,000-row file', async () => {
    const { rows, stored } = generated(99, 50_000, 400)
    const got = await describeRows(rows, stored)
    const want = reference(rows, stored, 500)
    expect(got.counts).toEqual(want.counts)
    expect(got.notShown).toEqual(want.notShown)
    expect(got.shown).toEqual(want.shown)
    // The generated file has every kind of row, on both sides of the cut.
    expect(want.counts).toMatchObject({ rows: 50_000, duplicates: expect.any(Number), similar: expect.any(Number) })
    expect(Math.min(want.counts.duplicates, want.counts.similar, want.counts.skipped, want.notShown.preselected.length)).toBeGreaterThan(0)
    expect(want.notShown.importable.length).toBeLessThan(want.counts.importable)
  })
})
