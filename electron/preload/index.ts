import { contextBridge, ipcRenderer } from 'electron'
import { API_GLOBAL, channelMap } from '../../shared/api/contract'
import { PRINT_WINDOW_ARG, printChannelMap } from '../../shared/api/print-bridge'

// Task-level functions only, one per contract channel; the renderer never sees ipcRenderer itself.
// Each function passes exactly one JSON-shaped argument and returns the main process's result envelope.
// A hidden print window (main passes PRINT_WINDOW_ARG) gets only the read calls printing needs; main
// refuses every other channel from it as well.
const channels: Record<string, string> = process.argv.includes(PRINT_WINDOW_ARG) ? printChannelMap() : channelMap()
const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {}
for (const [method, channel] of Object.entries(channels)) {
  bridge[method] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(bridge))
