/**
 * The webPreferences every CalfCoach window must set explicitly, written out independently of
 * electron/main/windows.ts so the tests check the code against the requirement, not against itself.
 */
export const SECURE_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const

/**
 * The renderer's Content-Security-Policy, every directive and every source, written out independently of
 * renderer/index.html. Tests compare the page's policy with this directive by directive: a directive added,
 * removed or loosened anywhere (not just script-src) fails.
 */
export const EXPECTED_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'worker-src': ["'none'"],
  'manifest-src': ["'none'"],
  'media-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
}

/** A policy string as directive → sources (lower-cased names; a repeated directive is kept as an error marker). */
export function parseCsp(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean)
    if (!name) continue
    const key = name.toLowerCase()
    out[key in out ? `${key} (repeated)` : key] = sources
  }
  return out
}
