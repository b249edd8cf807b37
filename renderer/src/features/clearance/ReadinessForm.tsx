import { RecordReadinessTestInput } from '../../../../shared/api/channels/clinical'
import { READINESS_RULES } from '../../../../shared/clinical/readiness'
import { call } from '../../api'
import { describedBy, Field } from '../../components/Field'
import { FormError } from '../../components/FormError'
import { todayIso } from '../../dates'
import { readNumber } from '../log/run-form'
import { draftErrors, type FieldErrors } from './form-issues'
import { useCheckedForm } from './use-checked-form'

interface Draft {
  date: string
  walk: '' | 'yes' | 'no'
  hops: string
  hopPain: string
  left: string
  right: string
  heelRaisePain: string
}

const EMPTY: Omit<Draft, 'date'> = { walk: '', hops: '', hopPain: '', left: '', right: '', heelRaisePain: '' }
const FORM_FIELDS = ['date', 'walk30MinPainFree', 'singleLegHops', 'hopPain', 'singleLegHeelRaises.left', 'singleLegHeelRaises.right', 'heelRaisePain'] as const

/** A typed number, an unreadable one as text (so the schema names the field), or nothing. */
function numberOrText(text: string): number | string | undefined {
  const n = readNumber(text)
  return n === null ? undefined : Number.isNaN(n) ? text : n
}

function request(athleteId: string, d: Draft) {
  const heelRaisePain = numberOrText(d.heelRaisePain)
  return {
    athleteId,
    date: d.date,
    walk30MinPainFree: d.walk === 'yes',
    singleLegHops: numberOrText(d.hops),
    hopPain: numberOrText(d.hopPain),
    singleLegHeelRaises: { left: numberOrText(d.left), right: numberOrText(d.right) },
    ...(heelRaisePain === undefined ? {} : { heelRaisePain }),
  }
}

function problems(athleteId: string, d: Draft): FieldErrors {
  const errors = draftErrors(RecordReadinessTestInput, request(athleteId, d))
  if (!d.walk) errors['walk30MinPainFree'] = 'say whether the walk was pain-free'
  if (d.date > todayIso()) errors['date'] ??= 'the date cannot be in the future'
  return errors
}

/**
 * The readiness tests before the first run after a stop-running referral was cleared (reference C5). The
 * form only collects what was measured; main judges each test (judgeReadiness) and the list shows its verdict.
 */
export function ReadinessForm({ athleteId, clearedOn, locked, onSaved }: { athleteId: string; clearedOn: string; locked: boolean; onSaved(message: string): Promise<void> }) {
  const { draft, setDraft, set, errors, formError, saving, submit } = useCheckedForm<Draft>(
    () => ({ date: todayIso(), ...EMPTY }),
    (d) => problems(athleteId, d),
    FORM_FIELDS,
  )
  const send = async (d: Draft) => {
    const saved = await call('recordReadinessTest', RecordReadinessTestInput.parse(request(athleteId, d)))
    setDraft({ date: todayIso(), ...EMPTY })
    await onSaved(saved.result.passed ? 'Readiness test recorded: every check passed.' : 'Readiness test recorded: not every check passed yet.')
  }

  const err = (field: string) => errors[field]
  const numberField = (key: 'hops' | 'hopPain' | 'left' | 'right' | 'heelRaisePain', path: string, label: string, hint?: string) => {
    const id = `readiness-${key}`
    return (
      <Field id={id} label={label} error={err(path)} {...(hint ? { hint } : {})}>
        <input
          id={id}
          inputMode="numeric"
          value={draft[key]}
          aria-invalid={err(path) ? true : undefined}
          aria-describedby={describedBy(id, err(path), hint)}
          onChange={(e) => set(key, e.target.value)}
        />
      </Field>
    )
  }
  return (
    <form className="readiness-form" aria-label="Record readiness test" noValidate onSubmit={(e) => {
        e.preventDefault()
        void submit(send)
      }}>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="readiness-date" label="Date of the test" error={err('date')}>
          <input
            id="readiness-date"
            type="date"
            value={draft.date}
            min={clearedOn}
            max={todayIso()}
            aria-invalid={err('date') ? true : undefined}
            aria-describedby={describedBy('readiness-date', err('date'))}
            onChange={(e) => set('date', e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="clearance-outcome" aria-describedby={err('walk30MinPainFree') ? 'readiness-walk-error' : undefined}>
        <legend>Brisk walk of {READINESS_RULES.walkMinutes} minutes without pain?</legend>
        <label className="checkbox">
          <input type="radio" name="readiness-walk" checked={draft.walk === 'yes'} onChange={() => set('walk', 'yes')} /> Yes, no pain
        </label>
        <label className="checkbox">
          <input type="radio" name="readiness-walk" checked={draft.walk === 'no'} onChange={() => set('walk', 'no')} /> No
        </label>
        {err('walk30MinPainFree') && (
          <div className="error" id="readiness-walk-error" role="alert">
            {err('walk30MinPainFree')}
          </div>
        )}
      </fieldset>
      <div className="form-grid">
        {numberField('hops', 'singleLegHops', 'Single-leg hops on the affected leg')}
        {numberField('hopPain', 'hopPain', 'Worst pain during the hops (0–10)')}
        {numberField('left', 'singleLegHeelRaises.left', 'Single-leg heel raises, left')}
        {numberField('right', 'singleLegHeelRaises.right', 'Single-leg heel raises, right')}
        {numberField('heelRaisePain', 'heelRaisePain', 'Worst pain during the heel raises (0–10)', 'Optional.')}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving || locked}>
          {saving ? 'Saving…' : 'Save readiness test'}
        </button>
      </div>
    </form>
  )
}
