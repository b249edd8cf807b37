/**
 * What a save waits for, besides making the new file durable: nothing that could run off its path. Its
 * summary is keyed by the file it wrote from the write itself (no stat of the file after the save), and
 * that key is exactly what a stat of the file says, so the next launch still trusts the summary.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import { ok, setup } from '../runs/helpers'

describe('the save path', () => {
  it("keys the athlete's summary by the file it wrote without a stat after the write, and the key is the file's", async () => {
    const stats: string[] = []
    const ops: FileOps = {
      ...nodeFileOps,
      async stat(file) {
        stats.push(path.basename(file))
        return nodeFileOps.stat(file)
      },
    }
    const { services, dispatch, athlete } = await setup({ ops })
    const id = await athlete('Sam Save')
    stats.length = 0
    ok(await dispatch('addRun', { athleteId: id, run: { date: '2026-03-17', distanceKm: 5 } }))
    expect(stats.filter((name) => name === `${id}.json`)).toEqual([])
    const entry = services.db.summaryCache.trusted(id)
    expect(entry?.revision).toBe(await services.db.athleteRevision(id))
    expect(entry?.summary?.runCount).toBe(1)
  })

  it('falls back to a stat when the file operations do not tell what they wrote (a FileOps without it)', async () => {
    const ops: FileOps = {
      ...nodeFileOps,
      async writeAtomic(file, text) {
        await nodeFileOps.writeAtomic(file, text)
      },
    }
    const { services, dispatch, athlete } = await setup({ ops })
    const id = await athlete('Fay Fallback')
    ok(await dispatch('addRun', { athleteId: id, run: { date: '2026-03-17', distanceKm: 5 } }))
    expect(services.db.summaryCache.trusted(id)?.revision).toBe(await services.db.athleteRevision(id))
  })
})
