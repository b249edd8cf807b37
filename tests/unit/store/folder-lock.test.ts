/**
 * Two processes on one data folder on one machine (two users, or --data-dir): the first holds
 * calfcoach.lock (pid and host), the second opens read-only with a banner naming the first, refuses
 * every write and changes nothing; a lock left by a process that no longer runs is taken over.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { apiMethods, contract } from '../../../shared/api/contract'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { FolderLock, LOCK_FILE, type LockSystem } from '../../../electron/services/store/folder-lock'
import { bundleChild, LineChild } from '../../support/child-process'
import { FakeDialogs } from '../../support/harness'
import { draft, tempDir } from '../../support/temp'

const host = os.hostname()
const sys = (pid: number, alive: (pid: number) => boolean = () => true, on = host): LockSystem => ({ pid, host: on, isAlive: alive, now: () => new Date() })
const holderOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string }

describe('the data folder lock', () => {
  it('is owned by the first process and reported as held to a second one whose holder still runs', async () => {
    const dir = tempDir()
    const first = await FolderLock.acquire(dir, sys(1001))
    expect(first.kind).toBe('owned')
    const second = await FolderLock.acquire(dir, sys(1002, (pid) => pid === 1001))
    expect(second).toMatchObject({ kind: 'held', holder: { pid: 1001, host } })
  })

  it('takes over a stale lock (its pid no longer runs on this host), and a lock from another host is respected', async () => {
    const dir = tempDir()
    await FolderLock.acquire(dir, sys(2001))
    const taker = await FolderLock.acquire(dir, sys(2002, () => false))
    expect(taker.kind).toBe('owned')
    expect(holderOf(dir).pid).toBe(2002)
    // The same dead pid, but written on another computer (a network folder): it cannot be checked, so it holds.
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2002, host: 'other-laptop', startedAt: '' }))
    expect(await FolderLock.acquire(dir, sys(2003, () => false))).toMatchObject({ kind: 'held', holder: { host: 'other-laptop' } })
  })

  it('takes over a lock file that is not a lock (damaged or hand-edited), and release leaves a lock someone else took over', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, LOCK_FILE), 'not json')
    const a = await FolderLock.acquire(dir, sys(3001))
    expect(a.kind).toBe('owned')
    const b = await FolderLock.acquire(dir, sys(3002, () => false)) // 3001 "died"
    expect(b.kind).toBe('owned')
    if (a.kind === 'owned') await a.lock.release()
    expect(holderOf(dir).pid).toBe(3002)
    if (b.kind === 'owned') await b.lock.release()
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false)
  })
})

/** Every file under dir with its content, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[path.relative(dir, p)] = `${statSync(p).mtimeMs}:${readFileSync(p, 'utf8')}`
    }
  }
  walk(dir)
  return out
}

describe('a second process on the same folder', () => {
  it('opens read-only with a banner naming the holder, refuses every write channel and changes nothing', async () => {
    const dataDir = tempDir()
    const ports = { dialogs: new FakeDialogs(), shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() } }
    const owner = await AppServices.open({ dataDir, ...ports })
    const own = createDispatcher(createHandlers(owner), { readOnlyReason: () => owner.db.readOnlyReason })
    const ada = await own('createAthlete', draft('Ada'))
    expect(ada.ok).toBe(true)
    await owner.db.flush()
    const before = snapshot(dataDir)

    const other = await AppServices.open({ dataDir, ...ports, lockSystem: sys(process.pid + 1_000_000) })
    const reason = other.db.readOnlyReason
    expect(reason).toBe(`Another CalfCoach window (pid ${process.pid}) is using this squad; this window is read-only and shows its changes as they are saved. To make changes here, close the other window first.`)
    const dispatch = createDispatcher(createHandlers(other), { readOnlyReason: () => other.db.readOnlyReason, waitUntilReady: (m) => other.readyFor(m) })
    const status = await dispatch('getAppStatus', undefined)
    expect(status.ok && (status.value as { readOnlyReason: string | null }).readOnlyReason).toBe(reason)
    const writes = apiMethods.filter((m) => contract[m].writes)
    expect(writes.length).toBeGreaterThan(10)
    for (const method of writes) {
      const result = await dispatch(method, undefined)
      expect(result, method).toEqual({ ok: false, error: { code: 'read-only', message: reason } })
    }
    // Reads still work, and no call of any kind (reads included) touched the folder.
    const squad = await dispatch('getSquad', undefined)
    expect(squad.ok && (squad.value as { athletes: unknown[] }).athletes).toHaveLength(1)
    for (const method of apiMethods.filter((m) => !contract[m].writes)) await dispatch(method, undefined)
    await other.close()
    expect(snapshot(dataDir)).toEqual(before)
    await owner.close()
  })
})

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'support', 'store-child.ts')
const children: LineChild[] = []
afterAll(() => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL')
})

type Result = { ok: true; value: { id: string; runs?: { id: string }[] } } | { ok: false; error: { code: string; message: string } }

describe('two real Node processes on one folder', () => {
  it('lose no update either way: one writes, the other is read-only, and the lock passes on when the writer quits or dies', async () => {
    const work = tempDir('calfcoach-lock-')
    const bundle = await bundleChild(CHILD, work)
    const dataDir = tempDir()
    const start = async () => {
      const child = new LineChild(bundle, [dataDir])
      children.push(child)
      return { child, state: (await child.first) as { pid: number; readOnlyReason: string | null } }
    }
    const a = await start()
    expect(a.state.readOnlyReason).toBeNull()
    const created = (await a.child.call<Result>('createAthlete', draft('Ada'))) as Result & { ok: true }
    const athleteId = created.value.id
    const b = await start()
    expect(b.state.readOnlyReason).toMatch(new RegExp(`^Another CalfCoach window \\(pid ${a.state.pid}\\) is using this squad; this window is read-only`))

    // Both add runs at the same time: A's are acknowledged, B's refused with the banner's message.
    const run = (n: number) => ({ athleteId, run: { date: '2026-03-01', distanceKm: n } })
    const [fromA, fromB] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, (_, i) => a.child.call<Result>('addRun', run(i + 1)))),
      Promise.all(Array.from({ length: 20 }, (_, i) => b.child.call<Result>('addRun', run(100 + i)))),
    ])
    expect(fromA.every((r) => r.ok)).toBe(true)
    expect(fromB.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(20).fill('read-only'))
    const acked = fromA.map((r) => (r as Result & { ok: true }).value.id)

    // A quits (releasing the lock); the next process writes, and B, opened read-only, stays so.
    expect(await a.child.close()).toBe(0)
    const c = await start()
    expect(c.state.readOnlyReason).toBeNull()
    const fromC = (await c.child.call<Result>('addRun', run(50))) as Result & { ok: true }
    acked.push(fromC.value.id)
    expect(((await b.child.call<Result>('addRun', run(200))) as Result & { ok: false }).error.code).toBe('read-only')

    // C dies without releasing (kill -9): its lock is stale, and the next process takes it over.
    c.child.proc.kill('SIGKILL')
    await c.child.exited
    const d = await start()
    expect(d.state.readOnlyReason).toBeNull()
    const record = (await d.child.call<{ ok: true; value: { runs: { id: string }[] } }>('getAthleteRecord', { athleteId })).value
    expect(record.runs.map((r) => r.id).sort()).toEqual([...acked].sort())
    expect(await b.child.close()).toBe(0)
    expect(await d.child.close()).toBe(0)
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
  })
})
