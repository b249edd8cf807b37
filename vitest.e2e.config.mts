import { defineConfig } from 'vitest/config'

// End-to-end specs drive the built renderer in Chromium; one browser at a time keeps the 2-core machine honest.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
