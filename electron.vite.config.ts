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

/** Stamps the main bundle so board summaries made by another build (other rules) are made again once. */
const BUILD_STAMP = JSON.stringify(`${process.env['npm_package_version'] ?? 'dev'}+${Date.now().toString(36)}`)

export default defineConfig({
  main: {
    define: { __CALFCOACH_BUILD__: BUILD_STAMP },
    build: {
      // Bundle every dependency: lowdb and steno are ESM-only (a CommonJS main cannot require them), and a
      // self-contained main leaves nothing for the packaged app to resolve from node_modules.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
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
      // Minified, with screens beyond the first split into chunks that load on first use (React.lazy).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
