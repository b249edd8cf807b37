/**
 * A read-only window (another process holds the data folder) follows the writer's saves, and becomes
 * writable when asked once the writer has quit. The writer here is a service stack in this process; the
 * read-only one sees the lock through an injected LockSystem (another pid). Passes are driven by hand.
 */
import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import type { LockSystem } from '../../../electron/services/store/folder-lock'
import type { ApiResult } from '../../../shared/api/result'
import { FakeDialogs } from '../../support/harness'
import { draft, tempDir } from '../../support/temp'

const ports = () => ({ dialogs: new FakeDialogs(), shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() }, watch: false })
const value = <T>(r: ApiResult<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

describe('a read-only second window', () => {
  it('shows the writer’s saves without a restart, and becomes writable only after the writer quits', async () => {
    const dataDir = tempDir()
    const writer = await AppServices.open({ dataDir, ...ports() })
    const write = createDispatcher(createHandlers(writer), { readOnlyReason: () => writer.db.readOnlyReason })
    value(await write('createAthlete', draft('Ada')))

    let writerRuns = true
    const other: LockSystem = { pid: process.pid + 1_000_000, host: os.hostname(), isAlive: (pid) => pid !== process.pid || writerRuns, now: () => new Date() }
    const reader = await AppServices.open({ dataDir, ...ports(), lockSystem: other })
    const read = createDispatcher(createHandlers(reader), { readOnlyReason: () => reader.db.readOnlyReason })
    const names = async () => value<{ athletes: { name: string }[] }>(await read('getSquad', undefined)).athletes.map((a) => a.name).sort()
    expect(await names()).toEqual(['Ada'])
    expect(await reader.follower!.poll()).toBe(false)

    // The writer saves: the next pass reloads the reader, and the renderer's long poll is answered.
    const since = reader.db.changeCount
    value(await write('createAthlete', draft('Bea')))
    expect(await reader.follower!.poll()).toBe(true)
    expect(await names()).toEqual(['Ada', 'Bea'])
    expect(reader.db.changeCount).toBeGreaterThan(since)

    // Asking while the writer still runs changes nothing.
    const held = value<{ readOnlyReason: string | null }>(await read('takeOverDataFolder', undefined))
    expect(held.readOnlyReason).toContain(`pid ${process.pid}`)
    expect((await read('createAthlete', draft('Cat'))).ok).toBe(false)

    await writer.close()
    writerRuns = false
    const taken = value<{ readOnlyReason: string | null }>(await read('takeOverDataFolder', undefined))
    expect(taken.readOnlyReason).toBeNull()
    value(await read('createAthlete', draft('Cat')))
    expect(await names()).toEqual(['Ada', 'Bea', 'Cat'])
    await reader.close()
  })
})
