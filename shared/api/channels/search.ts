import { z } from 'zod'
import { EntityId, IsoDate } from '../../domain/common'
import { defineChannel } from '../define'

// Find anything (issue 13 point 9): run notes, assessment notes and plan names across the squad. Channel names
// are frozen.

export const SearchHit = z.strictObject({
  athleteId: EntityId,
  athleteName: z.string(),
  kind: z.enum(['run-note', 'assessment-note', 'plan']),
  /** The run's or assessment's date, or the plan's start; null when unknown. */
  date: IsoDate.nullable(),
  /** The words around the match, at most about 120 characters. */
  excerpt: z.string(),
})
export type SearchHit = z.infer<typeof SearchHit>

/** Most hits one search returns: enough to choose from by keyboard. */
export const MAX_SEARCH_HITS = 30

export const searchChannels = {
  searchRecords: defineChannel(
    'calfcoach:search:records',
    z.strictObject({ query: z.string().trim().min(2, 'type at least 2 letters').max(100, 'at most 100 characters') }),
    z.strictObject({ hits: z.array(SearchHit), more: z.boolean() }),
    { writes: false },
  ),
}
