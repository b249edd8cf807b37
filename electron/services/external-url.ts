/**
 * The only URLs CalfCoach hands to the operating system: parsed http(s) URLs without credentials.
 * Anything else (file:, javascript:, custom schemes, unparsable text) is refused.
 */
export function parseExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username || url.password || !url.hostname) return null
  return url.toString()
}

/** Host names that only mean something on the coach's own machine or network. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.lan', '.home', '.internal', '.intranet', '.corp', '.home.arpa']

/**
 * Whether a parsed external URL may open without asking: https to a named public host. Plain http, IP
 * literals, single-label names (intranet hosts), localhost and local-network suffixes all ask first.
 */
export function opensWithoutAsking(safeUrl: string): boolean {
  const url = new URL(safeUrl)
  if (url.protocol !== 'https:') return false
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (host.startsWith('[') || /^[\d.]+$/.test(host) || /^0x/i.test(host)) return false
  if (!host.includes('.') || host === 'localhost') return false
  return !LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>
  /** Shows the coach the full address and resolves true only if they choose to open it. Absent: never open. */
  confirmOpenExternal?(url: string): Promise<boolean>
}

/**
 * The one way CalfCoach opens a link in the system browser (IPC handler and window.open alike): only
 * parsed http(s) URLs without credentials; https links to public sites at once, anything else only after
 * the coach has seen the full address and agreed.
 */
export async function openExternalUrl(value: unknown, opener: ExternalOpener): Promise<{ opened: boolean }> {
  const safe = parseExternalUrl(value)
  if (!safe) return { opened: false }
  if (!opensWithoutAsking(safe)) {
    const agreed = (await opener.confirmOpenExternal?.(safe)) ?? false
    if (!agreed) return { opened: false }
  }
  await opener.openExternal(safe)
  return { opened: true }
}
