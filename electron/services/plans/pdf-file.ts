import { promises as fs } from 'node:fs'
import path from 'node:path'

let tempCounter = 0

/**
 * Writes bytes so that they survive a crash: temp file in the same folder, fsync, rename over the target,
 * fsync the folder. A failure at any point removes the temp file and leaves any earlier file untouched.
 */
export async function writeBytesDurable(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${++tempCounter}`)
  const handle = await fs.open(temp, 'w', 0o644)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await fs.rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
  let dirHandle: fs.FileHandle | undefined
  try {
    dirHandle = await fs.open(dir, 'r')
    await dirHandle.sync()
  } catch {
    /* directory fsync is not supported everywhere (Windows); the rename is still atomic */
  } finally {
    await dirHandle?.close()
  }
}

/** Pages in a PDF, counted from its page objects; null when none are visible (e.g. compressed object streams). */
export function countPdfPages(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const matches = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)
  return matches && matches.length > 0 ? matches.length : null
}

/** True when the bytes start like a PDF file. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '%PDF-'
}
