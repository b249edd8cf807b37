import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { load as loadYaml } from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BootedMain, bootMain, buildGlue, type GlueBuild } from '../../support/electron-double'

/**
 * What electron-builder would put into app.asar, computed with electron-builder's own file matcher
 * (app-builder-lib's FileMatcher: minimatch with { dot: true }, last matching pattern wins, excluded
 * folders are not descended into) over this checkout with the fresh build standing in for out/.
 * electron-builder adds its own default exclusions on top (node_modules is handled separately); those only
 * remove files, so what this test sees is an upper bound of what ships.
 */

type Stat = { isDirectory(): boolean }
type Filter = (file: string, stat: Stat) => boolean
const require = createRequire(import.meta.url)
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, macroExpander: (s: string) => string, patterns: string[]) => { createFilter(): Filter; patterns: string[] }
}

let build: GlueBuild
let files: string[]
let filter: Filter
/** Relative paths (posix) of every file that would be packaged. */
let packaged: string[]
let app: BootedMain

const SKIP_AT_ROOT = new Set(['node_modules', '.git', 'out', 'dist'])

/** Walks like electron-builder's copier: a folder the filter rejects is not entered. */
function walk(absDir: string, relDir: string, into: string[]): void {
  for (const entry of readdirSync(absDir, { withFileTypes: true })) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name
    if (!relDir && SKIP_AT_ROOT.has(entry.name)) continue
    const isDir = entry.isDirectory()
    if (!filter(path.join(build.root, rel), { isDirectory: () => isDir })) continue
    if (isDir) walk(path.join(absDir, entry.name), rel, into)
    else into.push(rel)
  }
}

/** Would this single path ship (every parent folder entered and the file itself matched)? */
function ships(rel: string): boolean {
  const parts = rel.split('/')
  for (let i = 1; i < parts.length; i++) {
    if (!filter(path.join(build.root, ...parts.slice(0, i)), { isDirectory: () => true })) return false
  }
  return filter(path.join(build.root, rel), { isDirectory: () => false })
}

beforeAll(async () => {
  build = await buildGlue()
  const config = loadYaml(readFileSync(path.join(build.root, 'electron-builder.yml'), 'utf8')) as { files: string[] }
  files = config.files
  filter = new FileMatcher(build.root, '/app', (s) => s, files).createFilter()
  packaged = []
  walk(build.root, '', packaged)
  walk(build.outDir, 'out', packaged)
  app = await bootMain(build)
}, 180_000)

describe('electron-builder files patterns', () => {
  it('include out/** and package.json', () => {
    expect(files).toContain('out/**')
    expect(files).toContain('package.json')
    expect(ships('package.json')).toBe(true)
  })

  it('ship every file of the build output (source maps aside)', () => {
    const output: string[] = []
    const list = (abs: string, rel: string) => {
      for (const e of readdirSync(abs, { withFileTypes: true })) {
        if (e.isDirectory()) list(path.join(abs, e.name), `${rel}/${e.name}`)
        else output.push(`${rel}/${e.name}`)
      }
    }
    list(build.outDir, 'out')
    const expected = output.filter((f) => !f.endsWith('.map'))
    expect(expected).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']))
    expect(expected.filter((f) => !packaged.includes(f))).toEqual([])
    expect(ships('out/main/index.js.map')).toBe(false)
  })

  it('exclude sources, tests and tooling', () => {
    for (const rel of [
      'electron/main/index.ts',
      'electron/preload/index.ts',
      'electron/services/dispatch.ts',
      'shared/api/contract.ts',
      'renderer/index.html',
      'renderer/src/main.tsx',
      'tests/unit/glue/main-smoke.test.ts',
      'tests/support/electron-double/main.ts',
      'tests/fixtures/import/run.gpx',
      'bench/run.ts',
      'scripts/plan.ts',
      '.ci/build.yml',
      'electron.vite.config.ts',
      'tsconfig.json',
      'package-lock.json',
    ]) {
      expect(ships(rel), rel).toBe(false)
    }
    const sources = packaged.filter((f) => /^(electron|renderer|shared|tests|bench|scripts|\.ci)\//.test(f) || /\.(ts|tsx|mts)$/.test(f))
    expect(sources).toEqual([])
  })

  it('ship nothing outside out/ but package.json', () => {
    expect(packaged.filter((f) => !f.startsWith('out/'))).toEqual(['package.json'])
  })
})

describe('the paths main uses hold inside the packaged layout', () => {
  const insideOut = (abs: string) => path.relative(build.outDir, abs).split(path.sep).join('/')

  it('package.json main is the built main bundle, which ships', () => {
    const pkg = JSON.parse(readFileSync(path.join(build.root, 'package.json'), 'utf8')) as { main: string }
    expect(pkg.main).toBe('out/main/index.js')
    expect(existsSync(path.join(build.outDir, 'main/index.js'))).toBe(true)
    expect(packaged).toContain(pkg.main)
  })

  it('the preload path main computes exists and ships', () => {
    expect(app.problem).toBeNull()
    const preload = app.window!.webContents.getLastWebPreferences()['preload'] as string
    const rel = insideOut(preload)
    expect(rel.startsWith('..'), `preload ${preload} lies outside out/`).toBe(false)
    expect(existsSync(preload), preload).toBe(true)
    expect(packaged).toContain(`out/${rel}`)
  })

  it('the renderer file main loads exists and ships, with every asset it references', () => {
    expect(app.problem).toBeNull()
    // Main loads app://calfcoach/index.html; the handler maps it into out/renderer (what ships).
    const loaded = app.double.callsTo('webContents.loadURL')[0]!.args[1] as string
    expect(loaded).toBe('app://calfcoach/index.html')
    const renderer = path.join(build.outDir, 'renderer', new URL(loaded).pathname)
    const rel = insideOut(renderer)
    expect(rel.startsWith('..'), `renderer ${renderer} lies outside out/`).toBe(false)
    expect(existsSync(renderer), renderer).toBe(true)
    expect(packaged).toContain(`out/${rel}`)

    const html = readFileSync(renderer, 'utf8')
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      expect(ref.startsWith('/') || /^[a-z]+:/i.test(ref), `${ref} must be relative, so it resolves inside app://calfcoach/ and the folder`).toBe(false)
      const asset = path.resolve(path.dirname(renderer), ref)
      expect(existsSync(asset), ref).toBe(true)
      expect(packaged).toContain(`out/${insideOut(asset)}`)
    }
  })
})
