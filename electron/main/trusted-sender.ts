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
  /** Absolute file path of the built renderer's index.html (production). */
  rendererFile: string | null
  /** The dev server URL when running `npm start` (development only). */
  devServerUrl: string | null
}

export function isTrustedSender(sender: SenderFacts, trusted: TrustedOrigin): boolean {
  if (!sender.fromOurWindow || !sender.isMainFrame || !sender.frameUrl) return false
  let url: URL
  try {
    url = new URL(sender.frameUrl)
  } catch {
    return false
  }
  if (url.protocol === 'file:' && trusted.rendererFile) {
    return normalise(decodeURIComponent(url.pathname)) === normalise(trusted.rendererFile)
  }
  if (trusted.devServerUrl) {
    const dev = new URL(trusted.devServerUrl)
    return url.origin === dev.origin
  }
  return false
}

function normalise(p: string): string {
  // file:///C:/x on Windows gives "/C:/x"; compare case-insensitively there.
  const unified = p.replace(/\\/g, '/').replace(/^\/([A-Za-z]:)/, '$1')
  return /^[A-Za-z]:/.test(unified) ? unified.toLowerCase() : unified
}
