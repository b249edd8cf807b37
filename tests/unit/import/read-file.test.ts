// Reading from disk as the worker does: progress figures, the same preview as the in-memory parser, and
// plain messages for files that cannot be read.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRunFile } from '../../../electron/services/import/index'
import { readRunFile, type ReadProgress } from '../../../electron/services/import/read-file'
import { tempDir } from '../../support/temp'
import { gpxTrack, stravaCsv } from './generate'
import { text } from './helpers'

describe('readRunFile', () => {
  it('streams a GPX in pieces with byte progress up to the whole file, and gives the same rows as parseRunFile', async () => {
    const xml = gpxTrack(12_000, { name: 'Long one', desc: 'calves tight at 5k' })
    const file = path.join(tempDir(), 'long.gpx')
    writeFileSync(file, xml)
    const seen: ReadProgress[] = []
    const p = await readRunFile(file, { timeZone: 'UTC' }, (x) => seen.push(x))
    expect(p).toEqual(parseRunFile('long.gpx', text(xml), { timeZone: 'UTC' }))
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.map((s) => s.bytesRead)).toEqual([...seen.map((s) => s.bytesRead)].sort((a, b) => a - b))
    expect(seen.at(-1)?.bytesRead).toBe(Buffer.byteLength(xml))
    expect(p.rows[0]?.details?.painOnset).toEqual({ km: 5, minutes: null, text: 'calves tight at 5k' })
  })

  it('counts CSV rows as they are read', async () => {
    const file = path.join(tempDir(), 'activities.csv')
    writeFileSync(file, stravaCsv(4_500))
    const seen: ReadProgress[] = []
    const p = await readRunFile(file, { timeZone: 'UTC' }, (x) => seen.push(x))
    expect(p.rows).toHaveLength(4_500)
    // Header, 4,500 rows and the empty line after the last line break.
    expect(seen.map((s) => s.rowsRead).filter((n) => n > 0)).toEqual([2000, 4000, 4502])
  })

  it('a missing file or a folder is a plain message, never the system error text', async () => {
    const missing = await readRunFile(path.join(tempDir(), 'gone.fit'), {})
    expect(missing.fileProblems).toEqual(['The file could not be read because it does not exist (or no longer exists). Nothing was imported.'])
    const folder = await readRunFile(tempDir(), {})
    expect(folder.fileProblems[0]).toMatch(/^(That is not a file|The file could not be read because it is a folder)/)
  })
})
