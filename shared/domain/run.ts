import { z } from 'zod'
import { isIsoDate } from '../dates'
import { boundedText, EntityId, IsoDate, PainScore } from './common'
import { latestRunDate, MIN_RUN_KM, ONSET_BEYOND_RUN, RUN_DATE_TOO_LATE, RUN_TOO_SHORT, unsafeTextReason } from './input-guards'

/** The longest note a run may carry. */
export const RUN_NOTES_MAX = 2000

// Stored in SI units (km, seconds) whatever the coach's display setting; conversion happens at the edges.
export const RunInput = z.strictObject({
  date: IsoDate,
  distanceKm: z.number().finite().gt(0, 'must be more than 0 km').max(400, 'must be at most 400 km'),
  durationSec: z.number().finite().int().positive().max(7 * 86_400).nullable().optional(),
  painDuring: PainScore.nullable().optional(),
  painAfter: PainScore.nullable().optional(),
  painNextMorning: PainScore.nullable().optional(),
  /** Distance into the run when pain began; null/absent when there was none. */
  painOnsetKm: z.number().finite().min(0).max(400).nullable().optional(),
  /** Minutes into the run when pain began, for coaches who log by time. */
  painOnsetMinutes: z.number().finite().min(0).max(7 * 24 * 60).nullable().optional(),
  performancePercent: z.number().finite().min(0).max(150).nullable().optional(),
  surface: boundedText('surface', 80).optional(),
  shoes: boundedText('shoes', 80).optional(),
  notes: boundedText('notes', RUN_NOTES_MAX).optional(),
  /** Where the run came from: a stable key for imported activities makes imports idempotent. */
  source: z
    .strictObject({ kind: z.enum(['manual', 'fit', 'gpx', 'csv', 'demo']), key: boundedText('source key', 200).optional() })
    .optional(),
})
export type RunInput = z.infer<typeof RunInput>

/**
 * A run as it arrives from the coach or over IPC (add, update): RunInput plus the input guards, each
 * with a field message. Stored runs (Run) keep RunInput's rules so old records always load.
 */
export const RunEntry = RunInput.superRefine((run, ctx) => {
  // Each guard speaks only where RunInput's own rules passed, so a field gets one message, not two.
  const distanceValid = Number.isFinite(run.distanceKm) && run.distanceKm > 0
  if (distanceValid && run.distanceKm < MIN_RUN_KM) ctx.addIssue({ code: 'custom', path: ['distanceKm'], message: RUN_TOO_SHORT })
  if (isIsoDate(run.date) && run.date > latestRunDate()) ctx.addIssue({ code: 'custom', path: ['date'], message: RUN_DATE_TOO_LATE })
  const onset = run.painOnsetKm
  if (distanceValid && typeof onset === 'number' && onset >= 0 && onset <= 400 && onset > run.distanceKm) {
    ctx.addIssue({ code: 'custom', path: ['painOnsetKm'], message: ONSET_BEYOND_RUN })
  }
  for (const key of ['notes', 'surface', 'shoes'] as const) {
    const text = run[key]
    const reason = text === undefined ? null : unsafeTextReason(text, key === 'notes')
    if (reason) ctx.addIssue({ code: 'custom', path: [key], message: reason })
  }
})

export const Run = RunInput.extend({
  id: EntityId,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Run = z.infer<typeof Run>
