/**
 * Accessibility by keyboard only: through the squad list to an athlete and across the athlete's tabs,
 * the skip link, a modal dialog that keeps focus and gives it back, and the two dialogs that only a key
 * opens (the quick switcher and the shortcut list), scanned with axe while open.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALOG, scanWith, useDemoFolders } from '../support/a11y-walk'
import { useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

describe('keyboard only', () => {
  let app: Harness
  beforeAll(async () => {
    app = await openApp({ browser: browser(), dataDir: await demoFolder() })
    await app.page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        role: el?.getAttribute('role') ?? '',
        text: (el?.textContent ?? '').trim(),
        selected: el?.getAttribute('aria-selected') ?? '',
        inSquadRow: Boolean(el?.closest('[data-testid="squad-row"]')),
        inMain: Boolean(el?.closest('main')),
        href: el?.getAttribute('href') ?? '',
      }
    })

  /** Presses Tab until the focused element matches, failing after `max` presses. */
  async function tabUntil(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 60) {
    const path: string[] = []
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab')
      const f = await focused(page)
      path.push(`${f.tag}${f.role ? `[${f.role}]` : ''}:${f.text.slice(0, 20)}`)
      if (match(f)) return f
    }
    throw new Error(`focus never reached the target; Tab order was: ${path.join(' → ')}`)
  }

  it('tabs to an athlete in the squad list, opens it with Enter, and switches tabs with the arrow keys', async () => {
    const { page } = app
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    const link = await tabUntil(page, (f) => f.tag === 'a' && f.inSquadRow)
    expect(link.href).toMatch(/^#\/athlete\//)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: new RegExp(link.text) }).waitFor()
    expect(await page.evaluate(() => location.hash)).toBe(link.href)

    const tabs = (await page.getByRole('tab').allTextContents()).map((t) => t.trim())
    const first = await tabUntil(page, (f) => f.role === 'tab')
    expect(first.selected).toBe('true') // roving tabindex: only the selected tab is in the Tab order
    expect(first.text).toBe(tabs[0])

    await page.keyboard.press('ArrowRight')
    const expectedNext = tabs[1 % tabs.length]!
    await page.getByRole('tab', { name: expectedNext, exact: true, selected: true }).waitFor()
    await page.waitForFunction((name) => document.activeElement?.textContent?.trim() === name, expectedNext)
    expect((await focused(page)).role).toBe('tab')
    await page.getByRole('tabpanel').waitFor()

    await page.keyboard.press('ArrowLeft')
    await page.getByRole('tab', { name: tabs[0]!, exact: true, selected: true }).waitFor()
    await page.waitForFunction((name) => document.activeElement?.textContent?.trim() === name, tabs[0]!)

    // From the tab, Tab moves into the tab panel's content.
    const inPanel = await tabUntil(page, (f) => f.inMain && f.role !== 'tab', 5)
    expect(inPanel.inMain).toBe(true)
  })

  it('the skip link moves focus to the content without leaving the current screen', async () => {
    const { page } = app
    const before = await page.evaluate(() => location.hash)
    expect(before).toMatch(/^#\/athlete\//)
    await page.reload() // start the Tab sequence from the top of the page, as on arrival
    await page.locator('main h1').first().waitFor()
    const skip = await tabUntil(page, (f) => f.tag === 'a' && /Skip to content/.test(f.text), 3)
    expect(skip.text).toBe('Skip to content')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.id === 'main' || Boolean(document.activeElement?.closest('main')))
    expect(await page.evaluate(() => location.hash)).toBe(before)
  })

  it('a dialog opened from the keyboard takes focus, keeps it while tabbing, and Escape returns it to the opener', async () => {
    const { page } = app
    const athlete = app.services.db.squad.data.athletes.find((a) => !a.archived)!
    await page.evaluate((id) => (location.hash = `#/athlete/${id}/profile`), athlete.id)
    const edit = page.getByRole('button', { name: 'Edit profile' })
    await edit.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    const inDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))
    expect(await inDialog()).toBe(true)
    // Tab wraps inside the modal in both directions instead of reaching the page behind it.
    await page.keyboard.press('Shift+Tab')
    expect(await inDialog()).toBe(true)
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab')
    expect(await inDialog()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    expect((await focused(page)).text).toBe('Edit profile')
  })

  it('the quick switcher (Ctrl+K) and the shortcut list (?) pass axe while open and close with Escape', async () => {
    const { page } = app
    await page.evaluate(() => (location.hash = '#/squad'))
    await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
    await page.keyboard.press('Control+K')
    const switcher = page.getByRole('dialog', { name: 'Go to' })
    await switcher.waitFor()
    await page.keyboard.type('a')
    await switcher.getByRole('option').first().waitFor()
    const scans = [await scanWith(page, 'quick switcher', undefined, DIALOG)]
    await page.keyboard.press('Escape')
    await switcher.waitFor({ state: 'detached' })

    await page.locator('main h1').first().click() // a key press outside any text field
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    scans.push(await scanWith(page, 'shortcut list', undefined, DIALOG))
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(scans.flatMap((r) => r.blocking)).toEqual([])
  })
})
