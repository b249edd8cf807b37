import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, type BrowserServer, chromium } from 'playwright-core'

/** Debian's real binary first (no wrapper flags), then the wrapper, or CHROMIUM_PATH when set. */
export function chromiumPath(): string | null {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  return candidates.find((p) => existsSync(p)) ?? null
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // Electron lets file:// pages load their own ES modules; plain Chromium needs this flag to do the same.
  '--allow-file-access-from-files']

/** Set by tests/support/chromium-global-setup.ts: the e2e run's one Chromium, which every spec file connects to. */
export const CHROMIUM_WS_ENV = 'CALFCOACH_CHROMIUM_WS'

function launchOptions() {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('No Chromium found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH.')
  const home = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-chromium-'))
  return { executablePath, headless: true, args: ARGS, env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), HOME: home } }
}

/**
 * A browser for a spec. In an e2e run it is a connection to the run's one Chromium (each spec still gets
 * its own contexts, which share nothing: cookies, storage, colour scheme and viewport are per context);
 * closing it closes only what this connection opened. Starting a Chromium per spec file cost about a
 * CPU-second each, on two cores shared with the unit suite. Outside an e2e run it launches its own.
 */
export async function launchChromium(): Promise<Browser> {
  const shared = process.env[CHROMIUM_WS_ENV]
  if (shared) return chromium.connect(shared)
  return chromium.launch(launchOptions())
}

/** The e2e run's shared Chromium (see launchChromium). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions())
}

export function artifactsDir(): string {
  return path.resolve(process.env['E2E_ARTIFACTS_DIR'] ?? 'tests/artifacts')
}
