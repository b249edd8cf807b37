/**
 * The atomic write must reach the disk, not just the page cache: the temp file's handle is synced before
 * the rename, and the folder is synced after it (so the rename itself survives a power cut). A kill -9
 * crash test cannot see a missing fsync (the kernel keeps the page cache), so this spies on the calls.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomicDurable } from '../../../electron/services/store/file-ops'
import { tempDir } from '../../support/temp'

afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * Records, in order, every open, handle sync and rename inside `dir`. Calls elsewhere are left out: the
 * unit files of a worker share their modules, so another file's background work (a summary cache flush,
 * a backup) may use the same fs functions while this test runs.
 */
function recordDiskCalls(dir: string): string[] {
  const inside = (p: unknown) => String(p) === dir || String(p).startsWith(dir + path.sep)
  const events: string[] = []
  const open = fs.open.bind(fs)
  vi.spyOn(fs, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await open(file, flags, mode)
    const name = String(file)
    if (!inside(name)) return handle
    events.push(`open ${name}`)
    const sync = handle.sync.bind(handle)
    vi.spyOn(handle, 'sync').mockImplementation(async () => {
      events.push(`sync ${name}`)
      return sync()
    })
    return handle
  })
  const rename = fs.rename.bind(fs)
  vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
    if (inside(from) || inside(to)) events.push(`rename ${String(from)} -> ${String(to)}`)
    return rename(from, to)
  })
  return events
}

describe('writeFileAtomicDurable', () => {
  it('syncs the temp file before renaming it over the target, then syncs the folder', async () => {
    const dir = tempDir('calfcoach-durable-')
    const file = path.join(dir, 'squad.json')
    const events = recordDiskCalls(dir)
    await writeFileAtomicDurable(file, '{"ok":true}')
    expect(await fs.readFile(file, 'utf8')).toBe('{"ok":true}')

    const renameAt = events.findIndex((e) => e.startsWith('rename '))
    expect(renameAt, events.join('\n')).toBeGreaterThan(0)
    const temp = /^rename (.+) -> /.exec(events[renameAt]!)![1]!
    expect(path.dirname(temp)).toBe(dir)
    // The data: the temp file's own handle is synced, before the rename makes it the real file.
    const fileSync = events.indexOf(`sync ${temp}`)
    expect(fileSync, `no fsync of the temp file's handle:\n${events.join('\n')}`).toBeGreaterThanOrEqual(0)
    expect(fileSync).toBeLessThan(renameAt)
    // The rename: the folder is opened and synced after it.
    const dirSync = events.lastIndexOf(`sync ${dir}`)
    expect(dirSync, `no fsync of the folder after the rename:\n${events.join('\n')}`).toBeGreaterThan(renameAt)
  })

  it('writes a big file whole, in one write call (not 512 KB at a time), text and bytes alike', async () => {
    const dir = tempDir('calfcoach-durable-')
    const file = path.join(dir, 'athlete.json')
    const writes: number[] = []
    const open = fs.open.bind(fs)
    vi.spyOn(fs, 'open').mockImplementation(async (name, flags, mode) => {
      const handle = await open(name, flags, mode)
      if (String(name).startsWith(dir + path.sep) && flags === 'w') {
        const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<{ bytesWritten: number }>
        vi.spyOn(handle, 'write').mockImplementation((async (...args: unknown[]) => {
          const done = await write(...args)
          writes.push(done.bytesWritten)
          return done
        }) as never)
      }
      return handle
    })
    // 1.5 MB of text with characters of every UTF-8 length, then the same as bytes.
    const text = 'é✓😀a'.repeat(150_000)
    await writeFileAtomicDurable(file, text)
    expect(await fs.readFile(file, 'utf8')).toBe(text)
    await writeFileAtomicDurable(file, Buffer.from(`${text}!`))
    expect(await fs.readFile(file, 'utf8')).toBe(`${text}!`)
    expect(writes).toEqual([Buffer.byteLength(text), Buffer.byteLength(text) + 1])
  })

  it("answers once the folder is synced, without waiting for its handle's close", async () => {
    const dir = tempDir('calfcoach-durable-')
    const file = path.join(dir, 'squad.json')
    const events = recordDiskCalls(dir)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let closed = false
    const open = vi.mocked(fs.open).getMockImplementation()!
    vi.mocked(fs.open).mockImplementation(async (name, flags, mode) => {
      const handle = await open(name, flags, mode)
      if (String(name) === dir) {
        const close = handle.close.bind(handle)
        vi.spyOn(handle, 'close').mockImplementation(async () => {
          await gate
          await close()
          closed = true
        })
      }
      return handle
    })
    await writeFileAtomicDurable(file, '{"ok":true}')
    // Synced before the answer; the close still held.
    expect(events.at(-1)).toBe(`sync ${dir}`)
    expect(closed).toBe(false)
    release()
    await vi.waitFor(() => expect(closed).toBe(true))
  })
})
