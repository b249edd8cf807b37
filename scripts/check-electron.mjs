// Runs before `npm start`. When Electron's program is missing (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download failed), electron-vite would die with a stack trace
// from inside the electron package; a newcomer deserves one plain paragraph saying what to do instead.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** Where Electron's program should be, or null when the electron package itself is absent. */
function electronBinary() {
  // CALFCOACH_ELECTRON_PACKAGE_DIR lets the unit test point at a made-up electron package.
  let packageDir = process.env.CALFCOACH_ELECTRON_PACKAGE_DIR
  if (!packageDir) {
    try {
      packageDir = path.dirname(require.resolve('electron/package.json'))
    } catch {
      return null
    }
  }
  if (!existsSync(path.join(packageDir, 'package.json'))) return null
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return { packageDir, binary: null }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist')
  const binary = path.join(distDir, relative)
  return { packageDir, binary: existsSync(binary) ? binary : null }
}

const found = electronBinary()
if (!found || !found.binary) {
  const what = found ? 'the electron package is installed but its program was never downloaded' : 'the electron package is not installed'
  console.error(
    [
      '',
      `CalfCoach cannot start: ${what}.`,
      'This happens after `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install` or when the download was blocked.',
      'To get it, run `node node_modules/electron/install.js` (or delete node_modules/electron and run `npm install` again) on a machine with internet access.',
      'Everything else works without it: `npm test` builds the app and runs all the checks in Chromium.',
      '',
    ].join(' ').trim(),
  )
  process.exit(1)
}
