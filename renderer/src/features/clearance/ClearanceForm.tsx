import { RecordClearanceInput } from '../../../../shared/api/channels/clinical'
import type { ReferralId } from '../../../../shared/assessment/schema'
import type { ClearanceOutcome, ClearedByRole } from '../../../../shared/clinical/clearance'
import { call } from '../../api'
import { describedBy, Field } from '../../components/Field'
import { FormError } from '../../components/FormError'
import { todayIso } from '../../dates'
import { draftErrors, type FieldErrors } from './form-issues'
import { OUTCOME_LABEL, ROLE_LABEL } from './labels'
import { useCheckedForm } from './use-checked-form'

interface Draft {
  date: string
  role: ClearedByRole | ''
  name: string
  outcome: ClearanceOutcome | ''
  restrictions: string
}

const FORM_FIELDS = ['date', 'clearedBy.role', 'clearedBy.name', 'outcome', 'restrictions'] as const

/** Who and what the contract needs; the two choices get a plain message before the schema's own. */
function problems(athleteId: string, referralId: ReferralId, d: Draft): FieldErrors {
  const request = {
    athleteId,
    referralId,
    date: d.date,
    clearedBy: { role: d.role || 'other', name: d.name },
    outcome: d.outcome || 'cleared',
    ...(d.restrictions.trim() ? { restrictions: d.restrictions } : {}),
  }
  const errors = draftErrors(RecordClearanceInput, request)
  if (!d.role) errors['clearedBy.role'] = 'choose who saw the runner'
  if (!d.outcome) errors['outcome'] = 'choose what the clinician decided'
  if (d.date > todayIso()) errors['date'] ??= 'the date cannot be in the future'
  return errors
}

/**
 * Records the clearance of one open referral: the date the clinician saw the runner, who they were, what
 * they decided and any restrictions. Nothing is sent while a field is wrong; main checks again and its
 * messages land beside the same fields.
 */
export function ClearanceForm({ athleteId, referralId, referralTitle, since, onSaved, onCancel }: {
  athleteId: string
  referralId: ReferralId
  referralTitle: string
  since: string
  onSaved(): Promise<void>
  onCancel(): void
}) {
  const { draft, set, errors, formError, saving, submit } = useCheckedForm<Draft>(
    () => ({ date: todayIso(), role: '', name: '', outcome: '', restrictions: '' }),
    (d) => problems(athleteId, referralId, d),
    FORM_FIELDS,
  )
  const id = (field: string) => `clr-${referralId}-${field}`
  const send = async (d: Draft) => {
    await call('recordClearance', {
      athleteId,
      referralId,
      date: d.date,
      clearedBy: { role: d.role as ClearedByRole, name: d.name },
      outcome: d.outcome as ClearanceOutcome,
      ...(d.restrictions.trim() ? { restrictions: d.restrictions } : {}),
    })
    await onSaved()
  }

  const err = (field: string) => errors[field]
  return (
    <form className="clearance-form" aria-label={`Record clearance: ${referralTitle}`} noValidate onSubmit={(e) => {
        e.preventDefault()
        void submit(send)
      }}>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id={id('date')} label="Date the clinician saw the runner" error={err('date')}>
          <input
            id={id('date')}
            type="date"
            value={draft.date}
            min={since}
            max={todayIso()}
            aria-invalid={err('date') ? true : undefined}
            aria-describedby={describedBy(id('date'), err('date'))}
            onChange={(e) => set('date', e.target.value)}
          />
        </Field>
        <Field id={id('role')} label="Cleared by" error={err('clearedBy.role')}>
          <select
            id={id('role')}
            value={draft.role}
            aria-invalid={err('clearedBy.role') ? true : undefined}
            aria-describedby={describedBy(id('role'), err('clearedBy.role'))}
            onChange={(e) => set('role', e.target.value as Draft['role'])}
          >
            <option value="">Choose…</option>
            {(Object.keys(ROLE_LABEL) as ClearedByRole[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('name')} label="Clinician’s name" error={err('clearedBy.name')}>
          <input
            id={id('name')}
            value={draft.name}
            maxLength={120}
            aria-invalid={err('clearedBy.name') ? true : undefined}
            aria-describedby={describedBy(id('name'), err('clearedBy.name'))}
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="clearance-outcome" aria-describedby={err('outcome') ? id('outcome-error') : undefined}>
        <legend>Outcome</legend>
        {(Object.keys(OUTCOME_LABEL) as ClearanceOutcome[]).map((o) => (
          <label key={o} className="checkbox">
            <input type="radio" name={id('outcome')} value={o} checked={draft.outcome === o} onChange={() => set('outcome', o)} /> {OUTCOME_LABEL[o]}
          </label>
        ))}
        {err('outcome') && (
          <div className="error" id={id('outcome-error')} role="alert">
            {err('outcome')}
          </div>
        )}
      </fieldset>
      <Field
        id={id('restrictions')}
        label="Restrictions or advice from the clinician"
        error={err('restrictions')}
        hint={draft.outcome === 'cleared-with-restrictions' ? 'Needed: write down what the clinician said not to do.' : 'Optional.'}
      >
        <textarea
          id={id('restrictions')}
          rows={2}
          value={draft.restrictions}
          maxLength={2000}
          aria-invalid={err('restrictions') ? true : undefined}
          aria-describedby={describedBy(id('restrictions'), err('restrictions'), 'hint')}
          onChange={(e) => set('restrictions', e.target.value)}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save clearance'}
        </button>
        <button type="button" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
