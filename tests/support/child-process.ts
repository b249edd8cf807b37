import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

/**
 * Bundles a TypeScript entry (a service stack the test runs in its own process) into one ESM file
 * plain Node can run: a child then starts in a fraction of the time tsx or vite-node would take.
 */
export async function bundleChild(entry: string, work: string): Promise<string> {
  const esbuild = await import('esbuild')
  const outfile = path.join(work, `${path.basename(entry, '.ts')}.mjs`)
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __ccRequire } from 'node:module'; const require = __ccRequire(import.meta.url);" },
  })
  return outfile
}

/** Calls JSON lines in and out of a child process (see tests/support/store-child.ts for the protocol). */
export class LineChild {
  readonly proc: ChildProcess
  private buffer = ''
  private readonly waiting = new Map<number, (value: unknown) => void>()
  private nextId = 1
  /** The child's first line (its state once open). */
  readonly first: Promise<Record<string, unknown>>
  readonly exited: Promise<number | null>

  constructor(bundle: string, args: string[]) {
    this.proc = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
    let resolveFirst!: (v: Record<string, unknown>) => void
    let rejectFirst!: (e: Error) => void
    this.first = new Promise((resolve, reject) => {
      resolveFirst = resolve
      rejectFirst = reject
    })
    let gotFirst = false
    this.proc.stdout!.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString()
      for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
        const line = JSON.parse(this.buffer.slice(0, nl)) as Record<string, unknown>
        this.buffer = this.buffer.slice(nl + 1)
        if (!gotFirst) {
          gotFirst = true
          resolveFirst(line)
        } else {
          this.waiting.get(line['id'] as number)?.(line['result'])
          this.waiting.delete(line['id'] as number)
        }
      }
    })
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)))
    void this.exited.then((code) => rejectFirst(new Error(`child exited (${code}) before it was ready`)))
  }

  call<T = unknown>(method: string, payload?: unknown): Promise<T> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (v: unknown) => void)
      this.proc.stdin!.write(`${JSON.stringify({ id, method, payload })}\n`)
    })
  }

  /** Closes the child's input: it closes its services (releasing what it holds) and exits. */
  async close(): Promise<number | null> {
    this.proc.stdin!.end()
    return this.exited
  }
}
