/**
 * Decides whether an IPC message comes from our own renderer: the main frame of one of our windows,
 * showing our own page. Parsed URLs only; no substring checks.
 */
export interface SenderFacts {
  frameUrl: string | null | undefined
  isMainFrame: boolean
  fromOurWindow: boolean
}

export interface TrustedOrigin {
  /**
   * The URL of our page: app://calfcoach/index.html in every build (electron/main/app-protocol.ts). The
   * e2e harness, which has no app:// scheme in plain Chromium, passes the built file's file: URL.
   */
  pageUrl: string | null
  /** The dev server URL when running `npm start` (development only; null in a packaged build). */
  devServerUrl: string | null
}

export function isTrustedSender(sender: SenderFacts, trusted: TrustedOrigin): boolean {
  if (!sender.fromOurWindow || !sender.isMainFrame || !sender.frameUrl) return false
  const url = parse(sender.frameUrl)
  if (!url || url.username || url.password) return false
  const page = trusted.pageUrl ? parse(trusted.pageUrl) : null
  if (page && isSamePage(url, page)) return true
  const dev = trusted.devServerUrl ? parse(trusted.devServerUrl) : null
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) return url.origin === dev.origin
  return false
}

function parse(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/** Same scheme, host and port, and the same document (query and hash are routes, not other pages). */
function isSamePage(url: URL, page: URL): boolean {
  if (url.protocol !== page.protocol || url.host !== page.host) return false
  return normalise(safeDecode(url.pathname)) === normalise(safeDecode(page.pathname))
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p)
  } catch {
    return `\0undecodable:${p}`
  }
}

function normalise(p: string): string {
  // file:///C:/x on Windows gives "/C:/x"; compare case-insensitively there.
  const unified = p.replace(/\\/g, '/').replace(/^\/([A-Za-z]:)/, '$1')
  return /^[A-Za-z]:/.test(unified) ? unified.toLowerCase() : unified
}
