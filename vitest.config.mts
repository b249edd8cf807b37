import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/support/vitest-setup.ts'],
    environment: 'node',
    // A bound for a hung test, never a speed goal (those live in bench/): generous, because CI shares
    // machines with other jobs and a spawn-heavy test can take minutes there.
    testTimeout: 180_000,
  },
})
