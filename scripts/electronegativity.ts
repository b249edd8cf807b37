/**
 * Static Electron security scan with Electronegativity, gated by a reviewed allow-list.
 *
 *   npx tsx scripts/electronegativity.ts [--json <file>] [--allowlist <file>] [--quiet]
 *
 * Scans electron/ (main, preload, services) together with renderer/index.html and renderer/src, so
 * the global CSP check sees the page's Content-Security-Policy. Equivalent to
 *
 *   electronegativity -i <staged copy> -e <Electron version from package.json> -x AvailableSecurityFixesGlobalCheck -r
 *
 * but through the package's programmatic API, which returns structured findings instead of a table.
 * AvailableSecurityFixesGlobalCheck is excluded because it downloads Electron's release list, and the
 * tool's translation download is stubbed out: the scan is fully offline and deterministic.
 *
 * Exit status: 0 when every HIGH or MEDIUM finding, and every CSP finding of any severity (a LOW one
 * still means a weakened policy), is justified by an entry in security/electronegativity-allowlist.json
 * and electron-builder.yml's fuses are exactly those in security/fuses.json; 1 when a finding is not
 * justified, an entry no longer matches any finding (stale), an entry lacks a reason, a fuse is missing,
 * extra or different, or a file could not be parsed (an unparsed file is an unchecked file, so the scan
 * fails closed).
 *
 * The built bundle (out/main, out/preload) was scanned during review too: it only repeated the
 * openExternal findings, and bundling hides the BrowserWindow constructions from the window checks,
 * so the source is the stricter target.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { load as loadYaml } from 'js-yaml'

const ROOT = path.resolve(__dirname, '..')
const SCANNED = ['electron', 'renderer/index.html', 'renderer/src', 'package.json']
const NETWORK_CHECK = 'AvailableSecurityFixesGlobalCheck'
const GATED = new Set(['HIGH', 'MEDIUM'])
/** Checks whose findings gate at every severity: any CSP remark means the policy got weaker. */
const GATED_AT_ANY_SEVERITY = /^CSP_/
const isGated = (f: Pick<Finding, 'check' | 'severity'>) => GATED.has(f.severity) || GATED_AT_ANY_SEVERITY.test(f.check)

export interface AllowEntry {
  check: string
  file: string
  reason: string
  reviewed: string
  /** How many findings of this check in this file were reviewed; more than that fail. */
  occurrences?: number
  /**
   * The exact sample the review covered (for CSP findings: the whole policy). Any other sample is not
   * justified, so every change to the policy needs a fresh review.
   */
  sample?: string
  /** The exact confidence reviewed (for CSP: FIRM is "may be weak", CERTAIN is "is weak"). */
  confidence?: string
}

export interface Finding {
  check: string
  severity: string
  confidence: string
  file: string
  line: number
  column: number
  sample: string
  description: string
  manualReview: boolean
}

export interface ScanReport {
  electronVersion: string
  inputs: string[]
  checks: { atomic: number; global: number }
  findings: Finding[]
  gated: Finding[]
  allowed: (Finding & { reason: string })[]
  unjustified: Finding[]
  stale: AllowEntry[]
  invalidEntries: string[]
  parseErrors: string[]
  /** Fuses in electron-builder.yml that are missing, extra or different from security/fuses.json. */
  fuseProblems: string[]
  ok: boolean
}

interface RawIssue {
  id: string
  severity: { name: string }
  confidence: { name: string }
  file: string
  location: { line: number; column: number }
  sample?: string
  description?: string
  manualReview?: boolean
}

type Runner = (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[]; globalChecks: number; atomicChecks: number }>

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> }
  const range = pkg.devDependencies?.['electron'] ?? pkg.dependencies?.['electron']
  const version = range?.match(/\d+\.\d+\.\d+/)?.[0]
  if (!version) throw new Error('package.json names no Electron version')
  return version
}

function loadRunner(): Runner {
  const requireFromHere = createRequire(path.join(ROOT, 'package.json'))
  const requireFromTool = createRequire(requireFromHere.resolve('@doyensec/electronegativity/package.json'))
  // The tool fetches updated translations from GitHub at start; answer "not found" so it uses its
  // bundled English strings and the scan never touches the network.
  const gotPath = requireFromTool.resolve('got')
  const offline = Object.assign(async () => ({ statusCode: 404, body: '' }), { default: undefined as unknown })
  offline.default = offline
  requireFromTool.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module
  return requireFromTool('@doyensec/electronegativity') as Runner
}

