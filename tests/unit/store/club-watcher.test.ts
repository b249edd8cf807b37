/**
 * The club watcher's polling fallback, for folders where fs.watch misses events (network shares, some
 * synced file systems). fs.watch is off here and each pass is called by hand: no timers, no sleeps.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClubWatcher } from '../../../electron/services/store/club/club-watcher'
import { tempDir } from '../../support/temp'

/** Writes like CalfCoach and sync tools do: a finished temp file renamed over the name. */
function replaceFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(`${file}.part`, text)
  renameSync(`${file}.part`, file)
}

function watcherOn(root: string) {
  const batches: Set<string>[] = []
  let wake: (() => void) | null = null
  const watcher = new ClubWatcher(root, 'ins-own', (rels) => {
    batches.push(rels)
    wake?.()
  }, { fsWatch: false, pollMs: 0, quietMs: 0 })
  const nextBatch = () => new Promise<Set<string>>((resolve) => (wake = () => resolve(batches.at(-1)!)))
  return { watcher, nextBatch }
}

describe('club watcher polling fallback', () => {
  it('reports what other installations changed since the last pass, and nothing of our own or when nothing changed', async () => {
    const root = tempDir('calfcoach-watch-')
    const inst = (id: string, rel: string) => path.join(root, 'installations', id, rel)
    replaceFile(inst('ins-kim', 'athletes/ath-aaa.json'), '{"a":1}')
    replaceFile(inst('ins-own', 'squad.json'), '{}')
    const { watcher, nextBatch } = watcherOn(root)
    expect(await watcher.poll()).toEqual([]) // the first pass only records what is there

    let batch = nextBatch()
    replaceFile(inst('ins-kim', 'athletes/ath-aaa.json'), '{"a":2}')
    replaceFile(inst('ins-kim', 'athletes/ath-bbb.json'), '{"b":1}')
    expect((await watcher.poll()).sort()).toEqual(['ins-kim/athletes/ath-aaa.json', 'ins-kim/athletes/ath-bbb.json'])
    expect([...(await batch)].sort()).toEqual(['athletes/ath-aaa.json', 'athletes/ath-bbb.json'])

    replaceFile(inst('ins-own', 'athletes/ath-aaa.json'), '{"mine":1}')
    expect(await watcher.poll()).toEqual([])

    // A coach who joins after the watcher started, and a sync tool's conflict copy (reported as the file it belongs to).
    batch = nextBatch()
    replaceFile(inst('ins-lee', 'squad.json'), '{"s":1}')
    replaceFile(inst('ins-kim', 'athletes/ath-aaa.sync-conflict-20261202-013000-ABCDEFG.json'), '{"a":3}')
    expect((await watcher.poll()).sort()).toEqual(['ins-kim/athletes/ath-aaa.sync-conflict-20261202-013000-ABCDEFG.json', 'ins-lee/squad.json'])
    expect([...(await batch)].sort()).toEqual(['athletes/ath-aaa.json', 'squad.json'])
    expect(await watcher.poll()).toEqual([])

    // A recent-changes file (own-records.ts) is reported as the document it belongs to.
    batch = nextBatch()
    replaceFile(inst('ins-kim', 'athletes/ath-ccc.recent.json'), '{"c":1}')
    replaceFile(inst('ins-lee', 'squad.recent.json'), '{"s":2}')
    expect((await watcher.poll()).sort()).toEqual(['ins-kim/athletes/ath-ccc.recent.json', 'ins-lee/squad.recent.json'])
    expect([...(await batch)].sort()).toEqual(['athletes/ath-ccc.json', 'squad.json'])
    watcher.stop()
  })
})
