import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { RecordAuthorship, ShareStatus } from '../../../shared/api/channels/share'
import { DomainError } from '../../../shared/api/result'
import type { AppServices } from '../app-services'
import { ClubDocumentAdapter } from '../store/club/club-adapter'
import { ClubFolder } from '../store/club/club-folder'
import { HybridClock } from '../store/club/hlc'
import type { Envelope } from '../store/club/records'
import { clubAthleteDoc, clubSquadDoc } from '../store/club/club-load'
import { writeShareConfig } from '../store/club/share-config'

export async function shareStatus(app: AppServices): Promise<ShareStatus> {
  const club = app.db.club
  if (!club || !app.share) return { mode: 'single', clubFolder: null, installName: null, installations: [] }
  const installations = (await club.installations()).map((i) => ({
    installId: i.installId,
    name: i.info?.name ?? `Unnamed installation ${i.installId}`,
    lastWriteAt: i.lastWriteAt,
    thisComputer: i.installId === club.installId,
  }))
  return { mode: 'club', clubFolder: club.root, installName: app.share.installName, installations }
}

/**
 * Starts sharing: takes a backup, then COPIES this squad into the club folder as this installation's
 * records (the single-coach files stay exactly as they are, so stopping sharing gets them back), and
 * reopens from the club folder. Joining a folder other coaches already use merges the two squads.
 */
export async function shareSquad(app: AppServices, folder: string, installName: string): Promise<ShareStatus> {
  if (app.share) throw new DomainError('conflict', `This computer already shares its squad through ${app.share.clubFolder}. Stop sharing first to choose another folder.`)
  const root = path.resolve(folder)
  if (root === path.resolve(app.db.dataDir) || root.startsWith(path.resolve(app.db.dataDir) + path.sep)) {
    throw new DomainError('invalid-input', 'Choose a club folder outside CalfCoach’s own data folder.', [{ path: 'folder', message: 'must be outside the data folder' }])
  }
  app.db.assertWritable()
  await app.db.flush()
  const backup = await app.db.backups.create('manual')
  const installId = `ins-${randomBytes(6).toString('hex')}`
  const club = new ClubFolder(root, installId, app.db.ops, () => app.now().getTime())
  try {
    await club.writeInstallation({ installId, name: installName, createdAt: app.now().toISOString() })
    const squad = clubSquadDoc(club)
    await squad.reload()
    await (squad.adapter as ClubDocumentAdapter<typeof app.db.squad.data>).contribute(app.db.squad.data)
    await app.db.forEachAthlete(async (doc) => {
      if (doc.lockedReason) return
      const target = clubAthleteDoc(club, doc.data.athleteId, doc.data.athleteName)
      await target.reload()
      await (target.adapter as ClubDocumentAdapter<typeof doc.data>).contribute(doc.data)
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('storage', `The club folder ${root} could not be written (${code}). Your squad was not changed.`)
  }
  await writeShareConfig(app.db.dataDir, app.db.ops, { formatVersion: 1, clubFolder: root, installId, installName })
  await app.reopen()
  app.db.addNotice('info', 'Squad shared', `Your squad was copied into the club folder ${root} (backup ${backup.id} was taken first). Other coaches who choose the same synced folder will see it.`)
  return shareStatus(app)
}

export async function renameInstallation(app: AppServices, installName: string): Promise<ShareStatus> {
  const club = app.db.club
  if (!club || !app.share) throw new DomainError('conflict', 'This computer does not share its squad yet.')
  await club.writeInstallation({ installId: club.installId, name: installName, createdAt: app.now().toISOString() })
  await writeShareConfig(app.db.dataDir, app.db.ops, { ...app.share, installName })
  app.share = { ...app.share, installName }
  return shareStatus(app)
}

export async function stopSharing(app: AppServices): Promise<ShareStatus> {
  if (!app.share) return shareStatus(app)
  await app.db.flush()
  await writeShareConfig(app.db.dataDir, app.db.ops, null)
  await app.reopen()
  return shareStatus(app)
}

/** Who created and last changed each record of an athlete (in a club folder; empty otherwise). */
export async function recordAuthors(app: AppServices, athleteId: string): Promise<{ records: RecordAuthorship[] }> {
  const club = app.db.club
  if (!club) return { records: [] }
  const adapter = (await app.db.athlete(athleteId)).adapter
  if (!(adapter instanceof ClubDocumentAdapter)) return { records: [] }
  const names = new Map((await club.installations()).map((i) => [i.installId, i.info?.name ?? i.installId]))
  const at = (hlc: string) => HybridClock.timeOf(hlc)?.toISOString() ?? null
  const records: RecordAuthorship[] = []
  const add = (id: string, env: Envelope) =>
    records.push({ id, createdBy: names.get(env.created.by) ?? env.created.by, createdAt: at(env.created.hlc), changedBy: names.get(env.by) ?? env.by, changedAt: at(env.hlc) })
  for (const [key, env] of Object.entries(adapter.records)) {
    const m = /^c:[A-Za-z]+\/(.+)$/.exec(key)
    if (m && !env.deleted) add(m[1]!, env)
  }
  // The profile is the athlete's entry in the squad index; it is listed under the athlete's own id.
  const squad = app.db.squad.adapter
  const profile = squad instanceof ClubDocumentAdapter ? squad.records[`c:athletes/${athleteId}`] : undefined
  if (profile && !profile.deleted) add(athleteId, profile)
  return { records }
}
