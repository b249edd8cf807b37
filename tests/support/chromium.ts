import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'

/** Debian's real binary first (no wrapper flags), then the wrapper, or CHROMIUM_PATH when set. */
export function chromiumPath(): string | null {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  return candidates.find((p) => existsSync(p)) ?? null
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('No Chromium found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH.')
  const home = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-chromium-'))
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      // Electron lets file:// pages load their own ES modules; plain Chromium needs this flag to do the same.
      '--allow-file-access-from-files'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), HOME: home },
  })
}

export function artifactsDir(): string {
  return path.resolve(process.env['E2E_ARTIFACTS_DIR'] ?? 'tests/artifacts')
}
