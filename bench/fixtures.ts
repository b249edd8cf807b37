import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

/** One generated athlete: the index entry and their own record. */
function benchAthlete(i: number, days: number, endIso: string, idWidth: number): { entry: Athlete; doc: AthleteDocument } {
  const id = `ath-bench-${String(i).padStart(idWidth, '0')}`
  const entry: Athlete = {
    id,
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
  const doc: AthleteDocument = { schemaVersion: ATHLETE_SCHEMA_VERSION, athleteId: id, athleteName: entry.name, runs: dailyRuns(i, days, endIso), assessments: [], plans: [], clearances: [], readinessTests: [] }
  return { entry, doc }
}

/** A 200-athlete, 3-year daily-run squad written straight to disk in the app's layout. */
export function writeBenchSquad(endIso = '2026-11-22', athletes = BENCH_ATHLETES, days = BENCH_DAYS) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-'))
  mkdirSync(path.join(dataDir, 'athletes'), { recursive: true })
  const squad: SquadDocument = { schemaVersion: SQUAD_SCHEMA_VERSION, athletes: [], groups: [], settings: { ...DEFAULT_SETTINGS } }
  const docs: AthleteDocument[] = []
  for (let i = 0; i < athletes; i++) {
    const { entry, doc } = benchAthlete(i, days, endIso, 3)
    squad.athletes.push(entry)
    docs.push(doc)
    writeFileSync(path.join(dataDir, 'athletes', `${entry.id}.json`), JSON.stringify(doc, null, 1))
  }
  writeFileSync(path.join(dataDir, 'squad.json'), JSON.stringify(squad, null, 1))
  return { dataDir, squad, docs }
}

/**
 * A working copy of a generated squad (athletes × years of daily runs). The squad is generated once into
 * .tmp/bench-fixtures/ and reused (1000 × 10 years takes minutes to write); each run gets a hard-linked copy,
 * which the store never changes in place because every write is a new file renamed over the old one.
 */
export function cachedBenchSquad(endIso: string, athletes: number, years: number): { dataDir: string; squad: SquadDocument; dispose(): void } {
  const fixture = path.resolve('.tmp', 'bench-fixtures', `${athletes}x${years}-${endIso}`)
  if (!existsSync(path.join(fixture, '.complete'))) {
    rmSync(fixture, { recursive: true, force: true })
    mkdirSync(path.join(fixture, 'athletes'), { recursive: true })
    process.stderr.write(`  generating ${athletes} athletes × ${years} years of daily runs into ${fixture}…\n`)
    const squad: SquadDocument = { schemaVersion: SQUAD_SCHEMA_VERSION, athletes: [], groups: [], settings: { ...DEFAULT_SETTINGS } }
    for (let i = 0; i < athletes; i++) {
      const { entry, doc } = benchAthlete(i, years * 365 + 1, endIso, 4)
      squad.athletes.push(entry)
      writeFileSync(path.join(fixture, 'athletes', `${entry.id}.json`), JSON.stringify(doc, null, 1))
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
