// Small helpers the e2e specs share.

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './chromium'

/**
 * One Chromium for the whole spec file: launched in a beforeAll, closed in an afterAll. Call it at the top of
 * the file; the getter it returns gives the browser inside tests and hooks registered after the call.
 */
export function useSharedBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('The shared browser is not running: use it inside a test or a hook.')
    return browser
  }
}

/** Today on this computer as YYYY-MM-DD (the app's clock in the harness). */
export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Calls one bridge method from the page, as the UI does, and returns the value (failing on an error). */
export async function callBridge<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = (await page.evaluate(([m, i]) => (window as unknown as Record<string, Record<string, (x: unknown) => Promise<unknown>>>)['calfcoach']![m as string]!(i), [method, input] as const)) as
    | { ok: true; value: T }
    | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`)
  return result.value
}
