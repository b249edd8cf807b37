import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The longest specs start first, so the run does not end with one long walk alone on an otherwise idle
 * machine. Vitest orders by the durations it cached last time; a fresh clone (CI) has no cache and would
 * order by file size, which says little about how long a spec waits on its page.
 */
const LONGEST = ['a11y.spec.ts', 'plan.spec.ts', 'log.spec.ts', 'a11y-dark.spec.ts', 'assessment.spec.ts', 'layout.spec.ts']

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((name) => file.moduleId.endsWith(`/${name}`))
      return index === -1 ? LONGEST.length : index
    }
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

// End-to-end specs drive the built renderer in Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    // Bounds for a hung test, not speed limits: on a machine busy with other jobs a long journey (demo
    // squad, PDF export) can take minutes, and a timeout there is a false failure. Speed goals live in bench/.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Three spec files at a time: a spec spends much of its time waiting on the page (IPC round trips,
    // PDF rendering, axe), so other specs fill the idle cores. Each file has its own browser contexts
    // and data folders, so they cannot see each other.
    fileParallelism: true,
    maxWorkers: 3,
    // One Chromium for the run (tests/support/chromium-global-setup.ts), and each worker keeps its
    // modules between spec files: importing the whole service stack and launching a browser again for
    // every file cost several CPU-seconds each. No e2e spec mocks modules or changes process.env.
    globalSetup: ['tests/support/chromium-global-setup.ts'],
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // expect.poll retries a check until the page reaches the state (default bound: 1 s, too short when busy).
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
})
