import { useState } from 'react'
import { saveErrors, type FieldErrors } from './form-issues'

/**
 * A form checked before it is sent: `problems` gives the field messages for a draft (the contract's own
 * schema, plus plain words for unanswered choices). Nothing is sent while there is one; main's own field
 * issues land beside the same fields; a message goes as soon as its field is right.
 */
export function useCheckedForm<D>(initial: () => D, problems: (draft: D) => FieldErrors, formFields: readonly string[]) {
  const [draft, setDraft] = useState<D>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof D>(key: K, value: D[K]) => {
    const next = { ...draft, [key]: value }
    setDraft(next)
    if (Object.keys(errors).length > 0) {
      const now = problems(next)
      setErrors(Object.fromEntries(Object.entries(errors).filter(([f]) => now[f]).map(([f]) => [f, now[f]!])))
    }
  }
  /** Checks the draft, then sends it; resolves once the form has settled either way. */
  const submit = async (send: (draft: D) => Promise<void>) => {
    setFormError(null)
    const local = problems(draft)
    if (Object.keys(local).length > 0) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await send(draft)
      setErrors({})
    } catch (error) {
      const { fields, form } = saveErrors(error, formFields)
      setErrors(fields)
      setFormError(form)
    } finally {
      setSaving(false)
    }
  }
  return { draft, setDraft, set, errors, formError, saving, submit }
}
