/**
 * The backup's stat-and-link pass in a worker thread (nodeFileOps.statAndLink): it decides exactly what
 * the file-by-file pass decides, stops between chunks when asked (no link after), fails on a file it
 * cannot look at, and the backup around it still holds one state of the folder when a save lands while
 * the worker looks at the files.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupStore, MANIFEST, sha256 } from '../../../electron/services/store/backups'
import { type FileOps, nodeFileOps } from '../../../electron/services/store/file-ops'
import { removeTreeInWorker, statAndLinkInWorker } from '../../../electron/services/store/backup-worker'
import { type LinkJob, statAndLinkInProcess } from '../../../electron/services/store/link-pass'
import { WriteCoordinator } from '../../../electron/services/store/write-coordinator'
import { tempDir } from '../../support/temp'

const identity = (file: string) => {
  const s = statSync(file)
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs }
}
const noCheckpoint = () => undefined

/**
 * One folder per pass under test, each with the same cases: live files, a previous backup's copies and an
 * empty target. Case by case: unchanged (links), changed, gone, unchanged but its old copy is gone
 * (the link fails: the caller copies), only looked at, and nothing known.
 */
function casesIn(root: string) {
  const live = path.join(root, 'live')
  const old = path.join(root, 'old')
  const to = path.join(root, 'to')
  for (const dir of [live, old, to]) mkdirSync(dir)
  const write = (name: string, text: string) => writeFileSync(path.join(live, name), text)
  for (const name of ['same', 'changed', 'gone', 'old-copy-gone', 'look', 'unknown']) {
    write(name, `${name} v1`)
    linkSync(path.join(live, name), path.join(old, name))
  }
  const known = Object.fromEntries(['same', 'changed', 'gone', 'old-copy-gone', 'look', 'unknown'].map((n) => [n, identity(path.join(live, n))]))
  const job = (name: string, link = true): LinkJob => ({ live: path.join(live, name), known: name === 'unknown' ? null : known[name]!, link: link ? { from: path.join(old, name), to: path.join(to, name) } : null })
  return { live, old, to, known, job }
}

async function prepare(root: string) {
  const c = casesIn(root)
  // Our writer replaces a file by rename: the changed file is a new one.
  await nodeFileOps.writeAtomic(path.join(c.live, 'changed'), 'changed v2, longer')
  await nodeFileOps.remove(path.join(c.live, 'gone'))
  await nodeFileOps.remove(path.join(c.old, 'old-copy-gone'))
  const jobs = [c.job('same'), c.job('changed'), c.job('gone'), c.job('old-copy-gone'), c.job('look', false), c.job('unknown')]
  return { ...c, jobs }
}

/** The outcomes with the inode numbers left out (each folder has its own files). */
const comparable = (outcomes: { now: { size: number } | null; linked: boolean }[]) => outcomes.map((o) => ({ size: o.now?.size ?? null, linked: o.linked }))

