/**
 * The data folder, byte for byte, for the IPC fuzz's "a refused call changed nothing" check. Hashes are
 * cached per file version (inode, size, times), so taking a snapshot after every call stays cheap.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const hashCache = new Map<string, string>()
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name
      const full = path.join(dir, r)
      if (entry.isDirectory()) {
        out.set(`${r}/`, 'dir')
        walk(r)
        continue
      }
      const st = statSync(full, { bigint: true })
      const version = `${full}|${st.ino}|${st.size}|${st.mtimeNs}|${st.ctimeNs}`
      let hash = hashCache.get(version)
      if (!hash) {
        hash = createHash('sha256').update(readFileSync(full)).digest('hex')
        hashCache.set(version, hash)
      }
      out.set(r, `${st.size}:${hash}`)
    }
  }
  walk('')
  return out
}

export function diff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = []
  for (const [k, v] of a) if (b.get(k) !== v) out.push(b.has(k) ? `changed ${k}` : `removed ${k}`)
  for (const k of b.keys()) if (!a.has(k)) out.push(`added ${k}`)
  return out
}
