import { useState } from 'react'
import type { Group } from '../../../../shared/domain/squad'
import { ApiCallError, call } from '../../api'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'

/** Create, rename and remove training groups (removing a group never removes athletes). */
export function GroupManager({ groups, onClose, onChanged }: { groups: Group[]; onClose(): void; onChanged(): Promise<void> }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [renaming, setRenaming] = useState<Record<string, string>>({})

  async function run(action: () => Promise<unknown>) {
    try {
      await action()
      setError(undefined)
      await onChanged()
      return true
    } catch (e) {
      setError(e instanceof ApiCallError ? (e.fieldMessage('name') ?? e.message) : (e as Error).message)
      return false
    }
  }

  return (
    <Modal title="Training groups" onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          if (await run(() => call('createGroup', { name }))) setName('')
        }}
        aria-label="New group"
      >
        <Field id="group-name" label="New group name" error={error}>
          <input id="group-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Tuesday intervals" />
        </Field>
        <button type="submit" className="primary">
          Create group
        </button>
      </form>
      <ul className="group-list">
        {groups.map((g) => (
          <li key={g.id}>
            <label className="sr-only" htmlFor={`rename-${g.id}`}>
              Name of group {g.name}
            </label>
            <input id={`rename-${g.id}`} value={renaming[g.id] ?? g.name} onChange={(e) => setRenaming((r) => ({ ...r, [g.id]: e.target.value }))} />
            <button type="button" disabled={(renaming[g.id] ?? g.name) === g.name} onClick={() => run(() => call('renameGroup', { id: g.id, name: renaming[g.id] ?? g.name }))}>
              Rename
            </button>
            <button type="button" className="danger" onClick={() => run(() => call('deleteGroup', { id: g.id }))} aria-label={`Remove group ${g.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  )
}
