import type { Adapter } from 'lowdb'
import type { FileOps, FileStamp } from './file-ops'
import { documentBytes, DocumentText, prepareDocumentBytes } from './json-text'

/**
 * lowdb adapter over our durable writer. lowdb's own JSONFile (steno) renames without fsync, so an
 * acknowledged write could vanish on power loss; this one fsyncs. Reading returns raw text parsed as
 * JSON; validation and migration happen in the document layer, never here.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** The bytes this file's arrays were last written as (json-text.ts): a save serialises only what changed. */
  private readonly text = new DocumentText()
  /** The stat of the file this adapter last wrote, when the file operations told it (see FileOps.writeAtomic). */
  lastWritten: FileStamp | null = null

  constructor(
    private readonly file: string,
    private readonly ops: FileOps,
  ) {}

  async read(): Promise<T | null> {
    const text = await this.ops.readText(this.file)
    if (text === null) return null
    return JSON.parse(text) as T
  }

  /** Gets the next write of `data` ready in the background (json-text.ts): the coach opened this record. */
  prepareWrite(data: T): void {
    prepareDocumentBytes(data, this.text)
  }

  async write(data: T): Promise<void> {
    // Compact JSON: a third faster to write than indented, and these files are read by CalfCoach, not people.
    // The bytes of JSON.stringify's text, reusing the bytes of the records unchanged since this file's last write (json-text.ts).
    this.lastWritten = null
    this.lastWritten = (await this.ops.writeAtomic(this.file, documentBytes(data, '\n', this.text))) || null
  }
}
