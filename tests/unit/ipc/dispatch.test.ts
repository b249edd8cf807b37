import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiMethods, channelMap, contract } from '../../../shared/api/contract'
import { createDispatcher } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { parseExternalUrl } from '../../../electron/services/external-url'
import { isTrustedSender } from '../../../electron/main/trusted-sender'
import { resolveDataDir } from '../../../electron/main/data-dir'
import { draft, openServices } from '../../support/temp'

async function setup() {
  const ctx = await openServices()
  const dispatch = createDispatcher(createHandlers(ctx.services), { readOnlyReason: () => ctx.services.db.readOnlyReason })
  return { ...ctx, dispatch }
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8')
    }
  }
  walk(dir)
  return out
}

describe('the API contract', () => {
  it('has unique, namespaced channel names', () => {
    const names = Object.values(channelMap())
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^calfcoach:[a-z-]+:[a-z-]+$/)
  })
  it('has a handler for every method and none extra', async () => {
    const { services } = await setup()
    expect(Object.keys(createHandlers(services)).sort()).toEqual([...apiMethods].sort())
  })
})

describe('dispatcher', () => {
  it('creates an athlete through the same path main uses', async () => {
    const { dispatch, services } = await setup()
    const res = await dispatch('createAthlete', draft('Ada Lovelace'))
    expect(res.ok).toBe(true)
    expect(services.db.squad.data.athletes[0]?.name).toBe('Ada Lovelace')
  })
  it('rejects invalid input naming the field, and changes nothing on disk', async () => {
    const { dispatch, dataDir } = await setup()
    await dispatch('createAthlete', draft('Ada'))
    const before = snapshot(dataDir)
    const bad = await dispatch('createAthlete', { ...draft(''), sex: 'x', dateOfBirth: '2026-02-31', extra: 1 })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.code).toBe('invalid-input')
    const paths = bad.error.issues?.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'sex', 'dateOfBirth']))
    expect(bad.error.message).toMatch(/unknown field "extra"/)
    expect(snapshot(dataDir)).toEqual(before)
  })
  it('refuses a duplicate name with a field message', async () => {
    const { dispatch } = await setup()
    await dispatch('createAthlete', draft('Ada'))
    const res = await dispatch('createAthlete', draft(' ada '))
    expect(res.ok || res.error.issues?.[0]).toEqual({ path: 'name', message: expect.stringContaining('already in the squad') })
  })
  it('turns unexpected errors into a reference, never a stack', async () => {
    const { services } = await setup()
    const handlers = createHandlers(services)
    const logged: unknown[] = []
    const dispatch = createDispatcher({ ...handlers, getSquad: () => { throw new Error('boom at /secret/path.ts:12') } }, { readOnlyReason: () => null, logError: (e) => logged.push(e) })
    const res = await dispatch('getSquad', undefined)
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('internal')
      expect(res.error.message).not.toMatch(/secret|boom/)
    }
    expect(logged).toHaveLength(1)
  })
  it('refuses write channels in read-only mode but still answers reads', async () => {
    const { services } = await setup()
    const dispatch = createDispatcher(createHandlers(services), { readOnlyReason: () => 'folder is read-only' })
    expect(await dispatch('createAthlete', draft('Ada'))).toEqual({ ok: false, error: { code: 'read-only', message: 'folder is read-only' } })
    expect((await dispatch('getSquad', undefined)).ok).toBe(true)
  })
  it('deletes only with the exact name typed, after a backup', async () => {
    const { dispatch, services } = await setup()
    const created = await dispatch('createAthlete', draft('Ada'))
    const id = created.ok ? (created.value as { id: string }).id : ''
    const wrong = await dispatch('deleteAthlete', { id, confirmName: 'Ad' })
    expect(wrong.ok).toBe(false)
    expect(services.db.squad.data.athletes).toHaveLength(1)
    const right = await dispatch('deleteAthlete', { id, confirmName: 'Ada' })
    expect(right.ok).toBe(true)
    expect(services.db.squad.data.athletes).toHaveLength(0)
    expect((await services.db.backups.list()).some((b) => b.reason === 'manual')).toBe(true)
  })
  it('every write channel is marked as such', () => {
    for (const m of ['createAthlete', 'updateAthlete', 'deleteAthlete', 'loadDemoSquad', 'restoreBackup'] as const) expect(contract[m].writes).toBe(true)
  })
})

describe('trusted sender', () => {
  // The whole table of hostile and friendly sender URLs is tests/unit/security/trusted-sender.test.ts.
  const trusted = { pageUrl: 'app://calfcoach/index.html', devServerUrl: null }
  it('accepts only our main frame showing our app:// page', () => {
    expect(isTrustedSender({ frameUrl: 'app://calfcoach/index.html#/squad', isMainFrame: true, fromOurWindow: true }, trusted)).toBe(true)
    expect(isTrustedSender({ frameUrl: 'app://calfcoach/index.html', isMainFrame: false, fromOurWindow: true }, trusted)).toBe(false)
    expect(isTrustedSender({ frameUrl: 'app://calfcoach/index.html', isMainFrame: true, fromOurWindow: false }, trusted)).toBe(false)
    expect(isTrustedSender({ frameUrl: 'file:///app/out/renderer/index.html', isMainFrame: true, fromOurWindow: true }, trusted)).toBe(false)
  })
})

describe('external URLs', () => {
  it.each([
    ['https://example.org/path?q=1', 'https://example.org/path?q=1'],
    ['http://example.org', 'http://example.org/'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@example.org', null],
    ['mailto:a@b.c', null],
    ['not a url', null],
  ])('%s → %s', (input, expected) => {
    expect(parseExternalUrl(input)).toBe(expected)
  })
})

describe('data folder location', () => {
  it('flag beats environment beats userData', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir=/x/flag'], { CALFCOACH_DATA_DIR: '/x/env' }, '/ud')).toBe('/x/flag')
    expect(resolveDataDir(['electron', '--data-dir', '/x/flag2'], {}, '/ud')).toBe('/x/flag2')
    expect(resolveDataDir(['electron'], { CALFCOACH_DATA_DIR: '/x/env' }, '/ud')).toBe('/x/env')
    expect(resolveDataDir(['electron'], {}, '/ud')).toBe(path.join('/ud', 'data'))
  })
})
