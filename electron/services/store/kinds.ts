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

const AthleteDocumentShell = AthleteDocument.extend({
  runs: z.array(z.unknown()),
  assessments: z.array(z.unknown()),
  plans: z.array(z.unknown()),
  clearances: z.array(z.unknown()),
  readinessTests: z.array(z.unknown()),
})
const ENTRY_SCHEMAS = { runs: Run, assessments: AssessmentRecord, plans: PlanRecord, clearances: Clearance, readinessTests: ReadinessTest } as const

/**
 * Saving one run must not re-validate years of unchanged runs: entries that are the very same
 * (frozen) objects as in the previous valid document are trusted; new or changed entries are parsed.
 */
export function validateAthleteChange(next: AthleteDocument, previous: AthleteDocument): z.ZodSafeParseResult<AthleteDocument> {
  const shell = AthleteDocumentShell.safeParse(next)
  if (!shell.success) return shell as unknown as z.ZodSafeParseResult<AthleteDocument>
  const out: Record<string, unknown> = { ...shell.data }
  for (const key of Object.keys(ENTRY_SCHEMAS) as (keyof typeof ENTRY_SCHEMAS)[]) {
    const known = new Set<unknown>(previous[key])
    const items = next[key] as unknown[]
    const parsedItems: unknown[] = new Array(items.length)
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (known.has(item)) {
        parsedItems[i] = item
        continue
      }
      const parsed = ENTRY_SCHEMAS[key].safeParse(item)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [key, i, ...issue.path] }))
        return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<AthleteDocument>
      }
      parsedItems[i] = parsed.data
    }
    out[key] = parsedItems
  }
  return { success: true, data: out as unknown as AthleteDocument }
}
