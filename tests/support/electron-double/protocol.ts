import type { DoubleState } from './state'

/**
 * `electron.protocol` (docs/api/protocol.md, Electron 41): custom schemes registered as privileged before
 * ready, handled with `protocol.handle(scheme, (request: Request) => Response | Promise<Response>)` after
 * ready. Page loads of a handled scheme go through the handler (web-contents.ts calls `request`).
 */

type Handler = (request: Request) => Response | Promise<Response>

/** Chromium's own schemes: protocol.handle may intercept them, registerSchemesAsPrivileged may not redefine them. */
const BUILT_IN = new Set(['http', 'https', 'file', 'data', 'blob', 'about', 'chrome', 'devtools', 'javascript', 'ws', 'wss'])

export class ProtocolDouble {
  private privileged: { scheme: string; privileges: Record<string, boolean> }[] | null = null
  private readonly handlers = new Map<string, Handler>()

  constructor(private readonly state: DoubleState) {}

  /** Electron: only before ready, and only once (a second call replaces the first, losing schemes). */
  registerSchemesAsPrivileged(customSchemes: unknown): void {
    this.state.record('protocol.registerSchemesAsPrivileged', [customSchemes])
    if (this.state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    if (this.privileged) this.state.violations.push('protocol.registerSchemesAsPrivileged called twice: Electron keeps only the last list')
    if (!Array.isArray(customSchemes)) throw new TypeError('registerSchemesAsPrivileged expects an array of CustomScheme')
    const known = this.state.facts.privilegeKeys
    this.privileged = customSchemes.map((entry: unknown) => {
      const { scheme, privileges = {} } = (entry ?? {}) as { scheme?: unknown; privileges?: Record<string, unknown> }
      if (typeof scheme !== 'string' || !/^[a-z][a-z0-9+.-]*$/.test(scheme)) throw new TypeError(`invalid scheme name ${String(scheme)}`)
      if (BUILT_IN.has(scheme)) throw new Error(`${scheme} is a built-in scheme and cannot be registered as privileged`)
      const unknown = Object.keys(privileges).filter((k) => !known.has(k))
      if (unknown.length) throw new TypeError(`unknown privilege(s) ${unknown.join(', ')} for ${scheme} (Electron would silently ignore them)`)
      for (const [k, v] of Object.entries(privileges)) if (typeof v !== 'boolean') throw new TypeError(`privilege ${k} must be a boolean`)
      return { scheme, privileges: privileges as Record<string, boolean> }
    })
  }

  /** Electron: after ready; a scheme already handled throws. */
  handle(scheme: string, handler: Handler): void {
    this.state.record('protocol.handle', [scheme])
    if (!this.state.ready) throw new Error('protocol.handle can only be used after app is ready')
    if (typeof handler !== 'function') throw new TypeError('protocol.handle expects a handler function')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    this.state.record('protocol.unhandle', [scheme])
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme) || BUILT_IN.has(scheme)
  }

  /** The privileges a scheme was registered with, or null if it never was. */
  privilegesOf(scheme: string): Record<string, boolean> | null {
    return this.privileged?.find((p) => p.scheme === scheme)?.privileges ?? null
  }

  /** Whether requests for this URL's scheme go to a handler registered with protocol.handle. */
  handles(url: URL): boolean {
    return this.handlers.has(url.protocol.slice(0, -1))
  }

  /**
   * A request the renderer makes (page load, script, stylesheet), answered by the registered handler as
   * Chromium would ask it. Rejects when the scheme has no handler (net::ERR_UNKNOWN_URL_SCHEME).
   */
  async request(target: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(target)
    const scheme = url.protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) throw Object.assign(new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${target}'`), { errno: -302, code: 'ERR_UNKNOWN_URL_SCHEME' })
    if (!this.privilegesOf(scheme)?.['standard']) {
      this.state.violations.push(`${scheme}: is handled but not registered as a standard scheme: relative URLs in the page will not resolve`)
    }
    const response = await handler(new Request(url.href, init))
    if (!(response instanceof Response)) throw new TypeError(`the ${scheme}: handler must return a Response (got ${typeof response})`)
    return response
  }
}
