import { EventEmitter } from 'node:events'
import type { DoubleState } from './state'
import type { FrameDouble, WebContentsDouble } from './web-contents'

/** `electron.ipcMain`: handle/removeHandler, and invoke as ipcRenderer.invoke reaches it. */

export interface InvokeFrom {
  sender: WebContentsDouble
  /** Defaults to the sender's main frame. */
  frame?: FrameDouble
}

export class IpcMainDouble extends EventEmitter {
  private readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  constructor(private readonly state: DoubleState) {
    super()
  }

  /** As Electron: one handler per channel; a second registration throws. */
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void {
    this.state.record('ipcMain.handle', [channel])
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    if (typeof listener !== 'function') throw new Error(`Expected handler to be a function, but found type '${typeof listener}'`)
    this.handlers.set(channel, listener)
  }
  handleOnce(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return listener(event, ...args)
    })
  }
  removeHandler(channel: string): void {
    this.state.record('ipcMain.removeHandler', [channel])
    this.handlers.delete(channel)
  }
  handlerChannels(): string[] {
    return [...this.handlers.keys()]
  }

  /**
   * What ipcRenderer.invoke(channel, ...args) does from `from.sender`: arguments and the reply are
   * structured-cloned (functions, class prototypes and symbols do not survive), and a channel without a
   * handler rejects with Electron's own message.
   */
  async invoke(channel: string, args: unknown[], from: InvokeFrom): Promise<unknown> {
    const frame = from.frame ?? from.sender.mainFrame
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const event = { sender: from.sender, senderFrame: frame, frameId: frame.routingId, processId: frame.processId, type: 'frame' }
    try {
      return structuredClone(await handler(event, ...structuredClone(args)))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
  }
}
