import path from 'node:path'

// Resolved from the bundled main file (out/main/index.js), which sits beside out/preload and out/renderer
// both in the repository and inside the packaged app.asar.
export const preloadPath = (): string => path.join(__dirname, '../preload/index.js')
export const rendererDir = (): string => path.join(__dirname, '../renderer')

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The electron-vite dev server (`npm start`), or null. Honoured only in an unpackaged run and only for a
 * loopback http(s) address: a shipped build ignores ELECTRON_RENDERER_URL entirely, so an environment
 * variable can never point the window (and the IPC sender check) at someone else's page.
 */
export function devServerUrl(isPackaged: boolean, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  if (isPackaged) return null
  const raw = env['ELECTRON_RENDERER_URL']
  if (!raw) return null
  try {
    const url = new URL(raw)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.has(url.hostname) || url.username || url.password) return null
    return url.href
  } catch {
    return null
  }
}
