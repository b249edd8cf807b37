/**
 * Accessibility, dark theme: the operating system set to dark reaches our design tokens, and the walk of
 * tests/support/a11y-walk.ts finds no serious or critical colour violation on any screen. The dark theme
 * changes colours only (the same markup), so this walk runs the colour rules and leaves the structural
 * ones to a11y.spec.ts.
 */
import { describe, expect, it } from 'vitest'
import { pageIsDark, scanDemoScreens, useDemoFolders } from '../support/a11y-walk'
import { useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

describe('axe-core scan of every screen, dark', () => {
  it('has none with the operating system set to dark either', async () => {
    const app = await openApp({ browser: browser(), dataDir: await demoFolder(), colorScheme: 'dark' })
    try {
      await app.page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      expect(await pageIsDark(app.page), 'the dark theme is in use').toBe(true)
      const results = await scanDemoScreens(app.page, 'dark', [])
      console.log(`[a11y] dark: ${results.map((r) => `${r.screen} ${JSON.stringify(r.counts)}`).join('; ')}`)
      const blocking = results.flatMap((r) => r.blocking)
      expect(blocking, `serious/critical axe violations in the dark theme:\n${blocking.join('\n')}`).toEqual([])
    } finally {
      await app.close()
    }
    // A second walk of the demo squad (colour rules only): the same hang bound as the light walk.
  })
})
