import type { DoubleState } from './state'
import type { WebContentsDouble } from './web-contents'

/** `electron.session`: the default session and its permission handlers. */

type PermissionRequestHandler = (contents: WebContentsDouble, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void
type PermissionCheckHandler = (contents: WebContentsDouble | null, permission: string, origin: string, details: Record<string, unknown>) => boolean

export class SessionDouble {
  private requestHandler: PermissionRequestHandler | null = null
  private checkHandler: PermissionCheckHandler | null = null
  constructor(private readonly state: DoubleState) {}

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    if (handler !== null && typeof handler !== 'function') throw new TypeError('setPermissionRequestHandler expects a function or null')
    this.state.record('session.setPermissionRequestHandler', [handler === null ? null : 'function'])
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    if (handler !== null && typeof handler !== 'function') throw new TypeError('setPermissionCheckHandler expects a function or null')
    this.state.record('session.setPermissionCheckHandler', [handler === null ? null : 'function'])
    this.checkHandler = handler
  }

  /** A page asks for a permission. Electron grants everything when no handler is set. */
  simulatePermissionRequest(contents: WebContentsDouble, permission: string, details: Record<string, unknown> = {}): Promise<boolean> {
    const handler = this.requestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`permission handler never answered for ${permission}`)), 30_000)
      handler(contents, permission, (granted) => {
        clearTimeout(timer)
        resolve(granted === true)
      }, { requestingUrl: contents.mainFrame.url, isMainFrame: true, ...details })
    })
  }
  /** Chromium checks a permission synchronously. Electron answers true when no handler is set. */
  simulatePermissionCheck(contents: WebContentsDouble | null, permission: string, origin: string): boolean {
    return this.checkHandler ? this.checkHandler(contents, permission, origin, { requestingUrl: origin, isMainFrame: true }) === true : true
  }
}

/** `electron.session` of one double. */
export function sessionModule(state: DoubleState) {
  return {
    /** Electron: the default session exists only once the app is ready. */
    get defaultSession(): SessionDouble {
      if (!state.ready) throw new Error('Session can only be received when app is ready')
      return state.session
    },
  }
}
