/**
 * Accessibility: an axe-core scan of every main screen with zero serious or critical violations, and
 * a keyboard-only walk through the squad list, an athlete, and the athlete's tabs.
 *
 * Screens are DISCOVERED, not listed: every link in the main navigation and every tab on the athlete
 * page is visited, so screens and tabs added later are scanned without touching this file. Fixed
 * extras: the first-run screen, the athlete form (add and edit), the groups and delete dialogs.
 */
import { rmSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoSquad } from '../../electron/services/demo/demo-service'
import { useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'
import { openServices, tempDir } from '../support/temp'

const BLOCKING = new Set(['serious', 'critical'])

const browser = useSharedBrowser()
const folders: string[] = []
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

interface ScreenResult {
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
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

async function scanWith(page: Page, screen: string, rules?: readonly string[]): Promise<ScreenResult> {
  const settling = performance.now()
  await settle(page)
  const settleMs = Math.round(performance.now() - settling)
  const started = performance.now()
  const builder = new AxeBuilder({ page })
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

/** A data folder with the generated demo squad (runs, assessments, plans), prepared in-process. */
async function demoFolder(): Promise<string> {
  const { services, dataDir } = await openServices(tempDir('calfcoach-a11y-'))
  folders.push(dataDir)
  await loadDemoSquad(services)
  await services.db.flush()
  return dataDir
}

async function openModal(page: Page, button: RegExp | string): Promise<boolean> {
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
async function pageIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r = 255, g = 255, b = 255] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []).map(Number)
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3
  })
}

/** Every main navigation target, the groups dialog, then the first athlete's tabs and dialogs. */
async function scanDemoScreens(page: Page, theme: string, seen: string[]): Promise<ScreenResult[]> {
  const results: ScreenResult[] = []
  const name = (screen: string) => (theme === 'light' ? screen : `${screen} (${theme})`)
  const scan = (target: Page, screen: string) => scanWith(target, screen, theme === 'light' ? undefined : COLOUR_RULES)
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
      results.push(await scan(page, name('groups dialog')))
      await closeModal(page)
    }
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Squad', exact: true }).click()
  const firstAthlete = page.getByTestId('squad-row').first().getByRole('link').first()
  const athleteName = (await firstAthlete.textContent())?.trim() ?? ''
  await firstAthlete.click()
  await page.getByRole('heading', { name: new RegExp(athleteName) }).waitFor()
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
    results.push(await scan(page, name('athlete form (edit)')))
    await closeModal(page)
  }
  if (await openModal(page, /^Delete/)) {
    results.push(await scan(page, name('delete dialog')))
    await closeModal(page)
  }
  return results
}

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
      results.push(await scanWith(empty.page, 'athlete form (add)'))
      // The same form showing validation errors.
      await empty.page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await empty.page.getByText('Please fix the highlighted fields').waitFor()
      results.push(await scanWith(empty.page, 'athlete form (errors)'))
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
    await page.getByRole('heading', { name: new RegExp(link.text) }).waitFor()
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
})
