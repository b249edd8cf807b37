import { MAX_SEARCH_HITS, type SearchHit } from '../../../shared/api/channels/search'
import { excerptAround, matchesQuery } from '../../../shared/search/find-text'
import type { ServiceContext } from '../context'

/**
 * Run notes, assessment notes and plan names that hold every word of the query, newest first within an athlete,
 * athletes by name. Athletes are read one at a time as a walk (athlete-docs.ts), so a big squad never sits in
 * memory at once; the search stops once it has more hits than it returns.
 */
export async function searchRecords(ctx: ServiceContext, query: string): Promise<{ hits: SearchHit[]; more: boolean }> {
  const hits: SearchHit[] = []
  const athletes = [...ctx.db.squad.data.athletes].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name))
  for (const athlete of athletes) {
    if (hits.length > MAX_SEARCH_HITS) break
    const found = await ctx.db.withAthlete(
      athlete,
      (doc) => {
        const own: SearchHit[] = []
        const hit = (kind: SearchHit['kind'], date: string | null, text: string) =>
          own.push({ athleteId: athlete.id, athleteName: athlete.name, kind, date, excerpt: excerptAround(text, query) })
        for (const run of doc.data.runs) if (run.notes && matchesQuery(run.notes, query)) hit('run-note', run.date, run.notes)
        for (const a of doc.data.assessments) if (a.note && matchesQuery(a.note, query)) hit('assessment-note', a.date, a.note)
        for (const plan of doc.data.plans) if (matchesQuery(plan.label, query)) hit('plan', plan.request.startDate, plan.label)
        return own.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))
      },
      true,
    )
    hits.push(...found)
  }
  return { hits: hits.slice(0, MAX_SEARCH_HITS), more: hits.length > MAX_SEARCH_HITS }
}
