/**
 * Hostile-input fuzzing of every IPC channel, through the same handler table and dispatcher main
 * registers on ipcMain (createHandlers + createDispatcher) over a real temp data folder.
 *
 * Channels come from `apiMethods`, so channels added later are fuzzed without touching this file:
 * methods with an entry in VALID below also get mutations of a valid payload; the rest get generic junk.
 *
 * For every payload: the dispatcher never throws and never hangs; the answer is `{ ok: true }` or a
 * known error code with a short, human-readable message; input the contract rejects is answered
 * 'invalid-input'; nothing is ever 'internal'; a rejected call leaves the data folder byte-identical;
 * and Object.prototype (and friends) are never polluted.
 *
 *   FUZZ_RUNS=100000 npx vitest run tests/unit/fuzz     (default 10,000 payloads; FUZZ_SEED to replay)
 */
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { squadChannels } from '../../../shared/api/channels/squad'
import { type ApiMethod, apiMethods, contract } from '../../../shared/api/contract'
import { API_ERROR_CODES, type ApiResult } from '../../../shared/api/result'
import { AppServices } from '../../../electron/services/app-services'
import { createDispatcher, type Dispatch, methodForChannel } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/handlers'
import { draft, tempDir } from '../../support/temp'
import { diff, snapshot } from './folder-snapshot'
import { junkArb, mutate, mutationArb, POLLUTION_KEYS } from './hostile-payloads'
import { seed, VALID } from './valid-examples'

const RUNS = Math.max(apiMethods.length, Number(process.env['FUZZ_RUNS'] ?? 10_000) || 10_000)
const SEED = Number(process.env['FUZZ_SEED'] ?? process.env['CALFCOACH_TEST_SEED'] ?? Date.now() % 2 ** 31)
const PER_METHOD = Math.ceil(RUNS / apiMethods.length)
const CALL_TIMEOUT_MS = 10_000

// ---------------------------------------------------------------------------------------------
// The app under test
// ---------------------------------------------------------------------------------------------

let dataDir: string
let services: AppServices
let dispatch: Dispatch
const loggedErrors: string[] = []
const openedUrls: string[] = []


/** Dialog answers are always "cancelled", the PDF port returns a tiny PDF: nothing can block. */
async function openFuzzServices(dir: string): Promise<AppServices> {
  return AppServices.open({
    dataDir: dir,
    dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
    shell: { openExternal: async (url) => void openedUrls.push(url) },
    pdf: { renderRoute: async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
  })
}

async function must<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(`seeding failed: ${r.error.code} ${r.error.message}`)
  return r.value
}

const has = (m: string) => (apiMethods as string[]).includes(m)
const call = (m: string, payload: unknown) => dispatch(m as ApiMethod, payload)

beforeAll(async () => {
  dataDir = tempDir('calfcoach-fuzz-')
  services = await openFuzzServices(dataDir)
  dispatch = createDispatcher(createHandlers(services), {
    readOnlyReason: () => services.db.readOnlyReason,
    logError: (error, method) => loggedErrors.push(`${method}: ${String(error)}`),
  })
  await must(call('createGroup', { name: 'Hill reps' }))
  seed.group = ((await must(call('createGroup', { name: 'Tempo' }))) as { id: string }).id
  seed.spareGroup = ((await must(call('createGroup', { name: 'Spare' }))) as { id: string }).id
  seed.ada = ((await must(call('createAthlete', draft('Ada Fuzz', { groupIds: [seed.group] })))) as { id: string }).id
  seed.bea = ((await must(call('createAthlete', draft('Bea Fuzz')))) as { id: string }).id
  seed.sam = ((await must(call('createAthlete', draft('Sacrificial Sam')))) as { id: string }).id
  if (has('addRun')) {
    seed.runId = ((await must(call('addRun', { athleteId: seed.ada, run: { date: '2025-03-01', distanceKm: 8, painDuring: 2 } }))) as { id: string }).id
  }
  // Channels other engineers own: seeded best-effort, so a change there never breaks this file's setup.
  const tryId = async (m: string, payload: unknown) => {
    if (!has(m)) return ''
    const r = await call(m, payload)
    return r.ok ? String((r.value as { id?: unknown }).id ?? '') : ''
  }
  seed.assessmentId = await tryId('saveAssessment', VALID['saveAssessment']!())
  seed.planId = await tryId('savePlan', VALID['savePlan']!())
  seed.backupId = ((await must(call('backupNow', undefined))) as { id: string }).id
})

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The squad channels' examples are this file's own and must stay valid; the rest are best-effort. */
const CORE_METHODS = Object.keys(squadChannels)
function exampleIsValid(method: string): boolean {
  const example = VALID[method]
  return Boolean(example) && has(method) && contract[method as ApiMethod].input.safeParse(example!()).success
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

type Kind = 'junk' | 'mutated' | 'valid'
function payloadArb(method: string): fc.Arbitrary<{ kind: Kind; payload: unknown }> {
  const junk = junkArb.map((payload) => ({ kind: 'junk' as Kind, payload }))
  const example = VALID[method]
  if (!example) return junk
  return fc.oneof(
    { weight: 10, arbitrary: junk },
    { weight: 9, arbitrary: mutationArb.map((m) => ({ kind: 'mutated' as Kind, payload: mutate(example(), m) })) },
    { weight: 1, arbitrary: fc.constant(null).map(() => ({ kind: 'valid' as Kind, payload: example() })) },
  )
}

/**
 * After an accepted call: background writes (the summary cache) are flushed so they never blur the
 * next check, and backups beyond the newest few are pruned so snapshots stay small and fast. The
 * valid restoreBackup example then points at the newest backup.
 */
const KEEP_BACKUPS = 2
async function settle(): Promise<void> {
  await services.db.flush()
  const cache = (services.db as unknown as { summaryCache?: { writeNow?(): Promise<void> } }).summaryCache
  await cache?.writeNow?.()
  const root = path.join(dataDir, 'backups')
  const ids = existsSync(root) ? readdirSync(root).sort() : []
  for (const id of ids.slice(0, Math.max(0, ids.length - KEEP_BACKUPS))) rmSync(path.join(root, id), { recursive: true, force: true })
  const newest = ids.at(-1)
  if (newest) seed.backupId = newest
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const PROTOTYPES: [string, object][] = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
  ['Number', Number.prototype],
  ['Promise', Promise.prototype],
]
const protoShape = () => PROTOTYPES.map(([n, p]) => `${n}:${Reflect.ownKeys(p).map(String).sort().join(',')}`).join('|')
const initialProtoShape = protoShape()

function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))
    if (text === undefined) return String(payload)
    return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text
  } catch (error) {
    return `<${(error as Error).message}>`
  }
}

