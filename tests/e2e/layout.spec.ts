/**
 * Layout (issue 13, point 10): every main screen — the squad, the board, settings and each athlete tab — at
 * 1024×700, 1280×800 and 1920×1080 has no horizontal overflow (document or any visible element past the window's
 * right edge, unless it sits in a scrolling box) and no blank tail (the document much taller than its content).
 * One browser page, resized between sizes; a full-page screenshot of each in the artifacts folder.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'
import { useDemoFolders } from '../support/demo-folder'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const
/** A blank tail longer than this below the last visible content fails. */
const TAIL_ALLOWANCE_PX = 160

const browser = useSharedBrowser()
const demoFolder = useDemoFolders()

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Loading|Working out/.test(document.querySelector('main')?.textContent ?? ''))
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))))
}

/** What does not fit: the document's own overflow, elements past the right edge, and a blank tail. */
function problems(page: Page): Promise<string[]> {
  return page.evaluate((tail) => {
    const found: string[] = []
    const doc = document.documentElement
    const width = doc.clientWidth
    if (doc.scrollWidth > width) found.push(`document scrolls sideways: ${doc.scrollWidth} > ${width}`)
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement ?? null; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) return true
      }
      return false
    }
    let bottom = 0
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const s = getComputedStyle(el)
      if (s.visibility === 'hidden' || s.position === 'fixed' || el.closest('.sr-only')) continue
      bottom = Math.max(bottom, r.bottom + window.scrollY)
      if (r.right > width + 1 && !scrolls(el)) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''}`
        if (found.length < 8) found.push(`${name} ends at ${Math.round(r.right)} px (window ${width})`)
      }
    }
    const height = doc.scrollHeight
    if (height > Math.max(window.innerHeight, bottom + tail)) found.push(`blank tail: document ${height} px, content ends at ${Math.round(bottom)} px`)
    return found
  }, TAIL_ALLOWANCE_PX)
}

/** Where the top bar and its links sit: the same on every screen of one window size, or the bar jumps. */
function topBar(page: Page): Promise<string> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`
    }
    const bar = document.querySelector('.app-header')
    return bar ? [bar, ...bar.querySelectorAll('a, button')].map(box).join(' | ') : 'no top bar'
  })
}

/** How much of the window the screen's content uses (the widest child of main). */
function contentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('main')?.getBoundingClientRect().width ?? 0)
}

describe('every main screen fits 1024×700, 1280×800 and 1920×1080', () => {
  it('has no sideways overflow, no blank tail, no top-bar jump and uses a wide window on the squad, the board, settings and every athlete tab', async () => {
    const dataDir = await demoFolder()
    const app = await openApp({ browser: browser(), dataDir })
    const { page } = app
    try {
      const athlete = app.services.db.squad.data.athletes.find((a) => !a.archived)!
      await page.evaluate((id) => (location.hash = `#/athlete/${id}`), athlete.id)
      await page.getByRole('tab').first().waitFor()
      const tabs = (await page.getByRole('tab').allTextContents()).map((t) => t.trim())
      const tabIds = await page.getByRole('tab').evaluateAll((els) => els.map((e) => e.id.replace(/^tab-/, '')))
      const screens = [
        { name: 'squad', hash: '#/squad' },
        { name: 'board', hash: '#/board' },
        { name: 'week', hash: '#/week' },
        { name: 'settings', hash: '#/settings' },
        ...tabIds.map((id, i) => ({ name: `athlete-${id}`, hash: `#/athlete/${athlete.id}/${id}`, tab: tabs[i]! })),
      ]
      const failures: string[] = []
      for (const size of SIZES) {
        await page.setViewportSize(size)
        let firstBar: { screen: string; bar: string } | undefined
        for (const screen of screens) {
          await page.evaluate((hash) => (location.hash = hash), screen.hash)
          if ('tab' in screen) await page.getByRole('tab', { name: screen.tab, exact: true, selected: true }).waitFor()
          await settle(page)
          for (const p of await problems(page)) failures.push(`${size.width}×${size.height} ${screen.name}: ${p}`)
          const bar = await topBar(page)
          firstBar ??= { screen: screen.name, bar }
          if (bar !== firstBar.bar) failures.push(`${size.width}×${size.height} ${screen.name}: the top bar moved (${bar}; on ${firstBar.screen}: ${firstBar.bar})`)
          // A wide window is for wide tables: the content may not stay in a narrow column in the middle.
          const used = await contentWidth(page)
          if (size.width >= 1920 && used < size.width * 0.8) failures.push(`${size.width}×${size.height} ${screen.name}: content uses ${Math.round(used)} px of ${size.width}`)
          await app.screenshot(`layout-${size.width}x${size.height}-${screen.name}`)
        }
      }
      expect(failures).toEqual([])
    } finally {
      await app.close()
    }
  })
})
