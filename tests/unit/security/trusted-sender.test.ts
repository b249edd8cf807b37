/**
 * The IPC sender check (electron/main/trusted-sender.ts) against the app:// page main really loads:
 * only the main frame of one of our windows showing app://calfcoach/index.html (any route in the hash),
 * or in an unpackaged dev run the dev server's origin.
 */
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL } from '../../../electron/main/app-protocol'
import { isTrustedSender } from '../../../electron/main/trusted-sender'

const shipped = { pageUrl: APP_INDEX_URL, devServerUrl: null }
const fromMainFrame = (frameUrl: string | null | undefined) => ({ frameUrl, isMainFrame: true, fromOurWindow: true })

describe('isTrustedSender with app://calfcoach/', () => {
  it('the page main loads is app://calfcoach/index.html', () => {
    expect(APP_INDEX_URL).toBe('app://calfcoach/index.html')
  })

  it.each(['app://calfcoach/index.html', 'app://calfcoach/index.html#/squad', 'app://calfcoach/index.html#/print/plan/a1/p1', 'app://calfcoach/index.html?x=1'])('trusts %s in the main frame of our window', (url) => {
    expect(isTrustedSender(fromMainFrame(url), shipped)).toBe(true)
  })

  it('refuses our page in a subframe or in a window we did not create', () => {
    expect(isTrustedSender({ frameUrl: APP_INDEX_URL, isMainFrame: false, fromOurWindow: true }, shipped)).toBe(false)
    expect(isTrustedSender({ frameUrl: APP_INDEX_URL, isMainFrame: true, fromOurWindow: false }, shipped)).toBe(false)
  })

  it.each([
    'app://evil/index.html',
    'app://calfcoach.evil.example/index.html',
    'app://calfcoach:8080/index.html',
    'app://user:pw@calfcoach/index.html',
    'app://calfcoach@evil/index.html',
    'app://calfcoach/other.html',
    'app://calfcoach/assets/index.js',
    'app://calfcoach/',
    'app://calfcoach/%69ndex.html%00',
    'file:///app/out/renderer/index.html',
    'https://calfcoach/index.html',
    'https://evil.example/?next=app://calfcoach/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,app://calfcoach/index.html',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %s', (url) => {
    expect(isTrustedSender(fromMainFrame(url), shipped)).toBe(false)
  })

  it('trusts the dev server only when main passes one (never in a packaged build), and only its origin', () => {
    const dev = { pageUrl: APP_INDEX_URL, devServerUrl: 'http://localhost:5173/' }
    expect(isTrustedSender(fromMainFrame('http://localhost:5173/#/squad'), dev)).toBe(true)
    expect(isTrustedSender(fromMainFrame('http://localhost:5174/'), dev)).toBe(false)
    expect(isTrustedSender(fromMainFrame('http://localhost.evil.example:5173/'), dev)).toBe(false)
    expect(isTrustedSender(fromMainFrame('http://localhost:5173/'), shipped)).toBe(false)
    // A non-http dev URL is ignored rather than trusted as an origin.
    expect(isTrustedSender(fromMainFrame('file:///tmp/x.html'), { pageUrl: null, devServerUrl: 'file:///tmp/x.html' })).toBe(false)
  })
})
