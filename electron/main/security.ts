import { app, session, shell, type WebContents } from 'electron'
import { parseExternalUrl } from '../services/external-url'

/**
 * App-wide rules applied to every web contents we ever create: no navigation, no redirects, no
 * webviews, no new windows (http(s) links go to the system browser instead), no permissions.
 */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const safe = parseExternalUrl(url)
    if (safe) void shell.openExternal(safe)
    return { action: 'deny' }
  })
}