describe('the stat-and-link pass in a worker thread', () => {
  it('decides what the file-by-file pass decides, case by case, and links only unchanged files', async () => {
    const inWorker = await prepare(tempDir())
    const inProcess = await prepare(tempDir())
    const fromWorker = await statAndLinkInWorker(inWorker.jobs, noCheckpoint)
    const fromProcess = await statAndLinkInProcess({ ...nodeFileOps, statAndLink: undefined }, inProcess.jobs, noCheckpoint)
    expect(comparable(fromWorker)).toEqual(comparable(fromProcess))
    expect(fromWorker.map((o) => o.linked)).toEqual([true, false, false, false, false, false])
    expect(fromWorker[2]!.now).toBeNull()
    expect(fromWorker[1]!.now).toEqual(identity(path.join(inWorker.live, 'changed')))
    // The link names the previous backup's copy, never the live file.
    expect(statSync(path.join(inWorker.to, 'same')).ino).toBe(statSync(path.join(inWorker.old, 'same')).ino)
    expect(readdirSync(inWorker.to)).toEqual(['same'])
    expect(readdirSync(inProcess.to)).toEqual(['same'])
  })

  it('keeps the order of more files than one chunk holds', async () => {
    const root = tempDir()
    const jobs: LinkJob[] = []
    for (let i = 0; i < 600; i++) {
      const file = path.join(root, `f${i}`)
      writeFileSync(file, 'x'.repeat(i))
      jobs.push({ live: file, known: null, link: null })
    }
    const outcomes = await statAndLinkInWorker(jobs, noCheckpoint)
    expect(outcomes.map((o) => o.now?.size)).toEqual(jobs.map((_, i) => i))
  })

  it('stops between chunks when the checkpoint throws, and links nothing after it', async () => {
    const root = tempDir()
    const [live, old, to] = ['live', 'old', 'to'].map((d) => path.join(root, d)) as [string, string, string]
    for (const dir of [live, old, to]) mkdirSync(dir)
    const jobs: LinkJob[] = []
    for (let i = 0; i < 600; i++) {
      writeFileSync(path.join(live, `f${i}`), `${i}`)
      linkSync(path.join(live, `f${i}`), path.join(old, `f${i}`))
      jobs.push({ live: path.join(live, `f${i}`), known: identity(path.join(live, `f${i}`)), link: { from: path.join(old, `f${i}`), to: path.join(to, `f${i}`) } })
    }
    let checks = 0
    const stop = new Error('step aside')
    await expect(
      statAndLinkInWorker(jobs, () => {
        if (++checks === 2) throw stop
      }),
    ).rejects.toBe(stop)
    // The first chunk only: the worker is stopped before the pass settles, so this count is final.
    const linked = readdirSync(to).length
    expect(linked).toBeGreaterThan(0)
    expect(linked).toBeLessThan(600)
    expect(readdirSync(to).map((n) => Number(n.slice(1))).sort((a, b) => a - b)).toEqual(Array.from({ length: linked }, (_, i) => i))
  })

  it('fails with the system’s code on a file it cannot look at, as the file-by-file pass does', async () => {
    const root = tempDir()
    symlinkSync(path.join(root, 'b'), path.join(root, 'a'))
    symlinkSync(path.join(root, 'a'), path.join(root, 'b'))
    const jobs: LinkJob[] = [{ live: path.join(root, 'a'), known: null, link: null }]
    await expect(statAndLinkInWorker(jobs, noCheckpoint)).rejects.toMatchObject({ code: 'ELOOP' })
    await expect(statAndLinkInProcess({ ...nodeFileOps, statAndLink: undefined }, jobs, noCheckpoint)).rejects.toMatchObject({ code: 'ELOOP' })
  })
})

/** A data folder of `n` athlete files and a squad index, written straight to disk. */
function dataFolder(n: number) {
  const dataDir = tempDir()
  mkdirSync(path.join(dataDir, 'athletes'))
  writeFileSync(path.join(dataDir, 'squad.json'), '{"athletes":[]}')
  for (let i = 0; i < n; i++) writeFileSync(path.join(dataDir, 'athletes', `ath-w-${i}.json`), JSON.stringify({ i, runs: [] }))
  return dataDir
}

function expectBackupHoldsLiveFiles(dataDir: string, id: string) {
  const dir = path.join(dataDir, 'backups', id)
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files: Record<string, { sha256: string }> }
  const live = ['squad.json', ...readdirSync(path.join(dataDir, 'athletes')).map((f) => `athletes/${f}`)]
  expect(Object.keys(manifest.files).sort()).toEqual(live.sort())
  for (const rel of live) {
    const text = readFileSync(path.join(dataDir, rel), 'utf8')
    expect(readFileSync(path.join(dir, rel), 'utf8'), rel).toBe(text)
    expect(manifest.files[rel]?.sha256, rel).toBe(sha256(text))
  }
}

