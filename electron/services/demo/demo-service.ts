import { DomainError } from '../../../shared/api/result'
import { generateDemoSquad } from '../../../shared/demo/demo-squad'
import type { AppServices } from '../app-services'
import { backupStorageError } from '../backup/backup-service'

/**
 * Fills an empty squad with the generated demo club, every athlete marked `demo: true`. A backup of the
 * (empty) squad comes first, so the coach can always go back to before the demo. Refuses when the squad
 * already has athletes.
 */
export async function loadDemoSquad(app: AppServices): Promise<{ athletes: number }> {
  app.db.assertWritable()
  if (app.db.squad.data.athletes.length > 0) {
    throw new DomainError('conflict', 'The demo squad can only be loaded into an empty squad, so your own athletes are never mixed with made-up ones.')
  }
  await app.db.flush()
  // Loading the demo is an import of generated data: the backup says so.
  await app.db.backups.create('pre-import').catch((error) => {
    throw backupStorageError(error)
  })
  const demo = generateDemoSquad(app.now())
  for (const entry of demo.athletes) {
    const doc = await app.db.createAthleteDoc(entry.athlete.id, entry.athlete.name)
    await doc.replace({
      ...doc.data,
      runs: entry.runs,
      assessments: entry.assessments,
      plans: entry.plans,
      clearances: entry.clearances,
      readinessTests: entry.readinessTests,
    })
  }
  await app.db.squad.mutate((d) => ({
    ...d,
    groups: demo.groups,
    athletes: demo.athletes.map((e) => ({ ...e.athlete, demo: true as const })),
  }))
  return { athletes: demo.athletes.length }
}

/**
 * Removes exactly the demo athletes (and the demo groups no remaining athlete belongs to), after a backup.
 * The coach's own athletes, their files and their groups are not touched.
 */
export async function removeDemoSquad(app: AppServices): Promise<{ removed: number; backupId: string | null }> {
  app.db.assertWritable()
  const demoIds = new Set(app.db.squad.data.athletes.filter((a) => a.demo).map((a) => a.id))
  if (demoIds.size === 0) return { removed: 0, backupId: null }
  const locked = [...demoIds].find((id) => app.db.lockedReasonOf(id))
  if (locked) throw new DomainError('read-only', 'A demo athlete’s file is locked (written by a newer CalfCoach), so the demo squad was left as it is.')
  await app.db.flush()
  const backup = await app.db.backups.create('manual').catch((error) => {
    throw backupStorageError(error)
  })
  await app.db.squad.mutate((d) => {
    const athletes = d.athletes.filter((a) => !demoIds.has(a.id))
    const demoGroupIds = new Set(d.athletes.filter((a) => demoIds.has(a.id)).flatMap((a) => a.groupIds))
    const stillUsed = new Set(athletes.flatMap((a) => a.groupIds))
    return { ...d, athletes, groups: d.groups.filter((g) => !demoGroupIds.has(g.id) || stillUsed.has(g.id)) }
  })
  for (const id of demoIds) if (app.db.hasAthleteDoc(id)) await app.db.removeAthleteDoc(id)
  return { removed: demoIds.size, backupId: backup.id }
}
