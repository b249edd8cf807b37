import { CHROMIUM_WS_ENV, chromiumPath, launchChromiumServer } from './chromium'

/**
 * Runs once in the e2e vitest process before any worker starts: one Chromium for the whole run, whose
 * address the workers inherit (launchChromium connects to it). Without Chromium nothing starts here and
 * each spec reports the missing browser itself.
 */
export async function setup(): Promise<() => Promise<void>> {
  if (!chromiumPath()) return async () => {}
  const server = await launchChromiumServer()
  process.env[CHROMIUM_WS_ENV] = server.wsEndpoint()
  return async () => {
    delete process.env[CHROMIUM_WS_ENV]
    await server.close()
  }
}
