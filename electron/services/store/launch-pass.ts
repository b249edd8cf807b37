import type { Notice } from '../../../shared/api/channels/squad'
import type { BackupStore } from './backups'
import { type SummarySource, summariseLoaded } from './board-summaries'
import type { Migrated } from './single-coach-load'
import type { WriteCoordinator } from './write-coordinator'

/** What the launch pass needs from the Database (kept narrow so the two can change apart). */
export interface LaunchPassStore extends SummarySource {
  /** Loads one athlete listed in the index into memory (the shared load, see athlete-docs.ts). */
  ensureAthlete(id: string, name: string): Promise<void>
}

/** What writing back the documents read in an older format needs from the Database. */
export interface MigrationTarget {
  readonly coordinator: WriteCoordinator
  readonly backups: BackupStore
  readonly readOnlyReason: string | null
  addNotice(level: Notice['level'], title: string, detail: string): void
}

/** Athlete files the launch pass reads at once, at most: each read holds one record in memory. */
const READS_AT_ONCE = 8

/**
 * The launch pass over every athlete in the index (a few at a time): reads each file, so a damaged,
 * missing, older or newer one is found, recovered, migrated or locked, and its notice shown, as soon as
 * the folder opens. A squad bigger than the athlete cache (`capacity`) skips every athlete whose summary
 * is still the file's (the app wrote or read that very file, so there is nothing to find) and summarises
 * the ones it reads, so the board need not read them again; athletes it reads leave memory first,
 * keeping it flat.
 */
export async function checkEveryAthlete(store: LaunchPassStore, capacity: number): Promise<void> {
  const big = store.squad.data.athletes.length > capacity
  const queue = [...store.squad.data.athletes]
  const worker = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      if (!big) {
        await store.ensureAthlete(a.id, a.name)
        continue
      }
      const athlete = a
      if (await store.summaryCache.current(athlete.id, () => store.athleteRevision(athlete.id))) continue
      await store.withAthlete(athlete, (doc) => summariseLoaded(store, athlete, doc), true)
    }
  }
  // No more at once than the cache holds: a lone pass never takes memory past its bound.
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, capacity) }, worker))
}

/**
 * Writes back the documents the launch pass read in an older format, after a backup, alone: a save
 * queued meanwhile (index-only calls answer before athletes load) lands after the upgrade, on upgraded
 * data. `release(id)` lets an upgraded athlete leave memory again (its file now holds what memory holds).
 */
export async function writeMigrated(db: MigrationTarget, migrated: readonly Migrated[], release: (athleteId: string) => void): Promise<void> {
  if (!migrated.length || db.readOnlyReason) return
  await db.coordinator.exclusive(async () => {
    const backup = await db.backups.create('pre-migration')
    for (const doc of migrated) await doc.mutate((current) => current)
    for (const doc of migrated) if ('athleteId' in doc.data) release(String(doc.data.athleteId))
    db.addNotice('info', 'Data upgraded', `${migrated.length} file(s) were upgraded to the current format after backup ${backup.id}.`)
  })
}
