/**
 * The renderer half of the security checks, on the BUILT page in Chromium: the CSP is there and
 * enforced, no Node globals leak into the page, the bridge is frozen, and calls from any frame or page
 * other than our own main frame are refused by the same sender check main uses (isTrustedSender).
 * Navigation, window.open and non-http(s) links are Electron-main concerns: the real handlers are
 * tested in tests/unit/security/harden.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GLOBAL, apiMethods, contract } from '../../shared/api/contract'
import { useSharedBrowser } from '../support/e2e'
import { EXPECTED_CSP, parseCsp } from '../support/expected-security'
import { type Harness, openApp } from '../support/harness'
import { tempDir } from '../support/temp'

const browser = useSharedBrowser()
let app: Harness
beforeAll(async () => {
  app = await openApp({ browser: browser() })
  await app.page.getByRole('heading', { name: 'Welcome to CalfCoach' }).waitFor()
})
afterAll(async () => {
  await app?.close()
})

type Invoke = (channel: string, payload?: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>

/** Calls the harness binding directly from a page or frame, the way a hostile script there would. */
async function invokeFrom(target: Pick<Page, 'evaluate'>, channel: string, payload?: unknown) {
  return target.evaluate(
    async ({ channel, payload }) => {
      const invoke = (window as unknown as { __calfcoachInvoke?: Invoke }).__calfcoachInvoke
      if (!invoke) return { ok: false, error: { code: 'no-binding', message: 'binding not exposed here' } }
      // The harness sends a dispatcher's answer as JSON text, as its bridge reads it (tests/support/json-bridge.ts).
      const answer: unknown = await invoke(channel, payload)
      return (typeof answer === 'string' ? JSON.parse(answer) : answer) as Awaited<ReturnType<Invoke>>
    },
    { channel, payload },
  )
}