export function loadAllowList(file: string): { entries: AllowEntry[]; invalid: string[] } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown }
  const invalid: string[] = []
  const entries: AllowEntry[] = []
  if (!Array.isArray(raw.entries)) return { entries, invalid: [`${path.basename(file)} has no "entries" array`] }
  raw.entries.forEach((e: Partial<AllowEntry>, i) => {
    const where = `entry ${i} (${e.check ?? '?'} in ${e.file ?? '?'})`
    if (typeof e.check !== 'string' || !e.check) invalid.push(`${where}: missing "check"`)
    else if (typeof e.file !== 'string' || !e.file) invalid.push(`${where}: missing "file"`)
    else if (typeof e.reason !== 'string' || e.reason.trim().length < 20) invalid.push(`${where}: needs a "reason" explaining why it is safe`)
    else if (typeof e.reviewed !== 'string' || !e.reviewed.trim()) invalid.push(`${where}: needs "reviewed" (who/when)`)
    else if (e.occurrences !== undefined && (!Number.isInteger(e.occurrences) || e.occurrences < 1)) invalid.push(`${where}: "occurrences" must be a positive integer`)
    else if (GATED_AT_ANY_SEVERITY.test(e.check) && (typeof e.sample !== 'string' || typeof e.confidence !== 'string')) invalid.push(`${where}: a CSP entry must pin the reviewed policy ("sample") and "confidence"`)
    else entries.push(e as AllowEntry)
  })
  return { entries, invalid }
}

/** The gate itself, pure: which HIGH/MEDIUM findings the allow-list justifies, and which entries are stale. */
export function evaluate(
  findings: Finding[],
  allowList: { entries: AllowEntry[]; invalid: string[] },
  parseErrors: string[] = [],
  fuseProblems: string[] = [],
): Omit<ScanReport, 'electronVersion' | 'inputs' | 'checks'> {
  const { entries } = allowList
  const invalid = [...allowList.invalid]
  const gated = findings.filter(isGated)
  const allowed: ScanReport['allowed'] = []
  const unjustified: Finding[] = []
  const used = new Map<AllowEntry, number>()
  for (const f of gated) {
    const entry = entries.find((e) => e.check === f.check && e.file === f.file && (e.sample === undefined || e.sample === f.sample) && (e.confidence === undefined || e.confidence === f.confidence))
    const count = entry ? (used.get(entry) ?? 0) + 1 : 0
    if (entry && (entry.occurrences === undefined || count <= entry.occurrences)) {
      used.set(entry, count)
      allowed.push({ ...f, reason: entry.reason })
    } else {
      unjustified.push(f)
    }
  }
  const stale = entries.filter((e) => !used.has(e))
  for (const e of entries) {
    const n = used.get(e)
    if (e.occurrences !== undefined && n !== undefined && n < e.occurrences) {
      invalid.push(`${e.check} in ${e.file}: reviewed for ${e.occurrences} finding(s) but only ${n} remain; lower "occurrences"`)
    }
  }
  return {
    findings,
    gated,
    allowed,
    unjustified,
    stale,
    invalidEntries: invalid,
    parseErrors,
    fuseProblems,
    ok: unjustified.length === 0 && stale.length === 0 && invalid.length === 0 && parseErrors.length === 0 && fuseProblems.length === 0,
  }
}

/** Every difference between the fuses a build config sets and the reviewed set, one sentence each. */
export function compareFuses(actual: unknown, expected: Record<string, boolean>): string[] {
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return ['electron-builder.yml sets no electronFuses: every fuse keeps its insecure default']
  const set = actual as Record<string, unknown>
  const problems: string[] = []
  for (const [name, value] of Object.entries(expected)) {
    if (!(name in set)) problems.push(`fuse ${name} is not set (expected ${String(value)})`)
    else if (set[name] !== value) problems.push(`fuse ${name} is ${JSON.stringify(set[name])}, expected ${String(value)}`)
  }
  for (const name of Object.keys(set)) if (!(name in expected)) problems.push(`fuse ${name} is set but not in the reviewed list security/fuses.json`)
  return problems
}

