// CLI: diagnose one assessment with the same shared code the app uses.
//   npm run --silent diagnose -- <file.json>     or     npm run --silent diagnose -- -   (read stdin)
//   npm run --silent diagnose -- <file.json> --previous <earlier.json> --weeks-before <n>
// `--previous` passes the same runner's earlier assessment and `--weeks-before` how many weeks before this one
// it was made (issue 10: "no real change between two assessments at least 6 weeks apart" needs both). Without
// them the input is diagnosed on its own, exactly as before.
// Prints the Diagnosis JSON on stdout and exits 0. Unreadable file, invalid JSON or input that breaks
// contract v1: a short message on stderr (naming the field and the problem) and exit code 2. No stack traces.

import { readFile } from 'node:fs/promises'
import { diagnoseUnknown, parseAssessment, type DiagnoseContext } from '../shared/assessment/index'

const USAGE = 'usage: npm run --silent diagnose -- <assessment.json | -> [--previous <earlier.json> --weeks-before <n>]'

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

interface Args {
  source: string
  previous?: string
  weeksBefore?: string
}

function parseArgs(argv: readonly string[]): Args {
  const rest: string[] = []
  const args: Partial<Args> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '-h' || a === '--help') fail(USAGE)
    if (a === '--previous' || a === '--weeks-before') {
      const value = argv[i + 1]
      if (value === undefined) fail(`error: ${a} needs a value\n${USAGE}`)
      if (a === '--previous') args.previous = value
      else args.weeksBefore = value
      i++
      continue
    }
    rest.push(a)
  }
  if (rest.length !== 1) fail(USAGE)
  return { ...args, source: rest[0] as string }
}

function parseJson(text: string, name: string, what: string): unknown {
  if (text.trim() === '') fail(`error: ${name} is empty (expected ${what})`)
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    fail(`error: ${name} is not valid JSON (${(error as Error).message})`)
  }
}

/** The earlier assessment and its distance in weeks, or no context when --previous is not given. */
async function previousContext(args: Args): Promise<DiagnoseContext> {
  if (args.previous === undefined) {
    if (args.weeksBefore !== undefined) fail('error: --weeks-before needs --previous <earlier.json>')
    return {}
  }
  if (args.previous === '-') fail('error: --previous must name a file (stdin is for the assessment itself)')
  if (args.weeksBefore === undefined) fail('error: --previous needs --weeks-before <n> (weeks between the two assessments)')
  const weeks = Number(args.weeksBefore)
  if (args.weeksBefore.trim() === '' || !Number.isFinite(weeks) || weeks < 0 || weeks > 520) {
    fail(`error: --weeks-before must be a number of weeks from 0 to 520, got "${args.weeksBefore}"`)
  }
  const data = parseJson(await readSource(args.previous), args.previous, 'the earlier assessment as a JSON object')
  const parsed = parseAssessment(data)
  if (!parsed.ok) fail([`error: invalid earlier assessment in ${args.previous}:`, ...parsed.errors.map((e) => `  ${e}`)].join('\n'))
  return { previous: { input: parsed.value, weeksBefore: weeks } }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2).filter((a) => a !== '--'))
  const name = args.source === '-' ? 'stdin' : args.source
  const data = parseJson(await readSource(args.source), name, 'an assessment JSON object')
  const context = await previousContext(args)

  const result = diagnoseUnknown(data, context)
  if (!result.ok) {
    fail([`error: invalid assessment in ${name}:`, ...result.errors.map((e) => `  ${e}`)].join('\n'))
  }
  process.stdout.write(`${JSON.stringify(result.diagnosis, null, 2)}\n`)
}

main().catch((error: unknown) => {
  fail(`error: ${error instanceof Error ? error.message : String(error)}`)
})
