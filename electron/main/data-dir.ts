import path from 'node:path'

export const DATA_DIR_ENV = 'CALFCOACH_DATA_DIR'
export const DATA_DIR_FLAG = '--data-dir'

/**
 * Where the database lives: --data-dir=<path> beats CALFCOACH_DATA_DIR beats <userData>/data.
 * Pure so the precedence is unit-tested without Electron.
 */
export function resolveDataDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, userData: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return path.resolve(arg.slice(DATA_DIR_FLAG.length + 1))
    if (arg === DATA_DIR_FLAG && argv[i + 1]) return path.resolve(argv[i + 1]!)
  }
  const fromEnv = env[DATA_DIR_ENV]
  if (fromEnv && fromEnv.trim()) return path.resolve(fromEnv)
  return path.join(userData, 'data')
}
