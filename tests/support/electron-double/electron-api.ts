import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Facts about the Electron API we ship, read from the `electron.d.ts` of the installed `electron`
 * package (generated from Electron's own docs for that exact version), so the double's rules follow
 * the version in package.json instead of a hand-copied list that silently goes stale.
 */
export interface ElectronApiFacts {
  version: string
  /** Events that `app.on` documents. */
  appEvents: ReadonlySet<string>
  /** Events that `BrowserWindow`/`BaseWindow` instances document. */
  windowEvents: ReadonlySet<string>
  /** Events that `webContents` documents. */
  webContentsEvents: ReadonlySet<string>
  /** Names `app.getPath(name)` accepts. */
  pathNames: ReadonlySet<string>
  /** Keys of `new BrowserWindow(options)` (BrowserWindowConstructorOptions + BaseWindowConstructorOptions). */
  windowOptionKeys: ReadonlySet<string>
  /** Keys of `webPreferences`. */
  webPreferenceKeys: ReadonlySet<string>
  /** Keys of `webContents.printToPDF(options)`. */
  printToPdfKeys: ReadonlySet<string>
  /** Named paper sizes printToPDF accepts (anything else must be `{ width, height }` in inches). */
  pageSizeNames: readonly string[]
  /** Keys of the `Margins` structure (shared with `print()`; printToPDF reads only top/bottom/left/right). */
  marginKeys: ReadonlySet<string>
  /** Keys of the `Privileges` of `protocol.registerSchemesAsPrivileged`. */
  privilegeKeys: ReadonlySet<string>
}

let cached: ElectronApiFacts | undefined

function block(dts: string, header: RegExp): string {
  const start = dts.search(header)
  if (start < 0) throw new Error(`electron.d.ts has no block matching ${header}; the double needs updating for this Electron version`)
  const end = dts.indexOf('\n  }\n', start)
  return dts.slice(start, end < 0 ? undefined : end)
}

const members = (text: string) => new Set([...text.matchAll(/^ {4}(\w+)\??: /gm)].map((m) => m[1]!))
const events = (text: string) => new Set([...text.matchAll(/^ {4}on\(event: '([^']+)'/gm)].map((m) => m[1]!))

export function electronApiFacts(): ElectronApiFacts {
  if (cached) return cached
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  let pkgFile: string
  try {
    pkgFile = require.resolve('electron/package.json')
  } catch {
    throw new Error('The electron npm package is not installed (its electron.d.ts is where the double reads the API rules from). Run npm install with ELECTRON_SKIP_BINARY_DOWNLOAD=1.')
  }
  const version = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version
  const dts = readFileSync(path.join(path.dirname(pkgFile), 'electron.d.ts'), 'utf8')

  const printOptions = block(dts, /^ {2}interface PrintToPDFOptions \{/m)
  const pageSizeLine = /^ {4}pageSize\?: \(\(([^)]*)\)\)/m.exec(printOptions)
  if (!pageSizeLine) throw new Error('electron.d.ts: could not read PrintToPDFOptions.pageSize')
  const getPath = /^ {4}getPath\(name: ([^)]*)\): string;/m.exec(block(dts, /^ {2}interface App extends/m))
  if (!getPath) throw new Error('electron.d.ts: could not read app.getPath names')
  const quoted = (s: string) => [...s.matchAll(/'([^']+)'/g)].map((m) => m[1]!)

  cached = {
    version,
    appEvents: events(block(dts, /^ {2}interface App extends/m)),
    windowEvents: new Set([...events(block(dts, /^ {2}class BaseWindow extends/m)), ...events(block(dts, /^ {2}class BrowserWindow extends/m))]),
    webContentsEvents: events(block(dts, /^ {2}class WebContents extends/m)),
    pathNames: new Set(quoted(getPath[1]!)),
    windowOptionKeys: new Set([
      ...members(block(dts, /^ {2}interface BaseWindowConstructorOptions \{/m)),
      ...members(block(dts, /^ {2}interface BrowserWindowConstructorOptions extends/m)),
    ]),
    webPreferenceKeys: members(block(dts, /^ {2}interface WebPreferences \{/m)),
    printToPdfKeys: members(printOptions),
    pageSizeNames: quoted(pageSizeLine[1]!),
    marginKeys: members(block(dts, /^ {2}interface Margins \{/m)),
    privilegeKeys: members(block(dts, /^ {2}interface Privileges \{/m)),
  }
  return cached
}
