/**
 * `npm start` runs scripts/check-electron.mjs first: without Electron's program it must print one plain
 * paragraph (what is missing, how to get it, that `npm test` works anyway) and stop, never a stack trace.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SCRIPT = path.resolve('scripts/check-electron.mjs')
const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix))

/** A made-up electron package: package.json, optionally path.txt naming the program, optionally the program. */
function fakeElectronPackage({ pathTxt, binary }: { pathTxt: boolean; binary: boolean }): string {
  const dir = tempDir('calfcoach-fake-electron-')
  writeFileSync(path.join(dir, 'package.json'), '{"name":"electron"}')
  if (pathTxt) writeFileSync(path.join(dir, 'path.txt'), 'electron')
  if (binary) {
    mkdirSync(path.join(dir, 'dist'))
    writeFileSync(path.join(dir, 'dist', 'electron'), '')
  }
  return dir
}

function runCheck(packageDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CALFCOACH_ELECTRON_PACKAGE_DIR: packageDir }
  delete env['ELECTRON_OVERRIDE_DIST_PATH']
  return spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env })
}

function expectOnePlainParagraph(result: ReturnType<typeof runCheck>, what: RegExp) {
  expect(result.status).toBe(1)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).toMatch(/^CalfCoach cannot start/)
  expect(result.stderr).toMatch(what)
  expect(result.stderr).toMatch(/`npm test`/)
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/) // no stack frames
}

describe('npm start pre-check', () => {
  it('explains a skipped download (no path.txt) in one paragraph', () => {
    expectOnePlainParagraph(runCheck(fakeElectronPackage({ pathTxt: false, binary: false })), /never downloaded/)
  })

  it('explains a program that was named but is gone', () => {
    expectOnePlainParagraph(runCheck(fakeElectronPackage({ pathTxt: true, binary: false })), /never downloaded/)
  })

  it('explains a missing electron package', () => {
    expectOnePlainParagraph(runCheck(tempDir('calfcoach-no-electron-')), /not installed/)
  })

  it('stays silent and lets npm start go on when the program is there', () => {
    const result = runCheck(fakeElectronPackage({ pathTxt: true, binary: true }))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
