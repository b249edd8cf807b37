import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SHARED_BUILD_ENV } from './electron-double/build'

/**
 * Runs once in the vitest process before any worker starts: names a folder where the glue test files
 * of this run share one build of the app (workers inherit the variable), and removes it afterwards.
 * Nothing is built here, so a run without glue tests pays nothing.
 */
export function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-glue-run-'))
  process.env[SHARED_BUILD_ENV] = dir
  return () => {
    if (process.env['CALFCOACH_GLUE_KEEP'] !== '1') rmSync(dir, { recursive: true, force: true })
  }
}
