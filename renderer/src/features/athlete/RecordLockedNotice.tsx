import type { AthleteRecord } from '../../../../shared/api/channels/runs'

/** Says why an athlete's record cannot be changed, at the top of a tab that edits it; nothing while it can. */
export function RecordLockedNotice({ record }: { record: Pick<AthleteRecord, 'locked' | 'lockedReason'> }) {
  if (!record.locked) return null
  return (
    <p className="notice notice-error" role="alert">
      This record is locked and cannot be changed: {record.lockedReason}
    </p>
  )
}
