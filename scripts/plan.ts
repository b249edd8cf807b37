// CLI for the return-to-distance plan generator (issue 5, contract v1):
//
//   npm run --silent plan -- <request.json>     read the request from a file
//   npm run --silent plan -- -                  read it from stdin
//
// The plan follows the referrals in `diagnosis`, never its triage label alone (issue 10 item 9): an open
// referral that stops running gives "refer-first" (a green-labelled diagnosis with a same-day referral too);
// one that only holds running gives a hold; otherwise the plan progresses. Optional fields added by issue 10:
//   clearances: [{ referralId, date, outcome: cleared | cleared-with-restrictions | something-else-found, restrictions? }]
//   readinessTests: [{ date, walk30MinPainFree, singleLegHops, hopPain, singleLegHeelRaises: { left, right }, heelRaisePain? }]
//   runDays: ["mon" … "sun"] (as many as runDaysPerWeek), longRunDay (one of them; default the weekend: Sunday
//   when no run days are given, else Sunday or Saturday among them)
// A clearance's latest outcome by date wins for its referral ("cleared" after "something-else-found" clears it).
// `referralClearedOn` keeps working as before (clears every referral of an amber diagnosis on that date).
//
// Prints the plan as JSON on stdout and exits 0. Unreadable input, invalid JSON or an invalid request exit 2
// with one line per problem on stderr, each naming the field ("runDaysPerWeek: must be at most 7").
// Uses exactly the shared code the app uses.

import { readFileSync } from 'node:fs'
import { generatePlan, parsePlanRequest } from '../shared/plan'

const USAGE = 'usage: npm run --silent plan -- <request.json | ->'

function fail(code: number, lines: readonly string[]): never {
  process.stderr.write(lines.map((l) => `plan: ${l}`).join('\n') + '\n')
  process.exit(code)
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8')
  } catch (e) {
    fail(2, [`could not read stdin (${e instanceof Error ? e.message : String(e)})`])
  }
}

function main(argv: readonly string[]): void {
  const args = argv.filter((a) => a !== '--')
  if (args.length !== 1) fail(2, [args.length === 0 ? 'no input given' : 'expected exactly one input', USAGE])
  const source = args[0] as string
  let text: string
  if (source === '-') {
    text = readStdin()
  } else {
    try {
      text = readFileSync(source, 'utf8')
    } catch (e) {
      const code = (e as { code?: string }).code
      fail(2, [code === 'ENOENT' ? `file not found: ${source}` : `could not read ${source} (${code ?? 'error'})`])
    }
  }

  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    fail(2, [`(input): not valid JSON (${e instanceof Error ? e.message : String(e)})`])
  }

  const parsed = parsePlanRequest(data)
  if (!parsed.ok) fail(2, parsed.errors)
  const plan = generatePlan(parsed.value)
  process.stdout.write(JSON.stringify(plan, null, 2) + '\n')
}

try {
  main(process.argv.slice(2))
} catch (e) {
  // Never show a stack trace: report the problem in one line.
  fail(1, [`internal error: ${e instanceof Error ? e.message : String(e)}`])
}
