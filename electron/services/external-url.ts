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
