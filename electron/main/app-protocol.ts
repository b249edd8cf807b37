import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * The renderer is served from app://calfcoach/ instead of file://, so the page's origin is ours alone:
 * CSP 'self' means this app's own files and nothing else on the disk, and the file: protocol needs no
 * extra privileges (the grantFileProtocolExtraPrivileges fuse is off).
 *
 * The handler is plain Node (Request in, Response out) so the traversal and host rules are unit-tested
 * without Electron; electron/main/index.ts registers it with protocol.handle.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'calfcoach'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The one page every window shows (routes live in the hash). */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** What registerSchemesAsPrivileged gets, before ready: a standard, secure scheme (relative URLs, ES modules). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
}

function refuse(status: number, why: string): Response {
  return new Response(why, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })
}

/**
 * Maps an app:// URL to a file inside `rendererDir`, or null when the URL is not ours or would leave the
 * folder. Parsed URL, decoded path, resolved and compared as paths: no string prefix checks.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port || url.username || url.password) return null
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0') || relative.includes('\\')) return null
  if (relative === '/' || relative === '') relative = '/index.html'
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, `.${relative}`)
  const inside = path.relative(root, file)
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null
  return file
}

/** The protocol.handle handler: GET of our own files only; everything else is refused. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return refuse(405, 'Only GET is served.')
    const file = resolveAppFile(rendererDir, request.url)
    if (!file) return refuse(404, 'Not part of CalfCoach.')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return refuse(404, 'Not found.')
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    return new Response(await readFile(file), { status: 200, headers: { 'content-type': type, 'x-content-type-options': 'nosniff' } })
  }
}
