import { z } from 'zod'
import { AssessmentInput } from '../assessment/schema'
import { PlanOutput, PlanRequest } from '../plan/schema'
import { Clearance } from '../clinical/clearance'
import { ReadinessTest } from '../clinical/readiness'
import { boundedText, EntityId, IsoDate } from './common'
import { Run } from './run'
import { Athlete, Group, Settings } from './squad'

/** Bump with a migration in electron/services/store/kinds.ts whenever a stored shape changes. */
export const SQUAD_SCHEMA_VERSION = 1
/**
 * 2: clearances per referral and readiness tests (issue 10); version-1 files get their clearances from the
 * plans' "referral cleared on" date (athlete-migrations.ts).
 */
export const ATHLETE_SCHEMA_VERSION = 2

export const SquadDocument = z.strictObject({
  schemaVersion: z.literal(SQUAD_SCHEMA_VERSION),
  athletes: z.array(Athlete),
  groups: z.array(Group),
  settings: Settings,
})
export type SquadDocument = z.infer<typeof SquadDocument>

export const AssessmentRecord = z.strictObject({
  id: EntityId,
  date: IsoDate,
  input: AssessmentInput,
  note: boundedText('note', 4000),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AssessmentRecord = z.infer<typeof AssessmentRecord>

export const PlanRecord = z.strictObject({
  id: EntityId,
  createdAt: z.string(),
  label: boundedText('label', 120),
  request: PlanRequest,
  output: PlanOutput,
  /** Only one plan is active; older ones stay as history. */
  active: z.boolean(),
  /** Set when the coach hand-edited a session after generation. */
  editedAt: z.string().nullable(),
})
export type PlanRecord = z.infer<typeof PlanRecord>

export const AthleteDocument = z.strictObject({
  schemaVersion: z.literal(ATHLETE_SCHEMA_VERSION),
  athleteId: EntityId,
  /** A copy of the name so a record can be recognised even if the squad index is lost. */
  athleteName: z.string().max(120),
  runs: z.array(Run),
  assessments: z.array(AssessmentRecord),
  plans: z.array(PlanRecord),
  /** Every clearance recorded for a referral, in the order recorded: the history the athlete screens show. */
  clearances: z.array(Clearance),
  /** Readiness tests before the first run after a stop-running referral was cleared (oldest first). */
  readinessTests: z.array(ReadinessTest),
})
export type AthleteDocument = z.infer<typeof AthleteDocument>
