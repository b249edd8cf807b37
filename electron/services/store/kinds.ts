import {
  ATHLETE_SCHEMA_VERSION,
  AthleteDocument,
  SQUAD_SCHEMA_VERSION,
  SquadDocument,
} from '../../../shared/domain/documents'
import { DEFAULT_SETTINGS } from '../../../shared/domain/squad'
import type { DocumentKind } from './document'

// Ordered, pure migrations live here: migrations[n] upgrades a version-n file to n+1. Version 1 is the
// first released shape, so the registries start empty; assertMigrationsComplete guards every bump.

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
    migrations: {},
    create: () => ({ schemaVersion: ATHLETE_SCHEMA_VERSION, athleteId, athleteName, runs: [], assessments: [], plans: [] }),
  }
}
