import { DomainError } from '../../../shared/api/result'
import { generateDemoSquad } from '../../../shared/demo/demo-squad'
import type { AppServices } from '../app-services'

/** Fills an empty squad with the generated demo club. Refuses when the squad already has athletes. */
export async function loadDemoSquad(app: AppServices): Promise<{ athletes: number }> {
  app.db.assertWritable()
  if (app.db.squad.data.athletes.length > 0) {
    throw new DomainError('conflict', 'The demo squad can only be loaded into an empty squad, so your own athletes are never mixed with made-up ones.')
  }
  const demo = generateDemoSquad(app.now())
  for (const entry of demo.athletes) {
    const doc = await app.db.createAthleteDoc(entry.athlete.id, entry.athlete.name)
    await doc.replace({ ...doc.data, runs: entry.runs, assessments: entry.assessments, plans: entry.plans })
  }
  await app.db.squad.mutate((d) => ({
    ...d,
    groups: demo.groups,
    athletes: demo.athletes.map((e) => e.athlete),
  }))
  return { athletes: demo.athletes.length }
}
