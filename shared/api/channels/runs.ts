import { z } from 'zod'
import { EntityId, IsoDate, PainScore } from '../../domain/common'
import { AssessmentRecord, PlanRecord } from '../../domain/documents'
import { latestRunDate, MIN_RUN_KM, RUN_DATE_TOO_LATE, RUN_TOO_SHORT, safeText } from '../../domain/input-guards'
import { Run, RunEntry, RunInput } from '../../domain/run'
import { Clearance } from '../../clinical/clearance'
import { defineChannel } from '../define'
import { ImportProgressId, ImportRowDetails, ImportRowOrigin, ImportRowsNotShown, ImportRowsNotShownChoice, ImportRowStatus } from './run-import'

// Run and pain log, run import, and the squad triage board (issue 4). Channel names are frozen.

/** One athlete's whole record: what the log, charts, assessments and plan screens read. */
export const AthleteRecord = z.strictObject({
  athleteId: EntityId,
  runs: z.array(Run),
  assessments: z.array(AssessmentRecord),
  plans: z.array(PlanRecord),
  /** Every referral clearance recorded, in the order recorded (listClearances gives them newest first). */
  clearances: z.array(Clearance),
  /** True when the record must not be changed (written by a newer CalfCoach, or damaged and not movable). */
  locked: z.boolean(),
  lockedReason: z.string().nullable(),
})
export type AthleteRecord = z.infer<typeof AthleteRecord>

/** One athlete's run in a group session: the date is shared, everything else is per athlete. */
export const GroupSessionEntry = z.strictObject({
  athleteId: EntityId,
  distanceKm: RunInput.shape.distanceKm.min(MIN_RUN_KM, RUN_TOO_SHORT),
  durationSec: RunInput.shape.durationSec,
  painDuring: PainScore.nullable().optional(),
  painAfter: PainScore.nullable().optional(),
  painNextMorning: PainScore.nullable().optional(),
  notes: RunInput.shape.notes.unwrap().superRefine(safeText(true)).optional(),
})
export type GroupSessionEntry = z.infer<typeof GroupSessionEntry>

const ImportToken = z.string().regex(/^[0-9a-f-]{36}$/, 'not an import token')

const HeaderName = z.string().max(200)

/** Column mapping for a generic CSV (mirrors CsvMapping in electron/services/import/types.ts). */
export const CsvMappingInput = z.strictObject({
  date: HeaderName.min(1, 'choose the date column'),
  distance: HeaderName.min(1, 'choose the distance column'),
  distanceUnit: z.enum(['km', 'mi', 'm']),
  dateFormat: z.enum(['auto', 'ymd', 'dmy', 'mdy']).optional(),
  duration: HeaderName.optional(),
  durationFormat: z.enum(['hms', 'seconds', 'minutes']).optional(),
  painDuring: HeaderName.optional(),
  painAfter: HeaderName.optional(),
  painNextMorning: HeaderName.optional(),
  painOnsetDistance: HeaderName.optional(),
  painOnsetMinutes: HeaderName.optional(),
  performancePercent: HeaderName.optional(),
  surface: HeaderName.optional(),
  shoes: HeaderName.optional(),
  notes: HeaderName.optional(),
  id: HeaderName.optional(),
})
export type CsvMappingInput = z.infer<typeof CsvMappingInput>

export const ImportPreviewRow = z.strictObject({
  rowNumber: z.number().int(),
  run: RunInput.nullable(),
  problems: z.array(z.string()),
  /** A stored run has the same source key: importing it again would add nothing. */
  duplicate: z.boolean(),
  /** A stored run without that key (e.g. typed by hand) has the same date and a distance within 5 %. */
  similarToExisting: z.boolean(),
  /** Possible but unlikely values (pace, date, distance, duration); such rows start unticked. */
  flags: z.array(z.string()),
  details: ImportRowDetails.nullable(),
  /** The file the row came from and its number there (several files at once, or a Strava export); null for one plain file. */
  origin: ImportRowOrigin.nullable(),
  status: ImportRowStatus,
  /** Whether the row starts ticked: only ready rows do. */
  preselected: z.boolean(),
})
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>

