/**
 * The app:// handler (electron/main/app-protocol.ts) over a real folder: it serves the renderer's files
 * with the right types, GET only, for host calfcoach only, and nothing outside the folder however the
 * path is spelled. Also: the dev server URL is ignored in a packaged build.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from '../../../electron/main/app-protocol'
import { devServerUrl } from '../../../electron/main/paths'
import { tempDir } from '../../support/temp'

let root: string
let rendererDir: string
let handler: (request: Request) => Promise<Response>

beforeAll(() => {
  root = tempDir('calfcoach-app-protocol-')
  rendererDir = path.join(root, 'out', 'renderer')
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CalfCoach</title>')
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  // Secrets just outside the served folder: none of them may ever be answered.
  writeFileSync(path.join(root, 'out', 'secret.txt'), 'main-process secret')
  writeFileSync(path.join(root, 'secret.txt'), 'data secret')
  mkdirSync(path.join(root, 'out', 'renderer-evil'))
  writeFileSync(path.join(root, 'out', 'renderer-evil', 'index.html'), 'sibling folder with a shared prefix')
  handler = createAppProtocolHandler(rendererDir)
})

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// protocol handler', () => {
  it('serves our page and assets with their content types and nosniff', async () => {
    const page = await get(APP_INDEX_URL)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>CalfCoach</title>')
    const script = await get('app://calfcoach/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    expect((await get('app://calfcoach/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('app://calfcoach/index.html#/squad')).status).toBe(200)
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await get(APP_INDEX_URL, method)
    expect(response.status).toBe(405)
  })

  it.each([
    'app://calfcoach/../secret.txt',
    'app://calfcoach/..%2fsecret.txt',
    'app://calfcoach/..%2F..%2Fsecret.txt',
    'app://calfcoach/%2e%2e/%2e%2e/secret.txt',
    'app://calfcoach/assets/..%2f..%2f..%2fsecret.txt',
    'app://calfcoach/..%5c..%5csecret.txt',
    'app://calfcoach/%2fetc%2fpasswd',
    'app://calfcoach/..%2frenderer-evil/index.html',
    'app://calfcoach/index.html%00.js',
    'app://calfcoach/%E0%A4%A',
    'app://calfcoach/assets',
    'app://calfcoach/missing.js',
    'app://evil/index.html',
    'app://calfcoach.evil/index.html',
    'app://calfcoach:81/index.html',
    'file:///etc/passwd',
    'https://calfcoach/index.html',
  ])('answers 404 and nothing of the disk for %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    const body = await response.text()
    expect(body).not.toMatch(/secret|sibling|root:/)
  })

  it('resolveAppFile never returns a path outside the renderer folder', () => {
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/..%2f..%2fx', '/assets/%2e%2e%2f%2e%2e%2fx']) {
      const file = resolveAppFile(rendererDir, `app://calfcoach${p}`)
      if (file !== null) expect(path.relative(rendererDir, file).startsWith('..'), p).toBe(false)
    }
    // (fetch's Request refuses credentials itself; the resolver refuses them too)
    expect(resolveAppFile(rendererDir, 'app://user:pw@calfcoach/index.html')).toBeNull()
    expect(resolveAppFile(rendererDir, 'app://calfcoach/')).toBe(path.join(rendererDir, 'index.html'))
  })

  it('registers app:// as a standard, secure scheme and nothing that bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
  })
})

describe('dev server URL (ELECTRON_RENDERER_URL)', () => {
  it('is ignored entirely in a packaged build', () => {
    for (const url of ['http://localhost:5173/', 'https://evil.example/', 'http://127.0.0.1:5173/']) {
      expect(devServerUrl(true, { ELECTRON_RENDERER_URL: url })).toBeNull()
    }
  })

  it('in development is honoured only for a loopback http(s) address', () => {
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe('http://localhost:5173/')
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' })).toBe('http://127.0.0.1:5173/')
    for (const url of ['https://evil.example/', 'http://localhost.evil.example:5173/', 'file:///tmp/x.html', 'http://user:pw@localhost:5173/', 'javascript:alert(1)', 'nonsense']) {
      expect(devServerUrl(false, { ELECTRON_RENDERER_URL: url }), url).toBeNull()
    }
    expect(devServerUrl(false, {})).toBeNull()
  })
})
