/**
 * A big club's squad list and triage board (300 athletes): only the rows near the window are drawn, yet
 * screen readers hear the whole table's size and each row's place, keyboard focus walks past the drawn
 * rows and survives scrolling away, search finds athletes that were never drawn (the list in the same frame
 * as the typed letter), and axe stays clean.
 */
import { rmSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeBenchSquad } from '../../bench/fixtures'
import { localToday, useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'

const ATHLETES = 300
/** Far fewer than the squad, far more than the 800 px window holds: the list draws what is near the window. */
const MAX_DRAWN = 80

const browser = useSharedBrowser()
let app: Harness
let dataDir = ''

beforeAll(async () => {
  dataDir = writeBenchSquad(localToday(), ATHLETES, 21).dataDir
  app = await openApp({ browser: browser(), dataDir })
  await app.page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
})
afterAll(async () => {
  await app?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function blockingViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** The focused element's row position (aria-rowindex), or null when focus is outside the squad rows. */
const focusedRowIndex = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid="squad-row"]')?.getAttribute('aria-rowindex') ?? null)

describe('a 300-athlete squad', () => {
  it('the squad list draws only what is near the window and tells screen readers the whole size', async () => {
    const { page } = app
    const rows = page.getByTestId('squad-row')
    await rows.first().waitFor()
    expect(await page.locator('table.squad-table').getAttribute('aria-rowcount')).toBe(String(ATHLETES + 1))
    const drawn = await rows.count()
    expect(drawn).toBeGreaterThan(10)
    expect(drawn).toBeLessThan(MAX_DRAWN)
    expect(await rows.first().getAttribute('aria-rowindex')).toBe('2')
    expect(await blockingViolations(page)).toEqual([])

    // The end of the list is reachable by scrolling, and the page is as long as the whole list.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => rows.last().getAttribute('aria-rowindex')).toBe(String(ATHLETES + 1))
    expect(await rows.count()).toBeLessThan(MAX_DRAWN)
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect.poll(() => rows.first().getAttribute('aria-rowindex')).toBe('2')
  })

  it('search finds an athlete that was never drawn, and clearing it brings the list back', async () => {
    const { page } = app
    const rows = page.getByTestId('squad-row')
    await page.getByLabel('Search').fill('athlete 287')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('Bench Athlete 287')
    expect(await page.locator('table.squad-table').getAttribute('aria-rowcount')).toBe('2')
    await page.getByLabel('Search').fill('')
    await expect.poll(() => page.locator('table.squad-table').getAttribute('aria-rowcount')).toBe(String(ATHLETES + 1))
  })

  it('the list follows a keystroke in the same frame that draws the letter (not a frame behind it)', async () => {
    const { page } = app
    const search = page.getByLabel('Search')
    const rowCount = () => page.locator('table.squad-table').getAttribute('aria-rowcount')
    await search.fill('athlete 28')
    await expect.poll(rowCount).not.toBe(String(ATHLETES + 1))
    // What the table holds in the first frame after the keystroke's input event: the frame showing the letter.
    await page.evaluate(`(() => {
      window.__atLetter = [];
      document.getElementById('squad-search').addEventListener('input', () => requestAnimationFrame(() => window.__atLetter.push(document.querySelector('table.squad-table').getAttribute('aria-rowcount'))), { once: true });
    })()`)
    await search.press('7')
    await page.waitForFunction('window.__atLetter.length === 1')
    await expect.poll(rowCount).toBe('2')
    expect(await page.evaluate('window.__atLetter[0]')).toBe('2')
    await search.fill('')
    await expect.poll(rowCount).toBe(String(ATHLETES + 1))
  })

  it('Tab walks past the drawn rows, and focus stays put when the coach scrolls away', async () => {
    const { page } = app
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.getByTestId('squad-row').first().getByRole('link').focus()
    // Tab goes through every row in order, past the rows drawn at first (about 25), never leaving the list.
    const visited: (string | null)[] = [await focusedRowIndex(page)]
    while (Number(visited.at(-1)) < 42 && visited.length < 400) {
      await page.keyboard.press('Tab')
      visited.push(await focusedRowIndex(page))
    }
    const steps = visited.slice(1).map((v, i) => Number(v) - Number(visited[i]))
    expect(visited.every((v) => v !== null)).toBe(true)
    expect(steps.every((d) => d === 0 || d === 1)).toBe(true)
    expect(Number(visited.at(-1))).toBe(42)
    const focusedText = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => page.getByTestId('squad-row').last().getAttribute('aria-rowindex')).toBe(String(ATHLETES + 1))
    expect(await focusedRowIndex(page)).toBe('42')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(focusedText)
    // Focus is on row 42's name: Tab carries on to its Open button, then Shift+Tab back into row 41.
    await page.keyboard.press('Tab')
    expect(await focusedRowIndex(page)).toBe('42')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await focusedRowIndex(page)).toBe('41')
  })

  it('the triage board draws only what is near the window, with its whole size for screen readers', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage board', exact: true }).click()
    const rows = page.getByTestId('board-row')
    await rows.first().waitFor()
    const table = page.getByRole('table', { name: 'Athletes by who needs attention first' })
    // Every athlete plus a heading row where each colour starts (one to three), plus the column headings.
    const rowCount = Number(await table.getAttribute('aria-rowcount'))
    expect(rowCount).toBeGreaterThanOrEqual(ATHLETES + 2)
    expect(rowCount).toBeLessThanOrEqual(ATHLETES + 4)
    const drawn = await rows.count()
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(MAX_DRAWN)
    const [red = 0, amber = 0, green = 0] = ((await page.getByTestId('board-counts').textContent()) ?? '').match(/(\d+) red.*· (\d+) amber · (\d+) green/)?.slice(1).map(Number) ?? []
    expect(red + amber + green).toBe(ATHLETES)
    expect(await blockingViolations(page)).toEqual([])
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => rows.last().getAttribute('aria-rowindex')).toBe(String(rowCount))
  })
})
