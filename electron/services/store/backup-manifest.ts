// What a backup's manifest holds (size and SHA-256 of every file, and the live file's identity when it was
// taken), how it is read back, and the summary a list of backups shows.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { BackupInfo } from '../../../shared/api/channels/squad'

export const MANIFEST = 'manifest.json'

export const CANONICAL_FILE = /^(squad\.json|athletes\/[a-z0-9][a-z0-9-]{2,63}\.json)$/

const SourceStat = z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() })
const ManifestEntry = z.object({ size: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/), source: SourceStat.nullable() })
const Manifest = z.object({
  formatVersion: z.literal(1),
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(['auto', 'manual', 'pre-migration', 'pre-restore', 'pre-import']),
  files: z.record(z.string(), ManifestEntry),
})
export type BackupManifest = z.infer<typeof Manifest>

/** A manifest's text, checked; null when it is damaged or not a manifest. */
export function parseManifest(text: string): BackupManifest | null {
  try {
    const parsed = Manifest.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Manifests never change: each summary is worked out once (a list of backups shows up to 40). */
const infos = new WeakMap<BackupManifest, BackupInfo>()

export function infoOf(manifest: BackupManifest): BackupInfo {
  const known = infos.get(manifest)
  if (known) return known
  const info = summaryOf(manifest)
  infos.set(manifest, info)
  return info
}

function summaryOf(manifest: BackupManifest): BackupInfo {
  const entries = Object.values(manifest.files)
  return {
    id: manifest.id,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    files: entries.length,
    bytes: entries.reduce((sum, e) => sum + e.size, 0),
  }
}
