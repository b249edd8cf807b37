/**
 * The Electronegativity gate (scripts/electronegativity.ts): the real scan passes, every allow-list
 * entry still matches a real finding, and the gate logic really fails on unjustified or stale entries.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AllowEntry, checkFuses, compareFuses, evaluate, loadAllowList, type ScanReport } from '../../../scripts/electronegativity'

const ROOT = path.resolve(__dirname, '../../..')
const ALLOW_LIST = path.join(ROOT, 'security/electronegativity-allowlist.json')

let dir: string
let report: ScanReport
let run: ReturnType<typeof spawnSync>

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-eng-test-'))
  const json = path.join(dir, 'report.json')
  run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/electronegativity.ts'), '--json', json], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000, // a hang bound, generous for a busy machine
  })
  report = JSON.parse(readFileSync(json, 'utf8')) as ScanReport
}, 120_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('Electronegativity gate', () => {
  it('the scan of electron/ and the renderer page exits 0 with every HIGH/MEDIUM finding justified', () => {
    expect(run.status, `${String(run.stdout)}\n${String(run.stderr)}`).toBe(0)
    expect(String(run.stdout)).toContain('Electronegativity gate: PASS')
    expect(report.electronVersion).toMatch(/^41\.\d+\.\d+$/)
    expect(report.checks.atomic).toBeGreaterThan(20)
    expect(report.parseErrors).toEqual([])
    expect(report.unjustified).toEqual([])
    expect(report.invalidEntries).toEqual([])
    expect(report.ok).toBe(true)
    // The scan really looked at the code: the page's CSP and the windows are seen.
    expect(report.findings.some((f) => f.check === 'CSP_GLOBAL_CHECK' && f.file === 'renderer/index.html')).toBe(true)
    expect(report.findings.every((f) => f.check !== 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK')).toBe(true)
  })

  it('no allow-list entry is stale: each still matches a real finding', () => {
    const { entries, invalid } = loadAllowList(ALLOW_LIST)
    expect(invalid).toEqual([])
    expect(entries.length).toBeGreaterThan(0)
    expect(report.stale).toEqual([])
    for (const e of entries) {
      const matches = report.allowed.filter((f) => f.check === e.check && f.file === e.file)
      expect(matches.length, `${e.check} in ${e.file}`).toBeGreaterThan(0)
      if (e.occurrences !== undefined) expect(matches.length, `${e.check} in ${e.file}`).toBe(e.occurrences)
    }
  })

  it('the gate fails on an unjustified finding, a stale entry, an extra occurrence or a missing reason', () => {
    const list = loadAllowList(ALLOW_LIST)
    const [first, ...rest] = list.entries as [AllowEntry, ...AllowEntry[]]
    const missing = evaluate(report.findings, { entries: rest, invalid: [] })
    expect(missing.ok).toBe(false)
    expect(missing.unjustified.map((f) => `${f.check} ${f.file}`)).toContain(`${first.check} ${first.file}`)

    const bogus: AllowEntry = { check: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/main/windows.ts', reason: 'an entry that matches nothing at all', reviewed: 'test' }
    const stale = evaluate(report.findings, { entries: [...list.entries, bogus], invalid: [] })
    expect(stale.ok).toBe(false)
    expect(stale.stale).toEqual([bogus])

    const multi = list.entries.find((e) => (e.occurrences ?? 0) > 1)!
    const tighter = evaluate(report.findings, { entries: list.entries.map((e) => (e === multi ? { ...e, occurrences: e.occurrences! - 1 } : e)), invalid: [] })
    expect(tighter.ok).toBe(false)
    expect(tighter.unjustified).toHaveLength(1)

    const file = path.join(dir, 'no-reason.json')
    writeFileSync(file, JSON.stringify({ entries: [{ ...first, reason: '' }] }))
    expect(loadAllowList(file).invalid[0]).toMatch(/needs a "reason"/)

    const parseError = evaluate(report.findings, list, ['electron/x.ts: Unexpected token'])
    expect(parseError.ok).toBe(false)
  })

  it('gates CSP findings at every severity: a different policy or a stronger remark is unjustified', () => {
    const list = loadAllowList(ALLOW_LIST)
    const csp = report.findings.find((f) => f.check === 'CSP_GLOBAL_CHECK')!
    expect(csp.severity).toBe('LOW')
    expect(report.allowed.some((f) => f.check === 'CSP_GLOBAL_CHECK')).toBe(true)
    const loosened = { ...csp, sample: csp.sample.replace("connect-src 'self'", "connect-src 'self' https:") }
    const changed = evaluate([...report.findings.filter((f) => f !== csp), loosened], list)
    expect(changed.ok).toBe(false)
    expect(changed.unjustified.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK'])
    const weaker = evaluate([...report.findings.filter((f) => f !== csp), { ...csp, confidence: 'CERTAIN' }], list)
    expect(weaker.unjustified.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK'])
  })

  it('fails on any fuse that differs from security/fuses.json: changed, missing or extra', () => {
    expect(report.fuseProblems).toEqual([])
    expect(checkFuses()).toEqual([])
    const expected = (JSON.parse(readFileSync(path.join(ROOT, 'security/fuses.json'), 'utf8')) as { fuses: Record<string, boolean> }).fuses
    expect(expected['enableNodeCliInspectArguments']).toBe(false)
    expect(expected['grantFileProtocolExtraPrivileges']).toBe(false)
    expect(compareFuses({ ...expected, enableNodeCliInspectArguments: true }, expected)).toEqual(['fuse enableNodeCliInspectArguments is true, expected false'])
    const { runAsNode: _dropped, ...missing } = expected
    expect(compareFuses(missing, expected)).toEqual(['fuse runAsNode is not set (expected false)'])
    expect(compareFuses({ ...expected, resetAdHocDarwinSignature: true }, expected)).toEqual(['fuse resetAdHocDarwinSignature is set but not in the reviewed list security/fuses.json'])
    expect(compareFuses(undefined, expected)).toHaveLength(1)
    expect(evaluate(report.findings, loadAllowList(ALLOW_LIST), [], ['fuse x']).ok).toBe(false)
  })
})
