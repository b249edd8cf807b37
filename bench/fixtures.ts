import { execFileSync } from 'node:child_process'
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addDays } from '../shared/dates'
import { ATHLETE_SCHEMA_VERSION, SQUAD_SCHEMA_VERSION, type AthleteDocument, type SquadDocument } from '../shared/domain/documents'
import type { Run } from '../shared/domain/run'
import { type Athlete, DEFAULT_SETTINGS } from '../shared/domain/squad'
import { seededRandom } from '../shared/demo/random'

export const BENCH_ATHLETES = 200
export const BENCH_DAYS = 3 * 365 + 1

export function dailyRuns(athleteIndex: number, days: number, endIso: string): Run[] {
  const random = seededRandom(athleteIndex + 1)
  const runs: Run[] = []
  for (let d = 0; d < days; d++) {
    const km = Math.round((4 + random() * 12) * 10) / 10
    const pain = Math.round(random() * 6)
    runs.push({
      id: `run-${athleteIndex.toString(36)}-${d.toString(36).padStart(4, '0')}`,
      date: addDays(endIso, d - days + 1),
      distanceKm: km,
      durationSec: Math.round(km * 330),
      painDuring: pain,
      painAfter: Math.max(0, pain - 1),
      painNextMorning: Math.max(0, pain - 2),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
  }
  return runs
}

function benchId(i: number, idWidth: number): string {
  return `ath-bench-${String(i).padStart(idWidth, '0')}`
}

/** One generated athlete's squad entry (cheap: a bigger fixture lists every athlete, even those it reuses). */
function benchEntry(i: number, idWidth: number): Athlete {
  return {
    id: benchId(i, idWidth),
    name: `Bench Athlete ${i}`,
    sex: i % 2 ? 'male' : 'female',
    dateOfBirth: '1985-06-01',
    email: '',
    phone: '',
    groupIds: [],
    notes: '',
    trainingStatus: 'running',
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

/** One generated athlete's own record: athlete i's runs depend only on i, the days and the end date. */
function benchDoc(entry: Athlete, i: number, days: number, endIso: string): AthleteDocument {
  return { schemaVersion: ATHLETE_SCHEMA_VERSION, athleteId: entry.id, athleteName: entry.name, runs: dailyRuns(i, days, endIso), assessments: [], plans: [], clearances: [], readinessTests: [] }
}

/** A 200-athlete, 3-year daily-run squad written straight to disk in the app's layout. */
export function writeBenchSquad(endIso = '2026-11-22', athletes = BENCH_ATHLETES, days = BENCH_DAYS) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-'))
  mkdirSync(path.join(dataDir, 'athletes'), { recursive: true })
  const squad: SquadDocument = { schemaVersion: SQUAD_SCHEMA_VERSION, athletes: [], groups: [], settings: { ...DEFAULT_SETTINGS } }
  const docs: AthleteDocument[] = []
  for (let i = 0; i < athletes; i++) {
    const entry = benchEntry(i, 3)
    const doc = benchDoc(entry, i, days, endIso)
    squad.athletes.push(entry)
    docs.push(doc)
    writeFileSync(path.join(dataDir, 'athletes', `${entry.id}.json`), JSON.stringify(doc, null, 1))
  }
  writeFileSync(path.join(dataDir, 'squad.json'), JSON.stringify(squad, null, 1))
  return { dataDir, squad, docs }
}

/** The biggest complete fixture of the same years and end date with fewer athletes: its files are ours too. */
function smallerFixture(root: string, endIso: string, athletes: number, years: number): { dir: string; athletes: number } | null {
  let best: { dir: string; athletes: number } | null = null
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    const m = /^(\d+)x(\d+)-(.+)$/.exec(name)
    if (!m || Number(m[2]) !== years || m[3] !== endIso || !existsSync(path.join(root, name, '.complete'))) continue
    const n = Number(m[1])
    if (n < athletes && n > (best?.athletes ?? 0)) best = { dir: path.join(root, name), athletes: n }
  }
  return best
}

/**
 * A working copy of a generated squad (athletes × years of daily runs). The squad is generated once into
 * .tmp/bench-fixtures/ and reused (1000 × 10 years takes minutes to write); each run gets a hard-linked copy,
 * which the store never changes in place because every write is a new file renamed over the old one.
 * A bigger squad hard-links the athletes a smaller complete fixture already holds (athlete i is the same
 * in both) and generates only the rest: 2000 × 10 costs what 1000 × 10 did.
 */
export function cachedBenchSquad(endIso: string, athletes: number, years: number): { dataDir: string; squad: SquadDocument; dispose(): void } {
  const root = path.resolve('.tmp', 'bench-fixtures')
  const fixture = path.join(root, `${athletes}x${years}-${endIso}`)
  if (!existsSync(path.join(fixture, '.complete'))) {
    rmSync(fixture, { recursive: true, force: true })
    mkdirSync(path.join(fixture, 'athletes'), { recursive: true })
    const reused = smallerFixture(root, endIso, athletes, years)
    process.stderr.write(`  generating ${athletes} athletes × ${years} years of daily runs into ${fixture}${reused ? ` (first ${reused.athletes} linked from ${reused.dir})` : ''}…\n`)
    const squad: SquadDocument = { schemaVersion: SQUAD_SCHEMA_VERSION, athletes: [], groups: [], settings: { ...DEFAULT_SETTINGS } }
    for (let i = 0; i < athletes; i++) {
      const entry = benchEntry(i, 4)
      squad.athletes.push(entry)
      const file = path.join(fixture, 'athletes', `${entry.id}.json`)
      if (reused && i < reused.athletes) linkSync(path.join(reused.dir, 'athletes', `${entry.id}.json`), file)
      else writeFileSync(file, JSON.stringify(benchDoc(entry, i, years * 365 + 1, endIso), null, 1))
    }
    writeFileSync(path.join(fixture, 'squad.json'), JSON.stringify(squad, null, 1))
    writeFileSync(path.join(fixture, '.complete'), '')
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-'))
  execFileSync('cp', ['-al', `${fixture}/.`, dataDir])
  rmSync(path.join(dataDir, '.complete'))
  const squad = JSON.parse(readFileSync(path.join(dataDir, 'squad.json'), 'utf8')) as SquadDocument
  return { dataDir, squad, dispose: () => rmSync(dataDir, { recursive: true, force: true }) }
}
