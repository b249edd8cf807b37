import path from 'node:path'
import { DomainError } from '../../../shared/api/result'

/**
 * Joins `parts` under `root` and refuses the result unless it lies strictly inside `root`. Defence in
 * depth: ids are already checked by their schema patterns, but the store must never read, write or delete
 * outside the data folder even if a pattern is loosened one day or an id arrives by another route.
 */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = path.resolve(root)
  if (parts.some((p) => p.includes('\0'))) throw outside()
  const target = path.resolve(base, ...parts)
  const rel = path.relative(base, target)
  if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) throw outside()
  return target
}

function outside(): DomainError {
  return new DomainError('invalid-input', 'That record name points outside the CalfCoach data folder, so it was refused and nothing was read or changed.')
}
