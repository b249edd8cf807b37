import { readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

const UNIT_ROOT = 'tests/unit'

/**
 * Test files that replace a module with `vi.mock`: they need a module registry of their own (a mocked
 * 'electron' in one file must not be the 'electron' another file already imported).
 */
function filesThatMockModules(): string[] {
  const files = readdirSync(UNIT_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'))
  return files
    .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(path.join(UNIT_ROOT, file), 'utf8')))
    .map((file) => path.posix.join(UNIT_ROOT, file.split(path.sep).join('/')))
}

const isolated = filesThatMockModules()

const shared = {
  setupFiles: ['tests/support/vitest-setup.ts'],
  environment: 'node' as const,
  // Bounds for a hung test or hook, never speed goals (those live in bench/): generous, because CI shares
  // machines with other jobs, and `npm test` runs this suite at low priority beside the e2e specs, where
  // a spawn-heavy test or a beforeAll that seeds folders can take minutes.
  testTimeout: 600_000,
  hookTimeout: 600_000,
}

export default defineConfig({
  test: {
    // One build of the app shared by the glue test files of a run (see tests/support/electron-double/build.ts).
    globalSetup: ['tests/support/glue-global-setup.ts'],
    // Vitest's default leaves one core idle (cores - 1: a single worker on a 2-core machine), yet many of
    // these files spend their time waiting on child processes and disk syncs: use every core.
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        // Most files share their worker's module registry: re-importing the app's modules for each of
        // ~90 files cost about 100 CPU-seconds a run, more than a third of the whole unit suite. This is
        // safe because no test here mocks a module or changes process.env; files that mock run below.
        test: { ...shared, name: 'unit', include: [`${UNIT_ROOT}/**/*.test.ts`], exclude: isolated, isolate: false },
      },
      {
        test: { ...shared, name: 'unit-mocks', include: isolated, isolate: true },
      },
    ],
  },
})