function inputAccepted(method: ApiMethod, payload: unknown): boolean | 'threw' {
  try {
    return contract[method].input.safeParse(payload).success
  } catch {
    return 'threw'
  }
}

const stats = { total: 0, accepted: 0, rejected: 0, byKind: { junk: 0, mutated: 0, valid: 0 } as Record<Kind, number>, byCode: {} as Record<string, number> }
const perMethod = new Map<string, { total: number; ok: number }>()
let fuzzMs = 0
const timing = { dispatch: 0, snapshot: 0, settle: 0 }

async function checkOne(method: ApiMethod, kind: Kind, payload: unknown, before: Map<string, string>): Promise<{ problems: string[]; after: Map<string, string> }> {
  const problems: string[] = []
  const expected = inputAccepted(method, payload)
  let result: ApiResult<unknown> | undefined
  const t0 = performance.now()
  try {
    result = await Promise.race([
      dispatch(method, payload),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS).unref()),
    ])
  } catch (error) {
    problems.push(`dispatch threw: ${(error as Error)?.message ?? String(error)}`)
  }
  const t1 = performance.now()
  timing.dispatch += t1 - t0
  stats.total++
  stats.byKind[kind]++
  const m = perMethod.get(method) ?? { total: 0, ok: 0 }
  m.total++
  perMethod.set(method, m)
  if (result) {
    if (result.ok) {
      stats.accepted++
      m.ok++
      if (expected === false) problems.push('accepted a payload the contract rejects')
    } else {
      stats.rejected++
      const { code, message, issues } = result.error ?? {}
      stats.byCode[String(code)] = (stats.byCode[String(code)] ?? 0) + 1
      if (!(API_ERROR_CODES as readonly string[]).includes(String(code))) problems.push(`unknown error code ${String(code)}`)
      if (code === 'internal') problems.push(`internal error for fuzz input: ${message}`)
      if (expected !== true && code !== 'invalid-input') problems.push(`contract rejects this payload but the answer was ${String(code)}`)
      if (typeof message !== 'string' || message.trim().length < 5) problems.push(`empty or missing message: ${JSON.stringify(message)}`)
      else {
        if (message.length > 5_000) problems.push(`message is ${message.length} characters long`)
        if (/\n\s+at\s/.test(message) || message.includes('[object Object]')) problems.push(`message is not human-readable: ${message.slice(0, 200)}`)
      }
      if (issues !== undefined && (!Array.isArray(issues) || issues.some((i) => typeof i.path !== 'string' || typeof i.message !== 'string' || !i.message))) {
        problems.push('malformed issues list')
      }
    }
  }
  if (!result?.ok) {
    const after = snapshot(dataDir)
    timing.snapshot += performance.now() - t1
    const changes = diff(before, after)
    if (changes.length) problems.push(`rejected call changed the data folder: ${changes.slice(0, 5).join(', ')}`)
    return { problems, after }
  }
  await settle()
  const t2 = performance.now()
  timing.settle += t2 - t1
  const after = snapshot(dataDir)
  timing.snapshot += performance.now() - t2
  return { problems, after }
}

