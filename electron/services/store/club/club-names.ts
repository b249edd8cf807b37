/**
 * Names of the files in a club folder (see club-folder.ts for the layout): which document a file
 * belongs to, whatever tier or sync-tool copy it is, and the stat facts that tell when it changed.
 */
export const INSTALLATIONS = 'installations'

/** An installation's id, which is also its folder's name under installations/. */
export const INSTALL_ID = /^[a-z0-9][a-z0-9-]{2,63}$/

/** Copies that sync tools make of a file changed in two places at once (Syncthing, Dropbox, others). */
const CONFLICT = /^(.+?)(?:\.sync-conflict-[^/]*?| \([^)]*conflicted copy[^)]*\)|-conflict-[^/]*?)\.json$/
export function conflictBase(name: string): string | null {
  const m = CONFLICT.exec(name)
  return m ? `${m[1]}.json` : null
}

/**
 * A document's own file holds most of an installation's records; its ".recent.json" sibling holds the
 * newest ones, so a save rewrites a small file (see own-records.ts). Both count for the same document.
 */
export function recentRel(rel: string): string {
  return rel.replace(/\.json$/, '.recent.json')
}

/** The document a file in an installation's folder belongs to ("x.recent.json" and conflict copies → "x.json"), or null. */
export function documentName(name: string): { base: string; recent: boolean; conflictCopy: boolean } | null {
  const unconflicted = conflictBase(name)
  const plain = unconflicted ?? name
  if (!plain.endsWith('.json') || plain.startsWith('.')) return null
  const recent = plain.endsWith('.recent.json')
  return { base: recent ? plain.slice(0, -'.recent.json'.length) + '.json' : plain, recent, conflictCopy: unconflicted !== null }
}

/** Stat facts of a file; they change whenever the file is replaced (CalfCoach and sync tools rename a finished copy over it). */
export function signature(s: { ino?: number; size: number; mtimeMs: number }): string {
  return `${s.ino ?? 0}.${s.size}.${s.mtimeMs}`
}
