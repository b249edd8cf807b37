import { DomainError } from '../../../shared/api/result'
import { AthleteDraft, type Athlete, type Group, type Settings } from '../../../shared/domain/squad'
import type { ServiceContext } from '../context'
import { newId } from '../context'

type ParsedDraft = ReturnType<typeof AthleteDraft.parse>

function assertGroupsExist(ctx: ServiceContext, groupIds: string[]): void {
  const known = new Set(ctx.db.squad.data.groups.map((g) => g.id))
  const missing = groupIds.filter((id) => !known.has(id))
  if (missing.length) {
    throw new DomainError('invalid-input', 'Unknown group', [{ path: 'groupIds', message: `no group with id ${missing.join(', ')}` }])
  }
}

function assertUniqueName(ctx: ServiceContext, name: string, exceptId?: string): void {
  const clash = ctx.db.squad.data.athletes.find(
    (a) => a.id !== exceptId && a.name.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase(),
  )
  if (clash) {
    throw new DomainError('conflict', 'Name already used', [
      { path: 'name', message: `${clash.name} is already in the squad${clash.archived ? ' (archived)' : ''}; add an initial to tell them apart` },
    ])
  }
}

export function findAthlete(ctx: ServiceContext, id: string): Athlete {
  const athlete = ctx.db.squad.data.athletes.find((a) => a.id === id)
  if (!athlete) throw new DomainError('not-found', `No athlete with id ${id}.`)
  return athlete
}

export async function createAthlete(ctx: ServiceContext, draft: ParsedDraft): Promise<Athlete> {
  ctx.db.assertWritable()
  assertGroupsExist(ctx, draft.groupIds)
  assertUniqueName(ctx, draft.name)
  const now = ctx.now()
  const athlete: Athlete = { id: newId('ath', now), ...draft, archived: false, createdAt: now.toISOString(), updatedAt: now.toISOString() }
  await ctx.db.createAthleteDoc(athlete.id, athlete.name)
  try {
    await ctx.db.squad.mutate((d) => ({ ...d, athletes: [...d.athletes, athlete] }))
  } catch (error) {
    await ctx.db.removeAthleteDoc(athlete.id).catch(() => undefined)
    throw error
  }
  return athlete
}

export async function updateAthlete(ctx: ServiceContext, id: string, draft: ParsedDraft): Promise<Athlete> {
  const current = findAthlete(ctx, id)
  assertGroupsExist(ctx, draft.groupIds)
  assertUniqueName(ctx, draft.name, id)
  const updated: Athlete = { ...current, ...draft, updatedAt: ctx.now().toISOString() }
  // A rename also rewrites the athlete's own record: refuse before touching the index if that record is locked.
  const locked = current.name !== updated.name ? ctx.db.lockedReasonOf(id) : null
  if (locked) throw new DomainError('read-only', locked)
  await ctx.db.squad.mutate((d) => ({ ...d, athletes: d.athletes.map((a) => (a.id === id ? updated : a)) }))
  if (current.name !== updated.name && ctx.db.hasAthleteDoc(id)) {
    await (await ctx.db.athlete(id)).mutate((doc) => ({ ...doc, athleteName: updated.name }))
  }
  return updated
}

export async function setArchived(ctx: ServiceContext, id: string, archived: boolean): Promise<Athlete> {
  const current = findAthlete(ctx, id)
  const updated: Athlete = { ...current, archived, updatedAt: ctx.now().toISOString() }
  await ctx.db.squad.mutate((d) => ({ ...d, athletes: d.athletes.map((a) => (a.id === id ? updated : a)) }))
  return updated
}

/** Deleting is the one irreversible act, so it needs the typed name and always takes a backup first. */
export async function deleteAthlete(ctx: ServiceContext, id: string, confirmName: string): Promise<{ deletedId: string; backupId: string }> {
  const athlete = findAthlete(ctx, id)
  if (confirmName.trim() !== athlete.name.trim()) {
    throw new DomainError('invalid-input', 'Deletion not confirmed', [
      { path: 'confirmName', message: `type the athlete's name exactly (${athlete.name}) to delete` },
    ])
  }
  ctx.db.assertWritable()
  const locked = ctx.db.lockedReasonOf(id)
  if (locked) throw new DomainError('read-only', `${locked} Deleting it is refused too.`)
  await ctx.db.flush()
  const backup = await ctx.db.backups.create('manual')
  await ctx.db.squad.mutate((d) => ({ ...d, athletes: d.athletes.filter((a) => a.id !== id) }))
  if (ctx.db.hasAthleteDoc(id)) await ctx.db.removeAthleteDoc(id)
  return { deletedId: id, backupId: backup.id }
}

export async function createGroup(ctx: ServiceContext, name: string): Promise<Group> {
  const clean = name.trim()
  if (ctx.db.squad.data.groups.some((g) => g.name.toLocaleLowerCase() === clean.toLocaleLowerCase())) {
    throw new DomainError('conflict', 'Group exists', [{ path: 'name', message: `a group called ${clean} already exists` }])
  }
  const group: Group = { id: newId('grp', ctx.now()), name: clean }
  await ctx.db.squad.mutate((d) => ({ ...d, groups: [...d.groups, group] }))
  return group
}

export async function renameGroup(ctx: ServiceContext, group: Group): Promise<Group> {
  if (!ctx.db.squad.data.groups.some((g) => g.id === group.id)) throw new DomainError('not-found', `No group with id ${group.id}.`)
  if (ctx.db.squad.data.groups.some((g) => g.id !== group.id && g.name.toLocaleLowerCase() === group.name.trim().toLocaleLowerCase())) {
    throw new DomainError('conflict', 'Group exists', [{ path: 'name', message: `a group called ${group.name.trim()} already exists` }])
  }
  const renamed = { id: group.id, name: group.name.trim() }
  await ctx.db.squad.mutate((d) => ({ ...d, groups: d.groups.map((g) => (g.id === group.id ? renamed : g)) }))
  return renamed
}

/** Removing a group only removes the label; athletes stay in the squad. */
export async function deleteGroup(ctx: ServiceContext, id: string): Promise<{ deletedId: string }> {
  if (!ctx.db.squad.data.groups.some((g) => g.id === id)) throw new DomainError('not-found', `No group with id ${id}.`)
  await ctx.db.squad.mutate((d) => ({
    ...d,
    groups: d.groups.filter((g) => g.id !== id),
    athletes: d.athletes.map((a) => (a.groupIds.includes(id) ? { ...a, groupIds: a.groupIds.filter((g) => g !== id) } : a)),
  }))
  return { deletedId: id }
}

export async function updateSettings(ctx: ServiceContext, patch: Partial<Settings>): Promise<Settings> {
  await ctx.db.squad.mutate((d) => ({ ...d, settings: { ...d.settings, ...patch } }))
  return ctx.db.squad.data.settings
}
