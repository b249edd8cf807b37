import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { build as esbuild } from 'esbuild'
import type { Plugin } from 'vite'
import { summaryCodeStamp } from './scripts/summary-code-stamp'

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

/**
 * The import worker (electron/services/import/worker.ts) as its own self-contained file next to main's
 * bundle, out/main/import-worker.js: main starts it with worker_threads. A second rollup input would
 * share chunks with index.js, and main must stay one file.
 */
function importWorkerBundle(): Plugin {
  let outDir = ''
  return {
    name: 'calfcoach-import-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async closeBundle() {
      await esbuild({
        entryPoints: [resolve(__dirname, 'electron/services/import/worker.ts')],
        outfile: resolve(outDir, 'import-worker.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['electron'],
        logLevel: 'warning',
      })
    },
  }
}

/**
 * Stamps the main bundle with a fingerprint of the code that makes board summaries, so summaries made by other
 * code (other rules) are made again once, and a build of the same code keeps them (scripts/summary-code-stamp.ts).
 */
const SUMMARY_CODE_STAMP = JSON.stringify(summaryCodeStamp(__dirname))

export default defineConfig({
  main: {
    plugins: [importWorkerBundle()],
    define: { __CALFCOACH_SUMMARY_CODE__: SUMMARY_CODE_STAMP },
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
