/**
 * The summary cache is written in the background, never in the middle of the coach's saves, and never in
 * one long turn of the event loop: a new day's board changes every athlete's line (1,000 at a big club), and
 * writing them all at once held the main process for tens of ms, landing inside a save.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CachedSummary } from '../../../electron/services/store/cached-summary'
import type { FileOps } from '../../../electron/services/store/file-ops'
import { athleteKind } from '../../../electron/services/store/kinds'
import { nodeFileOps } from '../../../electron/services/store/file-ops'
import { LINES_PER_TURN, SummaryCache } from '../../../electron/services/store/summary-cache'
import { summariseAthlete } from '../../../shared/domain/summary'
import type { BoardFacts } from '../../../shared/api/channels/runs'
import type { Run } from '../../../shared/domain/run'

const run: Run = { id: 'run-1', date: '2026-03-17', distanceKm: 5, painDuring: 2, createdAt: '2026-03-17T10:00:00.000Z', updatedAt: '2026-03-17T10:00:00.000Z' }
const summary = summariseAthlete(
  { ...athleteKind('a', 'A').create(), runs: [run] },
  '2026-03-17',
  { sex: 'female', dateOfBirth: '1990-01-01' },
)

/** File operations that only record what the cache writes (in `log`, in order). */
function recordingOps(log: string[]): FileOps {
  return {
    ...nodeFileOps,
    readText: async () => null,
    mkdirp: async () => undefined,
    writeAtomic: async (_file, text) => {
      log.push(`rewrite ${String(text).split('\n').filter(Boolean).length - 1}`)
    },
    appendText: async (_file, text) => {
      log.push(`append ${text.split('\n').filter(Boolean).length}`)
    },
  }
}

const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

afterEach(() => {
  vi.useRealTimers()
})

describe('summary cache writes', () => {
  it('waits until changes stop coming (a burst of saves is written once, after it), but not for ever', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const log: string[] = []
    const cache = new SummaryCache('/nowhere', recordingOps(log))
    // Saves every second: the write waits for a quiet 1.5 s…
    for (let s = 0; s < 5; s++) {
      cache.put(`ath-${s}`, `rev-${s}`, summary)
      await vi.advanceTimersByTimeAsync(1000)
      await realTurn()
    }
    expect(log).toEqual([])
    await vi.advanceTimersByTimeAsync(600)
    await realTurn()
    expect(log).toEqual(['rewrite 5'])
    // …and a stream of changes that never stops is still written, 15 s after its first change at the latest.
    log.length = 0
    for (let s = 0; s < 15; s++) {
      cache.put('ath-0', `rev-again-${s}`, summary)
      await vi.advanceTimersByTimeAsync(1000)
      await realTurn()
    }
    expect(log).toEqual(['append 1'])
  })

  it('makes and appends the lines a slice at a time, letting other work run between slices', async () => {
    const log: string[] = []
    const cache = new SummaryCache('/nowhere', recordingOps(log))
    cache.put('first', 'rev', summary)
    await cache.writeNow()
    log.length = 0
    const athletes = 2 * LINES_PER_TURN + 50
    for (let i = 0; i < athletes; i++) cache.put(`ath-${i}`, `rev-${i}`, summary)
    const done = cache.writeNow()
    // Other work queued when the write starts (a save's next step) runs before the write is over.
    setImmediate(() => log.push('other work'))
    await done
    expect(log).toEqual([`append ${LINES_PER_TURN}`, 'other work', `append ${LINES_PER_TURN}`, 'append 50'])
  })

  it("writes a summary read from the file again from its text, even once the board has read it (a new day's board)", () => {
    const line = CachedSummary.made('rev-1', summary).toLine('ath-1')!
    const read = CachedSummary.read(line, () => undefined)!
    const entry = read.entry as CachedSummary
    expect(entry.summary).toEqual(summary)
    const facts = { level: 'green' } as unknown as BoardFacts
    entry.keepBoardFacts('2026-03-18', 'monday', facts)
    const spy = JSON.stringify
    const seen: unknown[] = []
    JSON.stringify = ((value: unknown, ...rest: []) => (seen.push(value), spy(value, ...rest))) as typeof JSON.stringify
    let again: string | null
    try {
      again = entry.toLine('ath-1')
    } finally {
      JSON.stringify = spy
    }
    const fields = again!.split('\t')
    expect(fields[4]).toBe(line.split('\t')[4])
    expect(JSON.parse(fields[3]!)).toEqual({ day: '2026-03-18', weekStartsOn: 'monday', facts })
    // Only the new board facts (and the line's id and revision) were serialised, never the summary.
    expect(seen.some((v) => typeof v === 'object' && v !== null && 'recentRuns' in v)).toBe(false)
  })
})
