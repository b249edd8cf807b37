import { contextBridge, ipcRenderer } from 'electron'
import { API_GLOBAL, channelMap } from '../../shared/api/contract'

// Task-level functions only, one per contract channel; the renderer never sees ipcRenderer itself.
// Each function passes exactly one JSON-shaped argument and returns the main process's result envelope.
const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {}
for (const [method, channel] of Object.entries(channelMap())) {
  bridge[method] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(bridge))