describe('the daily backup through the worker', () => {
  it('a save landing while the worker looks at the files is in the backup: the next pass takes it', async () => {
    const dataDir = dataFolder(300)
    let clock = Date.parse('2026-03-01T08:00:00Z')
    const writes = new WriteCoordinator()
    const changed = path.join(dataDir, 'athletes', 'ath-w-7.json')
    let armed = false
    let passes = 0
    const ops: FileOps = {
      ...nodeFileOps,
      async statAndLink(jobs, checkpoint) {
        const outcomes = await nodeFileOps.statAndLink!(jobs, checkpoint)
        // After the worker linked the old copy of ath-w-7 and before the pass ends: a save, as the app makes it.
        if (armed && ++passes === 1) await writes.write(() => nodeFileOps.writeAtomic(changed, JSON.stringify({ i: 7, runs: [{ km: 5 }] })))
        return outcomes
      },
    }
    const store = new BackupStore(dataDir, ops, () => new Date((clock += 86_400_000)))
    await store.create('auto', writes)
    armed = true
    const info = await store.create('auto', writes)
    expect(passes).toBe(2)
    expectBackupHoldsLiveFiles(dataDir, info.id)
    expect(readFileSync(path.join(dataDir, 'backups', info.id, 'athletes', 'ath-w-7.json'), 'utf8')).toContain('"km":5')
    // Unchanged files are still shared with the backup before.
    const [newest, before] = (await store.list()).map((b) => b.id)
    expect(statSync(path.join(dataDir, 'backups', newest!, 'athletes', 'ath-w-8.json')).ino).toBe(statSync(path.join(dataDir, 'backups', before!, 'athletes', 'ath-w-8.json')).ino)
  })

  it('copies a file whose previous copy vanished, so the backup is whole', async () => {
    const dataDir = dataFolder(3)
    let clock = Date.parse('2026-03-01T08:00:00Z')
    const store = new BackupStore(dataDir, nodeFileOps, () => new Date((clock += 86_400_000)))
    const first = await store.create('auto', new WriteCoordinator())
    await nodeFileOps.remove(path.join(dataDir, 'backups', first.id, 'athletes', 'ath-w-1.json'))
    const second = await store.create('auto', new WriteCoordinator())
    expectBackupHoldsLiveFiles(dataDir, second.id)
  })

  it('a file it cannot look at fails the backup: nothing half-written is left or listed, the last backup stays', async () => {
    const dataDir = dataFolder(3)
    let clock = Date.parse('2026-03-01T08:00:00Z')
    const store = new BackupStore(dataDir, nodeFileOps, () => new Date((clock += 86_400_000)))
    const first = await store.create('auto', new WriteCoordinator())
    const loop = path.join(dataDir, 'athletes', 'ath-loop.json')
    symlinkSync(loop, loop)
    await expect(store.create('auto', new WriteCoordinator())).rejects.toMatchObject({ code: 'ELOOP' })
    expect((await store.list()).map((b) => b.id)).toEqual([first.id])
    expect(readdirSync(store.root).filter((n) => n.startsWith('.partial-'))).toEqual([])
    expect(existsSync(path.join(store.root, first.id, 'athletes', 'ath-w-1.json'))).toBe(true)
  })
})

describe('rotated-out backups', () => {
  it('leave the list before their files go: a crash while removing leaves only a partial, cleared by the next backup', async () => {
    const dataDir = dataFolder(2)
    let clock = Date.parse('2026-03-01T08:00:00Z')
    // A removal that never happens: the process died right after the rotation began removing.
    const neverRemoved: string[] = []
    const ops: FileOps = { ...nodeFileOps, removeTree: async (dir) => void neverRemoved.push(dir) }
    const store = new BackupStore(dataDir, ops, () => new Date((clock += 86_400_000)))
    const ids: string[] = []
    for (let day = 0; day < 11; day++) ids.push((await store.create('auto', new WriteCoordinator())).id)
    expect(neverRemoved).toEqual([path.join(store.root, `.partial-${ids[0]}`)])
    expect((await store.list()).map((b) => b.id)).toEqual(ids.slice(1).reverse())
    // Whatever is left of the oldest one (here all of it) is never listed, and the real removal clears it.
    expect(readdirSync(store.root)).toContain(`.partial-${ids[0]}`)
    const next = new BackupStore(dataDir, nodeFileOps, () => new Date((clock += 86_400_000)))
    await next.create('auto', new WriteCoordinator())
    expect(readdirSync(next.root).filter((n) => n.startsWith('.partial-'))).toEqual([])
    expect((await next.list()).filter((b) => b.reason === 'auto')).toHaveLength(10)
  })

  it('a backup another window rotated out first is no error: the new backup is taken and listed', async () => {
    const dataDir = dataFolder(2)
    let clock = Date.parse('2026-03-01T08:00:00Z')
    let rotatedElsewhere: string | null = null
    // The other window removes the oldest backup between this one's listing and its rename.
    const ops: FileOps = {
      ...nodeFileOps,
      async rename(from, to) {
        if (path.basename(to).startsWith('.partial-') && !path.basename(from).startsWith('.')) {
          rotatedElsewhere = from
          await nodeFileOps.remove(from)
        }
        return nodeFileOps.rename(from, to)
      },
    }
    const store = new BackupStore(dataDir, ops, () => new Date((clock += 86_400_000)))
    const ids: string[] = []
    for (let day = 0; day < 11; day++) ids.push((await store.create('auto', new WriteCoordinator())).id)
    expect(rotatedElsewhere).toBe(path.join(store.root, ids[0]!))
    expect((await store.list()).map((b) => b.id)).toEqual(ids.slice(1).reverse())
  })

  it('the worker removes a folder of many files, and a folder already gone is no error', async () => {
    const dir = path.join(dataFolder(300), 'athletes')
    await removeTreeInWorker(dir)
    expect(existsSync(dir)).toBe(false)
    await removeTreeInWorker(dir)
  })
})
