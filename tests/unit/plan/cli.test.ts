import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generatePlan, PlanOutput, PlanRequest } from '../../../shared/plan'
import { RED, TYPICAL } from './fixtures'

const ROOT = resolve(__dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'calfcoach-plan-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/plan.ts', ...args], {
    cwd: ROOT,
    input: stdin ?? '',
    encoding: 'utf8',
    // node + tsx directly (npx adds a second process and a registry lookup); the bound is for a hung CLI only.
    timeout: 240_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |\.ts:\d+:\d+|ZodError/)

describe('scripts/plan.ts', () => {
  it('prints the plan for a request file (exit 0), identical to the shared generator', () => {
    const r = cli([file('ok.json', JSON.stringify(TYPICAL))])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = PlanOutput.parse(JSON.parse(r.stdout))
    expect(out).toEqual(generatePlan(PlanRequest.parse(TYPICAL)))
    expect(out.status).toBe('ok')
    expect(out.weeks[0]).toMatchObject({ index: 1, startDate: '2026-01-05', phase: 'settle', lighterWeek: false })
  })

  it('reads the request from stdin with "-"', () => {
    const r = cli(['-'], JSON.stringify({ ...TYPICAL, diagnosis: RED }))
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.status).toBe('refer-first')
    expect(out.referrals[0].id).toBe('suspected-dvt')
    expect(out.weeks).toEqual([])
  })

  it('rejects an invalid request with exit 2, naming each field, without a stack trace', () => {
    const bad = { ...TYPICAL, runDaysPerWeek: 9, runs: [{ date: '2026-01-06', km: 5, painDuring: 12 }], extra: true }
    const r = cli([file('bad.json', JSON.stringify(bad))])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/runDaysPerWeek: must be at most 7/)
    expect(r.stderr).toMatch(/runs\[0\]\.painDuring: /)
    expect(r.stderr).toMatch(/extra: unknown field/)
    noStack(r.stderr)
  })

  it('rejects invalid JSON, a missing file and missing arguments with exit 2', () => {
    const json = cli(['-'], '{"startDate": ')
    expect(json.code).toBe(2)
    expect(json.stderr).toMatch(/not valid JSON/)
    noStack(json.stderr)
    const missing = cli([join(dir, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/file not found/)
    const none = cli([])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/usage/)
  })
})