export const ImportPreviewResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({
    status: z.literal('ready'),
    /** Opaque handle for the chosen file, kept in main; the renderer never sees or sends a path. */
    token: ImportToken,
    fileName: z.string(),
    /** 'mixed': several files of more than one kind. */
    format: z.enum(['fit', 'gpx', 'strava-csv', 'csv', 'tcx', 'mixed']),
    rows: z.array(ImportPreviewRow),
    fileProblems: z.array(z.string()),
    warnings: z.array(z.string()),
    /** Generic CSV: the header row, for the column-mapping step. */
    csvHeaders: z.array(z.string()).nullable(),
    /** True when the file is a CSV that needs a column mapping before anything can be previewed. */
    needsMapping: z.boolean(),
    /** Rows beyond the ones sent (see IMPORT_PREVIEW_ROWS); counts cover every row. */
    notShown: ImportRowsNotShown,
    counts: z.strictObject({
      rows: z.number().int(),
      importable: z.number().int(),
      duplicates: z.number().int(),
      similar: z.number().int(),
      skipped: z.number().int(),
    }),
  }),
])
export type ImportPreviewResult = z.infer<typeof ImportPreviewResult>
export type ReadyImportPreview = Extract<ImportPreviewResult, { status: 'ready' }>

export const TriageReason = z.strictObject({
  id: z.string(),
  text: z.string(),
  level: z.enum(['red', 'amber', 'green', 'info']),
  date: z.string().optional(),
})

export const SquadTriageEntry = z.strictObject({
  athleteId: EntityId,
  name: z.string(),
  groupIds: z.array(EntityId),
  level: z.enum(['red', 'amber', 'green']),
  reasons: z.array(TriageReason),
  /** Triage of the latest assessment from the rules engine, or null without an assessment. */
  assessmentTriage: z.enum(['red', 'amber', 'green']).nullable(),
  latestAssessmentDate: IsoDate.nullable(),
  lastRunDate: IsoDate.nullable(),
  /** Last 12 weeks, oldest first, in km. */
  sparkline: z.array(z.strictObject({ weekStart: IsoDate, km: z.number(), maxPain: z.number().nullable() })),
  locked: z.boolean(),
  // ---- issue 10: read from the athlete's one clinical state (clinicalStateFor) ----
  /** The status line, e.g. "Red: see a clinician today, no running" (shared/domain/clinical-headline.ts). */
  headline: z.string(),
  /** The most serious reason in one sentence; null when there is nothing to say. */
  topReason: z.string().nullable(),
  runningAllowance: z.enum(['none', 'hold', 'progress']),
  /** An open referral needs a clinician today (emergency or same day). */
  seeClinicianToday: z.boolean(),
  openReferrals: z.number().int(),
  /** Distance logged this week (the coach's first day of the week to today), in km. */
  weekKm: z.number(),
  /** The highest pain score (during, after or next morning) logged this week; null when none was logged. */
  weekMaxPain: z.number().nullable(),
})
export type SquadTriageEntry = z.infer<typeof SquadTriageEntry>

/**
 * The part of a board entry that depends only on the athlete's summary, the day and the week start (not on
 * the squad index's name, groups or a lock), with the board's attention rank: worked out once per summary and
 * day and kept with the summary in the summary cache (electron/services/runs/board-facts.ts).
 */
export const BoardFacts = SquadTriageEntry.omit({ athleteId: true, name: true, groupIds: true, locked: true, topReason: true }).extend({
  /** Smaller needs attention sooner (colour, then clinician today, then more red/amber/info reasons). */
  attention: z.number().int(),
})
export type BoardFacts = z.infer<typeof BoardFacts>

export const SquadTriage = z.strictObject({
  today: IsoDate,
  /** Active (not archived) athletes, the ones needing attention first. */
  athletes: z.array(SquadTriageEntry),
})
export type SquadTriage = z.infer<typeof SquadTriage>

/**
 * One athlete on the board in fewer bytes (issue 15): a SquadTriageEntry without what the renderer can rebuild
 * exactly, the sparkline's week starts (the same for every athlete, sent once as the answer's `weeks`) and
 * topReason (the first reason's text). shared/api/squad-board.ts turns one into the other.
 */