export function checkFuses(builderConfig = path.join(ROOT, 'electron-builder.yml'), fusesFile = path.join(ROOT, 'security/fuses.json')): string[] {
  const expected = (JSON.parse(readFileSync(fusesFile, 'utf8')) as { fuses: Record<string, boolean> }).fuses
  const config = loadYaml(readFileSync(builderConfig, 'utf8')) as { electronFuses?: unknown } | null
  return compareFuses(config?.electronFuses, expected)
}

export async function scan(options: { allowList?: string } = {}): Promise<ScanReport> {
  const allowFile = options.allowList ?? path.join(ROOT, 'security/electronegativity-allowlist.json')
  const version = electronVersion()
  const stage = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-electronegativity-'))
  try {
    for (const rel of SCANNED) {
      const from = path.join(ROOT, rel)
      if (existsSync(from)) cpSync(from, path.join(stage, rel), { recursive: true })
    }
    const run = loadRunner()
    const result = await run(
      {
        input: stage,
        isRelative: true,
        customScan: [],
        excludeFromScan: [NETWORK_CHECK],
        electronVersionOverride: version,
        parserPlugins: [],
      },
      false,
    )
    const findings: Finding[] = result.issues
      .map((i) => ({
        check: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file.split(path.sep).join('/'),
        line: i.location.line,
        column: i.location.column,
        // CSP samples are kept whole: the allow-list pins the exact reviewed policy.
        sample: GATED_AT_ANY_SEVERITY.test(i.id) ? String(i.sample ?? '').trim() : String(i.sample ?? '').trim().slice(0, 120),
        description: i.description ?? '',
        manualReview: Boolean(i.manualReview),
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check))
    const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => `${path.relative(stage, e.file)}: ${e.message}`)
    return {
      electronVersion: version,
      inputs: SCANNED,
      checks: { atomic: result.atomicChecks, global: result.globalChecks },
      ...evaluate(findings, loadAllowList(allowFile), parseErrors, checkFuses()),
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

function print(report: ScanReport): void {
  const rows = [['Status', 'Severity', 'Confidence', 'Check', 'Location']]
  const status = (f: Finding) => (report.unjustified.includes(f) ? 'FAIL' : isGated(f) ? 'allowed' : 'info')
  for (const f of report.findings) rows.push([status(f), f.severity, f.confidence, f.check, `${f.file}:${f.line}`])
  console.log(`Electronegativity (Electron ${report.electronVersion}; ${report.checks.atomic} atomic + ${report.checks.global} global checks; ${NETWORK_CHECK} excluded)`)
  console.log(report.findings.length ? table(rows) : 'No findings.')
  const bySeverity = report.findings.reduce<Record<string, number>>((acc, f) => ((acc[f.severity] = (acc[f.severity] ?? 0) + 1), acc), {})
  console.log(
    `\n${report.findings.length} finding(s) ${JSON.stringify(bySeverity)}; gated (HIGH/MEDIUM, and CSP at any severity): ${report.gated.length} = ${report.allowed.length} allowed + ${report.unjustified.length} unjustified`,
  )
  for (const f of report.unjustified) {
    console.log(`\nUNJUSTIFIED ${f.severity} ${f.check} at ${f.file}:${f.line}:${f.column}\n  ${f.sample}\n  ${f.description}\n  Fix it, or add a reviewed entry with a reason to security/electronegativity-allowlist.json.`)
  }
  for (const e of report.stale) console.log(`\nSTALE allow-list entry: ${e.check} in ${e.file} matches no finding any more; remove it.`)
  for (const m of report.invalidEntries) console.log(`\nINVALID allow-list entry: ${m}`)
  for (const m of report.parseErrors) console.log(`\nNOT SCANNED (parse error, so unchecked): ${m}`)
  for (const m of report.fuseProblems) console.log(`\nFUSE: ${m}`)
  console.log(report.ok ? '\nElectronegativity gate: PASS' : '\nElectronegativity gate: FAIL')
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const report = await scan({ ...(arg('--allowlist') ? { allowList: path.resolve(arg('--allowlist')!) } : {}) })
  const json = arg('--json')
  if (json) writeFileSync(json, JSON.stringify(report, null, 2))
  if (!argv.includes('--quiet') || !report.ok) print(report)
  return report.ok ? 0 : 1
}

// Run as a script (tsx runs this file as CommonJS); importing it, e.g. from a test, runs nothing.
if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Electronegativity scan failed to run: ${(error as Error)?.stack ?? String(error)}`)
      process.exit(2)
    },
  )
}
