/**
 * The axe-core walk the a11y specs share: settle a screen, scan it, and visit every main screen, every
 * athlete tab and the athlete dialogs of the demo squad. Screens are DISCOVERED, not listed: every link
 * in the main navigation and every tab on the athlete page is visited, so screens and tabs added later
 * are scanned without touching this file.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const BLOCKING = new Set(['serious', 'critical'])

export interface ScreenResult {
  screen: string
  ms: number
  settleMs: number
  url: string
  counts: Record<string, number>
  blocking: string[]
}

/** Waits until the screen has settled: no "Loading…" placeholders, fonts and charts drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? ''))
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))))
}

/**
 * The axe rules that read colours. The dark theme changes colours only (the same markup, other design
 * tokens), so the dark walk runs these and leaves the structural rules to the light walk: a full scan
 * costs seconds per screen.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

export async function scanWith(page: Page, screen: string, rules?: readonly string[], within?: string): Promise<ScreenResult> {
  const settling = performance.now()
  await settle(page)
  const settleMs = Math.round(performance.now() - settling)
  const started = performance.now()
  const builder = within ? new AxeBuilder({ page }).include(within) : new AxeBuilder({ page })
  const result = await (rules ? builder.withRules([...rules]) : builder).analyze()
  const ms = Math.round(performance.now() - started)
  const counts: Record<string, number> = {}
  const blocking: string[] = []
  for (const v of result.violations) {
    const impact = v.impact ?? 'unknown'
    counts[impact] = (counts[impact] ?? 0) + v.nodes.length
    if (!BLOCKING.has(impact)) continue
    for (const node of v.nodes.slice(0, 5)) {
      blocking.push(`[${screen}] ${impact} ${v.id}: ${v.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ').slice(0, 300) ?? ''}`)
    }
    if (v.nodes.length > 5) blocking.push(`[${screen}] … and ${v.nodes.length - 5} more ${v.id} node(s)`)
  }
  return { screen, ms, settleMs, url: page.url().replace(/^.*index\.html/, ''), counts, blocking }
}


/**
 * A dialog is scanned on its own: the page behind it was scanned just before, and a whole-page scan
 * repeats seconds of work on it for every dialog.
 */
export const DIALOG = '[role="dialog"]'

export async function openModal(page: Page, button: RegExp | string): Promise<boolean> {
  const target = page.getByRole('button', { name: button }).first()
  if (!(await target.count())) return false
  await target.click()
  await page.getByRole('dialog').waitFor()
  return true
}

async function closeModal(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}

/** True when the page paints a dark background (the OS dark setting reached our design tokens). */
export async function pageIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r = 255, g = 255, b = 255] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []).map(Number)
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3
  })
}

/** Every main navigation target, the groups dialog, then the first athlete's tabs and dialogs. */
export async function scanDemoScreens(page: Page, theme: string, seen: string[]): Promise<ScreenResult[]> {
  const results: ScreenResult[] = []
  const name = (screen: string) => (theme === 'light' ? screen : `${screen} (${theme})`)
  const scan = (target: Page, screen: string, within?: string) => scanWith(target, screen, theme === 'light' ? undefined : COLOUR_RULES, within)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Squad', exact: true }).click()
  await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link')
  const navLabels = (await nav.allTextContents()).map((t) => t.trim())
  expect(navLabels.length).toBeGreaterThanOrEqual(2)
  for (const label of navLabels) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click()
    await page.locator('main h1').first().waitFor()
    results.push(await scan(page, name(`${label} screen`)))
    if (process.env['A11Y_VERBOSE']) console.log(JSON.stringify(results.at(-1)))
    seen.push(label)
    if (label === 'Squad' && (await openModal(page, 'Groups…'))) {
      results.push(await scan(page, name('groups dialog'), DIALOG))
      await closeModal(page)
    }
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Squad', exact: true }).click()
  const firstAthlete = page.getByTestId('squad-row').first().getByRole('link').first()
  const athleteName = (await firstAthlete.textContent())?.trim() ?? ''
  await firstAthlete.click()
  // The page title (h1): the overview's own headings name the athlete too, once they have loaded.
  await page.getByRole('heading', { level: 1, name: new RegExp(athleteName) }).waitFor()
  const tabLabels = (await page.getByRole('tab').allTextContents()).map((t) => t.trim())
  expect(tabLabels.length).toBeGreaterThanOrEqual(1)
  for (const label of tabLabels) {
    await page.getByRole('tab', { name: label, exact: true }).click()
    await page.getByRole('tab', { name: label, exact: true, selected: true }).waitFor()
    results.push(await scan(page, name(`athlete: ${label} tab`)))
    seen.push(`tab ${label}`)
  }
  await page.getByRole('tab', { name: 'Profile', exact: true }).click()
  if (await openModal(page, 'Edit profile')) {
    results.push(await scan(page, name('athlete form (edit)'), DIALOG))
    await closeModal(page)
  }
  if (await openModal(page, /^Delete/)) {
    results.push(await scan(page, name('delete dialog'), DIALOG))
    await closeModal(page)
  }
  return results
}

export { useDemoFolders } from './demo-folder'
