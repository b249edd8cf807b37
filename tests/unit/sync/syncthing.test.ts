/**
 * Two real Syncthing instances on 127.0.0.1 (no discovery, relays, NAT, usage reports or upgrades; own
 * home folders and ports), paired through the REST API, share one club folder between two data folders.
 * Two CalfCoach service stacks in two child processes (the real handler tables) make concurrent
 * operations on the same athletes, edits of the same runs and deletes included. After Syncthing reports
 * both sides complete, both sides must show identical data with every acknowledged write present unless
 * a later change or delete replaced it, and no conflict copy left unmerged. Skipped only when the
 * syncthing binary cannot be found.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { ClubFolder } from '../../../electron/services/store/club/club-folder'
import { Database } from '../../../electron/services/store/database'
import { bundleChild } from '../../support/child-process'
import { draft, tempDir } from '../../support/temp'

const SYNCTHING = ['/usr/bin/syncthing', '/usr/local/bin/syncthing'].find((p) => existsSync(p)) ?? whichSyncthing()
function whichSyncthing(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v syncthing'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}
const OPS = Number(process.env.SYNC_OPS ?? 200)
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'sync', 'coach-child.ts')
const started: ChildProcess[] = []

afterAll(() => {
  for (const p of started) if (p.pid && p.exitCode === null) process.kill(p.pid, 'SIGTERM')
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await fn().catch(() => null)
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

interface Instance {
  home: string
  gui: number
  listen: number
  id: string
  key: string
  proc: ChildProcess
}

async function startSyncthing(name: string): Promise<Instance> {
  const home = tempDir(`calfcoach-st-${name}-`)
  const out = execFileSync(SYNCTHING!, ['generate', `--home=${home}`, '--no-default-folder'], { encoding: 'utf8', env: { ...process.env, STNODEFAULTFOLDER: '1' } })
  const id = /Device ID:\s*([A-Z0-9-]+)/.exec(out)?.[1] ?? /<device id="([A-Z0-9-]+)"/.exec(readFileSync(path.join(home, 'config.xml'), 'utf8'))![1]!
  const key = /<apikey>([^<]+)<\/apikey>/.exec(readFileSync(path.join(home, 'config.xml'), 'utf8'))![1]!
  const gui = await freePort()
  const listen = await freePort()
  const proc = spawn(SYNCTHING!, ['serve', `--home=${home}`, '--no-browser', '--no-restart', `--gui-address=127.0.0.1:${gui}`, `--logfile=${path.join(home, 'log.txt')}`], {
    env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' },
    stdio: 'ignore',
  })
  started.push(proc)
  const inst = { home, gui, listen, id, key, proc }
  await until(`syncthing ${name} API`, () => api(inst, 'GET', '/rest/system/ping'))
  await api(inst, 'PATCH', '/rest/config/options', {
    globalAnnounceEnabled: false,
    localAnnounceEnabled: false,
    relaysEnabled: false,
    natEnabled: false,
    listenAddresses: [`tcp://127.0.0.1:${listen}`],
    urAccepted: -1,
    crashReportingEnabled: false,
    autoUpgradeIntervalH: 0,
  })
  return inst
}

async function api(i: Pick<Instance, 'gui' | 'key'>, method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${i.gui}${route}`, {
    method,
    headers: { 'X-API-Key': i.key, 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status}`)
  const text = await res.text()
  return text ? JSON.parse(text) : {}
}

type Ack = { op: 'add' | 'edit' | 'delete'; athleteId: string; runId: string; value?: number }

function runCoach(bundle: string, args: string[]): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
    started.push(child)
    const acks: Ack[] = []
    let buf = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString()
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        if (line === 'done') {
          child.stdin!.end()
          resolve(acks)
        } else if (line.startsWith('error')) reject(new Error(line))
        else acks.push(JSON.parse(line) as Ack)
      }
    })
    child.on('exit', (code) => code && reject(new Error(`coach exited ${code}`)))
  })
}

describe.skipIf(!SYNCTHING)(`two coaches through real Syncthing${SYNCTHING ? '' : ' (skipped: no syncthing binary found; apt-get install syncthing)'}`, () => {
  it(`${OPS} concurrent operations per coach converge with nothing lost`, async () => {
    const t0 = Date.now()
    const work = tempDir('calfcoach-sync-')
    const bundle = await bundleChild(CHILD, work)
    const [a, b] = await Promise.all([startSyncthing('a'), startSyncthing('b')])
    try {
      const clubA = tempDir('calfcoach-club-a-')
      const clubB = tempDir('calfcoach-club-b-')
      await api(a, 'PUT', `/rest/config/devices/${b.id}`, { deviceID: b.id, name: 'b', addresses: [`tcp://127.0.0.1:${b.listen}`] })
      await api(b, 'PUT', `/rest/config/devices/${a.id}`, { deviceID: a.id, name: 'a', addresses: [`tcp://127.0.0.1:${a.listen}`] })
      const folder = (p: string) => ({ id: 'club', label: 'club', path: p, type: 'sendreceive', fsWatcherEnabled: true, fsWatcherDelayS: 1, rescanIntervalS: 5, devices: [{ deviceID: a.id }, { deviceID: b.id }] })
      await api(a, 'PUT', '/rest/config/folders/club', folder(clubA))
      await api(b, 'PUT', '/rest/config/folders/club', folder(clubB))

      // Coach A starts the club with three athletes and some runs both coaches will edit.
      const dataA = tempDir('calfcoach-coach-a-')
      const dataB = tempDir('calfcoach-coach-b-')
      const seedServices = await AppServices.open({ dataDir: dataA, dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null }, shell: { openExternal: async () => undefined }, pdf: { renderRoute: async () => new Uint8Array() }, watch: false })
      const d = createDispatcher(createHandlers(seedServices), { readOnlyReason: () => null })
      const ids: string[] = []
      for (const n of ['Ada', 'Ben', 'Cleo']) {
        const r = await d('createAthlete', draft(n))
        if (r.ok) ids.push((r.value as { id: string }).id)
      }
      const shared: string[] = []
      for (let i = 0; i < 5; i++) {
        const r = await d('addRun', { athleteId: ids[0]!, run: { date: '2026-02-01', distanceKm: 5 + i } })
        if (r.ok) shared.push((r.value as { id: string }).id)
      }
      const s = await d('shareSquad', { folder: clubA, installName: 'Coach A' })
      expect(s.ok).toBe(true)
      await seedServices.close()
      // B receives the club before starting (so it joins rather than starting its own).
      await until('club reaching B', async () => existsSync(path.join(clubB, 'installations')) && readdirSync(path.join(clubB, 'installations')).length > 0 && (await Database.open({ dataDir: tempDir(), club: new ClubFolder(clubB, 'ins-probe', (await import('../../../electron/services/store/file-ops')).nodeFileOps), autoBackupAfterMs: Number.MAX_SAFE_INTEGER })).squad.data.athletes.length === 3)

      const tOps = Date.now()
      const [acksA, acksB] = await Promise.all([
        runCoach(bundle, [dataA, clubA, 'Coach A', ids.join(','), shared.join(','), String(OPS), '7']),
        runCoach(bundle, [dataB, clubB, 'Coach B', ids.join(','), shared.join(','), String(OPS), '11']),
      ])
      const opsMs = Date.now() - tOps
      const tSync = Date.now()
      // Settled: each side reports the other complete, and both folders hold the same files.
      const signature = (root: string) => {
        const out: string[] = []
        const walk = (dir: string, rel: string) => {
          for (const n of readdirSync(dir, { withFileTypes: true })) {
            if (n.name.startsWith('.')) continue
            if (n.isDirectory()) walk(path.join(dir, n.name), `${rel}${n.name}/`)
            else out.push(`${rel}${n.name}:${readFileSync(path.join(dir, n.name), 'utf8').length}`)
          }
        }
        walk(path.join(root, 'installations'), '')
        return out.sort().join('\n')
      }
      await until(
        'sync to settle',
        async () => {
          const ca = (await api(a, 'GET', `/rest/db/completion?folder=club&device=${b.id}`)) as { completion: number; needItems: number }
          const cb = (await api(b, 'GET', `/rest/db/completion?folder=club&device=${a.id}`)) as { completion: number; needItems: number }
          return ca.completion === 100 && cb.completion === 100 && signature(clubA) === signature(clubB)
        },
        60_000,
      )
      const convergeMs = Date.now() - tSync

      const { nodeFileOps } = await import('../../../electron/services/store/file-ops')
      const open = async (club: string) => Database.open({ dataDir: tempDir(), club: new ClubFolder(club, 'ins-reader', nodeFileOps), autoBackupAfterMs: Number.MAX_SAFE_INTEGER })
      const [viewA, viewB] = await Promise.all([open(clubA), open(clubB)])
      const dump = (db: Database) => JSON.stringify(ids.map((id) => db.athleteDoc(id).data))
      expect(dump(viewA)).toBe(dump(viewB))

      // Every acknowledged write is present unless a later change or delete replaced it.
      const runs = new Map(ids.flatMap((id) => viewA.athleteDoc(id).data.runs.map((r) => [r.id, r] as const)))
      const all = [...acksA, ...acksB]
      let lost = 0
      for (const ack of all) {
        const final = runs.get(ack.runId)
        const replaced = all.some((o) => o !== ack && o.runId === ack.runId && o.op !== 'add')
        if (ack.op === 'delete') {
          if (final) lost++
        } else if (!final) {
          if (!all.some((o) => o.runId === ack.runId && o.op === 'delete')) lost++
        } else if (!replaced && final.distanceKm !== ack.value) lost++
        else if (!all.some((o) => o.runId === ack.runId && o.op !== 'delete' && o.value === final.distanceKm) && !shared.includes(ack.runId)) lost++
      }
      const conflicts = (root: string) => {
        const found: string[] = []
        const walk = (dir: string) => {
          for (const n of readdirSync(dir, { withFileTypes: true })) {
            if (n.isDirectory()) walk(path.join(dir, n.name))
            else if (/sync-conflict|conflicted copy|-conflict-/.test(n.name)) found.push(n.name)
          }
        }
        walk(path.join(root, 'installations'))
        return found
      }
      console.info(
        `[sync] ${acksA.length} + ${acksB.length} acknowledged operations (${all.filter((x) => x.op === 'edit').length} edits, ${all.filter((x) => x.op === 'delete').length} deletes) in ${opsMs} ms; converged ${convergeMs} ms after the last one; ${lost} lost; total ${Date.now() - t0} ms`,
      )
      expect(acksA.length).toBeGreaterThanOrEqual(OPS * 0.9)
      expect(acksB.length).toBeGreaterThanOrEqual(OPS * 0.9)
      expect(lost).toBe(0)
      expect(conflicts(clubA)).toEqual([])
      expect(conflicts(clubB)).toEqual([])
    } finally {
      for (const i of [a, b]) {
        if (i.proc.pid && i.proc.exitCode === null) process.kill(i.proc.pid, 'SIGTERM')
        await until(`syncthing ${i.home} to stop`, async () => i.proc.exitCode !== null || i.proc.signalCode !== null, 15_000).catch(() => i.proc.pid && process.kill(i.proc.pid, 'SIGKILL'))
      }
    }
  }, 120_000)
})
