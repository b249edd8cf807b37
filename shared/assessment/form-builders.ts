// Small builders shared by the assessment form's section files.

import type { FieldPath } from './schema'
import type { FormField, FormOption } from './form-types'

/** A yes/no question; red-flag questions are marked so the screen can count them. */
export const yesNo = (path: FieldPath, label: string, help: string, redFlag = false): FormField => ({
  path,
  label,
  kind: 'boolean',
  help,
  ...(redFlag ? { redFlag } : {}),
})

export const POS_NEG_OPTIONS: readonly FormOption[] = [
  { value: 'negative', label: 'Negative' },
  { value: 'positive', label: 'Positive' },
]
