import { z } from 'zod'
import {
  AssessmentRecord,
  ATHLETE_SCHEMA_VERSION,
  AthleteDocument,
  PlanRecord,
  SQUAD_SCHEMA_VERSION,
  SquadDocument,
} from '../../../shared/domain/documents'
import { Clearance } from '../../../shared/clinical/clearance'
import { ReadinessTest } from '../../../shared/clinical/readiness'
import { Run } from '../../../shared/domain/run'
import { DEFAULT_SETTINGS } from '../../../shared/domain/squad'
import { athleteV1toV2 } from './athlete-migrations'
import type { DocumentKind } from './document'

// Ordered, pure migrations live here: migrations[n] upgrades a version-n file to n+1 (the steps themselves
// are in athlete-migrations.ts); assertMigrationsComplete guards every bump.

export const squadKind: DocumentKind<SquadDocument> = {
  label: 'The squad index (squad.json)',
  currentVersion: SQUAD_SCHEMA_VERSION,
  schema: SquadDocument,
  migrations: {},
  create: () => ({ schemaVersion: SQUAD_SCHEMA_VERSION, athletes: [], groups: [], settings: { ...DEFAULT_SETTINGS } }),
}

export function athleteKind(athleteId: string, athleteName: string): DocumentKind<AthleteDocument> {
  return {
    label: `The record of ${athleteName}`,
    currentVersion: ATHLETE_SCHEMA_VERSION,
    schema: AthleteDocument,
    migrations: { 1: athleteV1toV2 },
    validateChange: validateAthleteChange,
    create: () => ({ schemaVersion: ATHLETE_SCHEMA_VERSION, athleteId, athleteName, runs: [], assessments: [], plans: [], clearances: [], readinessTests: [] }),
  }
}

const ENTRY_SCHEMAS = { runs: Run, assessments: AssessmentRecord, plans: PlanRecord, clearances: Clearance, readinessTests: ReadinessTest } as const
type EntryKey = keyof typeof ENTRY_SCHEMAS
const ENTRY_KEYS = Object.keys(ENTRY_SCHEMAS) as EntryKey[]
const NO_ENTRIES: Record<EntryKey, never[]> = { runs: [], assessments: [], plans: [], clearances: [], readinessTests: [] }
/** New or edited entries parsed as they come before old ones that moved are looked up instead (a reorder). */
const MISSES_BEFORE_LOOKUP = 4

/**
 * Saving one run must not re-validate years of unchanged runs: entries that are the very same
 * (frozen) objects as in the previous valid document are trusted; new or changed entries are parsed.
 * The document's own fields are checked with its entry lists left empty, so that check costs the same
 * for ten years of runs as for none.
 */
export function validateAthleteChange(next: AthleteDocument, previous: AthleteDocument): z.ZodSafeParseResult<AthleteDocument> {
  // An entry list that is not a list at all: the whole schema says what is wrong.
  if (!ENTRY_KEYS.every((key) => Array.isArray(next[key]))) return AthleteDocument.safeParse(next)
  const shell = AthleteDocument.safeParse({ ...next, ...NO_ENTRIES })
  if (!shell.success) return shell
  const out: Record<string, unknown> = { ...shell.data }
  for (const key of ENTRY_KEYS) {
    const checked = checkEntries(key, next[key] as readonly unknown[], previous[key])
    if (checked instanceof z.ZodError) return { success: false, error: checked } as z.ZodSafeParseResult<AthleteDocument>
    out[key] = checked
  }
  return { success: true, data: out as unknown as AthleteDocument }
}

/**
 * One entry list: a save adds, edits or removes an entry or two, so the unchanged entries are found by
 * walking the previous list alongside (no set of thousands of entries built per save).
 */
function checkEntries(key: EntryKey, items: readonly unknown[], before: readonly unknown[]): unknown[] | z.ZodError {
  const parsedItems: unknown[] = new Array(items.length)
  let j = 0
  let misses = 0
  let indexOf: Map<unknown, number> | null = null
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    // Past the previous list's end before[j] is undefined: only an object can be an unchanged entry.
    const known = typeof item === 'object' && item !== null
    if (known && (item === before[j] || item === before[j + 1])) {
      // Unchanged (after one removed entry, the second case).
      j += item === before[j] ? 1 : 2
      parsedItems[i] = item
      continue
    }
    if (++misses > MISSES_BEFORE_LOOKUP) {
      indexOf ??= new Map(before.map((entry, k) => [entry, k]))
      const k = known ? indexOf.get(item) : undefined
      if (k !== undefined) {
        j = k + 1
        parsedItems[i] = item
        continue
      }
    }
    const parsed = ENTRY_SCHEMAS[key].safeParse(item)
    if (!parsed.success) return new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: [key, i, ...issue.path] })))
    parsedItems[i] = parsed.data
  }
  return parsedItems
}
