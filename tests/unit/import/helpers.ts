import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'import')

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtures, name)))
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s)
}
