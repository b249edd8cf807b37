import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The folders whose code decides what a kept board summary says: the domain core (rules, clinical state,
 * dates, load) and main's services (summaries, board facts, store). The lockfile is in too, so a dependency
 * update is never trusted with summaries made by the code before it.
 */
export const SUMMARY_CODE_ROOTS = ['shared', 'electron/services'] as const
const SUMMARY_CODE_FILES = ['package-lock.json'] as const

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(full))
    else if (/\.(ts|tsx|mts|json)$/.test(entry.name)) out.push(full)
  }
  return out
}

/**
 * A fingerprint of the code that makes board summaries, stamped into main's bundle (electron.vite.config.ts).
 * The summary cache trusts only summaries made under the same fingerprint. A fingerprint of the code, not of
 * the build: a rebuild or an update that leaves the summary code alone keeps every summary, and a big club
 * does not wait for each athlete's whole history to be read again (issue 15: 10–20 s at 1,000 athletes).
 */
export function summaryCodeStamp(repoRoot: string): string {
  const hash = createHash('sha256')
  const files = [
    ...SUMMARY_CODE_ROOTS.flatMap((root) => sourceFiles(path.join(repoRoot, root))),
    ...SUMMARY_CODE_FILES.map((file) => path.join(repoRoot, file)),
  ]
  // Sorted by their path inside the checkout with '/' separators: the same files give the same stamp whatever
  // order the file system lists them in.
  const named = files.map((file) => ({ file, name: path.relative(repoRoot, file).split(path.sep).join('/') }))
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const { file, name } of named) {
    hash.update(`${name}\0`)
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return `code-${hash.digest('hex').slice(0, 20)}`
}
