/**
 * The page's Content-Security-Policy, compared as a whole with the required one (EXPECTED_CSP), directive
 * by directive: the source renderer/index.html here (fast, no build); the built page in Chromium is
 * compared the same way in tests/e2e/security.spec.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED_CSP, parseCsp } from '../../support/expected-security'

const html = readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8')

function metaPolicies(source: string): string[] {
  return [...source.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]!)
}

describe('Content-Security-Policy of renderer/index.html', () => {
  it('has exactly one policy, first in <head>, before any script or stylesheet', () => {
    const policies = metaPolicies(html)
    expect(policies).toHaveLength(1)
    const at = html.search(/<meta\s+http-equiv="Content-Security-Policy"/i)
    for (const tag of ['<script', '<link', '<style']) {
      const first = html.indexOf(tag)
      if (first >= 0) expect(at, tag).toBeLessThan(first)
    }
  })

  it('equals the required policy, directive by directive, with nothing added or missing', () => {
    const actual = parseCsp(metaPolicies(html)[0]!)
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED_CSP).sort())
    for (const [directive, sources] of Object.entries(EXPECTED_CSP)) {
      expect([...(actual[directive] ?? [])].sort(), directive).toEqual([...sources].sort())
    }
  })

  it('the comparison notices a loosened directive outside script-src', () => {
    const loosened = parseCsp(metaPolicies(html)[0]!.replace("connect-src 'self'", "connect-src 'self' https:"))
    expect(loosened['connect-src']).not.toEqual(EXPECTED_CSP['connect-src'])
  })
})
