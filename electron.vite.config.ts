import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/** The dev server needs inline scripts and websockets for hot reload; production keeps the strict CSP. */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'calfcoach-dev-csp',
    apply: 'serve',
    transformIndexHtml(html: string) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // Bundle every dependency: lowdb and steno are ESM-only (a CommonJS main cannot require them), and a
      // self-contained main leaves nothing for the packaged app to resolve from node_modules.
      externalizeDeps: false,
      // The import worker is its own entry: main starts it with worker_threads (electron/services/import/parse-job.ts).
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts'), 'import-worker': resolve(__dirname, 'electron/services/import/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), relaxCspForDevServer()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
