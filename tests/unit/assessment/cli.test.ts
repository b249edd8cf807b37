// The diagnose CLI, run as a real process: a good file, stdin, and the error paths (exit 2, no stack trace).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnose } from '../../../shared/assessment/diagnose'
import { Diagnosis, type AssessmentInput, type Diagnosis as DiagnosisT } from '../../../shared/assessment/schema'
import { scriptRunner } from '../../support/script-bundle'
import { CLEAN, withPatch } from './fixtures'

let dir = ''

const diagnoseCli = scriptRunner('scripts/diagnose.ts')
const run = diagnoseCli.run

function noStack(text: string) {
  expect(text).not.toMatch(/\n\s+at /)
  expect(text).not.toMatch(/node:internal|ZodError/)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'calfcoach-cli-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  diagnoseCli.dispose()
})

describe('scripts/diagnose.ts', () => {
  it('diagnoses a good file: JSON on stdout, exit 0, same answer as the shared code, started as npm run does (tsx)', () => {
    const input = withPatch(CLEAN, { symptoms: { numbnessOrTingling: true }, screening: { kneeToWallCm: { left: 8 } } })
    const file = join(dir, 'good.json')
    writeFileSync(file, JSON.stringify(input))
    const r = diagnoseCli.viaTsx([file])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const out: unknown = JSON.parse(r.stdout)
    expect(Diagnosis.safeParse(out).success).toBe(true)
    expect(out).toEqual(diagnose(input))
    expect((out as { triage: string }).triage).toBe('amber')
  })

  it('reads stdin when given "-", with the fields added by issue 10', () => {
    const input = {
      athlete: { ageYears: 55 },
      symptoms: { chestPainOrBreathlessness: true, forcedToStop: false, muscleHernia: false, saddleNumbnessOrBladderBowelChange: false },
      history: { vascularRiskFactors: ['smoking', 'diabetes'] },
    }
    const r = run(['-'], JSON.stringify(input))
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as DiagnosisT
    expect(out.triage).toBe('red')
    expect(out.referrals[0]).toMatchObject({ id: 'possible-pulmonary-embolism', urgency: 'emergency' })
    expect(out.redFlagScreen?.complete).toBe(false)
    expect(out.redFlagScreen?.unanswered).toContain('symptoms.swelling')
    expect(out.redFlagScreen?.unanswered).not.toContain('symptoms.forcedToStop')
    expect(out).toEqual(diagnose(input as AssessmentInput))
  })

  it('--previous with --weeks-before passes the earlier assessment: no real change in 7 weeks refers (issue 10 item 6)', () => {
    // The same results 7 weeks apart (weeksSinceOnset kept under 12 so only the comparison can refer).
    const current = withPatch(CLEAN, { symptoms: { weeksSinceOnset: 10 } })
    const file = join(dir, 'now.json')
    const earlier = join(dir, 'earlier.json')
    writeFileSync(file, JSON.stringify(current))
    writeFileSync(earlier, JSON.stringify(CLEAN))
    const r = run([file, '--previous', earlier, '--weeks-before', '7'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as DiagnosisT
    expect(out).toEqual(diagnose(current, { previous: { input: CLEAN, weeksBefore: 7 } }))
    expect(out.referrals.map((x) => x.id)).toContain('not-improving-with-conservative-care')
    // Without --previous the same file is diagnosed on its own, as before.
    const alone = JSON.parse(run([file]).stdout) as DiagnosisT
    expect(alone.referrals.map((x) => x.id)).not.toContain('not-improving-with-conservative-care')
  })

  it('--previous without --weeks-before, a bad week count or an invalid earlier file: exit 2, clear message', () => {
    const file = join(dir, 'now2.json')
    const earlier = join(dir, 'earlier2.json')
    writeFileSync(file, JSON.stringify(CLEAN))
    writeFileSync(earlier, JSON.stringify({ symptoms: { swelling: 'no' } }))
    const noWeeks = run([file, '--previous', earlier])
    expect(noWeeks.code).toBe(2)
    expect(noWeeks.stderr).toMatch(/--previous needs --weeks-before/)
    const badWeeks = run([file, '--previous', earlier, '--weeks-before', 'six'])
    expect(badWeeks.stderr).toMatch(/--weeks-before must be a number of weeks/)
    const badFile = run([file, '--previous', earlier, '--weeks-before', '6'])
    expect(badFile.code).toBe(2)
    expect(badFile.stderr).toMatch(/invalid earlier assessment in .*earlier2\.json:\n\s+symptoms\.swelling: must be true or false/)
    for (const r of [noWeeks, badWeeks, badFile]) {
      expect(r.stdout).toBe('')
      noStack(r.stderr)
    }
  })

  it('invalid input: exit 2, names the field and the problem, no stack trace', () => {
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ symptoms: { swelling: 'yes', numbness: true }, screening: { kneeToWallCm: { left: 40 } } }))
    const r = run([file])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/symptoms\.swelling: must be true or false/)
    expect(r.stderr).toMatch(/symptoms\.numbness: unknown field "numbness"/)
    expect(r.stderr).toMatch(/screening\.kneeToWallCm\.left: must be at most 30 cm/)
    noStack(r.stderr)
  })

  it('invalid JSON on stdin: exit 2 with a clear message', () => {
    const r = run(['-'], '{"symptoms": ')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/stdin is not valid JSON/)
    noStack(r.stderr)
  })

  it('missing file and missing argument: exit 2 with a clear message', () => {
    const missing = run([join(dir, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/file not found: .*nope\.json/)
    noStack(missing.stderr)
    const none = run([])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/usage/)
  })
})
