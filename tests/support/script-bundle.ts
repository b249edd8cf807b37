import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'

const ROOT = path.resolve(__dirname, '../..')
/** A hang bound for one CLI run, never a speed goal: a busy CI machine can take a minute to start a process. */
const CLI_BOUND_MS = 300_000

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a scripts/*.ts command line tool the way `npm run` does (node + tsx, which compiles the script on
 * every start: about a CPU-second each), or from a bundle of the same source made once per test file
 * (esbuild, CommonJS, ~0.1 s to start). A test file checks the tsx path once and every other case on the
 * bundle, so the exit codes, stdout and stderr still come from a real process.
 */
export function scriptRunner(script: string): { viaTsx: (args: string[], input?: string) => CliResult; run: (args: string[], input?: string) => CliResult; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-cli-bundle-'))
  let bundle: string | undefined
  const spawn = (argv: string[], input?: string): CliResult => {
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, input: input ?? '', encoding: 'utf8', timeout: CLI_BOUND_MS })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  return {
    viaTsx: (args, input) => spawn(['--import', 'tsx', script, ...args], input),
    run: (args, input) => {
      if (!bundle) {
        bundle = path.join(dir, `${path.basename(script, '.ts')}.cjs`)
        buildSync({ entryPoints: [path.join(ROOT, script)], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' })
      }
      return spawn([bundle, ...args], input)
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}