function pollutionProblems(): string[] {
  const out: string[] = []
  const probe = {} as Record<string, unknown>
  if (probe['polluted'] !== undefined || ([] as unknown as Record<string, unknown>)['polluted'] !== undefined) out.push('a "polluted" property appeared on every object')
  if (protoShape() !== initialProtoShape) out.push('built-in prototypes gained or lost properties')
  if (typeof probe['toString'] !== 'function' || typeof probe['valueOf'] !== 'function') out.push('Object.prototype.toString/valueOf were replaced')
  return out
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('IPC fuzzing through the real dispatcher and handler table', () => {
  const failures: string[] = []
  let current: Map<string, string>

  it.each(apiMethods.map((m) => [m]))('%s survives hostile payloads', async (method) => {
    const started = performance.now()
    const errorsBefore = loggedErrors.length
    current ??= snapshot(dataDir)
    const own: string[] = []
    await fc.assert(
      fc.asyncProperty(payloadArb(method), async ({ kind, payload }) => {
        const { problems, after } = await checkOne(method, kind, payload, current)
        current = after
        problems.push(...pollutionProblems())
        if (problems.length) own.push(`${method} [${kind}] ${describePayload(payload)} → ${problems.join('; ')}`)
        return true
      }),
      { numRuns: PER_METHOD, seed: SEED + apiMethods.indexOf(method), endOnFailure: true },
    )
    fuzzMs += performance.now() - started
    failures.push(...own)
    expect(own.slice(0, 15), `${own.length} problem(s) for ${method} (seed ${SEED})`).toEqual([])
    expect(loggedErrors.slice(errorsBefore)).toEqual([])
  })

  it(`fuzzed at least ${RUNS.toLocaleString('en')} payloads across all ${apiMethods.length} channels, valid ones included`, () => {
    const summary = [...perMethod].map(([m, s]) => `${m}=${s.total}/${s.ok}ok`).join(' ')
    console.log(
      `[fuzz] payloads=${stats.total} accepted=${stats.accepted} rejected=${stats.rejected} ` +
        `kinds=${JSON.stringify(stats.byKind)} codes=${JSON.stringify(stats.byCode)} seed=${SEED} time=${(fuzzMs / 1000).toFixed(1)}s ` +
        `(dispatch ${(timing.dispatch / 1000).toFixed(1)}s, snapshots ${(timing.snapshot / 1000).toFixed(1)}s, flush ${(timing.settle / 1000).toFixed(1)}s)\n[fuzz] per channel (total/ok): ${summary}`,
    )
    expect(stats.total).toBeGreaterThanOrEqual(RUNS)
    expect([...perMethod.keys()].sort()).toEqual([...apiMethods].sort())
    // Valid payloads must really reach the handlers, or the fuzzer only ever tests the schema layer.
    expect(CORE_METHODS.filter((m) => !exampleIsValid(m)), 'squad-channel examples the contract no longer accepts').toEqual([])
    const stale = apiMethods.filter((m) => VALID[m] && !exampleIsValid(m))
    if (stale.length) console.warn(`[fuzz] valid examples the contract rejects (update VALID in this file): ${stale.join(', ')}`)
    const usable = apiMethods.filter((m) => exampleIsValid(m))
    const reached = usable.filter((m) => (perMethod.get(m)?.ok ?? 0) > 0)
    expect(reached.length, `valid examples reached only ${reached.join(', ')}`).toBeGreaterThanOrEqual(Math.floor(usable.length * 0.7))
    expect(failures).toEqual([])
    expect(pollutionProblems()).toEqual([])
  })

  it('hostile channel names never reach a handler', () => {
    for (const name of [...POLLUTION_KEYS, 'toString', 'hasOwnProperty', '', 'calfcoach:', 'calfcoach:squad:get ', 'CALFCOACH:SQUAD:GET']) {
      expect(methodForChannel(name)).toBeUndefined()
    }
    expect(methodForChannel(contract.getSquad.channel)).toBe('getSquad')
  })
})

describe('found by this fuzzer', () => {
  // Regression: the pre-restore safety backup's rotation could delete the backup being restored, and the
  // restore then removed every live athlete file. restoreBackup now reads the backup before rotating.
  it('restoring the oldest backup when rotation is due keeps every athlete file', async () => {
    const dir = tempDir('calfcoach-fuzz-restore-')
    try {
      const app = await openFuzzServices(dir)
      const d = createDispatcher(createHandlers(app), { readOnlyReason: () => app.db.readOnlyReason })
      const ada = (await must(d('createAthlete', draft('Ada Oldest')))) as { id: string }
      const oldest = (await must(d('backupNow', undefined))) as { id: string }
      for (let i = 0; i < 29; i++) await must(d('backupNow', undefined)) // 30 kept: the next one rotates the oldest out
      const answer = await d('restoreBackup', { id: oldest.id })
      expect(readdirSync(path.join(dir, 'athletes'))).toContain(`${ada.id}.json`)
      if (answer.ok) expect(app.db.squad.data.athletes.map((a) => a.id)).toEqual([ada.id])
      else expect(answer.error.code).not.toBe('internal')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
