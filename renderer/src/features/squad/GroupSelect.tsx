import type { Group } from '../../../../shared/domain/squad'

/** Picks one training group, or none (`noneLabel`, value ""): the group filter on the squad-wide screens. */
export function GroupSelect({ id, groups, value, noneLabel, onChange }: { id: string; groups: readonly Group[]; value: string; noneLabel: string; onChange(groupId: string): void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{noneLabel}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  )
}
