import path from 'node:path'
import { z } from 'zod'
import type { FileOps } from '../file-ops'

/**
 * This computer's own sharing settings, kept in the local data folder (never in the club folder, so a
 * sync tool never copies it): which club folder to use, and this installation's id and name.
 */
export const ShareConfig = z.strictObject({
  formatVersion: z.literal(1),
  clubFolder: z.string().min(1),
  installId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  installName: z.string().min(1).max(120),
})
export type ShareConfig = z.infer<typeof ShareConfig>

export const SHARE_FILE = 'share.json'

export async function readShareConfig(dataDir: string, ops: FileOps): Promise<ShareConfig | null> {
  const text = await ops.readText(path.join(dataDir, SHARE_FILE)).catch(() => null)
  if (text === null) return null
  try {
    const parsed = ShareConfig.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function writeShareConfig(dataDir: string, ops: FileOps, config: ShareConfig | null): Promise<void> {
  const file = path.join(dataDir, SHARE_FILE)
  if (config === null) await ops.remove(file)
  else await ops.writeAtomic(file, JSON.stringify(config))
}
