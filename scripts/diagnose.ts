// CLI: diagnose one assessment with the same shared code the app uses.
//   npm run --silent diagnose -- <file.json>     or     npm run --silent diagnose -- -   (read stdin)
// Prints the Diagnosis JSON on stdout and exits 0. Unreadable file, invalid JSON or input that breaks
// contract v1: a short message on stderr (naming the field and the problem) and exit code 2. No stack traces.

import { readFile } from 'node:fs/promises'
import { diagnoseUnknown } from '../shared/assessment/index'

const USAGE = 'usage: npm run --silent diagnose -- <assessment.json | ->'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}

async function readSource(arg: string): Promise<string> {
  if (arg === '-') return readStdin()
  try {
    return await readFile(arg, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') fail(`error: file not found: ${arg}`)
    if (code === 'EISDIR') fail(`error: ${arg} is a directory, not a JSON file`)
    if (code === 'EACCES') fail(`error: no permission to read ${arg}`)
    fail(`error: cannot read ${arg} (${code ?? 'unknown error'})`)
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') fail(USAGE)
  const source = args[0] as string
  const name = source === '-' ? 'stdin' : source
  const text = await readSource(source)

  if (text.trim() === '') fail(`error: ${name} is empty (expected an assessment JSON object)`)

  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    fail(`error: ${name} is not valid JSON (${(error as Error).message})`)
  }

  const result = diagnoseUnknown(data)
  if (!result.ok) {
    fail([`error: invalid assessment in ${name}:`, ...result.errors.map((e) => `  ${e}`)].join('\n'))
  }
  process.stdout.write(`${JSON.stringify(result.diagnosis, null, 2)}\n`)
}

main().catch((error: unknown) => {
  fail(`error: ${error instanceof Error ? error.message : String(error)}`)
})
