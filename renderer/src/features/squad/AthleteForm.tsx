import { useState } from 'react'
import type { Athlete, Group } from '../../../../shared/domain/squad'
import { ATHLETE_STATUSES, AthleteDraft } from '../../../../shared/domain/squad'
import { toFieldIssues } from '../../../../shared/api/zod-issues'
import { ApiCallError, call } from '../../api'
import { describedBy, Field } from '../../components/Field'
import { Modal } from '../../components/Modal'

export const STATUS_LABELS: Record<(typeof ATHLETE_STATUSES)[number], string> = {
  running: 'Running normally',
  'modified-training': 'Modified training',
  rehab: 'Rehab / return to run',
  resting: 'Resting (not running)',
}

interface FormState {
  name: string
  sex: '' | 'female' | 'male'
  dateOfBirth: string
  email: string
  phone: string
  groupIds: string[]
  notes: string
  trainingStatus: (typeof ATHLETE_STATUSES)[number]
  /** '' = the computer's time zone. */
  timeZone: string
}

/** Every zone the platform knows, for the time-zone list (computed once). */
let zoneNames: string[] | null = null
function timeZoneNames(): string[] {
  zoneNames ??= Intl.supportedValuesOf('timeZone')
  return zoneNames
}

function initialState(athlete?: Athlete): FormState {
  return {
    name: athlete?.name ?? '',
    sex: athlete?.sex ?? '',
    dateOfBirth: athlete?.dateOfBirth ?? '',
    email: athlete?.email ?? '',
    phone: athlete?.phone ?? '',
    groupIds: athlete?.groupIds ?? [],
    notes: athlete?.notes ?? '',
    trainingStatus: athlete?.trainingStatus ?? 'running',
    timeZone: athlete?.timeZone ?? '',
  }
}

/** Add or edit an athlete. Validates with the same schema main uses, then shows main's verdict too. */
/** The form's problems by field, as the same schema the service uses would report them. */
function draftErrors(form: FormState): Record<string, string> {
  const local = AthleteDraft.safeParse({ ...form, sex: form.sex || undefined, dateOfBirth: form.dateOfBirth || null })
  const map: Record<string, string> = {}
  if (!local.success) for (const issue of toFieldIssues(local.error)) map[issue.path.split('.')[0] ?? ''] ??= issue.message
  return map
}

export function AthleteForm({ athlete, groups, onClose, onSaved }: { athlete?: Athlete; groups: Group[]; onClose(): void; onSaved(a: Athlete): void }) {
  const [form, setForm] = useState<FormState>(() => initialState(athlete))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    const next = { ...form, [key]: value }
    setForm(next)
    // A message goes as soon as its field is valid; fields not yet complained about stay quiet.
    if (Object.keys(errors).length === 0) return
    const now = draftErrors(next)
    const kept = Object.fromEntries(Object.entries(errors).filter(([field]) => now[field]).map(([field]) => [field, now[field]!]))
    setErrors(kept)
    if (Object.keys(kept).length === 0) setFormError(null)
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    const draft = { ...form, sex: form.sex || undefined, dateOfBirth: form.dateOfBirth || null }
    const local = AthleteDraft.safeParse(draft)
    if (!local.success) {
      setErrors(draftErrors(form))
      setFormError('Please fix the highlighted fields. Nothing was saved.')
      return
    }
    setSaving(true)
    try {
      const saved = athlete ? await call('updateAthlete', { id: athlete.id, draft: local.data }) : await call('createAthlete', local.data)
      onSaved(saved)
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length) {
        const map: Record<string, string> = {}
        for (const issue of error.issues) map[issue.path.replace(/^draft\./, '').split('.')[0] ?? ''] ??= issue.message
        setErrors(map)
      }
      setFormError(`${(error as Error).message} Nothing was saved.`)
    } finally {
      setSaving(false)
    }
  }

  const input = (key: 'name' | 'email' | 'phone' | 'dateOfBirth', label: string, type = 'text', hint?: string) => (
    <Field id={`athlete-${key}`} label={label} error={errors[key]} {...(hint ? { hint } : {})}>
      <input
        id={`athlete-${key}`}
        type={type}
        value={form[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(`athlete-${key}`, errors[key], hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  )

  return (
    <Modal title={athlete ? `Edit ${athlete.name}` : 'Add athlete'} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label={athlete ? 'Edit athlete' : 'Add athlete'}>
        {formError && (
          <div className="form-error" role="alert">
            {formError}
          </div>
        )}
        <div className="form-grid">
          {input('name', 'Name')}
          <Field id="athlete-sex" label="Sex (for test norms)" error={errors['sex']}>
            <select id="athlete-sex" value={form.sex} aria-invalid={errors['sex'] ? true : undefined} aria-describedby={describedBy('athlete-sex', errors['sex'])} onChange={(e) => set('sex', e.target.value as FormState['sex'])}>
              <option value="">Choose…</option>
              <option value="female">Female</option>
              <option value="male">Male</option>
            </select>
          </Field>
          {input('dateOfBirth', 'Date of birth', 'date', 'Used to pick age norms for the screening tests')}
          <Field id="athlete-status" label="Current status" error={errors['trainingStatus']}>
            <select id="athlete-status" value={form.trainingStatus} onChange={(e) => set('trainingStatus', e.target.value as FormState['trainingStatus'])}>
              {ATHLETE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="athlete-timezone" label="Time zone" error={errors['timeZone']} hint="Imported runs whose files give only UTC times are dated in this zone">
            <select
              id="athlete-timezone"
              value={form.timeZone}
              aria-invalid={errors['timeZone'] ? true : undefined}
              aria-describedby={describedBy('athlete-timezone', errors['timeZone'], 'hint')}
              onChange={(e) => set('timeZone', e.target.value)}
            >
              <option value="">This computer's ({Intl.DateTimeFormat().resolvedOptions().timeZone})</option>
              {timeZoneNames().map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </Field>
          {input('email', 'Email', 'email')}
          {input('phone', 'Phone', 'tel')}
        </div>
        <fieldset className="groups-fieldset">
          <legend>Groups</legend>
          {groups.length === 0 && <p className="muted">No groups yet: create them from the squad screen.</p>}
          {groups.map((g) => (
            <label key={g.id} className="checkbox">
              <input
                type="checkbox"
                checked={form.groupIds.includes(g.id)}
                onChange={(e) => set('groupIds', e.target.checked ? [...form.groupIds, g.id] : form.groupIds.filter((id) => id !== g.id))}
              />
              {g.name}
            </label>
          ))}
        </fieldset>
        <Field id="athlete-notes" label="Notes" error={errors['notes']}>
          <textarea id="athlete-notes" rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
        </Field>
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : athlete ? 'Save changes' : 'Add athlete'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
