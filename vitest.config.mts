import os from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/support/vitest-setup.ts'],
    // One build of the app shared by the glue test files of a run (see tests/support/electron-double/build.ts).
    globalSetup: ['tests/support/glue-global-setup.ts'],
    environment: 'node',
    // A bound for a hung test, never a speed goal (those live in bench/): generous, because CI shares
    // machines with other jobs and a spawn-heavy test can take minutes there.
    testTimeout: 180_000,
    // Vitest's default leaves one core idle (cores - 1: a single worker on a 2-core machine), yet many of
    // these files spend their time waiting on child processes and disk syncs: use every core.
    maxWorkers: Math.max(2, os.availableParallelism()),
  },
})
