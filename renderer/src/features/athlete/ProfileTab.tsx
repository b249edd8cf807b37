import { useState } from 'react'
import { ageOn } from '../../../../shared/dates'
import { ApiCallError, call } from '../../api'
import { useAppData } from '../../app-data'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { useToast } from '../../components/Toasts'
import { navigate } from '../../route'
import { AthleteForm, STATUS_LABELS } from '../squad/AthleteForm'
import { RecordAuthor } from './record-authors'
import type { AthleteTabProps } from './tabs'

export function ProfileTab({ athlete, groups }: AthleteTabProps) {
  const { refresh } = useAppData()
  const notify = useToast()
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [confirmName, setConfirmName] = useState('')
  const [deleteError, setDeleteError] = useState<string | undefined>()
  const groupNames = athlete.groupIds.map((id) => groups.find((g) => g.id === id)?.name).filter(Boolean)
  const today = new Date().toISOString().slice(0, 10)
  return (
    <div className="profile">
      <dl className="facts">
        <dt>Sex</dt>
        <dd>{athlete.sex === 'female' ? 'Female' : 'Male'}</dd>
        <dt>Age</dt>
        <dd>{athlete.dateOfBirth ? `${ageOn(athlete.dateOfBirth, today)} (born ${athlete.dateOfBirth})` : 'Not recorded'}</dd>
        {/* The coach's own note on training; the clinical status is the header above every tab. */}
        <dt>Training (coach’s note)</dt>
        <dd>{STATUS_LABELS[athlete.trainingStatus]}</dd>
        <dt>Time zone</dt>
        <dd>{athlete.timeZone ? athlete.timeZone.replace(/_/g, ' ') : "This computer's"}</dd>
        <dt>Groups</dt>
        <dd>{groupNames.join(', ') || 'None'}</dd>
        <dt>Contact</dt>
        <dd>{[athlete.email, athlete.phone].filter(Boolean).join(' · ') || 'Not recorded'}</dd>
        <dt>Notes</dt>
        <dd className="pre">{athlete.notes || '—'}</dd>
      </dl>
      <p>
        <RecordAuthor id={athlete.id} />
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setEditing(true)}>
          Edit profile
        </button>
        <button
          type="button"
          onClick={async () => {
            const archived = !athlete.archived
            await call('setAthleteArchived', { id: athlete.id, archived })
            await refresh()
            notify({
              text: archived ? `Archived ${athlete.name}.` : `Brought ${athlete.name} back from the archive.`,
              undo: async () => {
                await call('setAthleteArchived', { id: athlete.id, archived: !archived })
                await refresh()
              },
            })
          }}
        >
          {athlete.archived ? 'Restore from archive' : 'Archive'}
        </button>
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          Delete…
        </button>
      </div>
      {editing && (
        <AthleteForm
          athlete={athlete}
          groups={groups}
          onClose={() => setEditing(false)}
          onSaved={async (saved) => {
            setEditing(false)
            await refresh()
            notify({ text: `Saved ${saved.name}’s profile.` })
          }}
        />
      )}
      {deleting && (
        <Modal title={`Delete ${athlete.name}?`} onClose={() => setDeleting(false)}>
          <p>
            This removes {athlete.name} and every run, assessment and plan from the squad. A backup is taken first, so it can be undone from
            Settings → Backups. Archiving is usually the better choice.
          </p>
          <form
            onSubmit={async (e) => {
              e.preventDefault()
              try {
                await call('deleteAthlete', { id: athlete.id, confirmName })
                await refresh()
                notify({ text: `Deleted ${athlete.name}. The backup taken just before is in Settings → Backups.` })
                navigate({ name: 'squad' })
              } catch (error) {
                setDeleteError(error instanceof ApiCallError ? (error.fieldMessage('confirmName') ?? error.message) : (error as Error).message)
              }
            }}
          >
            <Field id="confirm-name" label={`Type ${athlete.name} to confirm`} error={deleteError}>
              <input id="confirm-name" value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
            </Field>
            <div className="actions">
              <button type="button" onClick={() => setDeleting(false)}>
                Cancel
              </button>
              <button type="submit" className="danger">
                Delete permanently
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  )
}