export const SquadBoardEntry = SquadTriageEntry.omit({ sparkline: true, topReason: true }).extend({
  /** The sparkline's distance per week in km, in the order of the answer's weeks. */
  sparkKm: z.array(z.number()),
  /** The sparkline's highest pain per week (null when none was logged), same order. */
  sparkPain: z.array(z.number().nullable()),
  /** Only for an athlete whose sparkline weeks differ from the answer's: their own week starts. */
  sparkWeeks: z.array(IsoDate).optional(),
})
export type SquadBoardEntry = z.infer<typeof SquadBoardEntry>

/** getSquadTriage's answer in about two thirds of the bytes, for the board and the squad list to draw from. */
export const SquadBoard = z.strictObject({
  today: IsoDate,
  /** The sparkline's week starts, oldest first, for every athlete (unless an entry has sparkWeeks). */
  weeks: z.array(IsoDate),
  athletes: z.array(SquadBoardEntry),
})
export type SquadBoard = z.infer<typeof SquadBoard>

const AthleteRef = z.strictObject({ athleteId: EntityId })

export const runChannels = {
  getAthleteRecord: defineChannel('calfcoach:athlete:record', AthleteRef, AthleteRecord, { writes: false }),
  addRun: defineChannel('calfcoach:runs:add', z.strictObject({ athleteId: EntityId, run: RunEntry }), Run, { writes: true }),
  updateRun: defineChannel('calfcoach:runs:update', z.strictObject({ athleteId: EntityId, runId: EntityId, run: RunEntry }), Run, {
    writes: true,
  }),
  deleteRun: defineChannel(
    'calfcoach:runs:delete',
    z.strictObject({ athleteId: EntityId, runId: EntityId }),
    z.strictObject({ deletedId: z.string() }),
    { writes: true },
  ),
  addRunsForGroup: defineChannel(
    'calfcoach:runs:add-group',
    z.strictObject({
      date: IsoDate.refine((d) => d <= latestRunDate(), RUN_DATE_TOO_LATE),
      entries: z.array(GroupSessionEntry).min(1, 'log at least one athlete').max(200, 'at most 200 athletes at a time'),
    }),
    z.strictObject({ added: z.array(z.strictObject({ athleteId: z.string(), runId: z.string() })) }),
    { writes: true },
  ),
  previewRunImport: defineChannel(
    'calfcoach:runs:import-preview',
    z.strictObject({
      athleteId: EntityId,
      /** Re-parse the file chosen earlier (e.g. with a CSV mapping) instead of asking for a new one. */
      token: ImportToken.optional(),
      csvMapping: CsvMappingInput.optional(),
      /** Lets the renderer poll getRunImportProgress and call cancelRunImport while the file is read. */
      progressId: ImportProgressId.optional(),
    }),
    ImportPreviewResult,
    { writes: false },
  ),
  commitRunImport: defineChannel(
    'calfcoach:runs:import-commit',
    z.strictObject({
      token: ImportToken,
      rowNumbers: z.array(z.number().int().min(0)).max(50_000),
      /** Rows whose notes from the file the coach left out. */
      withoutNotes: z.array(z.number().int().min(0)).max(50_000).optional(),
      /** Rows whose pain onset, proposed from the athlete's notes, the coach confirmed. */
      painOnsetRows: z.array(z.number().int().min(0)).max(50_000).optional(),
      /** Which rows beyond the ones the preview sent to import as well; none when absent. */
      rowsNotShown: ImportRowsNotShownChoice.optional(),
    }),
    z.strictObject({
      athleteId: z.string(),
      added: z.number().int(),
      /** Selected rows already in the log (same source key): skipped, which makes import idempotent. */
      skippedDuplicates: z.number().int(),
      /** Selected rows that cannot be imported (see the preview's problems). */
      skippedInvalid: z.number().int(),
    }),
    { writes: true },
  ),
  getSquadTriage: defineChannel(
    'calfcoach:squad:triage',
    z.strictObject({ today: IsoDate.optional() }).optional(),
    SquadTriage,
    { writes: false },
  ),
  /** The same board as getSquadTriage (same entries, same order), in fewer bytes: see SquadBoard. */
  getSquadBoard: defineChannel(
    'calfcoach:squad:board',
    z.strictObject({ today: IsoDate.optional() }).optional(),
    SquadBoard,
    { writes: false },
  ),
  exportRunsCsv: defineChannel(
    'calfcoach:runs:export-csv',
    AthleteRef,
    z.strictObject({ path: z.string().nullable(), runs: z.number().int() }),
    { writes: false },
  ),
}
