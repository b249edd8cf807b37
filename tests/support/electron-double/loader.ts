import { existsSync, readFileSync } from 'node:fs'
import { createRequire, isBuiltin } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { electronApiFacts } from './electron-api'

/**
 * Loads a BUILT CommonJS bundle (out/main/index.js) under plain Node the way Electron's main process
 * would, with `require('electron')` answered by the double. The bundle runs in a CommonJS wrapper of
 * its own (not Node's module cache), so each call is a fresh app with fresh module state.
 *
 * require rules: 'electron' → the double; Node built-ins → Node; anything else is refused and recorded
 * in `externalRequires`. The main bundle must be self-contained (electron.vite.config.ts bundles every
 * dependency) because a packaged app resolves nothing else from node_modules reliably, and ESM-only
 * packages (lowdb, steno) cannot be require()d from a CommonJS bundle (ERR_REQUIRE_ESM).
 */

export interface LoadOptions {
  /** process.env as the bundle sees it (default: process.env without ELECTRON_RENDERER_URL). */
  env?: Record<string, string | undefined>
  /** process.argv as the bundle sees it (default: [electron, file]). */
  argv?: string[]
  /** __dirname for the bundle (default: its own folder). Lets a probe bundle act as if it sat in out/main. */
  dirname?: string
  /** Where to resolve packages from when explaining a refused require (default: cwd). */
  projectRoot?: string
}

export interface LoadedBundle {
  file: string
  exports: Record<string, unknown>
  /** Every require() the bundle made, in order. */
  requires: string[]
  /** require()s of anything that is neither 'electron' nor a Node built-in (each one was refused). */
  externalRequires: string[]
  /** What loading threw, if it did. */
  error?: unknown
}

/** Is `id` an installed package that only ships ES modules ("type": "module" and no "require" export)? */
function isEsmOnly(root: string, id: string): boolean {
  const pkgName = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!
  // Look the package.json up directly: packages with an "exports" map usually do not export it.
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', pkgName, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; exports?: unknown }
      return pkg.type === 'module' && !JSON.stringify(pkg.exports ?? {}).includes('"require"')
    }
    if (path.dirname(dir) === dir) return false
  }
}

export function loadBundle(file: string, electron: unknown, options: LoadOptions = {}): LoadedBundle {
  const projectRoot = options.projectRoot ?? process.cwd()
  const loaded: LoadedBundle = { file, exports: {}, requires: [], externalRequires: [] }
  const nodeRequire = createRequire(file)
  const require = (id: string): unknown => {
    loaded.requires.push(id)
    if (id === 'electron') return electron
    if (isBuiltin(id)) return nodeRequire(id)
    loaded.externalRequires.push(id)
    if (isEsmOnly(projectRoot, id)) {
      throw Object.assign(new Error(`require() of ES Module '${id}' from the CommonJS bundle ${file} is not supported: '${id}' is ESM-only. Bundle it (externalizeDeps: false) instead.`), {
        code: 'ERR_REQUIRE_ESM',
      })
    }
    throw Object.assign(new Error(`The bundle ${file} requires '${id}', which is neither 'electron' nor a Node built-in; the main bundle must be self-contained.`), { code: 'MODULE_NOT_FOUND' })
  }
  const env = options.env ?? Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'ELECTRON_RENDERER_URL'))
  const argv = options.argv ?? ['/opt/CalfCoach/calfcoach', file]
  const version = electronApiFacts().version
  // Electron's main-process `process`: Node's, plus type 'browser' and versions.electron.
  const electronProcess = new Proxy(process, {
    get(target, key) {
      if (key === 'env') return env
      if (key === 'argv') return argv
      if (key === 'type') return 'browser'
      if (key === 'versions') return { ...target.versions, electron: version }
      if (key === 'resourcesPath') return path.resolve(path.dirname(file), '..', '..')
      const value = Reflect.get(target, key) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  const module = { exports: {} as Record<string, unknown>, filename: file, id: file, loaded: false }
  try {
    const source = readFileSync(file, 'utf8')
    const wrapper = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname', 'process'], { filename: file })
    wrapper(module.exports, require, module, file, options.dirname ?? path.dirname(file), electronProcess)
    module.loaded = true
  } catch (error) {
    loaded.error = error
  }
  loaded.exports = module.exports
  return loaded
}