describe('Content-Security-Policy', () => {
  it('is present as the first thing in the page and starts with default-src none', async () => {
    const csp = await app.page.evaluate(() => {
      const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')]
      return { count: metas.length, content: metas[0]?.getAttribute('content') ?? '' }
    })
    expect(csp.count).toBe(1)
    expect(csp.content.startsWith("default-src 'none'")).toBe(true)
    // The whole built policy, directive by directive (a loosened connect-src or img-src fails as well).
    const actual = parseCsp(csp.content)
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED_CSP).sort())
    for (const [directive, sources] of Object.entries(EXPECTED_CSP)) expect([...(actual[directive] ?? [])].sort(), directive).toEqual([...sources].sort())
    expect(csp.content).toMatch(/script-src 'self'(;|$)/)
    expect(csp.content).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'"]) expect(csp.content).toContain(directive)
  })

  it('blocks an injected inline script, inline handlers and eval, and reports the violations', async () => {
    const outcome = await app.page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>
      const violations: string[] = []
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}|${e.blockedURI}`))
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.appendChild(script)
      const img = document.createElement('img')
      img.setAttribute('onerror', 'window.__handlerRan = true')
      img.src = 'data:image/png;base64,not-an-image'
      document.body.appendChild(img)
      // DevTools lifts the eval ban while it runs evaluate(); a timer callback runs as the page itself.
      const probe = (code: () => unknown) =>
        new Promise<boolean>((resolve) =>
          setTimeout(() => {
            try {
              code()
              resolve(false)
            } catch (error) {
              resolve(error instanceof EvalError)
            }
          }, 0),
        )
      // eslint-disable-next-line no-eval -- the point: the CSP must refuse it
      const evalBlocked = await probe(() => (0, eval)('1 + 1'))
      // eslint-disable-next-line no-new-func -- the point: the CSP must refuse it
      const functionBlocked = await probe(() => new Function('return 1')())
      const remote = document.createElement('script')
      remote.src = 'https://evil.example/x.js'
      const remoteRefused = new Promise((resolve) => remote.addEventListener('error', resolve))
      document.body.appendChild(remote)
      await remoteRefused
      // Violation reports arrive as separate tasks: wait for the states, not for a fixed time.
      await new Promise<void>((resolve) => {
        const check = () => (violations.some((v) => v.includes('evil.example')) && violations.some((v) => v.endsWith('|inline')) ? resolve() : setTimeout(check, 20))
        check()
      })
      return { inlineRan: w['__inlineRan'] === true, handlerRan: w['__handlerRan'] === true, evalBlocked, functionBlocked, violations }
    })
    expect(outcome.inlineRan).toBe(false)
    expect(outcome.handlerRan).toBe(false)
    expect(outcome.evalBlocked).toBe(true)
    expect(outcome.functionBlocked).toBe(true)
    expect(outcome.violations.some((v) => v.startsWith('script-src') && v.endsWith('|inline'))).toBe(true)
    expect(outcome.violations.some((v) => v.includes('evil.example'))).toBe(true)
    expect(outcome.violations.some((v) => v.endsWith('|eval'))).toBe(true)
  })
})

describe('renderer globals', () => {
  it('has no Node globals: require, process, module, Buffer, global, __dirname', async () => {
    const types = await app.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return Object.fromEntries(['require', 'process', 'module', 'Buffer', 'global', '__dirname', '__filename', 'exports', 'setImmediate'].map((k) => [k, typeof w[k]]))
    })
    expect(types).toEqual(Object.fromEntries(Object.keys(types).map((k) => [k, 'undefined'])))
  })

  it('exposes exactly one frozen, non-writable, non-configurable bridge with one function per channel', async () => {
    const facts = await app.page.evaluate((name) => {
      const w = window as unknown as Record<string, unknown>
      const descriptor = Object.getOwnPropertyDescriptor(window, name)
      const bridge = w[name] as Record<string, unknown>
      const original = bridge['getSquad']
      const attempts: string[] = []
      try {
        w[name] = { hijacked: true }
      } catch {
        attempts.push('replace threw')
      }
      try {
        bridge['getSquad'] = () => 'hijacked'
      } catch {
        attempts.push('overwrite threw')
      }
      try {
        bridge['evil'] = () => 'added'
      } catch {
        attempts.push('add threw')
      }
      let redefined = true
      try {
        Object.defineProperty(window, name, { value: {} })
      } catch {
        redefined = false
      }
      return {
        writable: descriptor?.writable,
        configurable: descriptor?.configurable,
        frozen: Object.isFrozen(w[name]),
        sameObject: w[name] === bridge,
        getSquadUnchanged: bridge['getSquad'] === original,
        noEvil: !('evil' in bridge),
        redefined,
        keys: Object.keys(bridge).sort(),
        allFunctions: Object.values(bridge).every((f) => typeof f === 'function'),
      }
    }, API_GLOBAL)
    expect(facts).toMatchObject({ writable: false, configurable: false, frozen: true, sameObject: true, getSquadUnchanged: true, noEvil: true, redefined: false, allFunctions: true })
    expect(facts.keys).toEqual([...apiMethods].sort())
  })
})

describe('IPC sender check', () => {
  it('answers our own main frame', async () => {
    const answer = await invokeFrom(app.page, contract.getSquad.channel)
    expect(answer.ok).toBe(true)
  })

  it('refuses a subframe of our own page', async () => {
    const frame = await app.page.evaluate(() => {
      const iframe = document.createElement('iframe')
      iframe.name = 'intruder'
      document.body.appendChild(iframe)
      return iframe.contentWindow !== null
    })
    expect(frame).toBe(true)
    const sub = app.page.frames().find((f) => f.name() === 'intruder')
    expect(sub).toBeDefined()
    const answer = await invokeFrom(sub!, contract.getSquad.channel)
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe('forbidden')
  })

  it('refuses foreign pages in the same browser context: about:blank, data:, another local file', async () => {
    const foreignDir = tempDir('calfcoach-foreign-')
    const foreignFile = path.join(foreignDir, 'index.html')
    writeFileSync(foreignFile, '<!doctype html><title>not CalfCoach</title><p>hello</p>')
    const before = app.services.db.squad.data.athletes.length
    let refused = 0
    for (const url of ['about:blank', 'data:text/html,<title>x</title>hi', pathToFileURL(foreignFile).toString()]) {
      const page = await app.context.newPage()
      try {
        await page.goto(url)
        for (const [channel, payload] of [
          [contract.getSquad.channel, undefined],
          [contract.createAthlete.channel, { name: 'Injected', sex: 'female', dateOfBirth: null }],
        ] as const) {
          const answer = await invokeFrom(page, channel, payload)
          if (answer.error?.code === 'no-binding') continue // the page cannot even reach the bridge
          expect(answer, `${url} ${channel}`).toMatchObject({ ok: false, error: { code: 'forbidden' } })
          refused++
        }
      } finally {
        await page.close()
      }
    }
    rmSync(foreignDir, { recursive: true, force: true })
    expect(refused).toBeGreaterThanOrEqual(4) // the binding is context-wide: the check, not its absence, refused them
    expect(app.services.db.squad.data.athletes.length).toBe(before)
  })

  it('refuses unknown channels even from our own page', async () => {
    for (const channel of ['calfcoach:debug:eval', '__proto__', 'constructor', 'toString', '']) {
      const answer = await invokeFrom(app.page, channel)
      expect(answer.ok, channel).toBe(false)
      expect(answer.error?.code).toBe('not-found')
    }
  })
})
