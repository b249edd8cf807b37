import { app, session, type WebContents } from 'electron'
import { openExternalUrl } from '../services/external-url'
import { electronExternalOpener } from './external'

/**
 * App-wide rules applied to every web contents we ever create: no navigation, no redirects, no
 * webviews, no new windows (links go to the system browser instead, by the same policy as the
 * openExternal call: https to public sites at once, anything else only after the coach agrees), no
 * permissions.
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
    void openExternalUrl(url, electronExternalOpener)
    return { action: 'deny' }
  })
}
