/**
 * Accessibility, light theme: an axe-core scan of every main screen with zero serious or critical
 * violations (the walk is tests/support/a11y-walk.ts). Fixed extras: the first-run screen, the athlete
 * form (add, with errors, edit), the groups and delete dialogs. The dark theme and the keyboard walk are
 * a11y-dark.spec.ts and a11y-keyboard.spec.ts, separate files so they run beside this one.
 */
import { describe, expect, it } from 'vitest'
import { DIALOG, openModal, pageIsDark, type ScreenResult, scanDemoScreens, scanWith, useDemoFolders } from '../support/a11y-walk'
import { useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

describe('axe-core scan of every screen', () => {
  it('has no serious or critical violations anywhere', async () => {
    const results: ScreenResult[] = []
    const seen: string[] = []

    // 1. First run, and the athlete form opened from it.
    const empty = await openApp({ browser: browser() })
    try {
      await empty.page.getByRole('heading', { name: 'Welcome to CalfCoach' }).waitFor()
      results.push(await scanWith(empty.page, 'first run'))
      await openModal(empty.page, 'Add athlete')
      results.push(await scanWith(empty.page, 'athlete form (add)', undefined, DIALOG))
      // The same form showing validation errors.
      await empty.page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await empty.page.getByText('Please fix the highlighted fields').waitFor()
      results.push(await scanWith(empty.page, 'athlete form (errors)', undefined, DIALOG))
    } finally {
      await empty.close()
    }

    // 2. The demo squad: every main navigation target, then an athlete and every tab.
    const app: Harness = await openApp({ browser: browser(), dataDir: await demoFolder() })
    try {
      expect(await pageIsDark(app.page), 'the light theme is in use').toBe(false)
      results.push(...(await scanDemoScreens(app.page, 'light', seen)))
    } finally {
      await app.close()
    }

    console.log(
      `[a11y] screens scanned: ${results.length} (nav: ${seen.filter((s) => !s.startsWith('tab ')).join(', ')}; tabs: ${seen
        .filter((s) => s.startsWith('tab '))
        .map((s) => s.slice(4))
        .join(', ')})\n${results.map((r) => `[a11y]   ${r.screen.padEnd(28)} ${String(r.ms).padStart(6)} ms (settled in ${r.settleMs} ms)  ${r.url.padEnd(40)} ${JSON.stringify(r.counts)}`).join('\n')}`,
    )
    const blocking = results.flatMap((r) => r.blocking)
    expect(blocking, `serious/critical axe violations:\n${blocking.join('\n')}`).toEqual([])
    // Every screen of the demo squad, scanned by axe: the suite's hang bound (vitest.e2e.config.mts), not a
    // shorter one: under `npm run test:stress` beside other jobs (load 34 on 2 cores) this walk passed 300 s.
  })
})
