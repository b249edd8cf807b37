import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generatePlan, PlanOutput, PlanRequest } from '../../../shared/plan'
import { scriptRunner } from '../../support/script-bundle'
import { RED, TYPICAL } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'calfcoach-plan-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const plan = scriptRunner('scripts/plan.ts')
afterAll(() => plan.dispose())
const cli = plan.run
function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |\.ts:\d+:\d+|ZodError/)

describe('scripts/plan.ts', () => {
  it('prints the plan for a request file (exit 0), identical to the shared generator, started as npm run does (tsx)', () => {
    const r = plan.viaTsx([file('ok.json', JSON.stringify(TYPICAL))])
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
  }, 120_000)

  it('follows the referrals, not the triage label, and takes per-referral clearances and run days (issue 10 item 9)', () => {
    const request = { ...TYPICAL, diagnosis: { ...RED, triage: 'green' }, runDays: ['tue', 'thu', 'sun'] }
    // A green label with a same-day referral refers first; once that referral is cleared, the return starts with walk-run.
    const open = cli(['-'], JSON.stringify(request))
    expect(open.code).toBe(0)
    expect(JSON.parse(open.stdout).status).toBe('refer-first')
    const clearances = [{ referralId: 'suspected-dvt', date: '2026-01-02', outcome: 'cleared' }]
    const cleared = cli(['-'], JSON.stringify({ ...request, clearances }))
    expect(cleared.stderr).toBe('')
    const out = JSON.parse(cleared.stdout)
    expect(out.status).toBe('ok')
    expect(out.returnToRun).toMatchObject({ referralIds: ['suspected-dvt'], readiness: 'pending' })
    expect(out.weeks[0].runs.every((r: { kind: string }) => r.kind === 'walk-run')).toBe(true)
    // A passed readiness test (C5 battery) recorded after the clearance is read from the request.
    const readinessTests = [{ date: '2026-01-03', walk30MinPainFree: true, singleLegHops: 12, hopPain: 0, singleLegHeelRaises: { left: 28, right: 27 } }]
    const ready = JSON.parse(cli(['-'], JSON.stringify({ ...request, clearances, readinessTests })).stdout)
    expect(ready.returnToRun).toMatchObject({ referralIds: ['suspected-dvt'], readiness: 'passed' })
  }, 120_000)
})
