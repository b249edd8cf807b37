import path from 'node:path'

// Resolved from the bundled main file (out/main/index.js), which sits beside out/preload and out/renderer
// both in the repository and inside the packaged app.asar.
export const preloadPath = (): string => path.join(__dirname, '../preload/index.js')
export const rendererIndexPath = (): string => path.join(__dirname, '../renderer/index.html')
export const devServerUrl = (): string | null => process.env['ELECTRON_RENDERER_URL'] ?? null
