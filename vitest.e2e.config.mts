import { defineConfig } from 'vitest/config'

// End-to-end specs drive the built renderer in Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    // Bounds for a hung test, not speed limits: on a machine busy with other jobs a long journey (demo
    // squad, PDF export) can take minutes, and a timeout there is a false failure. Speed goals live in bench/.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two spec files at a time: a spec spends much of its time waiting on the page (IPC round trips,
    // PDF rendering, axe), so a second browser fills the idle core. Each file has its own browser and
    // data folders, so they cannot see each other.
    fileParallelism: true,
    maxWorkers: 2,
    // expect.poll retries a check until the page reaches the state (default bound: 1 s, too short when busy).
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
})
